#include "edit/PolygonEdits.hpp"

#include "redline/edit/EditErrors.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"

namespace redline::edit::detail
{

using redline::detail::GeosContext;
using redline::detail::GeosGeomPtr;
using redline::detail::OpenRings;

std::vector<Geometry> splitByLine(const Geometry& polygon, const Geometry& line,
                                  const std::string& where)
{
    if (line.dimension() != Dimension::Line)
        throw EditError(where + ": a polygon is split by a line, not a " + toString(line.type()) +
                        ".");
    GeosContext h;
    GeosGeomPtr poly = redline::detail::toGeos(h, polygon, OpenRings::Close);
    GeosGeomPtr cut = redline::detail::toGeos(h, line, OpenRings::Close);
    GeosGeomPtr boundary =
        redline::detail::own(h, GEOSBoundary_r(h.handle(), poly.get()), "boundary");
    GeosGeomPtr lines = redline::detail::own(h, GEOSUnion_r(h.handle(), boundary.get(), cut.get()),
                                             where + ": joining the boundary and the line");
    GeosGeomPtr noded =
        redline::detail::own(h, GEOSNode_r(h.handle(), lines.get()), where + ": noding");
    const GEOSGeometry* input[] = {noded.get()};
    GeosGeomPtr faces =
        redline::detail::own(h, GEOSPolygonize_r(h.handle(), input, 1), where + ": polygonize");
    // Faces inside the original polygon are the pieces; faces filling its holes are not.
    std::vector<Geometry> pieces;
    for (const GeosGeomPtr& face : redline::detail::polygonsOf(h, faces.get()))
    {
        const Point p = redline::detail::pointOnSurface(h, face.get());
        GeosGeomPtr pt =
            redline::detail::own(h, GEOSGeom_createPointFromXY_r(h.handle(), p.x, p.y), "point");
        const char inside = GEOSIntersects_r(h.handle(), poly.get(), pt.get());
        h.require(inside != 2, where + ": point-in-polygon test failed");
        if (inside == 1)
            pieces.push_back(redline::detail::polygonalFromGeos(h, face.get()));
    }
    if (pieces.size() < 2)
        throw EditError(where + ": the line does not cut the polygon into two or more pieces.");
    return pieces;
}

Geometry mergeAll(const std::vector<Geometry>& polygons, const std::string& where)
{
    GeosContext h;
    std::vector<GeosGeomPtr> owned;
    std::vector<const GEOSGeometry*> raw;
    for (const Geometry& g : polygons)
    {
        owned.push_back(redline::detail::toGeos(h, g, OpenRings::Close));
        raw.push_back(owned.back().get());
    }
    GeosGeomPtr merged = redline::detail::unionAll(h, raw);
    Geometry out = redline::detail::polygonalFromGeos(h, merged.get());
    if (out.isEmpty())
        throw EditError(where + ": merging gives an empty polygon.");
    return out;
}

} // namespace redline::edit::detail
