#include "analysis/LocalClip.hpp"

#include <algorithm>
#include <cmath>

namespace redline::detail
{
namespace
{

enum RectSide
{
    kLeft,
    kRight,
    kBottom,
    kTop
};

struct Rect
{
    Envelope e;

    [[nodiscard]] bool inside(const Point& p) const
    {
        return p.x > e.minX && p.x < e.maxX && p.y > e.minY && p.y < e.maxY;
    }
    [[nodiscard]] double perimeter() const { return 2 * (e.width() + e.height()); }
    // Position along the boundary, counter-clockwise from the lower-left corner.
    [[nodiscard]] double along(const Point& p, int side) const
    {
        const double w = e.width(), h = e.height();
        switch (side)
        {
        case kBottom: return p.x - e.minX;
        case kRight: return w + (p.y - e.minY);
        case kTop: return w + h + (e.maxX - p.x);
        default: return 2 * w + h + (e.maxY - p.y);
        }
    }
    [[nodiscard]] Point corner(int k) const
    {
        switch (k)
        {
        case 0: return {e.minX, e.minY};
        case 1: return {e.maxX, e.minY};
        case 2: return {e.maxX, e.maxY};
        default: return {e.minX, e.maxY};
        }
    }
    [[nodiscard]] double cornerAlong(int k) const
    {
        const double w = e.width(), h = e.height();
        const double at[] = {0, w, w + h, 2 * w + h};
        return at[k];
    }
    // The point of a -> b at parameter t, put exactly on `side`.
    [[nodiscard]] Point onSide(const Point& a, const Point& b, double t, int side) const
    {
        Point p{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        switch (side)
        {
        case kLeft: p.x = e.minX; break;
        case kRight: p.x = e.maxX; break;
        case kBottom: p.y = e.minY; break;
        default: p.y = e.maxY; break;
        }
        p.x = std::clamp(p.x, e.minX, e.maxX);
        p.y = std::clamp(p.y, e.minY, e.maxY);
        return p;
    }
};

// Liang-Barsky: the part [t0, t1] of a -> b inside the rectangle and the sides it enters and
// leaves by (-1 when it starts or ends inside). False when it misses the rectangle.
bool clipSegment(const Rect& r, const Point& a, const Point& b, double& t0, double& t1, int& in,
                 int& out)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.e.minX, r.e.maxX - a.x, a.y - r.e.minY, r.e.maxY - a.y};
    t0 = 0;
    t1 = 1;
    in = out = -1;
    for (int k = 0; k < 4; ++k)
    {
        if (p[k] == 0)
        {
            if (q[k] < 0)
                return false;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0)
        {
            if (t > t0)
            {
                t0 = t;
                in = k;
            }
        }
        else if (t < t1)
        {
            t1 = t;
            out = k;
        }
    }
    return t0 < t1;
}

struct Chain
{
    std::vector<Point> points;
    double entry = 0; // position of its first point along the boundary
    double exit = 0;  // position of its last point
};

class Clipper
{
public:
    Clipper(const FlatZonesView& v, const Rect& r) : m_v(v), m_r(r) {}

    // Cuts `steps` segments from point `from` on (wrapping from ringLast to ringFirst: the
    // ring's closing point repeats its first) out of the rectangle. The run must start outside.
    bool cutRun(std::uint32_t from, std::uint32_t steps, std::uint32_t ringFirst,
                std::uint32_t ringLast, std::int32_t sign)
    {
        bool in = false;
        Chain chain;
        std::uint32_t j = from;
        for (std::uint32_t s = 0; s < steps; ++s)
        {
            const Point& a = m_v.points[j];
            const Point& b = m_v.points[j + 1];
            const bool bIn = m_r.inside(b);
            if (in && bIn)
            {
                chain.points.push_back(b);
            }
            else
            {
                double t0 = 0, t1 = 0;
                int sideIn = -1, sideOut = -1;
                if (clipSegment(m_r, a, b, t0, t1, sideIn, sideOut))
                {
                    if (!in)
                    {
                        if (sideIn < 0)
                            return false;
                        chain = Chain{};
                        const Point p = m_r.onSide(a, b, t0, sideIn);
                        chain.points.push_back(p);
                        chain.entry = m_r.along(p, sideIn);
                    }
                    if (bIn)
                    {
                        chain.points.push_back(b);
                    }
                    else
                    {
                        if (sideOut < 0)
                            return false;
                        const Point p = m_r.onSide(a, b, t1, sideOut);
                        chain.points.push_back(p);
                        chain.exit = m_r.along(p, sideOut);
                        finish(std::move(chain), sign);
                        chain = Chain{};
                    }
                }
                else if (in)
                {
                    return false; // left the rectangle without crossing its boundary
                }
            }
            in = bIn;
            j = j + 1 == ringLast ? ringFirst : j + 1;
        }
        return !in;
    }

    void closedRing(std::uint32_t first, std::uint32_t count, std::int32_t sign)
    {
        std::vector<Point> ring(m_v.points.begin() + first, m_v.points.begin() + first + count);
        if (sign < 0)
            std::reverse(ring.begin(), ring.end());
        m_closed.push_back(std::move(ring));
    }

    std::vector<Chain>& chains() { return m_chains; }
    std::vector<Ring>& closed() { return m_closed; }

private:
    void finish(Chain chain, std::int32_t sign)
    {
        if (sign < 0)
        {
            std::reverse(chain.points.begin(), chain.points.end());
            std::swap(chain.entry, chain.exit);
        }
        m_chains.push_back(std::move(chain));
    }

    const FlatZonesView& m_v;
    const Rect& m_r;
    std::vector<Chain> m_chains;
    std::vector<Ring> m_closed;
};

double signedArea(const Ring& ring)
{
    double a = 0;
    const Point o = ring.front();
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        a += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
    return a / 2;
}

bool ringContains(const Ring& ring, const Point& p)
{
    bool inside = false;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    {
        const Point& a = ring[i];
        const Point& b = ring[i + 1];
        if ((a.y > p.y) != (b.y > p.y) &&
            p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x))
            inside = !inside;
    }
    return inside;
}

// Joins the chains into shells by walking the boundary counter-clockwise from each exit to the
// next entry. False when entries and exits do not alternate along the boundary.
bool joinChains(const Rect& r, std::vector<Chain>& chains, std::vector<Ring>& shells)
{
    struct Event
    {
        double at;
        bool entry;
        std::size_t chain;
    };
    std::vector<Event> events;
    for (std::size_t i = 0; i < chains.size(); ++i)
    {
        events.push_back({chains[i].entry, true, i});
        events.push_back({chains[i].exit, false, i});
    }
    std::sort(events.begin(), events.end(),
              [](const Event& a, const Event& b) { return a.at < b.at; });
    std::vector<std::size_t> nextChain(chains.size());
    for (std::size_t k = 0; k < events.size(); ++k)
    {
        const Event& e = events[k];
        const Event& n = events[(k + 1) % events.size()];
        if (n.at == e.at && events.size() > 1)
            return false;
        if (!e.entry)
        {
            if (!n.entry)
                return false;
            nextChain[e.chain] = n.chain;
        }
    }
    const double perimeter = r.perimeter();
    std::vector<bool> used(chains.size(), false);
    for (std::size_t start = 0; start < chains.size(); ++start)
    {
        if (used[start])
            continue;
        Ring ring;
        std::size_t cur = start;
        for (std::size_t guard = 0; guard <= chains.size(); ++guard)
        {
            used[cur] = true;
            const Chain& c = chains[cur];
            ring.insert(ring.end(), c.points.begin(), c.points.end());
            const std::size_t nxt = nextChain[cur];
            // Corners passed between this exit and the next entry, counter-clockwise.
            const double from = c.exit;
            double to = chains[nxt].entry;
            if (to <= from)
                to += perimeter;
            for (int lap = 0; lap < 2; ++lap)
                for (int k = 0; k < 4; ++k)
                {
                    const double at = r.cornerAlong(k) + lap * perimeter;
                    if (at > from && at < to)
                        ring.push_back(r.corner(k));
                }
            if (nxt == start)
                break;
            if (used[nxt])
                return false;
            cur = nxt;
        }
        if (ring.front() != ring.back())
            ring.push_back(ring.front());
        if (ring.size() < 4)
            return false;
        shells.push_back(std::move(ring));
    }
    return true;
}

bool vertexOnSide(const FlatZonesView& v, const std::vector<LocalOverlay::LocalChunk>& local,
                  const Envelope& e)
{
    for (const auto& lc : local)
    {
        const FlatChunk& ch = v.chunks[lc.chunk];
        const std::uint32_t end = ch.first + v.segmentsOf(ch);
        for (std::uint32_t j = ch.first; j <= end; ++j)
        {
            const Point& p = v.points[j];
            if (p.x == e.minX || p.x == e.maxX || p.y == e.minY || p.y == e.maxY)
                return true;
        }
    }
    return false;
}

} // namespace

std::optional<Geometry> clipZone(const FlatZonesView& v, std::uint32_t zone, Envelope& rect,
                                 std::vector<LocalOverlay::LocalChunk>& local)
{
    const FlatZone& z = v.zones[zone];
    localChunks(v, z, rect, local);
    for (int attempt = 0; vertexOnSide(v, local, rect); ++attempt)
    {
        if (attempt == 8)
            return std::nullopt;
        const double grow = std::max({1e-3, rect.width(), rect.height()}) * 1e-3 * (attempt + 1);
        rect = rect.grownBy(grow);
        localChunks(v, z, rect, local);
    }
    const Rect r{rect};
    Clipper clipper(v, r);

    // Per ring: runs of consecutive local chunks. A run touching the ring's start continues the
    // run at the ring's end, so every run starts (and ends) at a vertex outside the rectangle.
    for (std::size_t k = 0; k < local.size();)
    {
        const std::uint32_t ringIndex = v.chunks[local[k].chunk].ring;
        const FlatRing& ring = v.rings[ringIndex];
        const std::uint32_t ringLast = ring.first + ring.count - 1; // == first point
        const std::uint32_t chunkCount = (ring.count - 1 + kChunkSegments - 1) / kChunkSegments;
        std::size_t end = k;
        while (end < local.size() && v.chunks[local[end].chunk].ring == ringIndex)
            ++end;
        // Runs of consecutive chunks within this ring.
        struct Run
        {
            std::uint32_t from, to; // point indices, to = last point
        };
        std::vector<Run> runs;
        for (std::size_t a = k; a < end;)
        {
            std::size_t b = a + 1;
            while (b < end && local[b].chunk == local[b - 1].chunk + 1)
                ++b;
            const FlatChunk& last = v.chunks[local[b - 1].chunk];
            runs.push_back({v.chunks[local[a].chunk].first, last.first + v.segmentsOf(last)});
            a = b;
        }
        const bool wholeRing = end - k == chunkCount;
        if (wholeRing)
        {
            // Start from a vertex outside the rectangle, or keep the ring as it is.
            std::uint32_t start = ring.first;
            while (start < ringLast && r.inside(v.points[start]))
                ++start;
            if (start == ringLast)
                clipper.closedRing(ring.first, ring.count, ring.sign);
            else if (!clipper.cutRun(start, ring.count - 1, ring.first, ringLast, ring.sign))
                return std::nullopt;
        }
        else
        {
            if (runs.size() > 1 && runs.front().from == ring.first && runs.back().to == ringLast)
            {
                runs.back().to = runs.front().to + (ringLast - ring.first); // wraps
                runs.erase(runs.begin());
            }
            for (const Run& run : runs)
                if (!clipper.cutRun(run.from, run.to - run.from, ring.first, ringLast, ring.sign))
                    return std::nullopt;
        }
        k = end;
    }

    std::vector<Ring> shells;
    std::vector<Ring> holes;
    if (clipper.chains().empty())
    {
        const int where = locateInZone(v, z, r.corner(0));
        if (where == 0)
            return std::nullopt;
        if (where > 0)
            shells.push_back({r.corner(0), r.corner(1), r.corner(2), r.corner(3), r.corner(0)});
    }
    else if (!joinChains(r, clipper.chains(), shells))
    {
        return std::nullopt;
    }
    for (Ring& ring : clipper.closed())
        (signedArea(ring) > 0 ? shells : holes).push_back(std::move(ring));

    std::vector<Part> parts(shells.size());
    std::vector<double> shellArea(shells.size());
    for (std::size_t i = 0; i < shells.size(); ++i)
    {
        shellArea[i] = signedArea(shells[i]);
        parts[i].push_back(std::move(shells[i]));
    }
    for (Ring& hole : holes)
    {
        std::size_t best = parts.size();
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (ringContains(parts[i].front(), hole.front()) &&
                (best == parts.size() || shellArea[i] < shellArea[best]))
                best = i;
        if (best == parts.size())
            return std::nullopt;
        parts[best].push_back(std::move(hole));
    }
    if (parts.empty())
        return Geometry();
    return Geometry(parts.size() == 1 ? GeometryType::Polygon : GeometryType::MultiPolygon,
                    std::move(parts));
}

} // namespace redline::detail
