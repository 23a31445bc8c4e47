#include "edit/EditActions.hpp"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolBar>

#include "app/MainWindow.hpp"
#include "app/PlannerTerms.hpp"
#include "edit/EditController.hpp"
#include "edit/EditTool.hpp"

namespace redline
{

namespace
{

QAction* addAction(QMenu* menu, QToolBar* bar, const QString& text, const char* name,
                   const QKeySequence& key = {})
{
    auto* a = new QAction(text, menu);
    a->setObjectName(QString::fromLatin1(name));
    if (!key.isEmpty())
        a->setShortcut(key);
    menu->addAction(a);
    if (bar != nullptr)
        bar->addAction(a);
    return a;
}

// The attributes of the single selected feature in the identify dock (the same rows as identify).
void showSelectedAttributes(const EditController& controller, QTableWidget& table)
{
    if (controller.selection().size() != 1)
        return;
    const auto f = controller.feature(controller.selection().front());
    if (!f)
        return;
    table.setRowCount(0);
    const auto addRow = [&table](const QString& k, const QString& v)
    {
        const int r = table.rowCount();
        table.insertRow(r);
        table.setItem(r, 0, new QTableWidgetItem(k));
        table.setItem(r, 1, new QTableWidgetItem(v));
    };
    const std::string kind = controller.activeKind();
    addRow(QStringLiteral("图层"),
           layerTitle(kind, controller.activeLayer()) + QStringLiteral("（编辑中）"));
    addRow(QStringLiteral("要素编号（FID）"), QString::number(f->fid));
    for (const auto& [name, value] : f->attributes.items())
        addRow(fieldTitle(kind, name), fieldValueText(kind, name, value));
    addRow(QStringLiteral("面积 km²"), QString::number(f->geometry.planarArea() / 1e6, 'f', 3));
}

} // namespace

EditController* installEditTools(QMainWindow& window, MapCanvas& canvas, ViewerSession& session)
{
    auto* controller = new EditController(canvas, session, &window);
    controller->setObjectName(QStringLiteral("editController"));
    auto* tool = new EditTool(canvas, *controller);
    tool->setObjectName(QStringLiteral("editTool"));

    QMenu* menu = window.menuBar()->addMenu(QStringLiteral("编辑(&E)"));
    auto* bar = new QToolBar(QStringLiteral("编辑"), &window);
    bar->setObjectName(QStringLiteral("editToolBar"));
    window.addToolBar(Qt::TopToolBarArea, bar);

    QAction* toggle = addAction(menu, bar, QStringLiteral("开始编辑"), "editToggle");
    toggle->setCheckable(true);
    auto* layerBox = new QComboBox(bar);
    layerBox->setObjectName(QStringLiteral("editLayer"));
    layerBox->setToolTip(QStringLiteral("编辑图层"));
    layerBox->setMinimumContentsLength(18);
    bar->addWidget(layerBox);
    menu->addSeparator();

    auto* modes = new QActionGroup(&window);
    QAction* select = addAction(menu, bar, QStringLiteral("选择/顶点"), "editSelect");
    QAction* draw = addAction(menu, bar, QStringLiteral("绘制多边形"), "editDraw");
    QAction* split = addAction(menu, bar, QStringLiteral("分割"), "editSplit");
    for (QAction* a : {select, draw, split})
    {
        a->setCheckable(true);
        modes->addAction(a);
    }
    select->setChecked(true);
    QAction* merge = addAction(menu, bar, QStringLiteral("合并"), "editMerge");
    QAction* remove = addAction(menu, bar, QStringLiteral("删除要素"), "editDelete",
                                QKeySequence(Qt::CTRL | Qt::Key_Delete));
    QAction* attributes = addAction(menu, bar, QStringLiteral("属性…"), "editAttributes");
    QAction* snapping = addAction(menu, nullptr, QStringLiteral("捕捉顶点和边"), "editSnapping");
    snapping->setCheckable(true);
    snapping->setChecked(true);
    menu->addSeparator();
    QAction* undo = addAction(menu, bar, QStringLiteral("撤销"), "editUndo",
                              QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction* redo = addAction(menu, bar, QStringLiteral("重做"), "editRedo",
                              QKeySequence(Qt::CTRL | Qt::Key_Y));
    QAction* save = addAction(menu, bar, QStringLiteral("保存…"), "editSave",
                              QKeySequence(Qt::CTRL | Qt::Key_S));

    QObject::connect(toggle, &QAction::triggered, controller,
                     [controller, toggle, &window](bool on)
                     {
                         if (on)
                         {
                             toggle->setChecked(controller->start());
                             return;
                         }
                         if (controller->hasChanges() &&
                             QGuiApplication::platformName() != QLatin1String("offscreen") &&
                             QMessageBox::question(&window, QStringLiteral("结束编辑"),
                                                   QStringLiteral("放弃未保存的修改？")) !=
                                 QMessageBox::Yes)
                         {
                             toggle->setChecked(true);
                             return;
                         }
                         controller->stop();
                     });
    QObject::connect(select, &QAction::triggered, tool,
                     [tool] { tool->setMode(EditTool::Mode::Select); });
    QObject::connect(draw, &QAction::triggered, tool,
                     [tool] { tool->setMode(EditTool::Mode::DrawPolygon); });
    QObject::connect(split, &QAction::triggered, tool,
                     [tool] { tool->setMode(EditTool::Mode::SplitLine); });
    QObject::connect(merge, &QAction::triggered, controller,
                     [controller] { controller->mergeSelected(); });
    QObject::connect(remove, &QAction::triggered, controller,
                     [controller] { controller->deleteSelected(); });
    QObject::connect(attributes, &QAction::triggered, controller,
                     [controller] { controller->editAttributes(); });
    QObject::connect(snapping, &QAction::toggled, controller,
                     [controller](bool on) { controller->setSnapping(on); });
    QObject::connect(undo, &QAction::triggered, controller, [controller] { controller->undo(); });
    QObject::connect(redo, &QAction::triggered, controller, [controller] { controller->redo(); });
    QObject::connect(save, &QAction::triggered, controller, [controller] { controller->save(); });
    // Layers are listed by their Chinese names (生态保护红线), the stored name is the item's data.
    QObject::connect(layerBox, &QComboBox::currentIndexChanged, controller,
                     [controller, layerBox](int index)
                     {
                         const QString name = layerBox->itemData(index).toString();
                         if (!name.isEmpty())
                             controller->setActiveLayer(name.toStdString());
                     });

    const auto sync = [=, &session]
    {
        const bool editing = controller->isEditing();
        toggle->setChecked(editing);
        toggle->setText(editing ? QStringLiteral("结束编辑") : QStringLiteral("开始编辑"));
        const QString active = QString::fromStdString(controller->activeLayer());
        QStringList names;
        for (const std::string& n : controller->editableLayers())
            names << QString::fromStdString(n);
        QStringList shown;
        for (int i = 0; i < layerBox->count(); ++i)
            shown << layerBox->itemData(i).toString();
        if (shown != names)
        {
            const QSignalBlocker block(layerBox);
            layerBox->clear();
            for (const QString& n : names)
            {
                const ZoneLayer* z =
                    session.store() ? session.store()->findLayer(n.toStdString()) : nullptr;
                layerBox->addItem(layerTitle(z ? z->kind : "", n.toStdString()), n);
                layerBox->setItemData(layerBox->count() - 1, n, Qt::ToolTipRole);
            }
        }
        if (layerBox->currentData().toString() != active)
        {
            const QSignalBlocker block(layerBox);
            layerBox->setCurrentIndex(layerBox->findData(active));
        }
        layerBox->setEnabled(editing);
        if (!editing)
            select->setChecked(true); // the tool falls back to selecting when editing stops
        const auto n = controller->selection().size();
        for (QAction* a : {select, draw, split})
            a->setEnabled(editing);
        merge->setEnabled(editing && n >= 2);
        remove->setEnabled(editing && n >= 1);
        attributes->setEnabled(editing && n >= 1);
        undo->setEnabled(controller->canUndo());
        redo->setEnabled(controller->canRedo());
        save->setEnabled(controller->hasChanges());
    };
    QObject::connect(controller, &EditController::stateChanged, bar, sync);
    if (auto* main = dynamic_cast<MainWindow*>(&window))
        QObject::connect(controller, &EditController::stateChanged, main,
                         [controller, table = main->identifyTable()]
                         { showSelectedAttributes(*controller, *table); });
    QObject::connect(
        controller, &EditController::message, &window,
        [&window](const QString& text)
        { window.statusBar()->showMessage(text.section(QLatin1Char('\n'), 0, 0), 10000); });
    sync();
    return controller;
}

} // namespace redline
