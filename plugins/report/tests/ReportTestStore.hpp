#pragma once
// A small zoning store and sites built in code for the report tests (EPSG:4549, coordinates in
// metres relative to X0 = 500000 E, Y0 = 3100000 N), so that every figure is known by hand:
//   control_units  A [0,1000]x[0,1000] priority "单元A";  B [1000,2000]x[0,1000] key "单元B"
//   ecological_redline  R [1200,1800]x[200,800] water_conservation "测试红线"
//   townships      T1 = A's square "甲镇";  T2 = B's square "乙镇"
//   county         [0,2000]x[0,1000] "测试县"
// Sites: P  parcel [300,400]x[300,400] in A and T1 (100 x 100 m = 10000 m² = 15 亩)
//        L  line (600,500)-(1600,500), 1000 m: 400 m in A/T1, 600 m in B/T2, 400 m in R
//        S2 parcel [550,650]x[300,400], another applicant's, 150 m east of P
//        O  parcel [2500,2600]x[300,400], outside the county
// Screened with the engine's Screening and rule set "none" (every hit needs_review).

#include <memory>
#include <string>
#include <vector>

#include "redline/analysis/Screening.hpp"
#include "redline/analysis/ScreeningReport.hpp"

namespace redline::test
{

constexpr double kX0 = 500000;
constexpr double kY0 = 3100000;

inline Ring square(double x0, double y0, double x1, double y1)
{
    return {{kX0 + x0, kY0 + y0},
            {kX0 + x1, kY0 + y0},
            {kX0 + x1, kY0 + y1},
            {kX0 + x0, kY0 + y1},
            {kX0 + x0, kY0 + y0}};
}

inline Feature feature(Geometry g, std::vector<std::pair<std::string, std::string>> attributes)
{
    Feature f;
    f.geometry = std::move(g);
    for (auto& [k, v] : attributes)
        f.attributes.set(k, v);
    return f;
}

inline ZoneLayer zoneLayer(const std::string& kind, const std::string& idField,
                           std::vector<Feature> features, bool screened = true)
{
    auto layer = std::make_shared<Layer>();
    layer->name = kind;
    layer->crs = Crs::fromEpsg(4549);
    layer->features = std::move(features);
    ZoneLayer z;
    z.name = kind;
    z.kind = kind;
    z.idField = idField;
    z.nameField = "name";
    z.screened = screened;
    z.layer = std::move(layer);
    return z;
}

inline std::shared_ptr<const ZoningStore> reportTestStore()
{
    std::vector<ZoneLayer> layers;
    layers.push_back(zoneLayer(
        "control_units", "unit_code",
        {feature(Geometry::polygon(square(0, 0, 1000, 1000)),
                 {{"unit_code", "ZH33032410001"}, {"name", "单元A"}, {"unit_type", "priority"}}),
         feature(Geometry::polygon(square(1000, 0, 2000, 1000)),
                 {{"unit_code", "ZH33032420002"}, {"name", "单元B"}, {"unit_type", "key"}})}));
    layers.push_back(zoneLayer(
        "ecological_redline", "zone_id",
        {feature(
            Geometry::polygon(square(1200, 200, 1800, 800)),
            {{"zone_id", "R1"}, {"name", "测试红线"}, {"redline_type", "water_conservation"}})}));
    layers.push_back(zoneLayer(
        "townships", "code",
        {feature(Geometry::polygon(square(0, 0, 1000, 1000)), {{"code", "T1"}, {"name", "甲镇"}}),
         feature(Geometry::polygon(square(1000, 0, 2000, 1000)),
                 {{"code", "T2"}, {"name", "乙镇"}})},
        false));
    layers.push_back(zoneLayer("county", "code",
                               {feature(Geometry::polygon(square(0, 0, 2000, 1000)),
                                        {{"code", "330399"}, {"name", "测试县"}})},
                               false));
    return std::make_shared<const ZoningStore>("report-test.gpkg", Crs::fromEpsg(4549),
                                               std::move(layers));
}

inline Layer reportTestSites()
{
    Layer l;
    l.name = "sites";
    l.crs = Crs::fromEpsg(4549);
    l.features = {
        feature(Geometry::polygon(square(300, 300, 400, 400)),
                {{"site_id", "P"}, {"name", "甲项目"}}),
        feature(Geometry::lineString({{kX0 + 600, kY0 + 500}, {kX0 + 1600, kY0 + 500}}),
                {{"site_id", "L"}, {"name", "乙线路"}}),
        feature(Geometry::polygon(square(550, 300, 650, 400)),
                {{"site_id", "S2"}, {"name", "丙项目"}}),
        feature(Geometry::polygon(square(2500, 300, 2600, 400)),
                {{"site_id", "O"}, {"name", "县外项目"}}),
    };
    return l;
}

// The sites screened against the store (rule set "none"), with provenance filled in.
inline ScreeningReport reportTestReport()
{
    ScreeningReport r;
    r.redlineVersion = "0.1.0";
    r.zones = "report-test.gpkg";
    r.store = "report-test.gpkg";
    r.storeRevision = 7;
    r.sites = "sites.txt";
    r.analysisCrs = "EPSG:4549";
    r.ruleSet = "none";
    r.ruleSetVersion = "1";
    r.zoning = reportTestStore();
    const Screening screening(r.zoning, std::make_shared<const OverlapOnlyRuleSet>());
    r.results = screening.run(reportTestSites());
    return r;
}

} // namespace redline::test
