// QTests of the viewer's editing tools on a copy of the Yongjia store (issue 6, item 5): select a
// red-line polygon by a click, drag one of its vertices with simulated mouse events, save with a
// reason and read the store back with GDAL (the feature moved by exactly the drag, an audit row
// holds the reason); undo restores the original geometry exactly; snapping lands on the vertex of
// another layer; the attribute form refuses a unit code whose class digit contradicts unit_type.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMouseEvent>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "redline/edit/EditSession.hpp"
#include "redline/edit/Revision.hpp"
#include "redline/io/VectorReader.hpp"

#include "app/MainWindow.hpp"
#include "app/MapCanvas.hpp"
#include "edit/AttributeDomains.hpp"
#include "edit/AttributeForm.hpp"
#include "edit/EditController.hpp"
#include "edit/SaveDialog.hpp"
#include "render/LayerCache.hpp"

using namespace redline;
namespace fs = std::filesystem;

namespace
{

const fs::path kYongjia = fs::path(REDLINE_SOURCE_DIR) / "datasets" / "yongjia";

bool haveYongjia()
{
    return fs::exists(kYongjia / "catalog.yaml") && fs::exists(kYongjia / "zoning.gpkg");
}

// A main window on a private copy of the Yongjia store, editing `layer`.
struct Fixture
{
    QTemporaryDir dir;
    std::string catalog;
    std::string gpkg;
    std::unique_ptr<MainWindow> window;
    EditController* edit = nullptr;

    bool open(const std::string& layer)
    {
        const fs::path d = dir.path().toStdString();
        fs::copy_file(kYongjia / "catalog.yaml", d / "catalog.yaml");
        fs::copy_file(kYongjia / "zoning.gpkg", d / "zoning.gpkg");
        catalog = (d / "catalog.yaml").string();
        gpkg = (d / "zoning.gpkg").string();
        window = std::make_unique<MainWindow>();
        window->resize(1400, 900);
        window->openZones(QString::fromStdString(catalog));
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        edit = window->findChild<EditController*>(QStringLiteral("editController"));
        if (edit == nullptr || !edit->start("tester"))
            return false;
        edit->setActiveLayer(layer);
        return true;
    }
    MapCanvas* canvas() const { return window->canvas(); }
    QAction* action(const char* name) const
    {
        return window->findChild<QAction*>(QString::fromLatin1(name));
    }
    // Centres the view on `p` at `mpp` metres per pixel.
    void look(Point p, double mpp) const
    {
        canvas()->setView(MapTransform(p, mpp, QSizeF(canvas()->width(), canvas()->height())));
        canvas()->waitForRender();
    }
};

// The map point of a canvas pixel, from the view's centre, scale and size (the affine map of a
// north-up view written out here rather than taken from MapTransform).
Point mapOf(const MapCanvas* canvas, QPoint px)
{
    const MapTransform& v = canvas->view();
    return {v.center().x + (px.x() - v.sizePx().width() / 2) * v.metresPerPixel(),
            v.center().y - (px.y() - v.sizePx().height() / 2) * v.metresPerPixel()};
}

QPoint pixelOf(const MapCanvas* canvas, Point p)
{
    const MapTransform& v = canvas->view();
    return QPoint(static_cast<int>(std::lround((p.x - v.center().x) / v.metresPerPixel() +
                                               v.sizePx().width() / 2)),
                  static_cast<int>(std::lround(v.sizePx().height() / 2 -
                                               (p.y - v.center().y) / v.metresPerPixel())));
}

// Press at `from`, move in ten steps with the button held, release at `to`.
void drag(MapCanvas* canvas, QPoint from, QPoint to)
{
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 10; ++i)
    {
        const QPointF p = QPointF(from) + (QPointF(to - from) * i / 10.0);
        QMouseEvent move(QEvent::MouseMove, p, canvas->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(canvas, &move);
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, to);
}

Feature firstRedLine(const EditController& edit)
{
    return edit.session()->features("ecological_redline").front();
}

// Selects the red-line feature by a click well inside it, then centres the view on its vertex
// ring 0 / index 1 at 0.5 m per pixel. Returns the feature as it was.
Feature selectByClickAndShowVertex(Fixture& f)
{
    const Feature zone = firstRedLine(*f.edit);
    f.look(labelAnchorOf(zone.geometry), 2.0);
    QTest::mouseClick(f.canvas(), Qt::LeftButton, Qt::NoModifier,
                      pixelOf(f.canvas(), labelAnchorOf(zone.geometry)));
    f.look(zone.geometry.parts()[0][0][1], 0.5);
    return zone;
}

} // namespace

TEST(EditTools, DragVertexSaveWritesGeometryAndAudit)
{
    Fixture f;
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ASSERT_TRUE(f.open("ecological_redline"));
    f.action("editSnapping")->setChecked(false); // the move must be exactly the drag
    const Feature before = selectByClickAndShowVertex(f);
    ASSERT_EQ(f.edit->selection(), std::vector<std::int64_t>{before.fid});

    // Drag vertex 1 by (+6, +4) px; at 0.5 m/px the vertex lands 3 m east and 2 m south of where
    // it was, give or take the rounding of its pixel (the release pixel's map point is exact).
    const Point v = before.geometry.parts()[0][0][1];
    const QPoint from = pixelOf(f.canvas(), v);
    const QPoint to = from + QPoint(6, 4);
    drag(f.canvas(), from, to);
    const Point expected = mapOf(f.canvas(), to);
    EXPECT_NEAR(expected.x - v.x, 3.0, 0.5);
    EXPECT_NEAR(expected.y - v.y, -2.0, 0.5);
    const auto working = f.edit->feature(before.fid);
    ASSERT_TRUE(working.has_value());
    EXPECT_EQ(working->geometry.parts()[0][0][1], expected);

    // Save: the prompt sees the QA of the change and answers with the reason.
    bool prompted = false;
    f.edit->setSavePrompt(
        [&](const QaReport& qa)
        {
            prompted = true;
            EXPECT_FALSE(qa.hasErrors());
            return std::optional<std::string>("界桩复测：顶点位置更正");
        });
    ASSERT_TRUE(f.edit->save()) << f.edit->lastError().toStdString();
    EXPECT_TRUE(prompted);

    // The store, read back with GDAL: vertex 1 moved to the release point, every other vertex of
    // the feature as before.
    ReadOptions o;
    o.layerName = "ecological_redline";
    o.repairInvalid = false;
    const Layer stored = readLayer(f.gpkg, o);
    const Feature* after = nullptr;
    for (const Feature& g : stored.features)
        if (g.fid == before.fid)
            after = &g;
    ASSERT_NE(after, nullptr);
    const auto& a = after->geometry.parts();
    const auto& b = before.geometry.parts();
    ASSERT_EQ(a.size(), b.size());
    ASSERT_EQ(a[0][0].size(), b[0][0].size());
    for (std::size_t i = 0; i < b[0][0].size(); ++i)
    {
        const Point want = i == 1 ? expected : b[0][0][i];
        EXPECT_NEAR(a[0][0][i].x, want.x, 1e-6) << "vertex " << i;
        EXPECT_NEAR(a[0][0][i].y, want.y, 1e-6) << "vertex " << i;
    }

    // One revision, and its audit row for the feature carries the reason.
    EXPECT_EQ(currentRevision(f.catalog), 1);
    const auto audit = readAudit(f.catalog, 0, 1);
    ASSERT_EQ(audit.size(), 1U);
    EXPECT_EQ(audit[0].layer, "ecological_redline");
    EXPECT_EQ(audit[0].fid, before.fid);
    EXPECT_EQ(audit[0].operation, "update");
    EXPECT_EQ(audit[0].user, "tester");
    EXPECT_EQ(audit[0].reason, "界桩复测：顶点位置更正");

    // The canvas now draws the reloaded store: its red-line layer holds the moved vertex.
    bool reloaded = false;
    for (const RenderLayer& l : f.canvas()->layers())
        if (l.name == "ecological_redline")
            for (const Feature& g : l.cache->layer().features)
                if (g.fid == before.fid)
                    reloaded = g.geometry.parts()[0][0][1] == after->geometry.parts()[0][0][1];
    EXPECT_TRUE(reloaded);
    EXPECT_FALSE(f.edit->hasChanges());
}

TEST(EditTools, UndoRestoresTheOriginalGeometry)
{
    Fixture f;
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ASSERT_TRUE(f.open("ecological_redline"));
    f.action("editSnapping")->setChecked(false);
    const Feature before = selectByClickAndShowVertex(f);
    const QPoint from = pixelOf(f.canvas(), before.geometry.parts()[0][0][1]);
    drag(f.canvas(), from, from + QPoint(-8, 5));
    ASSERT_TRUE(f.edit->hasChanges());
    ASSERT_FALSE(f.edit->feature(before.fid)->geometry.parts() == before.geometry.parts());

    // Ctrl+Z through the window's shortcut.
    f.window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(f.window.get()));
    QTest::keyClick(f.canvas(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_FALSE(f.edit->hasChanges());
    EXPECT_TRUE(f.edit->feature(before.fid)->geometry.parts() == before.geometry.parts());
    QTest::keyClick(f.canvas(), Qt::Key_Y, Qt::ControlModifier);
    EXPECT_TRUE(f.edit->hasChanges());
    f.action("editUndo")->trigger();
    EXPECT_TRUE(f.edit->feature(before.fid)->geometry.parts() == before.geometry.parts());
    // Nothing was written.
    EXPECT_EQ(currentRevision(f.catalog), 0);
}

TEST(EditTools, DraggedVertexSnapsToAVertexOfAnotherLayer)
{
    Fixture f;
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ASSERT_TRUE(f.open("ecological_redline"));
    const Feature zone = selectByClickAndShowVertex(f);
    const Point v = zone.geometry.parts()[0][0][1];
    // The township-boundary vertex nearest to v but at least 30 m away (brute force here).
    ReadOptions o;
    o.layerName = "townships";
    const Layer townships = readLayer(f.gpkg, o);
    std::optional<Point> target;
    double best = 1e18;
    for (const Feature& t : townships.features)
        for (const Part& part : t.geometry.parts())
            for (const Ring& ring : part)
                for (const Point& p : ring)
                {
                    const double d = std::hypot(p.x - v.x, p.y - v.y);
                    if (d >= 30 && d < best)
                    {
                        best = d;
                        target = p;
                    }
                }
    ASSERT_TRUE(target.has_value());
    // Both in view, the target ~250 px from the vertex; release 2 px off the target.
    f.look({(v.x + target->x) / 2, (v.y + target->y) / 2}, best / 250);
    drag(f.canvas(), pixelOf(f.canvas(), v), pixelOf(f.canvas(), *target) + QPoint(2, 1));
    const auto moved = f.edit->feature(zone.fid);
    ASSERT_TRUE(moved.has_value());
    EXPECT_EQ(moved->geometry.parts()[0][0][1], *target);
}

TEST(EditTools, AttributeDomainsOfControlUnits)
{
    Attributes a;
    a.set("unit_code", std::string("ZH33032410001"));
    a.set("unit_type", std::string("priority"));
    EXPECT_TRUE(attributeProblems("control_units", "unit_code", a).empty());
    // Class digit 1 (priority) contradicts a key unit (2).
    a.set("unit_type", std::string("key"));
    EXPECT_EQ(attributeProblems("control_units", "unit_code", a).size(), 1U);
    // 12 characters instead of 13.
    a.set("unit_code", std::string("ZH3303242001"));
    EXPECT_EQ(attributeProblems("control_units", "unit_code", a).size(), 1U);
    a.set("unit_code", std::string("ZH33032420001"));
    a.set("unit_type", std::string("important"));
    EXPECT_EQ(attributeProblems("control_units", "unit_code", a).size(), 1U);

    Attributes z;
    z.set("zone_id", std::string("HX-01"));
    z.set("redline_type", std::string("scenic"));
    EXPECT_TRUE(attributeProblems("ecological_redline", "zone_id", z).empty());
    z.set("redline_type", std::string("wetland"));
    EXPECT_EQ(attributeProblems("ecological_redline", "zone_id", z).size(), 1U);
    z.set("zone_id", std::string(""));
    EXPECT_EQ(attributeProblems("ecological_redline", "zone_id", z).size(), 2U);
}

TEST(EditTools, AttributeFormKeepsTypesAndRefusesBadCodes)
{
    Attributes a;
    a.set("unit_code", std::string("ZH33032420001"));
    a.set("unit_type", std::string("key"));
    a.set("area_km2", 12.5);
    a.set("serial", std::int64_t{7});
    AttributeForm form(nullptr, QStringLiteral("control_units"), "control_units", "unit_code", a);
    EXPECT_TRUE(form.problems().empty());
    form.setText("unit_type", QStringLiteral("general")); // class digit 2 != 3
    EXPECT_EQ(form.problems().size(), 1U);
    form.setText("unit_code", QStringLiteral("ZH33032430001"));
    form.setText("serial", QStringLiteral("8"));
    EXPECT_TRUE(form.problems().empty());
    const Attributes v = form.values();
    EXPECT_EQ(v.text("unit_type"), "general");
    ASSERT_NE(v.find("serial"), nullptr);
    EXPECT_EQ(std::get<std::int64_t>(*v.find("serial")), 8);
    EXPECT_EQ(std::get<double>(*v.find("area_km2")), 12.5);
    form.setText("serial", QStringLiteral("eight"));
    EXPECT_EQ(form.problems().size(), 1U);
}

// The planner's words (issue 14 item 5): the attribute form titles its layer and fields in
// Chinese (Terms.hpp: 环境管控单元, 单元编码, 管控单元类别), and the edit-layer picker lists
// 生态保护红线, not ecological_redline.
TEST(EditTools, LayerPickerAndFormSpeakChinese)
{
    Attributes a;
    a.set("unit_code", std::string("ZH33032420001"));
    a.set("unit_type", std::string("key"));
    AttributeForm form(nullptr, QStringLiteral("control_units"), "control_units", "unit_code", a);
    EXPECT_TRUE(form.windowTitle().contains(QStringLiteral("环境管控单元")))
        << form.windowTitle().toStdString();
    QStringList labels;
    for (const QLabel* l : form.findChildren<QLabel*>())
        labels << l->text();
    EXPECT_TRUE(labels.contains(QStringLiteral("单元编码"))) << labels.join(' ').toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("管控单元类别"))) << labels.join(' ').toStdString();
    EXPECT_FALSE(labels.contains(QStringLiteral("unit_type")));

    Fixture f;
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ASSERT_TRUE(f.open("ecological_redline"));
    QStringList items;
    for (const QComboBox* box : f.window->findChildren<QComboBox*>())
        for (int i = 0; i < box->count(); ++i)
            items << box->itemText(i);
    EXPECT_TRUE(items.contains(QStringLiteral("生态保护红线"))) << items.join(' ').toStdString();
    EXPECT_TRUE(items.contains(QStringLiteral("饮用水水源保护区")))
        << items.join(' ').toStdString();
    EXPECT_FALSE(items.contains(QStringLiteral("ecological_redline")));
}

namespace
{

void moveMouse(MapCanvas* canvas, QPoint px)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(px), canvas->mapToGlobal(QPointF(px)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &move);
}

double areaOf(const EditController& edit, std::int64_t fid)
{
    return edit.feature(fid)->geometry.planarArea();
}

} // namespace

TEST(EditTools, DrawInsertDeleteSplitMergeAndUndoAll)
{
    Fixture f;
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ASSERT_TRUE(f.open("water_protection_zones"));
    f.action("editSnapping")->setChecked(false);
    const std::size_t count = f.edit->session()->features("water_protection_zones").size();
    // An empty spot in the county at 1 m per pixel: a 100 x 80 px rectangle is 8000 m².
    f.look({560000, 3130000}, 1.0);
    Attributes asked;
    f.edit->setAttributePrompt(
        [&](const std::string&, const std::string&, const Attributes& current)
        {
            asked = current;
            Attributes a = current;
            a.set("zone_id", std::string("SY99-I"));
            a.set("level", std::string("I"));
            return std::optional<Attributes>(a);
        });
    f.action("editDraw")->trigger();
    const QPoint o(200, 200);
    for (const QPoint d : {QPoint(0, 0), QPoint(100, 0), QPoint(100, 80), QPoint(0, 80)})
        QTest::mouseClick(f.canvas(), Qt::LeftButton, Qt::NoModifier, o + d);
    QTest::keyClick(f.canvas(), Qt::Key_Return);
    ASSERT_EQ(f.edit->session()->features("water_protection_zones").size(), count + 1);
    EXPECT_NE(asked.find("zone_id"), nullptr); // the form got the layer's fields
    ASSERT_EQ(f.edit->selection().size(), 1U);
    const std::int64_t fid = f.edit->selection().front();
    EXPECT_LT(fid, 0); // provisional until saved
    EXPECT_NEAR(areaOf(*f.edit, fid), 8000, 1e-6);
    EXPECT_EQ(f.edit->feature(fid)->attributes.text("zone_id"), "SY99-I");

    // Double-click 2 px above the middle of the top edge: a vertex on the edge (area unchanged).
    f.action("editSelect")->trigger();
    const std::size_t vertices = f.edit->feature(fid)->geometry.vertexCount();
    QTest::mouseDClick(f.canvas(), Qt::LeftButton, Qt::NoModifier, o + QPoint(50, -2));
    EXPECT_EQ(f.edit->feature(fid)->geometry.vertexCount(), vertices + 1);
    EXPECT_NEAR(areaOf(*f.edit, fid), 8000, 1e-6);
    // Delete with the cursor on it.
    moveMouse(f.canvas(), o + QPoint(50, 0));
    QTest::keyClick(f.canvas(), Qt::Key_Delete);
    EXPECT_EQ(f.edit->feature(fid)->geometry.vertexCount(), vertices);

    // Split by a vertical line 30 px from the left edge: 30 x 80 and 70 x 80 px.
    f.action("editSplit")->trigger();
    QTest::mouseClick(f.canvas(), Qt::LeftButton, Qt::NoModifier, o + QPoint(30, -20));
    QTest::mouseClick(f.canvas(), Qt::LeftButton, Qt::NoModifier, o + QPoint(30, 100));
    QTest::keyClick(f.canvas(), Qt::Key_Return);
    ASSERT_EQ(f.edit->selection().size(), 2U) << f.edit->lastError().toStdString();
    std::vector<double> areas;
    for (const std::int64_t piece : f.edit->selection())
        areas.push_back(areaOf(*f.edit, piece));
    std::sort(areas.begin(), areas.end());
    EXPECT_NEAR(areas[0], 2400, 1e-3);
    EXPECT_NEAR(areas[1], 5600, 1e-3);

    // Merge the pieces back, then delete the result.
    f.action("editMerge")->trigger();
    ASSERT_EQ(f.edit->selection().size(), 1U) << f.edit->lastError().toStdString();
    EXPECT_NEAR(areaOf(*f.edit, f.edit->selection().front()), 8000, 1e-3);
    f.action("editDelete")->trigger();
    EXPECT_EQ(f.edit->session()->features("water_protection_zones").size(), count);

    // Undo everything: add, insert, delete vertex, split, merge, delete.
    for (int i = 0; i < 6; ++i)
        f.action("editUndo")->trigger();
    EXPECT_FALSE(f.edit->canUndo());
    EXPECT_FALSE(f.edit->hasChanges());
    EXPECT_EQ(f.edit->session()->features("water_protection_zones").size(), count);
}

TEST(EditTools, RefusedSaveKeepsTheSession)
{
    Fixture f;
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ASSERT_TRUE(f.open("control_units"));
    const Feature unit = f.edit->session()->features("control_units").front();
    f.edit->setSelection({unit.fid});
    // Bypass the form (which would refuse it): a unit code with a class digit that contradicts
    // unit_type is an error of the zoning QA, so the store refuses the commit.
    f.edit->setAttributePrompt(
        [](const std::string&, const std::string&, const Attributes& current)
        {
            Attributes a = current;
            const std::string type = current.text("unit_type").value_or("");
            a.set("unit_code", std::string(type == "priority" ? "ZH33032420099" : "ZH33032410099"));
            return std::optional<Attributes>(a);
        });
    ASSERT_TRUE(f.edit->editAttributes());
    bool sawError = false;
    f.edit->setSavePrompt(
        [&](const QaReport& qa)
        {
            sawError = qa.hasErrors();
            return std::optional<std::string>("code typo");
        });
    EXPECT_FALSE(f.edit->save());
    EXPECT_TRUE(sawError);
    EXPECT_FALSE(f.edit->lastError().isEmpty());
    EXPECT_TRUE(f.edit->hasChanges());
    EXPECT_EQ(currentRevision(f.catalog), 0);
    // An empty reason is refused before the store is asked.
    f.edit->setSavePrompt([](const QaReport&) { return std::optional<std::string>(""); });
    EXPECT_FALSE(f.edit->save());
    EXPECT_EQ(currentRevision(f.catalog), 0);
}

TEST(EditTools, Screenshot)
{
    const char* shot = std::getenv("REDLINE_EDIT_SCREENSHOT");
    if (shot == nullptr)
        GTEST_SKIP() << "set REDLINE_EDIT_SCREENSHOT=path.png to write the screenshot";
    Fixture f;
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ASSERT_TRUE(f.open("water_protection_zones"));
    Feature zone;
    for (const Feature& z : f.edit->session()->features("water_protection_zones"))
        if (z.attributes.text("zone_id") == "SY03-I")
            zone = z;
    ASSERT_FALSE(zone.geometry.isEmpty());
    const Envelope e = zone.geometry.envelope();
    f.look({(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2}, std::max(e.width(), e.height()) / 450);
    QTest::mouseClick(f.canvas(), Qt::LeftButton, Qt::NoModifier,
                      pixelOf(f.canvas(), labelAnchorOf(zone.geometry)));
    ASSERT_EQ(f.edit->selection(), std::vector<std::int64_t>{zone.fid});
    // Mid-drag of the northernmost vertex, 40 px further north-east.
    const Ring& shell = zone.geometry.parts()[0][0];
    std::size_t top = 0;
    for (std::size_t i = 0; i + 1 < shell.size(); ++i)
        if (shell[i].y > shell[top].y)
            top = i;
    const QPoint from = pixelOf(f.canvas(), shell[top]);
    QTest::mousePress(f.canvas(), Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 8; ++i)
    {
        const QPointF p = QPointF(from) + QPointF(5 * i, -5 * i);
        QMouseEvent move(QEvent::MouseMove, p, f.canvas()->mapToGlobal(p), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(f.canvas(), &move);
    }
    f.canvas()->waitForRender();
    QApplication::processEvents();
    EXPECT_TRUE(f.window->grab().save(QString::fromLocal8Bit(shot)));
    QTest::mouseRelease(f.canvas(), Qt::LeftButton, Qt::NoModifier, from + QPoint(40, -40));
}

TEST(EditTools, SaveDialogListsFindingsAndRequiresAReason)
{
    Fixture f;
    if (!haveYongjia())
        GTEST_SKIP() << "datasets/yongjia not generated";
    ASSERT_TRUE(f.open("control_units"));
    const Feature unit = f.edit->session()->features("control_units").front();
    f.edit->session()->setAttribute("control_units", unit.fid, "name", std::string("改名"));
    QaReport qa;
    QaFinding w;
    w.severity = QaSeverity::Warning;
    w.check = "official_area";
    w.layer = "control_units";
    w.message = "a warning to accept";
    qa.findings.push_back(w);
    SaveDialog dialog(nullptr, qa, *f.edit->session());
    auto* table = dialog.findChild<QTableWidget*>();
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 3)->text(), QStringLiteral("a warning to accept"));
    auto* reason = dialog.findChild<QLineEdit*>(QStringLiteral("editReason"));
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    ASSERT_NE(reason, nullptr);
    ASSERT_NE(buttons, nullptr);
    EXPECT_FALSE(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("   "));
    EXPECT_FALSE(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    reason->setText(QStringLiteral("名称更正")); // keyClicks types ASCII only
    EXPECT_TRUE(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    EXPECT_EQ(dialog.reason(), "名称更正");
}
