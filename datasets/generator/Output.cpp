#include "Output.hpp"

#include <cstdio>
#include <iomanip>
#include <stdexcept>

#include <cpl_string.h>

#include "redline/core/AtomicFile.hpp"

#include "GpkgWriter.hpp"

namespace redline::datagen
{
namespace
{

std::string catalogYaml()
{
    struct Entry
    {
        const char* layer;
        const char* id;
        const char* name;
        bool screened;
        const char* extra;
    };
    const Entry entries[] = {
        {"ecological_redline", "zone_id", "name", true,
         "    buffer_m: 100\n    official_area_km2: 426.98\n"},
        {"protected_areas", "zone_id", "name", true,
         "    buffer_m: 100\n    official_area_km2: 670.76\n"},
        {"water_protection_zones", "zone_id", "name", true, "    buffer_m: 100\n"},
        {"prohibited_zones", "zone_id", "name", true, "    buffer_m: 100\n"},
        {"control_units", "unit_code", "name", true, "    buffer_m: 100\n"},
        {"county", "code", "name", false, ""},
        {"neighbours", "code", "name", false, ""},
        {"townships", "code", "name", false, ""},
        {"rivers", "river_id", "name", false, ""},
        {"permanent_farmland", "zone_id", "name", false, ""},
        {"urban_development_boundary", "zone_id", "name", false, ""},
    };
    std::string y = "# Yongjia demonstration zoning store (synthetic, calibrated; see README.md).\n"
                    "# Paths are relative to this file. Written by redline-datagen.\n"
                    "analysis_crs: EPSG:4549\n"
                    "official_figures:\n"
                    "  ecological_redline_km2: 426.98\n"
                    "  protected_areas_km2: 670.76\n"
                    "layers:\n";
    for (const Entry& e : entries)
    {
        y += std::string("  - source: zoning.gpkg\n    layer: ") + e.layer +
             "\n    kind: " + e.layer + "\n    id_field: " + e.id + "\n    name_field: " + e.name +
             "\n";
        if (!e.screened)
        {
            y += "    screened: false\n";
        }
        y += e.extra;
    }
    return y;
}

} // namespace

void writeDataset(const World& w, const std::string& outDir)
{
    writeLayers(outDir + "/zoning.gpkg", "GPKG",
                {&w.countyLayer, &w.neighbours, &w.townships, &w.riversLayer, &w.redline,
                 &w.protectedAreas, &w.waterZones, &w.controlUnits, &w.prohibited, &w.farmland,
                 &w.developmentBoundary},
                4549);
    writeLayers(outDir + "/sites.gpkg", "GPKG", {&w.sites}, 4549);
    writeLayers(outDir + "/sites_gcj02.geojson", "GeoJSON", {&w.sitesGcj02}, 4326);

    // 界址点 files are exchanged in GBK with CRLF line ends.
    std::string text;
    for (const std::string& line : w.jzdLines)
    {
        text += line + "\r\n";
    }
    char* gbk = CPLRecode(text.c_str(), CPL_ENC_UTF8, "GBK");
    const std::string encoded(gbk);
    CPLFree(gbk);
    redline::writeTextFileAtomically(outDir + "/sites_jzd.txt", encoded);
    redline::writeTextFileAtomically(outDir + "/catalog.yaml", catalogYaml());
}

void printFigures(const World& w, std::ostream& os)
{
    const Figures& f = w.figures;
    os << std::fixed << std::setprecision(4);
    os << "county outline            planar " << f.countyPlanarKm2 << " km2, ellipsoidal "
       << f.countyEllipsoidalKm2 << " km2\n";
    os << "ecological red line       ellipsoidal " << f.redlineEllipsoidalKm2
       << " km2 (target 426.98), planar EPSG:4549 " << f.redlinePlanarKm2 << " km2\n";
    os << "protected areas (union)   ellipsoidal " << f.protectedEllipsoidalKm2
       << " km2 (target 670.76), planar EPSG:4549 " << f.protectedPlanarKm2 << " km2\n";
    os << "龙湾潭 forest park          ellipsoidal " << f.longwantanEllipsoidalKm2
       << " km2 (published 15.62)\n";
    os << "beach forest              ellipsoidal " << f.beachForestEllipsoidalKm2
       << " km2 (published 12.7441)\n";
    const std::pair<const char*, const OutLayer*> layers[] = {
        {"townships", &w.townships},
        {"rivers", &w.riversLayer},
        {"ecological_redline", &w.redline},
        {"protected_areas", &w.protectedAreas},
        {"water_protection_zones", &w.waterZones},
        {"control_units", &w.controlUnits},
        {"prohibited_zones", &w.prohibited},
        {"permanent_farmland", &w.farmland},
        {"urban_development_boundary", &w.developmentBoundary},
        {"sites", &w.sites}};
    for (const auto& [name, layer] : layers)
    {
        std::size_t vertices = 0;
        for (const OutFeature& feature : layer->features)
        {
            for (const auto& r : rings(feature.geometry.get()))
            {
                vertices += r.size();
            }
        }
        os << std::left << std::setw(24) << name << std::right << std::setw(5)
           << layer->features.size() << " features " << std::setw(8) << vertices << " vertices\n";
    }
}

} // namespace redline::datagen
