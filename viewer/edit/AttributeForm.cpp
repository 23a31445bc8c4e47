#include "edit/AttributeForm.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/PlannerTerms.hpp"
#include "edit/AttributeDomains.hpp"

namespace redline
{

AttributeForm::AttributeForm(QWidget* parent, const QString& layer, std::string kind,
                             std::string idField, const Attributes& current)
    : QDialog(parent), m_kind(std::move(kind)), m_idField(std::move(idField))
{
    setWindowTitle(QStringLiteral("属性 — ") + layerTitle(m_kind, layer.toStdString()));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    for (const auto& [name, value] : current.items())
    {
        Field f{name, value, nullptr};
        const QString text = QString::fromStdString(toText(value));
        const std::vector<std::string> domain = attributeDomain(m_kind, name);
        if (!domain.empty())
        {
            // Coded values shown in Chinese (水源涵养), the code kept as the item's data.
            auto* combo = new QComboBox(this);
            for (const std::string& v : domain)
            {
                const QString code = QString::fromStdString(v);
                const QString zh = fieldValueText(m_kind, name, v);
                combo->addItem(zh == code || code.isEmpty()
                                   ? code
                                   : zh + QStringLiteral("（") + code + QStringLiteral("）"),
                               code);
            }
            if (combo->findData(text) < 0)
                combo->addItem(text, text); // shown so that the problem can be seen and fixed
            combo->setCurrentIndex(combo->findData(text));
            connect(combo, &QComboBox::currentIndexChanged, this, &AttributeForm::revalidate);
            f.editor = combo;
        }
        else
        {
            auto* edit = new QLineEdit(text, this);
            connect(edit, &QLineEdit::textChanged, this, &AttributeForm::revalidate);
            f.editor = edit;
        }
        f.editor->setObjectName(QString::fromStdString(name));
        f.editor->setToolTip(QString::fromStdString(name));
        form->addRow(fieldTitle(m_kind, name), f.editor);
        m_fields.push_back(std::move(f));
    }
    layout->addLayout(form);
    m_problems = new QLabel(this);
    m_problems->setStyleSheet(QStringLiteral("color: #c00000"));
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    revalidate();
}

QString AttributeForm::textOf(std::size_t i) const
{
    if (auto* combo = qobject_cast<QComboBox*>(m_fields[i].editor))
        return combo->currentData().toString();
    return static_cast<QLineEdit*>(m_fields[i].editor)->text();
}

void AttributeForm::setText(const std::string& field, const QString& text)
{
    for (const Field& f : m_fields)
    {
        if (f.name != field)
            continue;
        if (auto* combo = qobject_cast<QComboBox*>(f.editor))
        {
            if (combo->findData(text) < 0)
                combo->addItem(text, text);
            combo->setCurrentIndex(combo->findData(text));
        }
        else
        {
            static_cast<QLineEdit*>(f.editor)->setText(text);
        }
    }
}

Attributes AttributeForm::values() const
{
    Attributes out;
    for (std::size_t i = 0; i < m_fields.size(); ++i)
    {
        const Field& f = m_fields[i];
        const QString text = textOf(i).trimmed();
        if (text.isEmpty())
        {
            out.set(f.name, std::monostate{});
            continue;
        }
        bool ok = false;
        if (std::holds_alternative<std::int64_t>(f.original))
        {
            const qlonglong v = text.toLongLong(&ok);
            if (ok)
            {
                out.set(f.name, static_cast<std::int64_t>(v));
                continue;
            }
        }
        else if (std::holds_alternative<double>(f.original))
        {
            const double v = text.toDouble(&ok);
            if (ok)
            {
                out.set(f.name, v);
                continue;
            }
        }
        out.set(f.name, text.toStdString());
    }
    return out;
}

std::vector<std::string> AttributeForm::problems() const
{
    std::vector<std::string> out = attributeProblems(m_kind, m_idField, values());
    for (std::size_t i = 0; i < m_fields.size(); ++i)
    {
        const Field& f = m_fields[i];
        const QString text = textOf(i).trimmed();
        bool ok = true;
        if (!text.isEmpty() && std::holds_alternative<std::int64_t>(f.original))
            (void)text.toLongLong(&ok);
        else if (!text.isEmpty() && std::holds_alternative<double>(f.original))
            (void)text.toDouble(&ok);
        if (!ok)
            out.push_back(f.name + " '" + text.toStdString() + "' is not a number");
    }
    return out;
}

void AttributeForm::revalidate()
{
    const std::vector<std::string> found = problems();
    QString text;
    for (const std::string& p : found)
        text += QStringLiteral("• ") + QString::fromStdString(p) + QLatin1Char('\n');
    m_problems->setText(text.trimmed());
    m_ok->setEnabled(found.empty());
}

std::optional<Attributes> AttributeForm::ask(QWidget* parent, const QString& layer,
                                             const std::string& kind, const std::string& idField,
                                             const Attributes& current)
{
    AttributeForm form(parent, layer, kind, idField, current);
    if (form.exec() != QDialog::Accepted || !form.problems().empty())
        return std::nullopt;
    return form.values();
}

} // namespace redline
