#pragma once
// Attribute form of one zoning feature: a combo box for each field with a domain (DESIGN A1), a
// line edit for the others; the problems found by attributeProblems() are listed live and OK
// stays disabled until there are none. Values keep their type (integers and reals are parsed
// back). GUI thread only.

#include <QDialog>
#include <optional>
#include <string>
#include <vector>

#include "redline/data/Attributes.hpp"

class QLabel;
class QPushButton;
class QWidget;

namespace redline
{

class AttributeForm : public QDialog
{
    Q_OBJECT
  public:
    AttributeForm(QWidget* parent, const QString& layer, std::string kind, std::string idField,
                  const Attributes& current);

    [[nodiscard]] Attributes values() const;
    [[nodiscard]] std::vector<std::string> problems() const;
    // Sets a field's text in the form (tests).
    void setText(const std::string& field, const QString& text);

    // The edited attributes, or nullopt when cancelled.
    static std::optional<Attributes> ask(QWidget* parent, const QString& layer,
                                         const std::string& kind, const std::string& idField,
                                         const Attributes& current);

  private:
    void revalidate();
    [[nodiscard]] QString textOf(std::size_t i) const;

    struct Field
    {
        std::string name;
        AttributeValue original;
        QWidget* editor = nullptr; // QComboBox (domain) or QLineEdit
    };
    std::string m_kind;
    std::string m_idField;
    std::vector<Field> m_fields;
    QLabel* m_problems = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace redline
