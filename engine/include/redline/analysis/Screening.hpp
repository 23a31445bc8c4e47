#pragma once
// Screening (DESIGN A4): sites × zoning store -> SiteResults with overlaps, distances and verdicts.
// Thread-safety: run() spreads sites over a pool of workers; they share the immutable
// PreparedStore (flat arrays and indexes) and each owns its GEOS context and scratch space.

#include <functional>
#include <memory>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/analysis/PreparedStore.hpp"
#include "redline/data/Layer.hpp"
#include "redline/model/ZoningStore.hpp"
#include "redline/rules/RuleSet.hpp"

namespace redline
{

struct ScreeningOptions
{
    std::optional<double> bufferM;        // overrides every layer's buffer distance when set
    unsigned threads = 0;                 // 0 = all cores
    std::string siteIdField = "site_id";  // falls back to the FID when absent
    std::string siteNameField = "name";
    std::function<void(std::size_t done, std::size_t total)> progress; // called from workers
    // Fill Hit::overlap (map outputs, GeoPackage, reports). Without it partial overlaps are
    // measured from the zone edges alone and only contained points carry their geometry.
    bool overlapGeometry = true;
};

class Screening
{
public:
    Screening(std::shared_ptr<const PreparedStore> store, std::shared_ptr<const RuleSet> rules,
              ScreeningOptions options = {});
    // Prepares the loaded store in memory first.
    Screening(const std::shared_ptr<const ZoningStore>& store, std::shared_ptr<const RuleSet> rules,
              ScreeningOptions options = {});
    ~Screening();
    Screening(const Screening&) = delete;
    Screening& operator=(const Screening&) = delete;

    // `sites` must be in the store's analysis CRS. Results are in input order.
    [[nodiscard]] std::vector<SiteResult> run(const Layer& sites) const;
    // One site (single-site latency path; reuses a calling-thread cache).
    [[nodiscard]] SiteResult screenOne(const Feature& site, std::size_t index = 0) const;

    [[nodiscard]] const PreparedStore& store() const { return *m_store; }

private:
    struct Impl;
    std::shared_ptr<const PreparedStore> m_store;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline
