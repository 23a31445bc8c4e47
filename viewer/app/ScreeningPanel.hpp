#pragma once
// Screening panel: buttons to open a sites file, draw a site and run the screening; the list of
// sites with their verdict colours; for the selected site, its hits (layer, zone, m², 亩, share,
// distance, verdict) with each matched rule's reason and citation as child rows. Shows what the
// controller (MainWindow) gives it; GUI thread only.

#include <QWidget>
#include <vector>

#include "redline/analysis/SiteResult.hpp"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace redline
{

class ScreeningPanel : public QWidget
{
    Q_OBJECT
  public:
    explicit ScreeningPanel(QWidget* parent = nullptr);

    // Sites before screening: ids and names only.
    void setSiteList(const std::vector<std::pair<QString, QString>>& idsAndNames);
    void setResults(const std::vector<SiteResult>& results);
    void setBusy(bool busy, const QString& message);
    void selectSite(int index);
    [[nodiscard]] int selectedSite() const;
    [[nodiscard]] QTreeWidget* siteList() const { return m_sites; }
    [[nodiscard]] QTreeWidget* hitList() const { return m_hits; }

  signals:
    void openSitesRequested();
    void drawSiteRequested();
    void runRequested();
    void siteSelected(int index);
    void exportReportRequested(int index);

  private:
    void showHits(int index);

    std::vector<SiteResult> m_results;
    QTreeWidget* m_sites = nullptr;
    QTreeWidget* m_hits = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_report = nullptr;
};

} // namespace redline
