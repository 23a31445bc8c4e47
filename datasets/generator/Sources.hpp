#pragma once
// The real source data in shared/data: Wenzhou county outlines (GCJ-02) and the Yongjia place
// anchors (WGS84). Everything is returned in EPSG:4549 metres.

#include <map>
#include <string>
#include <vector>

#include "Geos.hpp"
#include "Projection.hpp"

namespace redline::datagen
{

struct CountyOutline
{
    std::string code;
    std::string name;
    GeomPtr geometry; // EPSG:4549
};

struct Place
{
    std::string kind;
    std::string name;
    std::string code;
    Xy gk;              // EPSG:4549
    double areaKm2 = 0; // townships only, 0 when not given
};

// All outlines of wenzhou_counties_gcj02.geojson, converted GCJ-02 -> WGS84 (engine's
// gcj02ToWgs84) -> EPSG:4549. Throws naming the file when it cannot be read.
std::vector<CountyOutline> readCounties(const std::string& path, const GkProjection& proj);

// Rows of yongjia_places.csv keyed by name_zh.
std::map<std::string, Place> readPlaces(const std::string& path, const GkProjection& proj);

} // namespace redline::datagen
