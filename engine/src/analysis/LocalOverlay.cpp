#include "analysis/LocalOverlay.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/Orientation.hpp"

namespace redline::detail
{
namespace
{

constexpr double kInf = std::numeric_limits<double>::infinity();

bool overlaps(const BoxF& b, const Envelope& e)
{
    return !(e.minX > b.maxX || e.maxX < b.minX || e.minY > b.maxY || e.maxY < b.minY);
}

Envelope segmentBox(const Point& a, const Point& b)
{
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

double boxDistance(const BoxF& b, const Envelope& e)
{
    const double dx = std::max({0.0, e.minX - b.maxX, b.minX - e.maxX});
    const double dy = std::max({0.0, e.minY - b.maxY, b.minY - e.maxY});
    return std::hypot(dx, dy);
}

double pointSegmentDistance(const Point& p, const Point& a, const Point& b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Distance between two segments known not to intersect.
double segmentDistance(const Point& a, const Point& b, const Point& c, const Point& d)
{
    return std::min({pointSegmentDistance(a, c, d), pointSegmentDistance(b, c, d),
                     pointSegmentDistance(c, a, b), pointSegmentDistance(d, a, b)});
}

// Where p lies in the site's polygons: +1 inside, -1 outside, 0 uncertain (ray to +x).
int locateInSite(const SiteShape& s, const Point& p)
{
    bool inside = false;
    for (const SiteRing& r : s.rings)
        for (std::uint32_t i = r.first; i + 1 < r.first + r.count; ++i)
        {
            const Point& a = s.points[i];
            const Point& b = s.points[i + 1];
            if ((a.y > p.y) == (b.y > p.y))
                continue;
            const Side side = orientation(a, b, p).side;
            if (side == Side::Uncertain)
                return 0;
            if ((b.y > a.y) == (side == Side::Left))
                inside = !inside;
        }
    return inside ? 1 : -1;
}

// Sums the oriented boundary pieces of site ∩ zone (Green's theorem), relative to an origin
// near the site so that the products stay small.
struct Integrator
{
    Point origin;
    double twiceArea = 0, mx = 0, my = 0, length = 0;
    Envelope extent;

    void area(const Point& a, const Point& b, std::int32_t sign)
    {
        extent.expandToInclude(a.x, a.y);
        extent.expandToInclude(b.x, b.y);
        const double ax = a.x - origin.x, ay = a.y - origin.y;
        const double bx = b.x - origin.x, by = b.y - origin.y;
        const double cross = sign * (ax * by - bx * ay);
        twiceArea += cross;
        mx += (ax + bx) * cross;
        my += (ay + by) * cross;
    }
    void line(const Point& a, const Point& b)
    {
        extent.expandToInclude(a.x, a.y);
        extent.expandToInclude(b.x, b.y);
        length += std::hypot(b.x - a.x, b.y - a.y);
    }
};

} // namespace

void localChunks(const FlatZonesView& v, const FlatZone& z, const Envelope& q,
                 std::vector<LocalOverlay::LocalChunk>& out)
{
    out.clear();
    v.edgeIndex(z).query(q, [&](std::uint32_t c, const BoxF& box)
                         { out.push_back({z.firstChunk + c, box}); });
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.chunk < b.chunk; });
}

int locateInZone(const FlatZonesView& v, const FlatZone& z, const Point& p)
{
    const BoxD& e = z.envelope;
    if (p.x < e.minX || p.x > e.maxX || p.y < e.minY || p.y > e.maxY)
        return -1;
    // Cast the ray towards the nearest side of the zone's envelope: fewer edges to look at.
    const double toEast = e.maxX - p.x, toWest = p.x - e.minX;
    const double toNorth = e.maxY - p.y, toSouth = p.y - e.minY;
    const double shortest = std::min({toEast, toWest, toNorth, toSouth});
    const bool horizontal = shortest == toEast || shortest == toWest;
    const bool positive = horizontal ? shortest == toEast : shortest == toNorth;
    Envelope ray = horizontal ? (positive ? Envelope{p.x, p.y, e.maxX, p.y}
                                          : Envelope{e.minX, p.y, p.x, p.y})
                              : (positive ? Envelope{p.x, p.y, p.x, e.maxY}
                                          : Envelope{p.x, e.minY, p.x, p.y});
    int crossings = 0;
    bool uncertain = false;
    v.edgeIndex(z).query(
        ray,
        [&](std::uint32_t c, const BoxF&)
        {
            const FlatChunk& ch = v.chunks[z.firstChunk + c];
            const std::uint32_t end = ch.first + v.segmentsOf(ch);
            for (std::uint32_t j = ch.first; j < end; ++j)
            {
                const Point& a = v.points[j];
                const Point& b = v.points[j + 1];
                // Half-open rule: a vertex on the ray's line counts on one side only.
                const bool straddles = horizontal ? (a.y > p.y) != (b.y > p.y)
                                                  : (a.x > p.x) != (b.x > p.x);
                if (!straddles)
                    continue;
                const Side side = orientation(a, b, p).side;
                if (side == Side::Uncertain)
                {
                    uncertain = true;
                    continue;
                }
                // Horizontal: is the edge east of p? Vertical: is it north of p?
                const bool ahead = horizontal ? (b.y > a.y) == (side == Side::Left)
                                              : (b.x > a.x) == (side == Side::Right);
                if (ahead == positive)
                    ++crossings;
            }
        });
    if (uncertain)
        return 0;
    return crossings % 2 ? 1 : -1;
}

LocalFacts LocalOverlay::measurePoint(const FlatZonesView& v, const FlatZone& z,
                                      const SiteShape& site)
{
    LocalFacts f;
    if (site.multiPoint)
    {
        f.relation = Relation::Uncertain; // GEOS decides contains/touches for point sets
        return f;
    }
    const Point& p = site.points.front();
    localChunks(v, z, site.envelope, m_local);
    for (const LocalChunk& lc : m_local)
    {
        const FlatChunk& ch = v.chunks[lc.chunk];
        const std::uint32_t end = ch.first + v.segmentsOf(ch);
        for (std::uint32_t j = ch.first; j < end; ++j)
            if (segmentBox(v.points[j], v.points[j + 1]).intersects(site.envelope) &&
                orientation(v.points[j], v.points[j + 1], p).side == Side::Uncertain)
            {
                f.relation = Relation::Uncertain; // on (or at a hair from) the boundary
                return f;
            }
    }
    const int where = locateInZone(v, z, p);
    f.relation = where > 0 ? Relation::Within : where < 0 ? Relation::Disjoint : Relation::Uncertain;
    return f;
}

bool LocalOverlay::findCrossings(const FlatZonesView& v, const SiteShape& site)
{
    m_crossings.clear();
    for (const SiteRing& r : site.rings)
        for (std::uint32_t i = r.first; i + 1 < r.first + r.count; ++i)
        {
            const Point& ea = site.points[i];
            const Point& eb = site.points[i + 1];
            if (ea == eb)
                continue;
            const Envelope box = segmentBox(ea, eb);
            const std::size_t before = m_crossings.size();
            for (const LocalChunk& lc : m_local)
            {
                if (!overlaps(lc.box, box))
                    continue;
                const FlatChunk& ch = v.chunks[lc.chunk];
                const std::int32_t zoneSign = v.rings[ch.ring].sign;
                const std::uint32_t end = ch.first + v.segmentsOf(ch);
                for (std::uint32_t j = ch.first; j < end; ++j)
                {
                    const Point& fa = v.points[j];
                    const Point& fb = v.points[j + 1];
                    if (fa == fb || !segmentBox(fa, fb).intersects(box))
                        continue;
                    const Orientation o1 = orientation(fa, fb, ea);
                    const Orientation o2 = orientation(fa, fb, eb);
                    const Orientation o3 = orientation(ea, eb, fa);
                    const Orientation o4 = orientation(ea, eb, fb);
                    if (o1.side == Side::Uncertain || o2.side == Side::Uncertain ||
                        o3.side == Side::Uncertain || o4.side == Side::Uncertain)
                        return false;
                    if (o1.side == o2.side || o3.side == o4.side)
                        continue;
                    Crossing c;
                    c.siteEdge = i;
                    c.zoneEdge = j;
                    c.tSite = o1.det / (o1.det - o2.det);
                    c.tZone = o3.det / (o3.det - o4.det);
                    c.at = {ea.x + c.tSite * (eb.x - ea.x), ea.y + c.tSite * (eb.y - ea.y)};
                    c.siteEnters = (o2.side == Side::Left) == (zoneSign > 0);
                    c.zoneEnters = (o4.side == Side::Left) == (r.sign > 0);
                    m_crossings.push_back(c);
                }
            }
            std::sort(m_crossings.begin() + static_cast<std::ptrdiff_t>(before), m_crossings.end(),
                      [](const Crossing& a, const Crossing& b) { return a.tSite < b.tSite; });
        }
    return true;
}

LocalFacts LocalOverlay::measure(const FlatZonesView& v, std::uint32_t zone, const SiteShape& site)
{
    const FlatZone& z = v.zones[zone];
    if (site.dimension == Dimension::Point)
        return measurePoint(v, z, site);

    LocalFacts f;
    localChunks(v, z, site.envelope, m_local);
    if (m_local.empty())
    {
        // No zone edge in the site's envelope: the whole envelope is inside or outside.
        const int where = locateInZone(v, z, site.points.front());
        f.relation = where > 0 ? Relation::Within : where < 0 ? Relation::Disjoint
                                                             : Relation::Uncertain;
        return f;
    }
    if (!findCrossings(v, site))
    {
        f.relation = Relation::Uncertain;
        return f;
    }

    const bool polygon = site.dimension == Dimension::Area;
    Integrator sum;
    sum.origin = {(site.envelope.minX + site.envelope.maxX) / 2,
                  (site.envelope.minY + site.envelope.maxY) / 2};
    bool anySiteInside = false, allSiteInside = true;

    // Site pieces inside the zone.
    std::size_t next = 0; // first crossing of the current ring (crossings are in ring order)
    for (const SiteRing& r : site.rings)
    {
        const std::uint32_t last = r.first + r.count - 1; // first vertex of no edge
        std::size_t begin = next;
        while (next < m_crossings.size() && m_crossings[next].siteEdge < last)
            ++next;
        bool inside = false;
        if (begin == next)
        {
            const int where = locateInZone(v, z, site.points[r.first]);
            if (where == 0)
            {
                f.relation = Relation::Uncertain;
                return f;
            }
            inside = where > 0;
        }
        else
        {
            inside = !m_crossings[begin].siteEnters;
        }
        anySiteInside = anySiteInside || inside || begin != next;
        allSiteInside = allSiteInside && inside && begin == next;
        std::size_t c = begin;
        for (std::uint32_t i = r.first; i < last; ++i)
        {
            Point at = site.points[i];
            for (; c < next && m_crossings[c].siteEdge == i; ++c)
            {
                const Crossing& x = m_crossings[c];
                if (x.siteEnters == inside)
                {
                    f.relation = Relation::Uncertain; // crossings must alternate
                    return f;
                }
                if (inside)
                    polygon ? sum.area(at, x.at, r.sign) : sum.line(at, x.at);
                inside = x.siteEnters;
                at = x.at;
            }
            if (inside)
                polygon ? sum.area(at, site.points[i + 1], r.sign)
                        : sum.line(at, site.points[i + 1]);
        }
    }

    bool anyZoneInside = false;
    if (polygon)
    {
        // Zone pieces inside the site, walked along runs of consecutive local chunks.
        m_byZone.resize(m_crossings.size());
        for (std::uint32_t k = 0; k < m_byZone.size(); ++k)
            m_byZone[k] = k;
        std::sort(m_byZone.begin(), m_byZone.end(),
                  [&](std::uint32_t a, std::uint32_t b)
                  {
                      const Crossing& x = m_crossings[a];
                      const Crossing& y = m_crossings[b];
                      return x.zoneEdge != y.zoneEdge ? x.zoneEdge < y.zoneEdge : x.tZone < y.tZone;
                  });
        std::size_t c = 0;
        for (std::size_t k = 0; k < m_local.size();)
        {
            std::size_t end = k + 1;
            while (end < m_local.size() && m_local[end].chunk == m_local[end - 1].chunk + 1 &&
                   v.chunks[m_local[end].chunk].ring == v.chunks[m_local[k].chunk].ring)
                ++end;
            const FlatChunk& firstChunk = v.chunks[m_local[k].chunk];
            const FlatChunk& lastChunk = v.chunks[m_local[end - 1].chunk];
            const std::int32_t sign = v.rings[firstChunk.ring].sign;
            const std::uint32_t from = firstChunk.first;
            const std::uint32_t to = lastChunk.first + v.segmentsOf(lastChunk); // last vertex
            while (c < m_byZone.size() && m_crossings[m_byZone[c]].zoneEdge < from)
                ++c;
            std::size_t cEnd = c;
            while (cEnd < m_byZone.size() && m_crossings[m_byZone[cEnd]].zoneEdge < to)
                ++cEnd;
            bool inside = false;
            if (c == cEnd)
            {
                const Point& p = v.points[from];
                const int where = site.envelope.intersects({p.x, p.y, p.x, p.y})
                                      ? locateInSite(site, p)
                                      : -1;
                if (where == 0)
                {
                    f.relation = Relation::Uncertain;
                    return f;
                }
                inside = where > 0;
            }
            else
            {
                inside = !m_crossings[m_byZone[c]].zoneEnters;
            }
            anyZoneInside = anyZoneInside || inside || c != cEnd;
            for (std::uint32_t j = from; j < to; ++j)
            {
                Point at = v.points[j];
                for (; c < cEnd && m_crossings[m_byZone[c]].zoneEdge == j; ++c)
                {
                    const Crossing& x = m_crossings[m_byZone[c]];
                    if (x.zoneEnters == inside)
                    {
                        f.relation = Relation::Uncertain;
                        return f;
                    }
                    if (inside)
                        sum.area(at, x.at, sign);
                    inside = x.zoneEnters;
                    at = x.at;
                }
                if (inside)
                    sum.area(at, v.points[j + 1], sign);
            }
            k = end;
        }
    }

    if (!anySiteInside && !anyZoneInside)
        return f; // disjoint
    if (allSiteInside && !anyZoneInside)
    {
        f.relation = Relation::Within;
        return f;
    }
    f.relation = Relation::Intersects;
    f.extent = sum.extent;
    if (polygon)
    {
        f.area = sum.twiceArea / 2;
        if (!(f.area > 0))
        {
            f.relation = Relation::Uncertain; // proper crossings always enclose some area
            return f;
        }
        f.centroid = {sum.origin.x + sum.mx / (3 * sum.twiceArea),
                      sum.origin.y + sum.my / (3 * sum.twiceArea)};
    }
    else
    {
        f.length = sum.length;
    }
    return f;
}

double LocalOverlay::distance(const FlatZonesView& v, std::uint32_t zone, const SiteShape& site,
                              double limit)
{
    const FlatZone& z = v.zones[zone];
    localChunks(v, z, site.envelope.grownBy(limit), m_local);
    double best = kInf;
    auto visit = [&](const Point& a, const Point& b)
    {
        const Envelope box = segmentBox(a, b);
        for (const LocalChunk& lc : m_local)
        {
            if (boxDistance(lc.box, box) > std::min(best, limit))
                continue;
            const FlatChunk& ch = v.chunks[lc.chunk];
            const std::uint32_t end = ch.first + v.segmentsOf(ch);
            for (std::uint32_t j = ch.first; j < end; ++j)
                best = std::min(best, segmentDistance(a, b, v.points[j], v.points[j + 1]));
        }
    };
    for (const SiteRing& r : site.rings)
    {
        if (r.count == 1)
            visit(site.points[r.first], site.points[r.first]);
        for (std::uint32_t i = r.first; i + 1 < r.first + r.count; ++i)
            visit(site.points[i], site.points[i + 1]);
    }
    return best;
}

} // namespace redline::detail
