#pragma once
// A zone clipped to a rectangle, built from the zone edges inside the rectangle only
// (engine-internal). The GEOS fallbacks of the local overlay (touching sites, overlap geometry
// for map outputs) then work on a polygon whose size depends on the site's neighbourhood, not on
// the zone.
//
// Each ring's pieces inside the rectangle are cut out of the runs of local chunks, oriented with
// the zone's interior on their left, and joined by walking the rectangle's boundary
// counter-clockwise from each exit to the next entry (as in Weiler-Atherton clipping; the
// rectangle's corners are added on the way). Rings wholly inside are kept; holes go to the
// smallest shell around them. The rectangle is grown a little until no zone vertex lies on its
// sides, so no zone edge runs along them.

#include <optional>
#include <vector>

#include "analysis/LocalOverlay.hpp"

namespace redline::detail
{

// Zone ∩ rect as a (multi)polygon (empty when they do not meet), and the rectangle actually
// used (`rect`, possibly grown); nullopt when the pieces do not join up consistently (then clip
// the whole zone instead).
[[nodiscard]] std::optional<Geometry> clipZone(const FlatZonesView& v, std::uint32_t zone,
                                               Envelope& rect,
                                               std::vector<LocalOverlay::LocalChunk>& scratch);

} // namespace redline::detail
