#pragma once
// Suggests the likely CRS of coordinates that came without one, from their ranges (China-centric:
// lon/lat, Gauss-Krüger with or without zone prefix, swapped axes). Engine-internal.

#include <string>

#include "redline/geo/Envelope.hpp"

namespace redline::detail
{

// A phrase such as "they look like longitude/latitude (EPSG:4490 or EPSG:4326)"; empty if unknown.
[[nodiscard]] std::string guessCrsFromExtent(const Envelope& e);

} // namespace redline::detail
