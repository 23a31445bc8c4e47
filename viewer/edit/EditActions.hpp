#pragma once
// The one entry point the main window calls: creates the EditController and the EditTool on the
// canvas, an "编辑" menu and an editing tool bar (start/stop, active layer, select, draw, split,
// merge, delete, attributes, undo Ctrl+Z, redo Ctrl+Y, save Ctrl+S), and routes the controller's
// messages to the status bar. Everything created is owned by `window`. GUI thread only.

class QMainWindow;

namespace redline
{

class EditController;
class MapCanvas;
class ViewerSession;

EditController* installEditTools(QMainWindow& window, MapCanvas& canvas, ViewerSession& session);

} // namespace redline
