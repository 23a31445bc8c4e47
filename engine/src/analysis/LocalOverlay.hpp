#pragma once
// Site × zone facts from the zone edges near the site only (engine-internal), without GEOS.
//
// The zone's edge index yields the zone segments in the site's envelope. Every site edge is
// intersected with them; the overlap area then follows from Green's theorem as the sum, over the
// boundary of site ∩ zone, of x dy: the site edge pieces inside the zone plus the zone edge pieces
// inside the site, each piece's side known from the direction of the crossing that starts it.
// Line sites sum the length of their pieces inside the zone; points are located by ray crossing.
//
// Every orientation is decided by a certified floating-point filter (geo/Orientation.hpp). Any
// contact that is not a proper crossing (a vertex on an edge, shared or collinear edges, a point
// on the boundary) or any sign the filter cannot certify gives Relation::Uncertain: the caller
// then asks GEOS, on the zone clipped to the site's neighbourhood (analysis/LocalClip.hpp). So
// the fast path only answers where exact arithmetic would give the same answer.

#include <cstdint>
#include <vector>

#include "analysis/FlatZones.hpp"
#include "analysis/SiteShape.hpp"

namespace redline::detail
{

enum class Relation
{
    Disjoint,   // no common point
    Intersects, // they overlap (area or length > 0); area/length measured
    Within,     // the site lies in the zone's interior
    Uncertain   // touching, degenerate or not certain in double precision: ask GEOS
};

struct LocalFacts
{
    Relation relation = Relation::Disjoint;
    double area = 0;   // planar overlap area (polygon sites)
    double length = 0; // overlap length (line sites)
    Point centroid;    // area centroid of the overlap (polygon sites)
    Envelope extent;   // of the overlap
};

// Per-worker scratch space; not shared between threads.
class LocalOverlay
{
public:
    [[nodiscard]] LocalFacts measure(const FlatZonesView& v, std::uint32_t zone,
                                     const SiteShape& site);
    // Shortest distance between a site and a zone it does not meet, when it is at most `limit`;
    // otherwise any value above `limit`.
    [[nodiscard]] double distance(const FlatZonesView& v, std::uint32_t zone,
                                  const SiteShape& site, double limit);

    struct LocalChunk
    {
        std::uint32_t chunk; // global chunk index
        BoxF box;
    };
    struct Crossing
    {
        std::uint32_t siteEdge;  // index of the site edge's first vertex
        std::uint32_t zoneEdge;  // index of the zone segment's first vertex
        double tSite, tZone;     // parameters along each
        Point at;
        bool siteEnters;         // the site edge enters the zone here
        bool zoneEnters;         // the zone edge enters the site here
    };

private:
    LocalFacts measurePoint(const FlatZonesView& v, const FlatZone& z, const SiteShape& site);
    bool findCrossings(const FlatZonesView& v, const SiteShape& site);

    std::vector<LocalChunk> m_local;
    std::vector<Crossing> m_crossings;
    std::vector<std::uint32_t> m_byZone;
};

// The zone's chunks whose boxes meet `q`, sorted by chunk index (ring order).
void localChunks(const FlatZonesView& v, const FlatZone& z, const Envelope& q,
                 std::vector<LocalOverlay::LocalChunk>& out);

// Where p lies: +1 in the zone's interior, -1 outside, 0 on or too near its boundary to tell.
[[nodiscard]] int locateInZone(const FlatZonesView& v, const FlatZone& z, const Point& p);

} // namespace redline::detail
