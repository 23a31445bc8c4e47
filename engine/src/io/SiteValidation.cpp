#include "redline/io/SiteValidation.hpp"

#include <cmath>
#include <cstdio>

#include "geos/GeosConvert.hpp"
#include "io/PolygonRepair.hpp"
#include "redline/core/Error.hpp"

namespace redline
{

namespace detail
{

std::optional<std::string> repairPolygon(GeosContext& ctx, Geometry& g)
{
    if (g.dimension() != Dimension::Area)
        return std::nullopt;
    auto gg = toGeos(ctx, g);
    const char valid = GEOSisValid_r(ctx.handle(), gg.get());
    if (valid == 1)
        return std::nullopt;
    if (valid == 2)
        ctx.check("checking validity");
    char* reason = GEOSisValidReason_r(ctx.handle(), gg.get());
    const std::string why = reason ? reason : "invalid";
    GEOSFree_r(ctx.handle(), reason);
    auto fixed = own(ctx, GEOSMakeValid_r(ctx.handle(), gg.get()), "make-valid");
    Geometry repaired = fromGeos(ctx, fixed.get());
    if (repaired.isEmpty() || repaired.dimension() != Dimension::Area ||
        !(repaired.planarArea() > 0))
        throw GeometryError("invalid polygon (" + why +
                            ") that make-valid cannot repair: nothing with an area is left");
    g = std::move(repaired);
    return why;
}

} // namespace detail

namespace
{

std::optional<Point> nonFinitePoint(const Geometry& g)
{
    for (const Part& part : g.parts())
        for (const Ring& ring : part)
            for (const Point& p : ring)
                if (!std::isfinite(p.x) || !std::isfinite(p.y))
                    return p;
    return std::nullopt;
}

std::string coordinateText(const Point& p)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%g, %g)", p.x, p.y);
    return buf;
}

// The reason a site cannot be used, or nullopt; repairs polygons on the way.
std::optional<std::string> problemOf(detail::GeosContext& ctx, Feature& f, const std::string& where,
                                     std::vector<std::string>& warnings)
{
    Geometry& g = f.geometry;
    if (g.isEmpty() || g.vertexCount() == 0)
        return "no geometry";
    if (auto p = nonFinitePoint(g))
        return "coordinate " + coordinateText(*p) + " is not a finite number";
    switch (g.dimension())
    {
    case Dimension::Area:
        try
        {
            if (auto why = detail::repairPolygon(ctx, g))
                warnings.push_back(where + ": invalid polygon (" + *why +
                                   ") repaired with GEOS make-valid.");
        }
        catch (const GeometryError& e)
        {
            ctx.clearError();
            return e.what();
        }
        return std::nullopt;
    case Dimension::Line:
        if (!(g.planarLength() > 0))
            return "a line of zero length (all its points coincide)";
        return std::nullopt;
    case Dimension::Point: return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> repairPolygon(Geometry& g)
{
    detail::GeosContext ctx;
    return detail::repairPolygon(ctx, g);
}

std::string siteLabel(const Feature& f)
{
    for (const char* field : {"site_id", "name", "Name"}) // Name: KML placemarks
        if (auto v = f.attributes.text(field); v && !v->empty())
            return "'" + *v + "'";
    return "fid " + std::to_string(f.fid);
}

std::size_t validateSites(Layer& layer)
{
    detail::GeosContext ctx;
    std::size_t unusable = 0;
    for (Feature& f : layer.features)
    {
        if (f.error.empty())
        {
            const std::string where = describeLocation(layer.source, layer.name, siteLabel(f));
            if (auto problem = problemOf(ctx, f, where, layer.warnings))
            {
                f.error = where + ": " + *problem + ".";
                f.geometry = Geometry();
            }
        }
        unusable += f.error.empty() ? 0 : 1;
    }
    return unusable;
}

} // namespace redline
