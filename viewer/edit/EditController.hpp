#pragma once
// Editing of zoning layers in the viewer (issue 6, item 5): owns the engine EditSession on the
// open store and exposes its operations to the canvas tool, the menus and the dialogs. After each
// operation (and undo/redo) the edited layer is redrawn from the session's working state; after
// a commit the store is reloaded from disk. Errors of operations (EditError…) become one-line
// messages and leave the session as it was. GUI thread only; the session is never shared.
//
// Dialogs can be replaced (tests): the save prompt gets the QA report of the working state and
// returns the edit reason (nullopt = cancel); the attribute prompt returns the edited attributes.

#include <QObject>
#include <QString>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "redline/data/Feature.hpp"
#include "redline/edit/VertexEdit.hpp"
#include "redline/qa/QaReport.hpp"

class QWidget;

namespace redline
{

class EditSession;
class MapCanvas;
class ViewerSession;

class EditController : public QObject
{
    Q_OBJECT
  public:
    using SavePrompt = std::function<std::optional<std::string>(const QaReport&)>;
    using AttributePrompt = std::function<std::optional<Attributes>(
        const std::string& layer, const std::string& kind, const Attributes& current)>;

    EditController(MapCanvas& canvas, ViewerSession& viewer, QWidget* dialogParent);
    ~EditController() override;

    // Opens an edit session on the open store (its path as loaded). Returns false (and emits
    // message) when no store is open or the store cannot be edited.
    bool start(const std::string& user = "viewer");
    // Ends editing; unsaved operations are discarded and the layers redrawn from the store.
    void stop();
    [[nodiscard]] bool isEditing() const { return m_session != nullptr; }
    [[nodiscard]] EditSession* session() const { return m_session.get(); }

    // Polygon layers of the store that can be edited, and the one the tools work on.
    [[nodiscard]] std::vector<std::string> editableLayers() const;
    void setActiveLayer(const std::string& layer);
    [[nodiscard]] const std::string& activeLayer() const { return m_layer; }
    [[nodiscard]] std::string activeKind() const;

    [[nodiscard]] const std::vector<std::int64_t>& selection() const { return m_selection; }
    void setSelection(std::vector<std::int64_t> fids);
    // Working-state feature of the active layer.
    [[nodiscard]] std::optional<Feature> feature(std::int64_t fid) const;
    // Topmost (smallest) polygon of the active layer containing `p`.
    [[nodiscard]] std::optional<std::int64_t> featureAt(Point p) const;

    // Snapping to vertices, then edges, of the visible layers within `toleranceM`.
    void setSnapping(bool on) { m_snapping = on; }
    [[nodiscard]] bool snapping() const { return m_snapping; }
    [[nodiscard]] std::optional<SnapResult> snap(Point p, double toleranceM) const;

    // Operations on the active layer. Each returns false and emits message() when refused.
    bool moveVertex(std::int64_t fid, VertexRef v, Point to);
    bool insertVertex(std::int64_t fid, VertexRef after, Point p);
    bool deleteVertex(std::int64_t fid, VertexRef v);
    bool addPolygon(const Geometry& polygon); // asks for the attributes
    bool deleteSelected();
    bool splitSelected(const Geometry& line);
    bool mergeSelected();
    bool editAttributes(); // attribute form of the first selected feature
    bool undo();
    bool redo();
    [[nodiscard]] bool canUndo() const;
    [[nodiscard]] bool canRedo() const;
    [[nodiscard]] bool hasChanges() const;

    // Runs the QA, shows the findings and asks for the reason, commits. On refusal (QA errors,
    // conflict, I/O) shows why and keeps the session. Returns true when committed.
    bool save();
    [[nodiscard]] const QString& lastError() const { return m_lastError; }

    void setSavePrompt(SavePrompt prompt) { m_savePrompt = std::move(prompt); }
    void setAttributePrompt(AttributePrompt prompt) { m_attributePrompt = std::move(prompt); }

  signals:
    void stateChanged(); // editing on/off, operations, undo/redo, selection, active layer
    void message(const QString& text);
    void committed(int revision);

  private:
    bool apply(const std::function<void()>& operation, const QString& what);
    void fail(const QString& text, bool dialog = false);
    void refreshLayers();
    void reloadStore();      // after a commit: the store as saved
    void restoreFromStore(); // after stop(): the layers as they were before editing
    void pruneSelection();
    [[nodiscard]] std::optional<Attributes> askAttributes(const Attributes& current);

    MapCanvas& m_canvas;
    ViewerSession& m_viewer;
    QWidget* m_dialogParent = nullptr;
    std::unique_ptr<EditSession> m_session;
    std::string m_layer;
    std::vector<std::int64_t> m_selection;
    std::set<std::string> m_touched; // layers redrawn from the working state
    bool m_snapping = true;
    QString m_lastError;
    SavePrompt m_savePrompt;
    AttributePrompt m_attributePrompt;
};

} // namespace redline
