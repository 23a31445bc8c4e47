#include "analysis/FlatZones.hpp"

#include <algorithm>
#include <limits>

#include "redline/core/Error.hpp"

namespace redline::detail
{
namespace
{

double signedRingArea(std::span<const Point> ring)
{
    double a = 0;
    const Point o = ring.front();
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        a += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
    return a / 2;
}

BoxD boxOf(std::span<const Point> pts)
{
    BoxD b{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (const Point& p : pts)
    {
        b.minX = std::min(b.minX, p.x);
        b.minY = std::min(b.minY, p.y);
        b.maxX = std::max(b.maxX, p.x);
        b.maxY = std::max(b.maxY, p.y);
    }
    return b;
}

std::uint32_t index32(std::size_t n, const char* what)
{
    if (n > std::numeric_limits<std::uint32_t>::max())
        throw GeometryError(std::string("the zoning store has more ") + what +
                            " than the screening index can hold (2^32).");
    return static_cast<std::uint32_t>(n);
}

} // namespace

void FlatZones::add(const Geometry& g, std::uint32_t layer, std::uint32_t feature)
{
    FlatZone z{};
    const Envelope& e = g.envelope();
    z.envelope = {e.minX, e.minY, e.maxX, e.maxY};
    z.firstRing = index32(rings.size(), "rings");
    z.firstChunk = index32(chunks.size(), "segments");
    z.layer = layer;
    z.feature = feature;
    std::uint32_t part = 0;
    for (const Part& p : g.parts())
    {
        for (std::size_t r = 0; r < p.size(); ++r)
        {
            const Ring& ring = p[r];
            if (ring.size() < 4)
                continue;
            FlatRing fr{};
            fr.first = index32(points.size(), "vertices");
            fr.count = static_cast<std::uint32_t>(ring.size());
            const double area = signedRingArea(ring);
            // Shells counter-clockwise and holes clockwise have their interior on the left.
            fr.sign = ((r == 0) == (area > 0)) ? 1 : -1;
            fr.part = part;
            const auto ringIndex = index32(rings.size(), "rings");
            points.insert(points.end(), ring.begin(), ring.end());
            for (std::uint32_t s = 0; s + 1 < fr.count; s += kChunkSegments)
                chunks.push_back({ringIndex, fr.first + s});
            rings.push_back(fr);
            z.vertexCount += fr.count;
        }
        ++part;
    }
    index32(points.size(), "vertices");
    z.ringCount = static_cast<std::uint32_t>(rings.size()) - z.firstRing;
    z.chunkCount = static_cast<std::uint32_t>(chunks.size()) - z.firstChunk;
    zones.push_back(z);
}

void FlatZones::finish()
{
    std::size_t total = 0;
    for (const FlatZone& z : zones)
        total += packedTreeSize(z.chunkCount);
    chunkBoxes.resize(total);
    chunkTree.resize(total);
    std::vector<BoxD> items;
    std::size_t at = 0;
    for (FlatZone& z : zones)
    {
        items.clear();
        for (std::uint32_t c = 0; c < z.chunkCount; ++c)
        {
            const FlatChunk& ch = chunks[z.firstChunk + c];
            const FlatRing& r = rings[ch.ring];
            const std::uint32_t n = std::min(kChunkSegments, r.first + r.count - 1 - ch.first);
            items.push_back(boxOf({points.data() + ch.first, n + 1}));
        }
        const std::size_t size = packedTreeSize(z.chunkCount);
        z.treeFirst = at;
        buildPackedTree<float>(items, {chunkBoxes.data() + at, size}, {chunkTree.data() + at, size});
        at += size;
    }
    items.clear();
    for (const FlatZone& z : zones)
        items.push_back(z.envelope);
    const std::size_t size = packedTreeSize(zones.size());
    zoneBoxes.resize(size);
    zoneTree.resize(size);
    buildPackedTree<double>(items, zoneBoxes, zoneTree);
}

FlatZonesView FlatZones::view() const
{
    return {points, rings, chunks, chunkBoxes, chunkTree, zones, zoneBoxes, zoneTree};
}

Geometry FlatZonesView::zoneGeometry(std::uint32_t zone) const
{
    const FlatZone& z = zones[zone];
    std::vector<Part> parts;
    for (std::uint32_t r = z.firstRing; r < z.firstRing + z.ringCount; ++r)
    {
        const FlatRing& fr = rings[r];
        if (parts.size() <= fr.part)
            parts.resize(fr.part + 1);
        parts[fr.part].emplace_back(points.begin() + fr.first, points.begin() + fr.first + fr.count);
    }
    std::erase_if(parts, [](const Part& p) { return p.empty(); });
    return Geometry(parts.size() == 1 ? GeometryType::Polygon : GeometryType::MultiPolygon,
                    std::move(parts));
}

} // namespace redline::detail
