#include "edit/EditController.hpp"

#include <QGuiApplication>
#include <QMessageBox>
#include <QWidget>
#include <algorithm>
#include <limits>

#include "redline/core/Error.hpp"
#include "redline/edit/EditSession.hpp"
#include "redline/model/ZoningStore.hpp"

#include "app/LayerPanel.hpp"
#include "app/MapCanvas.hpp"
#include "app/ViewerSession.hpp"
#include "edit/AttributeForm.hpp"
#include "edit/SaveDialog.hpp"
#include "render/PointInPolygon.hpp"

namespace redline
{

EditController::EditController(MapCanvas& canvas, ViewerSession& viewer, QWidget* dialogParent)
    : QObject(dialogParent), m_canvas(canvas), m_viewer(viewer), m_dialogParent(dialogParent)
{
}

EditController::~EditController() = default;

bool EditController::start(const std::string& user)
{
    if (m_session)
        return true;
    if (!m_viewer.store() || m_viewer.store()->path().empty())
    {
        fail(QStringLiteral(
            "请先打开分区数据（GeoPackage、catalog.yaml 或 PostGIS 分区库）再编辑。"));
        return false;
    }
    try
    {
        m_session = std::make_unique<EditSession>(m_viewer.store()->path(), user);
    }
    catch (const std::exception& e)
    {
        fail(QString::fromUtf8(e.what()), true);
        return false;
    }
    const auto layers = editableLayers();
    const bool keep = std::find(layers.begin(), layers.end(), m_layer) != layers.end();
    if (!keep)
        m_layer = layers.empty() ? std::string() : layers.front();
    m_selection.clear();
    m_touched.clear();
    emit message(QStringLiteral("开始编辑：%1（修订 %2）")
                     .arg(QString::fromStdString(m_session->storeLabel()))
                     .arg(m_session->baseRevision()));
    emit stateChanged();
    return true;
}

void EditController::stop()
{
    if (!m_session)
        return;
    m_session.reset();
    m_selection.clear();
    restoreFromStore();
    emit message(QStringLiteral("已结束编辑"));
    emit stateChanged();
}

std::vector<std::string> EditController::editableLayers() const
{
    std::vector<std::string> out;
    if (!m_session)
        return out;
    for (const std::string& name : m_session->layerNames())
    {
        const ZoneLayer& info = m_session->layerInfo(name);
        bool polygons = true;
        if (info.layer)
            for (const Feature& f : info.layer->features)
                if (!f.geometry.isEmpty() && f.geometry.dimension() != Dimension::Area)
                {
                    polygons = false;
                    break;
                }
        if (polygons)
            out.push_back(name);
    }
    return out;
}

void EditController::setActiveLayer(const std::string& layer)
{
    if (layer == m_layer)
        return;
    m_layer = layer;
    m_selection.clear();
    emit stateChanged();
}

std::string EditController::activeKind() const
{
    if (!m_session || m_layer.empty())
        return {};
    return m_session->layerInfo(m_layer).kind;
}

void EditController::setSelection(std::vector<std::int64_t> fids)
{
    m_selection = std::move(fids);
    emit stateChanged();
}

std::optional<Feature> EditController::feature(std::int64_t fid) const
{
    if (!m_session || m_layer.empty())
        return std::nullopt;
    return m_session->feature(m_layer, fid);
}

std::optional<std::int64_t> EditController::featureAt(Point p) const
{
    if (!m_session || m_layer.empty())
        return std::nullopt;
    std::optional<std::int64_t> best;
    double bestArea = std::numeric_limits<double>::infinity();
    for (const Feature& f : m_session->features(m_layer))
    {
        const Envelope& e = f.geometry.envelope();
        if (p.x < e.minX || p.x > e.maxX || p.y < e.minY || p.y > e.maxY)
            continue;
        if (!polygonContains(f.geometry, p))
            continue;
        // Nested zones (a level-I zone inside a level-II one): the smaller is the one on top.
        const double area = f.geometry.planarArea();
        if (area < bestArea)
        {
            bestArea = area;
            best = f.fid;
        }
    }
    return best;
}

std::optional<SnapResult> EditController::snap(Point p, double toleranceM) const
{
    if (!m_snapping)
        return std::nullopt;
    const Envelope box{p.x - toleranceM, p.y - toleranceM, p.x + toleranceM, p.y + toleranceM};
    std::vector<const Geometry*> candidates;
    for (const RenderLayer& l : m_canvas.layers())
    {
        if (!l.visible || !l.cache)
            continue;
        for (std::size_t i = 0; i < l.cache->size(); ++i)
            if (l.cache->envelope(i).intersects(box))
                candidates.push_back(&l.cache->layer().features[i].geometry);
    }
    return snapPoint(p, toleranceM, candidates);
}

bool EditController::apply(const std::function<void()>& operation, const QString& what)
{
    if (m_session && (!m_viewer.store() || m_viewer.store()->path() != m_session->storePath()))
    {
        // Another store was opened meanwhile: its layers are not the session's.
        m_session.reset();
        m_selection.clear();
        m_touched.clear();
        emit stateChanged();
        fail(QStringLiteral("已打开其他分区数据，编辑会话已结束（未保存的修改已放弃）。"), true);
        return false;
    }
    if (!m_session || m_layer.empty())
    {
        fail(QStringLiteral("未在编辑状态：请先开始编辑。"));
        return false;
    }
    try
    {
        operation();
    }
    catch (const std::exception& e)
    {
        fail(what + QStringLiteral("失败：") + QString::fromUtf8(e.what()));
        return false;
    }
    m_touched.insert(m_layer);
    m_lastError.clear();
    refreshLayers();
    pruneSelection();
    emit message(what);
    emit stateChanged();
    return true;
}

void EditController::fail(const QString& text, bool dialog)
{
    m_lastError = text;
    emit message(text);
    if (dialog && m_dialogParent != nullptr &&
        QGuiApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::warning(m_dialogParent, QStringLiteral("Redline 编辑"), text);
}

bool EditController::moveVertex(std::int64_t fid, VertexRef v, Point to)
{
    return apply(
        [&]
        {
            const auto f = m_session->feature(m_layer, fid);
            if (!f)
                throw EditError(m_layer + " feature " + std::to_string(fid) + " does not exist");
            m_session->setGeometry(m_layer, fid, redline::moveVertex(f->geometry, v, to));
        },
        QStringLiteral("移动顶点"));
}

bool EditController::insertVertex(std::int64_t fid, VertexRef after, Point p)
{
    return apply(
        [&]
        {
            const auto f = m_session->feature(m_layer, fid);
            if (!f)
                throw EditError(m_layer + " feature " + std::to_string(fid) + " does not exist");
            m_session->setGeometry(m_layer, fid, redline::insertVertex(f->geometry, after, p));
        },
        QStringLiteral("插入顶点"));
}

bool EditController::deleteVertex(std::int64_t fid, VertexRef v)
{
    return apply(
        [&]
        {
            const auto f = m_session->feature(m_layer, fid);
            if (!f)
                throw EditError(m_layer + " feature " + std::to_string(fid) + " does not exist");
            m_session->setGeometry(m_layer, fid, redline::deleteVertex(f->geometry, v));
        },
        QStringLiteral("删除顶点"));
}

std::optional<Attributes> EditController::askAttributes(const Attributes& current)
{
    if (m_attributePrompt)
        return m_attributePrompt(m_layer, activeKind(), current);
    const ZoneLayer& info = m_session->layerInfo(m_layer);
    return AttributeForm::ask(m_dialogParent, QString::fromStdString(m_layer), info.kind,
                              info.idField, current);
}

bool EditController::addPolygon(const Geometry& polygon)
{
    if (!m_session || m_layer.empty())
    {
        fail(QStringLiteral("未在编辑状态：请先开始编辑。"));
        return false;
    }
    // A new feature starts with the layer's fields, empty.
    Attributes blank;
    const ZoneLayer& info = m_session->layerInfo(m_layer);
    if (info.layer)
        for (const std::string& name : info.layer->fieldNames)
            blank.set(name, std::monostate{});
    const auto attributes = askAttributes(blank);
    if (!attributes)
    {
        emit message(QStringLiteral("已取消绘制"));
        return false;
    }
    std::int64_t fid = 0;
    const bool ok = apply([&] { fid = m_session->addFeature(m_layer, polygon, *attributes); },
                          QStringLiteral("新增要素"));
    if (ok)
        setSelection({fid});
    return ok;
}

bool EditController::deleteSelected()
{
    if (m_selection.empty())
    {
        fail(QStringLiteral("请先选择要删除的要素。"));
        return false;
    }
    const auto fids = m_selection;
    return apply(
        [&]
        {
            for (const std::int64_t fid : fids)
                m_session->deleteFeature(m_layer, fid);
        },
        QStringLiteral("删除要素"));
}

bool EditController::splitSelected(const Geometry& line)
{
    if (m_selection.size() != 1)
    {
        fail(QStringLiteral("分割需要先选择一个要素。"));
        return false;
    }
    std::vector<std::int64_t> pieces;
    const std::int64_t fid = m_selection.front();
    const bool ok = apply([&] { pieces = m_session->splitPolygon(m_layer, fid, line); },
                          QStringLiteral("分割要素"));
    if (ok)
        setSelection(pieces);
    return ok;
}

bool EditController::mergeSelected()
{
    if (m_selection.size() < 2)
    {
        fail(QStringLiteral("合并需要先选择至少两个要素（Shift+单击多选）。"));
        return false;
    }
    std::int64_t merged = 0;
    const auto fids = m_selection;
    const bool ok = apply([&] { merged = m_session->mergePolygons(m_layer, fids); },
                          QStringLiteral("合并要素"));
    if (ok)
        setSelection({merged});
    return ok;
}

bool EditController::editAttributes()
{
    if (m_selection.empty())
    {
        fail(QStringLiteral("请先选择要素。"));
        return false;
    }
    const auto f = feature(m_selection.front());
    if (!f)
        return false;
    const auto attributes = askAttributes(f->attributes);
    if (!attributes)
        return false;
    const std::int64_t fid = f->fid;
    return apply([&] { m_session->setAttributes(m_layer, fid, *attributes); },
                 QStringLiteral("修改属性"));
}

bool EditController::undo()
{
    if (!canUndo())
        return false;
    return apply([&] { m_session->undo(); }, QStringLiteral("撤销"));
}

bool EditController::redo()
{
    if (!canRedo())
        return false;
    return apply([&] { m_session->redo(); }, QStringLiteral("重做"));
}

bool EditController::canUndo() const
{
    return m_session && m_session->canUndo();
}

bool EditController::canRedo() const
{
    return m_session && m_session->canRedo();
}

bool EditController::hasChanges() const
{
    return m_session && m_session->hasChanges();
}

bool EditController::save()
{
    if (!m_session)
        return false;
    if (!m_session->hasChanges())
    {
        emit message(QStringLiteral("没有需要保存的修改"));
        return false;
    }
    QaReport qa;
    try
    {
        qa = m_session->validate();
    }
    catch (const std::exception& e)
    {
        fail(QStringLiteral("质检失败：") + QString::fromUtf8(e.what()), true);
        return false;
    }
    const std::optional<std::string> reason =
        m_savePrompt ? m_savePrompt(qa) : SaveDialog::ask(m_dialogParent, qa, *m_session);
    if (!reason)
    {
        emit message(QStringLiteral("已取消保存"));
        return false;
    }
    if (reason->empty())
    {
        fail(QStringLiteral("保存需要填写修改原因。"), true);
        return false;
    }
    CommitResult result;
    try
    {
        result = m_session->commit(*reason);
    }
    catch (const CommitRefused& e)
    {
        QString text = QStringLiteral("保存被拒绝：") + QString::fromUtf8(e.what());
        for (const QaFinding& f : e.report().findings)
            if (f.severity == QaSeverity::Error)
            {
                text += QStringLiteral("\n• ") + QString::fromStdString(f.message);
                break;
            }
        fail(text, true);
        return false;
    }
    catch (const EditConflict& e)
    {
        fail(QStringLiteral("保存冲突（其他人已修改同一要素）：") + QString::fromUtf8(e.what()),
             true);
        return false;
    }
    catch (const std::exception& e)
    {
        fail(QStringLiteral("保存失败：") + QString::fromUtf8(e.what()), true);
        return false;
    }
    m_lastError.clear();
    // Provisional fids of added features became store fids.
    for (std::int64_t& fid : m_selection)
        for (const auto& [temp, real] : result.newFids)
            if (fid == temp)
                fid = real;
    reloadStore();
    m_touched.clear();
    emit message(QStringLiteral("已保存为修订 %1：新增 %2，修改 %3，删除 %4")
                     .arg(result.revision)
                     .arg(result.added)
                     .arg(result.modified)
                     .arg(result.deleted));
    emit committed(result.revision);
    emit stateChanged();
    return true;
}

void EditController::refreshLayers()
{
    std::vector<RenderLayer>& layers = m_viewer.layers();
    for (RenderLayer& r : layers)
    {
        if (m_touched.count(r.name) == 0)
            continue;
        auto layer = std::make_shared<Layer>();
        const ZoneLayer& info = m_session->layerInfo(r.name);
        if (info.layer)
        {
            layer->source = info.layer->source;
            layer->fieldNames = info.layer->fieldNames;
        }
        layer->name = r.name;
        layer->crs = m_session->crs();
        layer->features = m_session->features(r.name);
        r.cache = std::make_shared<const LayerCache>(std::move(layer));
    }
    m_canvas.setLayers(layers);
    if (auto* panel = m_canvas.window()->findChild<LayerPanel*>())
        panel->setLayers(layers);
}

void EditController::restoreFromStore()
{
    const auto store = m_viewer.store();
    if (!store || m_touched.empty())
    {
        m_touched.clear();
        return;
    }
    std::vector<RenderLayer>& layers = m_viewer.layers();
    for (RenderLayer& r : layers)
        if (m_touched.count(r.name) != 0)
            if (const ZoneLayer* z = store->findLayer(r.name))
                r.cache = std::make_shared<const LayerCache>(z->layer);
    m_touched.clear();
    m_canvas.setLayers(layers);
    if (auto* panel = m_canvas.window()->findChild<LayerPanel*>())
        panel->setLayers(layers);
}

void EditController::reloadStore()
{
    const auto old = m_viewer.store();
    if (!old)
        return;
    std::shared_ptr<const ZoningStore> fresh;
    try
    {
        fresh = ZoningStore::load(old->path(), old->analysisCrs());
    }
    catch (const std::exception& e)
    {
        fail(QStringLiteral("重新读取分区数据失败：") + QString::fromUtf8(e.what()), true);
        return;
    }
    // Keep what the user set up (order, visibility, opacity, labels, styles); new caches.
    const std::vector<RenderLayer> before = m_viewer.layers();
    m_viewer.setStore(fresh);
    std::vector<RenderLayer> rebuilt = m_viewer.layers();
    std::vector<RenderLayer> ordered;
    for (const RenderLayer& b : before)
    {
        auto it = std::find_if(rebuilt.begin(), rebuilt.end(),
                               [&](const RenderLayer& r) { return r.name == b.name; });
        if (it == rebuilt.end())
            continue;
        RenderLayer r = b;
        r.cache = it->cache;
        ordered.push_back(std::move(r));
        rebuilt.erase(it);
    }
    for (RenderLayer& r : rebuilt)
        ordered.push_back(std::move(r));
    m_viewer.layers() = ordered;
    m_canvas.setLayers(ordered);
    if (auto* panel = m_canvas.window()->findChild<LayerPanel*>())
        panel->setLayers(ordered);
}

void EditController::pruneSelection()
{
    std::vector<std::int64_t> kept;
    for (const std::int64_t fid : m_selection)
        if (m_session && m_session->feature(m_layer, fid))
            kept.push_back(fid);
    m_selection = std::move(kept);
}

} // namespace redline
