#include "redline/geo/EllipsoidalArea.hpp"

#include <geodesic.h>
#include <ogr_spatialref.h>
#include <proj.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>
#include <optional>

#include "redline/geo/CrsTransform.hpp"

namespace redline
{

namespace
{

// Polygons up to this size use the Transverse Mercator areal scale at their centroid instead of a
// geodesic sum over every vertex. The scale k varies across a polygon by ~x·d/R², so dividing by
// k² at the centroid leaves a second-order error of about d²/(12R²) ≈ 1e-8 for d = 2 km.
constexpr double kSmallExtentM = 2000;

// Transverse Mercator parameters of a projected CRS (Gauss-Krüger CRSs such as EPSG:4549).
struct TransverseMercator
{
    double k0 = 1;
    double falseEasting = 0;
    double a = 0;
    double e2 = 0;

    // Point scale factor at an easting and latitude (Snyder, Map Projections, eq. 8-11 in terms of
    // x/R with R² = ρν): k = k0 (1 + x'²/2R² + x'⁴/24R⁴), x' = (E − FE)/k0.
    [[nodiscard]] double scale(double easting, double latRad) const
    {
        const double s = std::sin(latRad);
        const double w = 1 - e2 * s * s;
        const double rho = a * (1 - e2) / (w * std::sqrt(w));
        const double nu = a / std::sqrt(w);
        const double x = (easting - falseEasting) / k0;
        const double q = x * x / (rho * nu);
        return k0 * (1 + q / 2 + q * q / 24);
    }
};

// Read through PROJ's own API from the CRS's WKT2 text: the OGR accessors (GetAttrValue,
// GetNormProjParm, exportToProj4) go through a WKT1 export or a bound-CRS search in proj.db,
// ~7 ms in every thread's first measure.
std::optional<TransverseMercator> transverseMercatorOf(const Crs& crs)
{
    if (!crs.isValid() || crs.isGeographic())
        return std::nullopt;
    using Context = std::unique_ptr<PJ_CONTEXT, decltype(&proj_context_destroy)>;
    using Object = std::unique_ptr<PJ, decltype(&proj_destroy)>;
    const Context ctx(proj_context_create(), proj_context_destroy);
    const Object projected(proj_create(ctx.get(), crs.toWkt().c_str()), proj_destroy);
    if (!projected || proj_get_type(projected.get()) != PJ_TYPE_PROJECTED_CRS)
        return std::nullopt;
    const Object conversion(proj_crs_get_coordoperation(ctx.get(), projected.get()), proj_destroy);
    const char* methodCode = nullptr;
    if (!conversion ||
        !proj_coordoperation_get_method_info(ctx.get(), conversion.get(), nullptr, nullptr,
                                             &methodCode) ||
        !methodCode || std::string(methodCode) != "9807") // EPSG: Transverse Mercator
        return std::nullopt;
    const auto parameter = [&](const char* epsgCode) -> std::optional<double> {
        const int count = proj_coordoperation_get_param_count(ctx.get(), conversion.get());
        for (int i = 0; i < count; ++i)
        {
            const char* code = nullptr;
            double value = 0, toSi = 0;
            if (proj_coordoperation_get_param(ctx.get(), conversion.get(), i, nullptr, nullptr,
                                              &code, &value, nullptr, &toSi, nullptr, nullptr,
                                              nullptr, nullptr) &&
                code && std::string(code) == epsgCode)
                return value * toSi;
        }
        return std::nullopt;
    };
    const auto k0 = parameter("8805");           // scale factor at natural origin
    const auto falseEasting = parameter("8806"); // false easting, metres
    const Object cs(proj_crs_get_coordinate_system(ctx.get(), projected.get()), proj_destroy);
    double toMetre = 0;
    if (!k0 || !falseEasting || !cs ||
        !proj_cs_get_axis_info(ctx.get(), cs.get(), 0, nullptr, nullptr, nullptr, &toMetre,
                               nullptr, nullptr, nullptr) ||
        toMetre != 1.0)
        return std::nullopt;
    const Object ellipsoid(proj_get_ellipsoid(ctx.get(), projected.get()), proj_destroy);
    double a = 0, invF = 0;
    if (!ellipsoid || !proj_ellipsoid_get_parameters(ctx.get(), ellipsoid.get(), &a, nullptr,
                                                     nullptr, &invF) ||
        a <= 0)
        return std::nullopt;
    TransverseMercator tm;
    tm.k0 = *k0;
    tm.falseEasting = *falseEasting;
    tm.a = a;
    const double f = invF == 0 ? 0 : 1 / invF;
    tm.e2 = f * (2 - f);
    return tm;
}

// Area centroid of the polygon parts (holes subtracted, whatever the ring orientation).
std::optional<Point> areaCentroid(const Geometry& g)
{
    double area = 0, cx = 0, cy = 0;
    for (const auto& part : g.parts())
        for (std::size_t r = 0; r < part.size(); ++r)
        {
            const Ring& ring = part[r];
            if (ring.empty())
                continue;
            double ra = 0, rx = 0, ry = 0;
            for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            {
                // Relative to the first vertex: keeps the products of 6-7 digit coordinates exact.
                const double x0 = ring[i].x - ring[0].x, y0 = ring[i].y - ring[0].y;
                const double x1 = ring[i + 1].x - ring[0].x, y1 = ring[i + 1].y - ring[0].y;
                const double cross = x0 * y1 - x1 * y0;
                ra += cross;
                rx += (x0 + x1) * cross;
                ry += (y0 + y1) * cross;
            }
            if (ra == 0)
                continue;
            const double ringArea = ((r == 0) == (ra > 0) ? 1.0 : -1.0) * ra / 2;
            area += ringArea;
            cx += ringArea * (rx / (3 * ra) + ring[0].x);
            cy += ringArea * (ry / (3 * ra) + ring[0].y);
        }
    // A ring whose signed parts cancel (a self-crossing "bow-tie") leaves a rounding residue as
    // its area, and dividing by it throws the centroid millions of kilometres away: only a
    // centroid within the polygon's envelope is one.
    if (area <= 0)
        return std::nullopt;
    const Point c{cx / area, cy / area};
    const Envelope& e = g.envelope();
    if (!(c.x >= e.minX && c.x <= e.maxX && c.y >= e.minY && c.y <= e.maxY))
        return std::nullopt;
    return c;
}

} // namespace

struct EllipsoidalMeasure::Impl
{
    explicit Impl(const Crs& c) : crs(c) {}

    Crs crs;
    geod_geodesic geod{};
    std::optional<TransverseMercator> tm;

    // The geographic CRS on the same datum: no datum shift, only the inverse projection. Made at
    // the first area: creating it is the first PROJ database search of the thread's context
    // (~7 ms), which a screening of points or lines never needs.
    [[nodiscard]] const CrsTransform& toGeographic() const
    {
        std::call_once(once, [this] {
            transform = std::make_unique<CrsTransform>(crs, crs.geographicBase());
        });
        return *transform;
    }
    [[nodiscard]] double geodesicArea(const Geometry& g) const;

  private:
    mutable std::once_flag once;
    mutable std::unique_ptr<CrsTransform> transform;
};

EllipsoidalMeasure::EllipsoidalMeasure(const Crs& crs) : m_impl(std::make_unique<Impl>(crs))
{
    const auto* srs = static_cast<const OGRSpatialReference*>(crs.nativeHandle());
    OGRErr err = OGRERR_NONE;
    const double a = srs->GetSemiMajor(&err);
    const double invF = srs->GetInvFlattening(&err);
    geod_init(&m_impl->geod, a, invF == 0 ? 0 : 1 / invF);
    m_impl->tm = transverseMercatorOf(crs);
}

EllipsoidalMeasure::~EllipsoidalMeasure() = default;

double EllipsoidalMeasure::area(const Geometry& g) const
{
    if (g.dimension() != Dimension::Area)
        return 0;
    const Envelope& e = g.envelope();
    if (m_impl->tm && std::max(e.width(), e.height()) <= kSmallExtentM)
        if (const auto c = areaCentroid(g))
            return *areaFromPlanar(g.planarArea(), *c, e);
    return m_impl->geodesicArea(g);
}

std::optional<double> EllipsoidalMeasure::areaFromPlanar(double planarArea, const Point& centroid,
                                                         const Envelope& extent) const
{
    if (!m_impl->tm || std::max(extent.width(), extent.height()) > kSmallExtentM)
        return std::nullopt;
    const Point ll = m_impl->toGeographic().apply(centroid);
    const double k = m_impl->tm->scale(centroid.x, ll.y * std::numbers::pi / 180);
    return planarArea / (k * k); // Transverse Mercator is conformal: areal scale k²
}

double EllipsoidalMeasure::geodesicArea(const Geometry& g) const
{
    return g.dimension() == Dimension::Area ? m_impl->geodesicArea(g) : 0;
}

double EllipsoidalMeasure::Impl::geodesicArea(const Geometry& g) const
{
    const Geometry ll = toGeographic().apply(g);
    double total = 0;
    for (const auto& part : ll.parts())
        for (std::size_t r = 0; r < part.size(); ++r)
        {
            const Ring& ring = part[r];
            if (ring.size() < 4)
                continue;
            // geod_polygonarea wants an open ring, lat/lon arrays.
            std::vector<double> lats, lons;
            lats.reserve(ring.size());
            lons.reserve(ring.size());
            for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            {
                lons.push_back(ring[i].x);
                lats.push_back(ring[i].y);
            }
            double area = 0, perimeter = 0;
            geod_polygonarea(&geod, lats.data(), lons.data(), static_cast<int>(lats.size()), &area,
                             &perimeter);
            total += (r == 0 ? 1 : -1) * std::fabs(area);
        }
    return total;
}

} // namespace redline
