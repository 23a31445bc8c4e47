#pragma once
// Shared state of one QA run: every feature's id, envelope and validity, the scope, and the
// findings collected so far. GEOS geometries are made when a check needs them and dropped after
// (geometry()), so a province-sized store is never held twice; only repaired shapes are kept.
// Confined to the thread running runZoningQa(); the checks' parallel jobs (ParallelJobs.hpp)
// only read the prepared features and make their own geometries (geometryOn()).

#include <memory>
#include <string>
#include <vector>

#include "redline/geo/CrsTransform.hpp"
#include "redline/qa/ZoningQa.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"

namespace redline::qa::detail
{

using redline::detail::GeosContext;
using redline::detail::GeosGeomPtr;

struct PreparedFeature
{
    const Feature* feature = nullptr;
    std::string id; // id-field value
    Envelope envelope;
    bool inScope = true;
    // Set by the validity check (polygon layers): no usable polygon (empty, or not a polygon).
    bool unusable = false;
    // Set by the validity check for an invalid polygon: its repaired polygonal form.
    GeosGeomPtr repaired;
};

struct PreparedLayer
{
    const ZoneLayer* zone = nullptr;
    bool polygonal = false; // holds polygons (lines/points layers are skipped by area checks)
    std::vector<PreparedFeature> features;
};

class QaContext
{
  public:
    QaContext(const std::vector<ZoneLayer>& layers, const Crs& crs, const QaOptions& options,
              QaReport& report);

    [[nodiscard]] GeosContext& geos() { return m_geos; }
    [[nodiscard]] const QaOptions& options() const { return m_options; }
    [[nodiscard]] const Crs& crs() const { return m_crs; }
    [[nodiscard]] std::vector<PreparedLayer>& layers() { return m_layers; }
    [[nodiscard]] std::vector<const PreparedLayer*> layersOfKind(const std::string& kind) const;
    [[nodiscard]] bool layerInScope(const PreparedLayer& layer) const;
    [[nodiscard]] bool regionInScope(const Envelope& env) const;
    // The feature as a new GEOS geometry: its repaired form when the validity check repaired it,
    // null when it has none or the validity check found it unusable.
    [[nodiscard]] GeosGeomPtr geometry(const PreparedFeature& f);
    // The same shape as geometry(), made on `h` (any thread's context, for ParallelJobs): an
    // invalid polygon's repair is made again (the same make-valid, so the same shape).
    [[nodiscard]] static GeosGeomPtr geometryOn(GeosContext& h, const PreparedFeature& f);

    // Adds a finding; fills the lon/lat of its location.
    void add(QaFinding finding);
    // Convenience: a finding located on (a point of) `where`, with its area.
    void addRegion(QaFinding finding, const GEOSGeometry* where);
    void addSummary(QaLayerSummary summary) { m_report.layers.push_back(std::move(summary)); }

  private:
    GeosContext m_geos;
    const QaOptions& m_options;
    Crs m_crs;
    QaReport& m_report;
    std::vector<PreparedLayer> m_layers;
    std::unique_ptr<CrsTransform> m_toLonLat;
};

// Dissolved layer (or subset) geometry.
[[nodiscard]] GeosGeomPtr dissolve(QaContext& ctx, const std::vector<const PreparedFeature*>& fs);
[[nodiscard]] std::vector<const PreparedFeature*> allOf(const PreparedLayer& layer);
[[nodiscard]] std::vector<Envelope> envelopesOf(const std::vector<const PreparedFeature*>& fs);
[[nodiscard]] std::string featureLabel(const PreparedLayer& layer, const PreparedFeature& f);
[[nodiscard]] std::string formatArea(double m2);

// The individual checks (one file each).
void checkValidityAndIds(QaContext& ctx);
void checkDomains(QaContext& ctx);
void checkPartitions(QaContext& ctx);
void checkWaterNesting(QaContext& ctx);
void checkCrossLayer(QaContext& ctx);
void checkOfficialTotals(QaContext& ctx);

} // namespace redline::qa::detail
