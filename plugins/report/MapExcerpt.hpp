#pragma once
// The report map's content without any drawing library: the zoning around a site cut to the
// map's box, each part with its symbol from the zoning palette, in drawing order; the site's
// overlap parts and outline above it (that site only: never another applicant's); and the
// legend of what is drawn. The HTML report draws it as SVG; the PDF report draws the same
// layers with the viewer's renderer and lists the same legend. Thread-safe: plain values.

#include <string>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/model/ZoningStore.hpp"

#include "symbology/ZonePalette.hpp"

namespace redline
{

struct MapPart
{
    Geometry geometry; // analysis CRS
    ZoneSymbol symbol;
};

struct MapExcerptLayer
{
    std::string kind;
    std::vector<MapPart> parts;
};

struct MapExcerpt
{
    Envelope box;                        // what the map shows (analysis CRS)
    std::vector<MapExcerptLayer> layers; // zoning, lowest first (zoneDrawOrder)
    std::vector<MapPart> site;           // overlap parts (least severe first), then the outline
};

struct LegendItem
{
    std::string label;
    ZoneSymbol symbol;
    bool line = false; // drawn as a line swatch (line layers, outline-only symbols)
};

// What a report map must show: the site with the zoning around it (the site's envelope grown
// by 60 % of its size, at least 120 m on each side).
[[nodiscard]] Envelope reportMapFocus(const Geometry& site);
// `focus` widened (about its centre) to the aspect ratio width : height.
[[nodiscard]] Envelope fitToAspect(const Envelope& focus, double width, double height);
// The store's layers cut to `box` (every layer, screened or context), and `site` on top;
// without a store (nullptr) the site alone. The zoning keeps the detail `resolution` (CRS units,
// e.g. half a pixel in metres) can show; the site and its overlaps keep every vertex.
[[nodiscard]] MapExcerpt mapExcerpt(const ZoningStore* store, const SiteResult& site,
                                    const Envelope& box, double resolution = 0);
// One entry per distinct symbol drawn, zoning first (top layer first), then the site's.
[[nodiscard]] std::vector<LegendItem> legendOf(const MapExcerpt& excerpt);

} // namespace redline
