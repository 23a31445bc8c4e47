#pragma once
// Save dialog of an edit session: what changed, the QA findings of the working state (errors
// mean the store will refuse the commit; warnings are accepted with the reason) and the edit
// reason, which is required. GUI thread only.

#include <QDialog>
#include <optional>
#include <string>

#include "redline/qa/QaReport.hpp"

class QLineEdit;
class QPushButton;

namespace redline
{

class EditSession;

class SaveDialog : public QDialog
{
    Q_OBJECT
  public:
    SaveDialog(QWidget* parent, const QaReport& qa, const EditSession& session);
    [[nodiscard]] std::string reason() const;

    // The reason (never empty), or nullopt when cancelled.
    static std::optional<std::string> ask(QWidget* parent, const QaReport& qa,
                                          const EditSession& session);

  private:
    QLineEdit* m_reason = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace redline
