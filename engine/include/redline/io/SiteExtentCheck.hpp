#pragma once
// Far-away check for imported sites: a site that lands kilometres outside the zoning extent was
// almost always read wrong. Tries the usual mistakes (swapped axes, missing or extra zone prefix,
// wrong central meridian, GCJ-02/BD-09 lon/lat) and names the one that would land it inside.
// Not thread-safe (creates CRS transforms); call per thread.

#include <optional>
#include <string>

#include "redline/geo/Crs.hpp"
#include "redline/geo/Envelope.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

// Sites further than this outside the zoning extent get a warning (metres, analysis CRS).
inline constexpr double kFarAwayMetres = 5000.0;

// Distance in analysis-CRS units between two envelopes (0 when they intersect).
[[nodiscard]] double envelopeGap(const Envelope& a, const Envelope& b);

// The first usual misreading of `source` (in `sourceCrs`) that lands it within kFarAwayMetres of
// `zoningExtent` in `analysisCrs`, as a phrase ("longitude and latitude are swapped"), or nullopt.
[[nodiscard]] std::optional<std::string> likelyMisreading(const Geometry& source,
                                                          const Crs& sourceCrs,
                                                          const Crs& analysisCrs,
                                                          const Envelope& zoningExtent);

// `source` is the site as read, in `sourceCrs` (before any web-datum conversion); `placed` is
// where the engine put it in `analysisCrs`. Returns a warning (naming `siteName`) when `placed`
// lies more than kFarAwayMetres outside `zoningExtent`, else nullopt.
[[nodiscard]] std::optional<std::string>
farAwayWarning(const std::string& siteName, const Geometry& source, const Crs& sourceCrs,
               const Geometry& placed, const Crs& analysisCrs, const Envelope& zoningExtent);

} // namespace redline
