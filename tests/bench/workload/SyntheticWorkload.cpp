#include "SyntheticWorkload.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <numbers>
#include <random>

#include "redline/geo/CrsTransform.hpp"
#include "redline/io/VectorWriter.hpp"

namespace redline::bench
{

WorkloadSpec WorkloadSpec::county()
{
    return WorkloadSpec{};
}

WorkloadSpec WorkloadSpec::scaled(double storeScale, std::size_t sites)
{
    WorkloadSpec s;
    s.sites = sites;
    if (storeScale == 1)
        return s;
    // County cells are 5,000 m x 4,615 m; the scaled extent is 0.75 sqrt(k) times as wide and
    // sqrt(k) / 0.75 times as tall as the county's 60 km square.
    const double width = 60000 * std::sqrt(storeScale) * 0.75;
    const double height = 60000 * std::sqrt(storeScale) / 0.75;
    const double cx = (s.extent.minX + s.extent.maxX) / 2;
    const double cy = (s.extent.minY + s.extent.maxY) / 2;
    s.extent = {cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2};
    auto times = [storeScale](std::size_t n)
    { return static_cast<std::size_t>(std::lround(static_cast<double>(n) * storeScale)); };
    s.redlinePolygons = times(s.redlinePolygons);
    s.waterZones = times(s.waterZones);
    s.protectedAreas = times(s.protectedAreas);
    s.controlColumns = static_cast<std::size_t>(std::lround(width / 5000));
    s.controlRows = static_cast<std::size_t>(std::lround(height / (60000.0 / 13)));
    return s;
}

WorkloadSpec WorkloadSpec::small(std::size_t sites)
{
    WorkloadSpec s;
    s.seed = 7;
    s.extent = {560000, 3110000, 580000, 3130000};
    s.redlinePolygons = 40;
    s.minVertices = 200;
    s.maxVertices = 1000;
    s.minRadiusM = 200;
    s.maxRadiusM = 800;
    s.controlColumns = 5;
    s.controlRows = 6;
    s.waterZones = 8;
    s.protectedAreas = 4;
    s.sites = sites;
    s.otherCrsShare = 0.15;
    return s;
}

void WorkloadSpec::addCoordinationLayers()
{
    const double counties = extent.width() * extent.height() / (60000.0 * 60000.0);
    farmlandParcels = static_cast<std::size_t>(std::lround(600 * counties));
    developmentZones = static_cast<std::size_t>(std::lround(12 * counties));
}

namespace
{

constexpr double kTwoPi = 2 * std::numbers::pi;

class Rng
{
  public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    // [0, 1) from the top 53 bits, identical on every platform.
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Log-uniform in [lo, hi): size distributions of parcels and zones are roughly log-normal.
    double logUniform(double lo, double hi) { return lo * std::pow(hi / lo, uniform()); }
    std::size_t index(std::size_t n) { return static_cast<std::size_t>(m_engine() % n); }
    std::size_t between(std::size_t lo, std::size_t hi) { return lo + index(hi - lo + 1); }
    bool chance(double p) { return uniform() < p; }

  private:
    std::mt19937_64 m_engine;
};

struct Circle
{
    Point centre;
    double inner = 0; // radius of a disc the ring surely contains
    double outer = 0; // radius of a disc that surely contains the ring
};

// A closed star-shaped ring around `c`: r(θ) = R (1 + Σ a_k sin(kθ + φ_k) + noise) with strictly
// increasing angles, hence simple. `waviness` is Σ a_k, `noise` the per-vertex jitter (both
// fractions of R); their sum must stay below 1.
Ring starRing(Rng& rng, Point c, double radius, std::size_t n, double waviness, double noise,
              Circle* bounds = nullptr)
{
    constexpr int kHarmonics = 5;
    double amplitude[kHarmonics];
    double phase[kHarmonics];
    double sum = 0;
    for (int k = 0; k < kHarmonics; ++k)
    {
        amplitude[k] = rng.uniform();
        phase[k] = rng.uniform(0, kTwoPi);
        sum += amplitude[k];
    }
    const double step = kTwoPi / static_cast<double>(n);
    Ring ring;
    ring.reserve(n + 1);
    double minR = std::numeric_limits<double>::infinity();
    double maxR = 0;
    for (std::size_t i = 0; i < n; ++i)
    {
        const double theta = (static_cast<double>(i) + rng.uniform(-0.3, 0.3)) * step;
        double f = 1 + noise * rng.uniform(-1, 1);
        for (int k = 0; k < kHarmonics; ++k)
            f += waviness * amplitude[k] / sum * std::sin((k + 2) * theta + phase[k]);
        const double r = radius * f;
        minR = std::min(minR, r);
        maxR = std::max(maxR, r);
        ring.push_back({c.x + r * std::cos(theta), c.y + r * std::sin(theta)});
    }
    ring.push_back(ring.front());
    if (bounds)
        // Chords between neighbours (at most 1.6 steps apart) dip to minR cos(0.8 step).
        *bounds = {c, minR * std::cos(step), maxR};
    return ring;
}

struct StarZone
{
    Ring shell;
    Circle bounds;
    std::vector<Circle> holes;
};

// Up to `maxHoles` disjoint star-shaped holes well inside the shell's inscribed disc.
std::vector<Ring> addHoles(Rng& rng, StarZone& zone, std::size_t maxHoles)
{
    std::vector<Ring> rings;
    const std::size_t wanted = rng.between(0, maxHoles);
    const double m = zone.bounds.inner;
    for (std::size_t attempt = 0; attempt < 30 && rings.size() < wanted; ++attempt)
    {
        const double rh = rng.uniform(0.06, 0.14) * m;
        const double d = rng.uniform(0.15, 0.55) * m;
        const double a = rng.uniform(0, kTwoPi);
        const Point c{zone.bounds.centre.x + d * std::cos(a),
                      zone.bounds.centre.y + d * std::sin(a)};
        bool clear = true;
        for (const auto& h : zone.holes)
            clear = clear &&
                    std::hypot(c.x - h.centre.x, c.y - h.centre.y) > 1.4 * (rh + h.outer / 1.3) + 5;
        if (!clear)
            continue;
        Circle hb;
        rings.push_back(starRing(rng, c, rh, rng.between(40, 200), 0.25, 0.02, &hb));
        zone.holes.push_back(hb);
    }
    return rings;
}

Layer makeLayer(const std::string& name, const Crs& crs, std::vector<std::string> fields)
{
    Layer l;
    l.name = name;
    l.crs = crs;
    l.fieldNames = std::move(fields);
    return l;
}

std::string numbered(const char* prefix, std::size_t n, int width)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%0*zu", prefix, width, n);
    return buf;
}

Point pointAt(Point c, double r, double angle)
{
    return {c.x + r * std::cos(angle), c.y + r * std::sin(angle)};
}

// One interior edge of the control-unit partition: its vertices from one node to the next, and
// the unit normal of its chord (towards the cell on the left of the chord).
struct PartitionEdge
{
    Ring chain;
    Point normal;
};

class Generator
{
  public:
    explicit Generator(const WorkloadSpec& spec)
        : m_spec(spec), m_rng(spec.seed), m_crs(Crs::fromEpsg(4549))
    {
    }

    Workload run()
    {
        Workload w;
        w.zoneLayers.push_back(redlines());
        w.zoneLayers.push_back(controlUnits());
        w.zoneLayers.push_back(waterZones());
        w.zoneLayers.push_back(protectedAreas());
        sites(w);
        if (m_spec.farmlandParcels > 0)
            w.zoneLayers.push_back(farmland());
        if (m_spec.developmentZones > 0)
            w.zoneLayers.push_back(developmentBoundary());
        return w;
    }

  private:
    Point randomPoint(double inset)
    {
        const Envelope& e = m_spec.extent;
        return {m_rng.uniform(e.minX + inset, e.maxX - inset),
                m_rng.uniform(e.minY + inset, e.maxY - inset)};
    }

    Layer redlines()
    {
        static const char* kTypes[] = {"water_conservation", "soil_conservation", "scenic"};
        Layer l = makeLayer("ecological_redline", m_crs, {"zone_id", "name", "redline_type"});
        for (std::size_t i = 0; i < m_spec.redlinePolygons; ++i)
        {
            for (std::size_t attempt = 0; attempt < 300; ++attempt)
            {
                const double r = m_rng.logUniform(m_spec.minRadiusM, m_spec.maxRadiusM);
                const Point c = randomPoint(1.4 * r);
                bool clear = true;
                for (const auto& z : m_redlines)
                    clear = clear && std::hypot(c.x - z.bounds.centre.x, c.y - z.bounds.centre.y) >
                                         z.bounds.outer + 1.4 * r + 20;
                if (!clear)
                    continue;
                StarZone z;
                z.shell =
                    starRing(m_rng, c, r, m_rng.between(m_spec.minVertices, m_spec.maxVertices),
                             0.3, 0.003, &z.bounds);
                std::vector<Ring> holes = addHoles(m_rng, z, 3);
                Feature f;
                f.fid = static_cast<std::int64_t>(l.features.size() + 1);
                f.geometry = Geometry::polygon(z.shell, std::move(holes));
                const std::string id = numbered("HX", f.fid, 4);
                f.attributes.set("zone_id", id);
                f.attributes.set("name", "生态保护红线 " + id);
                f.attributes.set("redline_type", std::string(kTypes[m_rng.index(3)]));
                l.features.push_back(std::move(f));
                m_redlines.push_back(std::move(z));
                break;
            }
        }
        return l;
    }

    // Cells of a jittered grid whose shared edges are identical vertex lists (one reversed), so
    // the units partition the extent exactly, as 三线一单 control units partition a county.
    Layer controlUnits()
    {
        static const char* kTypes[] = {"priority", "key", "general"};
        const std::size_t nx = m_spec.controlColumns;
        const std::size_t ny = m_spec.controlRows;
        const Envelope& e = m_spec.extent;
        const double cw = e.width() / static_cast<double>(nx);
        const double ch = e.height() / static_cast<double>(ny);
        std::vector<Point> nodes((nx + 1) * (ny + 1));
        auto node = [&](std::size_t i, std::size_t j) -> Point& { return nodes[j * (nx + 1) + i]; };
        for (std::size_t j = 0; j <= ny; ++j)
            for (std::size_t i = 0; i <= nx; ++i)
            {
                // Border nodes move only along the border, so the outline stays the extent.
                const double jx = (i == 0 || i == nx) ? 0 : m_rng.uniform(-0.15, 0.15) * cw;
                const double jy = (j == 0 || j == ny) ? 0 : m_rng.uniform(-0.15, 0.15) * ch;
                node(i, j) = {e.minX + static_cast<double>(i) * cw + jx,
                              e.minY + static_cast<double>(j) * ch + jy};
            }
        // Edge vertices from a to b (a and b included): a wavy line for interior edges.
        auto edge = [&](Point a, Point b, bool interior)
        {
            const std::size_t n = m_rng.between(20, 60);
            const double len = std::hypot(b.x - a.x, b.y - a.y);
            const Point nrm{-(b.y - a.y) / len, (b.x - a.x) / len};
            const double amp = interior ? m_rng.uniform(0.005, 0.04) * len : 0;
            const double phase = m_rng.uniform(0, kTwoPi);
            Ring chain;
            for (std::size_t k = 0; k <= n; ++k)
            {
                const double t = static_cast<double>(k) / static_cast<double>(n);
                // sin(πt) envelope keeps the endpoints on the nodes.
                const double off = (k == 0 || k == n)
                                       ? 0
                                       : amp * std::sin(std::numbers::pi * t) *
                                             std::sin(3 * std::numbers::pi * t + phase);
                chain.push_back(k == 0   ? a
                                : k == n ? b
                                         : Point{a.x + t * (b.x - a.x) + off * nrm.x,
                                                 a.y + t * (b.y - a.y) + off * nrm.y});
            }
            if (interior)
                m_edges.push_back({chain, nrm});
            return chain;
        };
        std::vector<Ring> horizontal((nx) * (ny + 1)); // h(i,j): node(i,j) -> node(i+1,j)
        std::vector<Ring> vertical((nx + 1) * (ny));   // v(i,j): node(i,j) -> node(i,j+1)
        for (std::size_t j = 0; j <= ny; ++j)
            for (std::size_t i = 0; i < nx; ++i)
                horizontal[j * nx + i] = edge(node(i, j), node(i + 1, j), j != 0 && j != ny);
        for (std::size_t j = 0; j < ny; ++j)
            for (std::size_t i = 0; i <= nx; ++i)
                vertical[j * (nx + 1) + i] = edge(node(i, j), node(i, j + 1), i != 0 && i != nx);

        Layer l = makeLayer("control_units", m_crs, {"unit_code", "name", "unit_type"});
        for (std::size_t j = 0; j < ny; ++j)
            for (std::size_t i = 0; i < nx; ++i)
            {
                Ring ring;
                auto append = [&ring](const Ring& chain, bool reversed)
                {
                    if (reversed)
                        ring.insert(ring.end(), chain.rbegin(), chain.rend() - 1);
                    else
                        ring.insert(ring.end(), chain.begin(), chain.end() - 1);
                };
                append(horizontal[j * nx + i], false);         // bottom, left to right
                append(vertical[j * (nx + 1) + i + 1], false); // right, upwards
                append(horizontal[(j + 1) * nx + i], true);    // top, right to left
                append(vertical[j * (nx + 1) + i], true);      // left, downwards
                ring.push_back(ring.front());
                Feature f;
                f.fid = static_cast<std::int64_t>(l.features.size() + 1);
                f.geometry = Geometry::polygon(std::move(ring));
                const std::size_t type = m_rng.index(3);
                f.attributes.set("unit_code",
                                 numbered(("ZH330324" + std::to_string(type + 1)).c_str(),
                                          static_cast<std::size_t>(f.fid), 4));
                f.attributes.set("name", "永嘉县管控单元 " + std::to_string(f.fid));
                f.attributes.set("unit_type", std::string(kTypes[type]));
                l.features.push_back(std::move(f));
            }
        return l;
    }

    Layer waterZones()
    {
        static const char* kLevels[] = {"I", "II", "quasi"};
        Layer l = makeLayer("water_protection_zones", m_crs, {"zone_id", "source_name", "level"});
        for (std::size_t i = 0; i < m_spec.waterZones; ++i)
        {
            const double r = m_rng.logUniform(300, 2000) * m_spec.maxRadiusM / 1500;
            StarZone z;
            z.shell = starRing(m_rng, randomPoint(1.4 * r), r, m_rng.between(100, 800), 0.3, 0.003,
                               &z.bounds);
            Feature f;
            f.fid = static_cast<std::int64_t>(i + 1);
            f.geometry = Geometry::polygon(z.shell);
            f.attributes.set("zone_id", numbered("SY", i + 1, 3));
            f.attributes.set("source_name", "水源地 " + std::to_string(i + 1));
            f.attributes.set("level", std::string(kLevels[i % 3]));
            l.features.push_back(std::move(f));
        }
        return l;
    }

    Layer protectedAreas()
    {
        static const char* kCategories[] = {"nature_reserve", "scenic_area", "forest_park",
                                            "wetland_park"};
        Layer l = makeLayer("protected_areas", m_crs, {"zone_id", "name", "category", "zoning"});
        for (std::size_t i = 0; i < m_spec.protectedAreas; ++i)
        {
            const double r = m_rng.logUniform(800, 3000) * m_spec.maxRadiusM / 1500;
            StarZone z;
            z.shell = starRing(m_rng, randomPoint(1.4 * r), r, m_rng.between(500, 2000), 0.3, 0.003,
                               &z.bounds);
            std::vector<Ring> holes = addHoles(m_rng, z, 1);
            Feature f;
            f.fid = static_cast<std::int64_t>(i + 1);
            f.geometry = Geometry::polygon(z.shell, std::move(holes));
            f.attributes.set("zone_id", numbered("ZR", i + 1, 3));
            f.attributes.set("name", "自然保护地 " + std::to_string(i + 1));
            f.attributes.set("category", std::string(kCategories[i % 4]));
            f.attributes.set("zoning", std::string(i % 2 ? "general" : "core"));
            l.features.push_back(std::move(f));
        }
        return l;
    }

    // Permanent basic farmland: star-shaped parcels of 5-80 ha anywhere, so that some overlap the
    // red line (what the coordination check finds).
    Layer farmland()
    {
        return coordinationLayer(
            "permanent_farmland", m_spec.farmlandParcels,
            [this] { return std::sqrt(m_coordinationRng.logUniform(5e4, 8e5) / std::numbers::pi); },
            {20, 120, 0.01}, "JBNT", 5, "永久基本农田 ");
    }

    // Urban development boundaries: a few towns of 1-4 km radius.
    Layer developmentBoundary()
    {
        return coordinationLayer(
            "urban_development_boundary", m_spec.developmentZones,
            [this] { return m_coordinationRng.logUniform(1000, 4000); }, {200, 800, 0.005}, "CKBJ",
            4, "城镇开发边界 ");
    }

    struct StarShape
    {
        std::size_t minVertices;
        std::size_t maxVertices;
        double jitter;
    };

    // `count` star-shaped polygons anywhere in the extent, each drawn from the coordination stream
    // in this order: radius, centre, vertex count, outline.
    template <typename Radius>
    Layer coordinationLayer(const char* name, std::size_t count, Radius radius, StarShape shape,
                            const char* idPrefix, int idDigits, const std::string& namePrefix)
    {
        Layer l = makeLayer(name, m_crs, {"zone_id", "name"});
        for (std::size_t i = 0; i < count; ++i)
        {
            const double r = radius();
            const Point c{
                m_coordinationRng.uniform(m_spec.extent.minX + r, m_spec.extent.maxX - r),
                m_coordinationRng.uniform(m_spec.extent.minY + r, m_spec.extent.maxY - r)};
            Feature f;
            f.fid = static_cast<std::int64_t>(i + 1);
            const std::size_t vertices =
                m_coordinationRng.between(shape.minVertices, shape.maxVertices);
            f.geometry =
                Geometry::polygon(starRing(m_coordinationRng, c, r, vertices, 0.3, shape.jitter));
            f.attributes.set("zone_id", numbered(idPrefix, i + 1, idDigits));
            f.attributes.set("name", namePrefix + std::to_string(i + 1));
            l.features.push_back(std::move(f));
        }
        return l;
    }

    // Parcel of 0.5–50 ha: a rotated rectangle or a small star-shaped polygon.
    Geometry parcel(Point c)
    {
        const double area = m_rng.logUniform(5e3, 5e5);
        if (m_rng.chance(0.5))
        {
            const double aspect = m_rng.uniform(1, 3);
            const double w = std::sqrt(area * aspect) / 2;
            const double h = area / (4 * w);
            const double a = m_rng.uniform(0, std::numbers::pi);
            const double ca = std::cos(a), sa = std::sin(a);
            Ring r;
            for (const auto& [u, v] : {std::pair{-w, -h}, {w, -h}, {w, h}, {-w, h}, {-w, -h}})
                r.push_back({c.x + u * ca - v * sa, c.y + u * sa + v * ca});
            return Geometry::polygon(std::move(r));
        }
        return Geometry::polygon(starRing(m_rng, c, std::sqrt(area / std::numbers::pi),
                                          m_rng.between(8, 40), 0.25, 0.05));
    }

    Geometry line()
    {
        Point p = randomPoint(3000);
        const std::size_t n = m_rng.between(2, 7);
        const double segment = m_rng.logUniform(300, 5000) / static_cast<double>(n);
        double heading = m_rng.uniform(0, kTwoPi);
        Ring pts{p};
        for (std::size_t i = 0; i < n; ++i)
        {
            heading += m_rng.uniform(-0.6, 0.6);
            p = pointAt(p, segment, heading);
            pts.push_back(p);
        }
        return Geometry::lineString(std::move(pts));
    }

    const StarZone& someRedline() { return m_redlines[m_rng.index(m_redlines.size())]; }

    // A site built on k consecutive shell edges of a red-line polygon, pushed radially outwards:
    // it shares those edges exactly and lies outside (the zone is star-shaped about its centre).
    Geometry touchingRedline()
    {
        const StarZone& z = someRedline();
        const std::size_t n = z.shell.size() - 1;
        const std::size_t start = m_rng.index(n);
        const std::size_t k = m_rng.between(1, 6);
        const double off = m_rng.uniform(40, 200);
        Ring inner, ring;
        for (std::size_t i = 0; i <= k; ++i)
            inner.push_back(z.shell[(start + i) % n]);
        ring = inner;
        for (auto it = inner.rbegin(); it != inner.rend(); ++it)
        {
            const double d = std::hypot(it->x - z.bounds.centre.x, it->y - z.bounds.centre.y);
            ring.push_back({it->x + off * (it->x - z.bounds.centre.x) / d,
                            it->y + off * (it->y - z.bounds.centre.y) / d});
        }
        ring.push_back(ring.front());
        return Geometry::polygon(std::move(ring));
    }

    // A site on one side of a shared control-unit edge: inside one unit, touching the other.
    Geometry touchingUnits()
    {
        const PartitionEdge& e = m_edges[m_rng.index(m_edges.size())];
        const std::size_t n = e.chain.size() - 1;
        const std::size_t start = n / 4 + m_rng.index(n / 4);
        const std::size_t k = m_rng.between(1, 5);
        const double off = m_rng.uniform(30, 200) * (m_rng.chance(0.5) ? 1 : -1);
        Ring ring(e.chain.begin() + static_cast<std::ptrdiff_t>(start),
                  e.chain.begin() + static_cast<std::ptrdiff_t>(start + k + 1));
        for (std::size_t i = start + k + 1; i-- > start;)
            ring.push_back({e.chain[i].x + off * e.normal.x, e.chain[i].y + off * e.normal.y});
        ring.push_back(ring.front());
        return Geometry::polygon(std::move(ring));
    }

    // A site wholly inside a hole, or straddling a hole's ring; empty when there is no hole.
    Geometry inHole(bool straddle)
    {
        for (int attempt = 0; attempt < 50; ++attempt)
        {
            const StarZone& z = someRedline();
            if (z.holes.empty())
                continue;
            const Circle& h = z.holes[m_rng.index(z.holes.size())];
            Point c = h.centre;
            if (straddle)
                c = pointAt(c, h.inner, m_rng.uniform(0, kTwoPi));
            // Max radius 0.5 * 1.12 * inner: inside the hole's inscribed disc when centred.
            return Geometry::polygon(
                starRing(m_rng, c, 0.5 * h.inner, m_rng.between(8, 20), 0.1, 0.02));
        }
        return {};
    }

    Geometry insideRedline()
    {
        const StarZone& z = someRedline();
        const Point c = pointAt(z.bounds.centre, m_rng.uniform(0, 0.6) * z.bounds.inner,
                                m_rng.uniform(0, kTwoPi));
        return Geometry::polygon(starRing(m_rng, c, m_rng.uniform(0.05, 0.3) * z.bounds.inner,
                                          m_rng.between(8, 30), 0.2, 0.03));
    }

    void sites(Workload& w)
    {
        const Crs lonLat = Crs::fromEpsg(4490);
        const CrsTransform toLonLat(m_crs, lonLat);
        const std::vector<std::string> fields{"site_id", "name", "project_type"};
        w.sites = makeLayer("sites", m_crs, fields);
        w.sitesOtherCrs = makeLayer("sites", lonLat, fields);
        for (std::size_t i = 0; i < m_spec.sites; ++i)
        {
            const double u = m_rng.uniform();
            Geometry g;
            bool exact = false; // built from zone vertices: keep it in the zones' CRS
            const char* type = "parcel";
            if (u < 0.04)
            {
                g = touchingRedline();
                exact = true;
                type = "edge_redline";
            }
            else if (u < 0.06)
            {
                g = touchingUnits();
                exact = true;
                type = "edge_unit";
            }
            else if (u < 0.09)
            {
                g = inHole(false);
                type = "in_hole";
            }
            else if (u < 0.11)
            {
                g = inHole(true);
                type = "hole_ring";
            }
            else if (u < 0.16)
            {
                g = insideRedline();
                type = "inside_redline";
            }
            else if (u < 0.21)
            {
                g = line();
                type = "line";
            }
            else if (u < 0.24)
            {
                if (m_rng.chance(0.25))
                {
                    const Ring& shell = someRedline().shell;
                    const Point p = shell[m_rng.index(shell.size() - 1)];
                    g = Geometry::point(p.x, p.y);
                    exact = true;
                    type = "point_on_vertex";
                }
                else
                {
                    const Point p = randomPoint(100);
                    g = Geometry::point(p.x, p.y);
                    type = "point";
                }
            }
            if (g.isEmpty())
                g = parcel(randomPoint(1000));
            Feature f;
            f.fid = static_cast<std::int64_t>(i + 1);
            f.attributes.set("site_id", numbered("S", i + 1, 5));
            f.attributes.set("name", "site " + std::to_string(i + 1));
            f.attributes.set("project_type", std::string(type));
            if (!exact && m_rng.chance(m_spec.otherCrsShare))
            {
                f.geometry = toLonLat.apply(g);
                w.sitesOtherCrs.features.push_back(std::move(f));
            }
            else
            {
                f.geometry = std::move(g);
                w.sites.features.push_back(std::move(f));
            }
        }
    }

    const WorkloadSpec& m_spec;
    Rng m_rng;
    Rng m_coordinationRng{m_spec.seed ^ 0x5a5a3c3cULL};
    Crs m_crs;
    std::vector<StarZone> m_redlines;
    std::vector<PartitionEdge> m_edges;
};

} // namespace

Workload generateWorkload(const WorkloadSpec& spec)
{
    return Generator(spec).run();
}

void writeWorkload(const Workload& workload, const std::string& dir)
{
    const std::filesystem::path d(dir);
    std::filesystem::create_directories(d);
    writeLayers((d / "zoning.gpkg").string(), workload.zoneLayers);
    writeLayers((d / "sites.gpkg").string(), {workload.sites});
    writeLayers((d / "sites_4490.gpkg").string(), {workload.sitesOtherCrs});
}

} // namespace redline::bench
