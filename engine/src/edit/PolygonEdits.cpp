#include "edit/PolygonEdits.hpp"

#include "redline/edit/EditErrors.hpp"

#include "qa/QaGeos.hpp"

namespace redline::edit::detail
{

using qa::detail::GeomPtr;
using qa::detail::GeosHandle;

std::vector<Geometry> splitByLine(const Geometry& polygon, const Geometry& line,
                                  const std::string& where)
{
    if (line.dimension() != Dimension::Line)
        throw EditError(where + ": a polygon is split by a line, not a " + toString(line.type()) +
                        ".");
    GeosHandle h;
    GeomPtr poly = qa::detail::toGeos(h, polygon);
    GeomPtr cut = qa::detail::toGeos(h, line);
    GeomPtr boundary = qa::detail::wrap(h, GEOSBoundary_r(h.get(), poly.get()), "boundary");
    GeomPtr lines = qa::detail::wrap(h, GEOSUnion_r(h.get(), boundary.get(), cut.get()),
                                     where + ": noding failed");
    GeomPtr noded = qa::detail::wrap(h, GEOSNode_r(h.get(), lines.get()), where + ": noding");
    const GEOSGeometry* input[] = {noded.get()};
    GeomPtr faces =
        qa::detail::wrap(h, GEOSPolygonize_r(h.get(), input, 1), where + ": polygonize failed");
    // Faces inside the original polygon are the pieces; faces filling its holes are not.
    std::vector<Geometry> pieces;
    for (const GeomPtr& face : qa::detail::polygonsOf(h, faces.get()))
    {
        const Point p = qa::detail::pointOnSurface(h, face.get());
        GeomPtr pt = qa::detail::wrap(h, GEOSGeom_createPointFromXY_r(h.get(), p.x, p.y), "point");
        const char inside = GEOSIntersects_r(h.get(), poly.get(), pt.get());
        h.check(inside != 2, where + ": point-in-polygon test failed");
        if (inside == 1)
            pieces.push_back(qa::detail::polygonalFromGeos(h, face.get()));
    }
    if (pieces.size() < 2)
        throw EditError(where + ": the line does not cut the polygon into two or more pieces.");
    return pieces;
}

Geometry mergeAll(const std::vector<Geometry>& polygons, const std::string& where)
{
    GeosHandle h;
    std::vector<GeomPtr> owned;
    std::vector<const GEOSGeometry*> raw;
    for (const Geometry& g : polygons)
    {
        owned.push_back(qa::detail::toGeos(h, g));
        raw.push_back(owned.back().get());
    }
    GeomPtr merged = qa::detail::unionAll(h, raw);
    Geometry out = qa::detail::polygonalFromGeos(h, merged.get());
    if (out.isEmpty())
        throw EditError(where + ": merging gives an empty polygon.");
    return out;
}

} // namespace redline::edit::detail
