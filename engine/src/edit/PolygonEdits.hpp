#pragma once
// Geometric edit operations (engine-internal): split a polygon by a line, merge polygons.

#include <string>
#include <vector>

#include "redline/geo/Geometry.hpp"

namespace redline::edit::detail
{

// Nodes the polygon's rings with the line and polygonizes the result; keeps the faces inside the
// polygon. Throws EditError (prefixed with `where`) when the line does not cut it in two or more.
[[nodiscard]] std::vector<Geometry> splitByLine(const Geometry& polygon, const Geometry& line,
                                                const std::string& where);
// Union of polygons; throws EditError when the result is empty.
[[nodiscard]] Geometry mergeAll(const std::vector<Geometry>& polygons, const std::string& where);

} // namespace redline::edit::detail
