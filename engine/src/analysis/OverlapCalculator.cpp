#include "analysis/OverlapCalculator.hpp"

#include <cmath>

#include "redline/core/Error.hpp"

namespace redline::detail
{
namespace
{

// Distance between two envelopes (0 when they intersect).
double envelopeDistance(const Envelope& a, const Envelope& b)
{
    const double dx = std::max({0.0, a.minX - b.maxX, b.minX - a.maxX});
    const double dy = std::max({0.0, a.minY - b.maxY, b.minY - a.maxY});
    return std::hypot(dx, dy);
}

bool predicate(GeosContext& ctx, char result, const char* what)
{
    if (result == 2)
    {
        ctx.check(what);
        throw GeometryError(std::string(what) + " failed");
    }
    return result == 1;
}

// Clip large zones to the site's neighbourhood before the overlay: the intersection then only
// nodes the few zone segments near the site.
GeosGeomPtr clippedZone(GeosContext& ctx, const PreparedZone& zone, const Envelope& siteEnv,
                        const Envelope& zoneEnv)
{
    constexpr std::size_t kClipFromVertices = 32;
    const double siteExtent = std::max(siteEnv.width(), siteEnv.height());
    const double zoneExtent = std::max(zoneEnv.width(), zoneEnv.height());
    if (zone.vertexCount < kClipFromVertices || siteExtent * 4 > zoneExtent)
        return nullptr;
    const Envelope e = siteEnv.grownBy(std::max(1.0, siteExtent * 0.01));
    return own(ctx, GEOSClipByRect_r(ctx.handle(), zone.base.get(), e.minX, e.minY, e.maxX, e.maxY),
               "clipping a zone");
}

} // namespace

std::optional<Hit> measureOverlap(GeosContext& ctx, const SiteGeos& site, const PreparedZone& zone,
                                  const Envelope& zoneEnv, double bufferM,
                                  const EllipsoidalMeasure& measure)
{
    const auto h = ctx.handle();
    const Envelope& siteEnv = site.geometry->envelope();
    if (envelopeDistance(siteEnv, zoneEnv) > bufferM)
        return std::nullopt;

    Hit hit;
    if (!predicate(ctx, GEOSPreparedIntersects_r(h, zone.prepared.get(), site.geos), "intersects"))
    {
        // Without a buffer a zone the site does not meet is no hit: skip the distance.
        if (bufferM <= 0)
            return std::nullopt;
        double d = 0;
        if (GEOSPreparedDistance_r(h, zone.prepared.get(), site.geos, &d) != 1)
            ctx.check("distance");
        if (d > bufferM)
            return std::nullopt;
        hit.distanceM = d;
        return hit;
    }

    hit.distanceM = 0;
    const Dimension dim = site.geometry->dimension();
    if (dim == Dimension::Point)
    {
        // A point on the boundary touches (distance 0) without being contained. A MultiPoint
        // counts as contained when any of its points is, with the share of its points inside.
        const int n = GEOSGetNumGeometries_r(h, site.geos);
        const auto& parts = site.geometry->parts();
        if (n < 1 || static_cast<std::size_t>(n) != parts.size())
        {
            ctx.check("counting points");
            throw GeometryError("the site's points do not match its GEOS geometry");
        }
        std::vector<Part> inside;
        for (int i = 0; i < n; ++i)
            if (predicate(ctx,
                          GEOSPreparedContains_r(h, zone.prepared.get(),
                                                 GEOSGetGeometryN_r(h, site.geos, i)),
                          "contains"))
                inside.push_back(parts[static_cast<std::size_t>(i)]);
        hit.contains = !inside.empty();
        hit.siteShare = static_cast<double>(inside.size()) / n;
        if (inside.size() == parts.size())
            hit.overlap = *site.geometry;
        else if (!inside.empty())
        {
            // Type first: the by-value argument may be moved from before size() is read.
            const auto type = inside.size() == 1 ? GeometryType::Point : GeometryType::MultiPoint;
            hit.overlap = Geometry(type, std::move(inside));
        }
        return hit;
    }

    // Short-cuts: a site inside the zone (boundary contact allowed) overlaps by its own measure,
    // and one that only touches it (shared edges or vertices, interiors apart) not at all; no
    // overlay is needed for either.
    const bool contained =
        predicate(ctx, GEOSPreparedContainsProperly_r(h, zone.prepared.get(), site.geos),
                  "containsProperly") ||
        predicate(ctx, GEOSPreparedCovers_r(h, zone.prepared.get(), site.geos), "covers");
    if (contained)
    {
        hit.overlap = *site.geometry;
    }
    else if (predicate(ctx, GEOSPreparedTouches_r(h, zone.prepared.get(), site.geos), "touches"))
    {
        hit.overlap = Geometry();
    }
    else
    {
        GeosGeomPtr clipped = clippedZone(ctx, zone, siteEnv, zoneEnv);
        const GEOSGeometry* zoneGeom = clipped ? clipped.get() : zone.base.get();
        GeosGeomPtr inter = own(ctx, GEOSIntersection_r(h, zoneGeom, site.geos), "intersection");
        hit.overlap = fromGeos(ctx, inter.get());
        if (hit.overlap.dimension() != dim)
            hit.overlap = Geometry(); // only a touching boundary: not an overlap
    }
    if (dim == Dimension::Area)
    {
        hit.overlapM2 = hit.overlap.planarArea();
        if (hit.overlapM2 > 0)
        {
            // The site's own ellipsoidal area when the zone contains it: no second geodesic sum.
            hit.overlapEllipsoidalM2 = contained ? site.ellipsoidalArea : measure.area(hit.overlap);
            hit.siteShare = site.area > 0 ? hit.overlapM2 / site.area : 0;
        }
    }
    else
    {
        hit.overlapLengthM = hit.overlap.planarLength();
        hit.siteShare = site.length > 0 ? hit.overlapLengthM / site.length : 0;
    }
    return hit;
}

} // namespace redline::detail
