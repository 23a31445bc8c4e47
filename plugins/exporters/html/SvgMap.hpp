#pragma once
// The report map as inline SVG, without Qt: a MapExcerpt (the zoning around a site, cut to the
// map's box, and the site on top) drawn with the zoning palette's fills, outlines, dashes and
// hatches, plus a scale bar and a north arrow; and the legend as an HTML list with SVG swatches.
// Sizes in CSS pixels (96 per inch). Ids inside are prefixed so that several maps can share one
// HTML page. Thread-safe.

#include <ostream>
#include <string>
#include <vector>

#include "report/MapExcerpt.hpp"

namespace redline
{

constexpr double kSvgPxPerMm = 96.0 / 25.4;

// `excerpt.box` must have the aspect ratio width : height (fitToAspect).
void writeSvgMap(const MapExcerpt& excerpt, double width, double height,
                 const std::string& idPrefix, const std::string& siteLabel, std::ostream& out);
void writeHtmlLegend(const std::vector<LegendItem>& items, const std::string& idPrefix,
                     std::ostream& out);

} // namespace redline
