#pragma once
// "Go to a coordinate" (issue 14): reads a position typed or pasted the ways planners write them
// and puts it in the analysis CRS —
//   • EPSG:4549 easting/northing, either order ("560123.4, 3112345.6", "X=3112345.6 Y=560123.4":
//     the 7-digit value is the northing, as in surveyors' X/Y);
//   • a zone-prefixed Gauss-Krüger easting ("3112345.6 40560123.4": 3° zone 40, CGCS2000) — the
//     zone picks the EPSG code (3° zones 25–45, 6° zones 13–23; redline/io/JzdCrs.hpp);
//   • longitude/latitude on CGCS2000, decimal ("120.65, 28.15", "28.15N 120.65E") or
//     度分秒 ("120°39′12.5″E 28°9′3″N", "东经120度39分12.5秒 北纬28度9分3秒"); without hemisphere
//     letters the value above 60 is the longitude (China lies at 73–135°E, 3–54°N).
// A pasted 界址点 list (several coordinate rows) is not a position: isCoordinateList() tells, and
// the viewer reads it with the engine's site importers as a temporary site. Not thread-safe (PROJ
// transforms): call on one thread.

#include <optional>
#include <string>

#include "redline/geo/Crs.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

struct CoordinateTarget
{
    Point point;             // analysis CRS
    std::string sourceCrs;   // "EPSG:4549", "EPSG:4528", "EPSG:4490"
    std::string description; // how the text was read, for the status bar
};

// Throws ConfigError with one sentence saying what could not be read.
[[nodiscard]] CoordinateTarget parseCoordinate(const std::string& text, const Crs& analysisCrs);

// More than two lines holding numbers: a 界址点 / vertex list rather than one position.
[[nodiscard]] bool isCoordinateList(const std::string& text);

} // namespace redline
