#pragma once
// The screened zones of a store as flat arrays (engine-internal): every ring's vertices in one
// coordinate array, and per zone an edge index: the rings cut into chunks of up to 8 consecutive
// segments, whose boxes are packed into one R-tree per zone. A packed R-tree over the zone
// envelopes finds the zones near a site; a zone's edge index then yields only the edges near the
// site, so the work per site grows with the site and the zone edges near it, not with the size
// of the zones. Plain values only (no GEOS): built once, shared read-only by every worker, and
// laid out so that the store cache can write the arrays to a file and map them back.

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/PackedRTree.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline::detail
{

inline constexpr std::uint32_t kChunkSegments = 8;

struct FlatRing
{
    std::uint32_t first; // index of its first point in FlatZonesView::points
    std::uint32_t count; // points, the closing one included
    std::int32_t sign;   // +1 when the interior lies left of the stored direction, else -1
    std::uint32_t part;  // polygon part within its zone (shells and their holes share it)
};

struct FlatChunk
{
    std::uint32_t ring;  // global ring index
    std::uint32_t first; // first point of its first segment (segment j = points[j] -> [j + 1])
};

struct FlatZone
{
    BoxD envelope;
    std::uint32_t firstRing, ringCount;
    std::uint32_t firstChunk, chunkCount; // chunks of its rings, in ring order
    std::uint64_t treeFirst;              // first entry of its tree in chunkBoxes / chunkTree
    std::uint32_t layer;                  // index into the store's layers
    std::uint32_t feature;                // index into that layer's features
    std::uint32_t vertexCount;
    std::uint32_t reserved = 0;
};

// Read-only view over the arrays (owned by FlatZones or by a mapped cache file).
struct FlatZonesView
{
    std::span<const Point> points;
    std::span<const FlatRing> rings;
    std::span<const FlatChunk> chunks;
    std::span<const BoxF> chunkBoxes;           // every zone's chunk tree, concatenated
    std::span<const std::uint32_t> chunkTree;   // leaves: chunk index within the zone
    std::span<const FlatZone> zones;
    std::span<const BoxD> zoneBoxes;            // tree over zone envelopes
    std::span<const std::uint32_t> zoneTree;    // leaves: zone index

    [[nodiscard]] PackedTreeView<double> zoneIndex() const
    {
        return {zoneBoxes.data(), zoneTree.data(), static_cast<std::uint32_t>(zones.size())};
    }
    [[nodiscard]] PackedTreeView<float> edgeIndex(const FlatZone& z) const
    {
        return {chunkBoxes.data() + z.treeFirst, chunkTree.data() + z.treeFirst, z.chunkCount};
    }
    // Number of segments of a chunk.
    [[nodiscard]] std::uint32_t segmentsOf(const FlatChunk& c) const
    {
        const FlatRing& r = rings[c.ring];
        return std::min(kChunkSegments, r.first + r.count - 1 - c.first);
    }
    // The zone rebuilt as a Geometry (GEOS fallbacks, tests).
    [[nodiscard]] Geometry zoneGeometry(std::uint32_t zone) const;
};

// Owning, in-memory form: built from polygons in the analysis CRS.
class FlatZones
{
public:
    // Appends one zone; `g` must be a (multi)polygon with closed rings.
    void add(const Geometry& g, std::uint32_t layer, std::uint32_t feature);
    // Builds the per-zone edge trees and the zone tree; call once after the last add().
    void finish();
    [[nodiscard]] FlatZonesView view() const;

    std::vector<Point> points;
    std::vector<FlatRing> rings;
    std::vector<FlatChunk> chunks;
    std::vector<BoxF> chunkBoxes;
    std::vector<std::uint32_t> chunkTree;
    std::vector<FlatZone> zones;
    std::vector<BoxD> zoneBoxes;
    std::vector<std::uint32_t> zoneTree;
};

} // namespace redline::detail
