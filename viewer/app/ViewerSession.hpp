#pragma once
// What the viewer has open, without any widget: the zoning store and its render layers (with
// LOD caches), the sites, the screening results, and how to turn them into render requests,
// print content and report input. Shared by the GUI and the headless printer.
// Thread-safety: mutate on the GUI thread only; the values it hands out (layers, caches, results)
// are immutable snapshots that render and screening jobs may use on any thread.

#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "redline/analysis/ScreeningReport.hpp"
#include "redline/data/Layer.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/plugin/Registry.hpp"

#include "render/PrintLayout.hpp"
#include "render/RenderRequest.hpp"
#include "render/SiteReportPdf.hpp"

namespace redline
{

constexpr double kControlUnitsOverBasemap = 0.45;

class ViewerSession
{
  public:
    ViewerSession();

    // Loads a zoning store (GeoPackage or catalog.yaml) and builds its render layers.
    // Throws redline::Error with a one-line message naming the file.
    void loadZones(const std::string& path);
    // Installs an already loaded store (tests, background loading).
    void setStore(std::shared_ptr<const ZoningStore> store);
    // Loads sites from any source the engine reads; reprojected to the analysis CRS.
    void loadSites(const std::string& path);
    void setSites(std::shared_ptr<const Layer> sites, std::string source);
    // A raster basemap (any GDAL raster, any CRS), drawn under the zoning; further basemaps go
    // above the earlier ones. A reference layer: every layer of a GDAL vector source, reprojected
    // to the analysis CRS, drawn above the zoning (issue 14). Both stay when the store changes.
    // Throw redline::Error naming the file. Over a basemap the environmental control units, which
    // fill the whole county, are drawn at kControlUnitsOverBasemap opacity so the basemap shows
    // through them (the layer panel's slider changes it).
    void addBasemap(const std::string& path);
    void addReferenceLayers(const std::string& path);
    // The store's analysis CRS, or EPSG:4549 before a store is open.
    [[nodiscard]] Crs analysisCrs() const;

    [[nodiscard]] const std::shared_ptr<const ZoningStore>& store() const { return m_store; }
    [[nodiscard]] const std::shared_ptr<const Layer>& sites() const { return m_sites; }
    [[nodiscard]] const std::string& sitesSource() const { return m_sitesSource; }
    [[nodiscard]] std::vector<RenderLayer>& layers() { return m_layers; }
    [[nodiscard]] const std::vector<RenderLayer>& layers() const { return m_layers; }
    [[nodiscard]] const Registry& registry() const { return m_registry; }

    // Rule set used for screening: rules.yongjia when registered, else "none".
    [[nodiscard]] std::shared_ptr<const RuleSet> ruleSet() const;
    // Runs the screening of the current sites (blocking; call from a worker thread).
    [[nodiscard]] std::vector<SiteResult> screen() const;
    // Installs the results of screen() as this session's ScreeningReport, with its provenance
    // (store, rule set and version, sites source and warnings) and the zoning it ran against.
    void setResults(std::vector<SiteResult> results);
    [[nodiscard]] const std::vector<SiteResult>& results() const;
    // The last screening (nullptr before one): what the reports are made from.
    [[nodiscard]] const std::shared_ptr<const ScreeningReport>& report() const { return m_report; }

    [[nodiscard]] Envelope fullExtent() const;
    // County + neighbours + townships, for the print overview inset.
    [[nodiscard]] std::vector<RenderLayer> overviewLayers() const;
    [[nodiscard]] Envelope countyExtent() const;
    // Sites coloured by verdict (or neutral before screening) and, for the selected site, its
    // overlap parts; `highlight` is drawn on top (identify).
    [[nodiscard]] std::vector<Overlay> overlays(std::optional<std::size_t> selected,
                                                const Geometry* highlight = nullptr) const;
    // Index of the site whose site_id (or name) is `id`.
    [[nodiscard]] std::optional<std::size_t> findSite(const std::string& id) const;
    [[nodiscard]] std::string siteId(std::size_t index) const;
    [[nodiscard]] Geometry siteGeometry(std::size_t index) const;

    [[nodiscard]] PrintContent printContent(std::optional<std::size_t> site) const;
    [[nodiscard]] SiteReportInput reportInput(std::size_t resultIndex) const;

  private:
    Registry m_registry;
    std::shared_ptr<const ZoningStore> m_store;
    void seeThroughToBasemap();

    std::vector<RenderLayer> m_layers;
    std::size_t m_referenceCount = 0; // colours of the reference layers
    std::shared_ptr<const Layer> m_sites;
    std::string m_sitesSource;
    std::shared_ptr<const ScreeningReport> m_report;
};

} // namespace redline
