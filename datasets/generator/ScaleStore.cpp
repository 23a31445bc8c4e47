// Benchmark store: the county's zoning layers copied 'scale' times on a grid of 70 × 72 km tiles
// (province-sized for scale ≈ 30), ids made unique per tile and control-unit codes kept
// well-formed (county code 3301nn for tile nn), every feature carrying its tile's county code
// (field county_code: 330324 for the original county, 3301nn for tile nn) as a province's store
// would, plus 'sites' random sites with realistic size distributions. Deterministic for a given
// seed; not committed.
#include "ScaleStore.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <numbers>
#include <sstream>
#include <stdexcept>

#include <ogr_core.h>

#include "redline/core/AtomicFile.hpp"

#include "GpkgWriter.hpp"
#include "SitesCommon.hpp"

namespace redline::datagen
{
namespace
{

constexpr double kTileDx = 70000.0;
constexpr double kTileDy = 72000.0;

OutLayer tiled(const OutLayer& src, int scale, int cols)
{
    OutLayer out;
    out.name = src.name;
    out.fields = src.fields;
    out.fields.push_back({"county_code", FieldType::Text});
    out.geometryType = src.geometryType;
    const int idIndex = src.fieldIndex(src.name == "control_units"       ? "unit_code"
                                       : src.fieldIndex("zone_id") >= 0  ? "zone_id"
                                       : src.fieldIndex("river_id") >= 0 ? "river_id"
                                                                         : "code");
    for (int t = 0; t < scale; ++t)
    {
        const double dx = (t % cols) * kTileDx;
        const double dy = -(t / cols) * kTileDy;
        for (const OutFeature& f : src.features)
        {
            OutFeature copy;
            copy.geometry = transformXy(f.geometry.get(),
                                        [&](Xy p) {
                                            return Xy{p.x + dx, p.y + dy};
                                        });
            copy.values = f.values;
            char county[16];
            std::snprintf(county, sizeof county, "3301%02d", t % 100);
            copy.values.emplace_back(t == 0 ? std::string("330324") : std::string(county));
            if (idIndex >= 0 && t > 0)
            {
                Value& id = copy.values[static_cast<std::size_t>(idIndex)];
                if (auto* s = std::get_if<std::string>(&id))
                {
                    char tile[16];
                    if (src.name == "control_units")
                    {
                        // ZH + 6-digit county code + class + serial stays valid: 3301nn.
                        std::snprintf(tile, sizeof tile, "3301%02d", t % 100);
                        *s = s->substr(0, 2) + tile + s->substr(8);
                        if (t >= 100)
                        {
                            *s = s->substr(0, 9) + std::to_string(t / 100) + s->substr(10);
                        }
                    }
                    else
                    {
                        std::snprintf(tile, sizeof tile, "-T%03d", t);
                        *s += tile;
                    }
                }
            }
            out.features.push_back(std::move(copy));
        }
    }
    return out;
}

} // namespace

void writeScaledStore(const World& w, const std::string& outDir, int scale, int siteCount,
                      std::uint64_t seed)
{
    const int cols = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(scale))));
    const int rows = (scale + cols - 1) / cols;
    std::vector<OutLayer> layers;
    std::size_t features = 0;
    std::size_t vertices = 0;
    for (const OutLayer* l : {&w.countyLayer, &w.townships, &w.riversLayer, &w.redline,
                              &w.protectedAreas, &w.waterZones, &w.controlUnits, &w.prohibited})
    {
        layers.push_back(tiled(*l, scale, cols));
        for (const OutFeature& f : layers.back().features)
        {
            ++features;
            for (const auto& r : rings(f.geometry.get()))
            {
                vertices += r.size();
            }
        }
    }
    std::vector<const OutLayer*> ptrs;
    for (const OutLayer& l : layers)
    {
        ptrs.push_back(&l);
    }
    writeLayers(outDir + "/zoning.gpkg", "GPKG", ptrs, 4549);

    // Random sites over the tiled extent: 70 % parcels (log-uniform 500 m² – 5 ha), 20 % lines
    // (200 m – 5 km), 10 % points.
    OutLayer sites;
    sites.name = "sites";
    sites.fields = siteFields();
    sites.geometryType = wkbUnknown;
    Rng rng(seed ^ 0x9e3779b97f4a7c15ULL);
    const auto env = rings(envelope(w.county.get()).get()).front();
    const double x0 = std::min(env[0].x, env[2].x);
    const double y1 = std::max(env[0].y, env[2].y);
    const double width = (cols - 1) * kTileDx + kTileDx;
    const double height = (rows - 1) * kTileDy + kTileDy;
    const char* types[] = {"industrial",       "road",     "residential",    "public_service",
                           "tourism_facility", "pipeline", "livestock_farm", "water_supply",
                           "eco_restoration",  "other"};
    const char* codes[] = {"C3443", "C2929", "C1953", "C3360", "C1910", "C3441", "C2231"};
    for (int i = 0; i < siteCount; ++i)
    {
        const Xy c{x0 + rng.uniform() * width, y1 - rng.uniform() * height};
        const double r = rng.uniform();
        GeomPtr g;
        if (r < 0.7)
        {
            const double areaM2 = 500.0 * std::pow(100.0, rng.uniform());
            g = rectangle(c, areaM2, rng.uniform(1.0, 3.0), rng.uniform(0.0, std::numbers::pi));
        }
        else if (r < 0.9)
        {
            const double len = 200.0 * std::pow(25.0, rng.uniform());
            const double a = rng.uniform(0.0, 2.0 * std::numbers::pi);
            g = makeLine({{c.x, c.y},
                          {c.x + len * std::cos(a) / 2, c.y + len * std::sin(a) / 2 + 30},
                          {c.x + len * std::cos(a), c.y + len * std::sin(a)}});
        }
        else
        {
            g = makePoint(c);
        }
        const std::string type = types[rng.below(std::size(types))];
        Attrs a = type == "industrial" ? industrial(codes[rng.below(std::size(codes))],
                                                    static_cast<int>(1 + rng.below(3)), "new", {})
                                       : project(type, "", "new", {});
        setAttr(a, "discharges_pollutants", static_cast<std::int64_t>(rng.below(2)));
        char id[16];
        std::snprintf(id, sizeof id, "S%07d", i + 1);
        setAttr(a, "site_id", std::string(id));
        setAttr(a, "name", std::string("benchmark site ") + id);
        setAttr(a, "case_kind", std::string("benchmark"));
        sites.add(std::move(g), a);
    }
    writeLayers(outDir + "/sites.gpkg", "GPKG", {&sites}, 4549);
    std::ostringstream catalog;
    catalog << "# Benchmark store written by redline-datagen --scale " << scale
            << " (synthetic, not the demo).\nanalysis_crs: EPSG:4549\nlayers:\n"
            << "  - {source: zoning.gpkg, layer: ecological_redline, kind: ecological_redline, "
               "id_field: zone_id, name_field: name}\n"
            << "  - {source: zoning.gpkg, layer: protected_areas, kind: protected_areas, "
               "id_field: zone_id, name_field: name}\n"
            << "  - {source: zoning.gpkg, layer: water_protection_zones, kind: "
               "water_protection_zones, id_field: zone_id, name_field: name}\n"
            << "  - {source: zoning.gpkg, layer: prohibited_zones, kind: prohibited_zones, "
               "id_field: zone_id, name_field: name}\n"
            << "  - {source: zoning.gpkg, layer: control_units, kind: control_units, id_field: "
               "unit_code, name_field: name}\n"
            << "  - {source: zoning.gpkg, layer: townships, kind: townships, id_field: code, "
               "name_field: name, screened: false}\n";
    redline::writeTextFileAtomically(outDir + "/catalog.yaml", catalog.str());
    std::cout << "scaled store x" << scale << ": " << features << " zoning features, " << vertices
              << " vertices, " << siteCount << " sites -> " << outDir << "\n";
}

} // namespace redline::datagen
