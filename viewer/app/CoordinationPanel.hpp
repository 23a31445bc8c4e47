#pragma once
// 三区三线 coordination panel (issue 14): runs the engine's coordination check
// (redline/qa/Coordination.hpp) on the open store off the GUI thread (QtConcurrent; the store is
// immutable) and lists every overlap of the ecological red line with permanent basic farmland or
// the urban development boundary — the red-line zone, the other feature, the township, m² and 亩
// — with 上一处/下一处 to step through them; selecting one asks the window to show it. A store
// with no overlap says so. GUI thread only.

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <vector>

#include "redline/model/ZoningStore.hpp"
#include "redline/qa/Coordination.hpp"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace redline
{

class CoordinationPanel : public QWidget
{
    Q_OBJECT
  public:
    explicit CoordinationPanel(QWidget* parent = nullptr);
    ~CoordinationPanel() override;

    // Checks `store` in the background (a running check is awaited first).
    void check(std::shared_ptr<const ZoningStore> store);
    // Blocks until the check is done (tests, screenshots).
    void waitForCheck();
    [[nodiscard]] const std::vector<CoordinationOverlap>& overlaps() const { return m_overlaps; }
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QTreeWidget* list() const { return m_list; }
    void select(int index);
    [[nodiscard]] int selected() const;

  signals:
    void overlapSelected(int index);
    void checkRequested();

  private:
    void show(std::vector<CoordinationOverlap> overlaps, const QString& error);

    std::shared_ptr<const ZoningStore> m_store;
    std::vector<CoordinationOverlap> m_overlaps;
    QFutureWatcher<std::vector<CoordinationOverlap>> m_watcher;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    bool m_hasOtherLines = false;
};

} // namespace redline
