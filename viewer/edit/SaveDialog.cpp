#include "edit/SaveDialog.hpp"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "redline/edit/EditSession.hpp"

namespace redline
{

SaveDialog::SaveDialog(QWidget* parent, const QaReport& qa, const EditSession& session)
    : QDialog(parent)
{
    setWindowTitle(QStringLiteral("保存编辑"));
    auto* layout = new QVBoxLayout(this);

    int added = 0;
    int modified = 0;
    int deleted = 0;
    for (const FeatureChange& c : session.changes())
    {
        added += !c.before ? 1 : 0;
        deleted += !c.after ? 1 : 0;
        modified += c.before && c.after ? 1 : 0;
    }
    layout->addWidget(new QLabel(
        QStringLiteral("修改：新增 %1，修改 %2，删除 %3").arg(added).arg(modified).arg(deleted),
        this));
    auto* summary = new QLabel(
        QStringLiteral("质检：%1 个错误，%2 个警告").arg(qa.errorCount()).arg(qa.warningCount()),
        this);
    if (qa.hasErrors())
        summary->setText(summary->text() + QStringLiteral("（有错误，提交将被拒绝）"));
    layout->addWidget(summary);

    auto* table = new QTableWidget(static_cast<int>(qa.findings.size()), 4, this);
    table->setHorizontalHeaderLabels({QStringLiteral("级别"), QStringLiteral("检查"),
                                      QStringLiteral("图层/要素"), QStringLiteral("说明")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (std::size_t i = 0; i < qa.findings.size(); ++i)
    {
        const QaFinding& f = qa.findings[i];
        const int r = static_cast<int>(i);
        auto* severity = new QTableWidgetItem(
            f.severity == QaSeverity::Error ? QStringLiteral("错误") : QStringLiteral("警告"));
        severity->setForeground(f.severity == QaSeverity::Error ? Qt::red : QColor(200, 120, 0));
        table->setItem(r, 0, severity);
        table->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(f.check)));
        table->setItem(r, 2,
                       new QTableWidgetItem(QString::fromStdString(f.layer + " " + f.featureId)));
        table->setItem(r, 3, new QTableWidgetItem(QString::fromStdString(f.message)));
    }
    layout->addWidget(table);

    layout->addWidget(new QLabel(QStringLiteral("修改原因（必填，写入审计记录）："), this));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("editReason"));
    layout->addWidget(m_reason);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(QStringLiteral("提交"));
    m_ok->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString& t) { m_ok->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);
}

std::string SaveDialog::reason() const
{
    return m_reason->text().trimmed().toStdString();
}

std::optional<std::string> SaveDialog::ask(QWidget* parent, const QaReport& qa,
                                           const EditSession& session)
{
    SaveDialog dialog(parent, qa, session);
    if (dialog.exec() != QDialog::Accepted || dialog.reason().empty())
        return std::nullopt;
    return dialog.reason();
}

} // namespace redline
