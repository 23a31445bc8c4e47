#include "analysis/PackedRTree.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace redline::detail
{
namespace
{

// Position of (x, y) on the Hilbert curve over a 65536 x 65536 grid: the iterative xy -> d
// mapping ("xy2d") of the Wikipedia article "Hilbert curve".
std::uint32_t hilbertIndex(std::uint32_t x, std::uint32_t y)
{
    constexpr std::uint32_t n = 1u << 16;
    std::uint32_t d = 0;
    for (std::uint32_t s = n / 2; s > 0; s /= 2)
    {
        const std::uint32_t rx = (x & s) ? 1 : 0;
        const std::uint32_t ry = (y & s) ? 1 : 0;
        d += s * s * ((3 * rx) ^ ry);
        if (ry == 0)
        {
            if (rx == 1)
            {
                x = n - 1 - x;
                y = n - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

template <typename Coord>
Box<Coord> toBox(const BoxD& b);

template <>
BoxD toBox<double>(const BoxD& b)
{
    return b;
}

template <>
BoxF toBox<float>(const BoxD& b)
{
    return outwardFloatBox(b);
}

} // namespace

BoxF outwardFloatBox(const BoxD& b)
{
    constexpr float inf = std::numeric_limits<float>::infinity();
    auto down = [](double v)
    {
        float f = static_cast<float>(v);
        return static_cast<double>(f) > v ? std::nextafter(f, -inf) : f;
    };
    auto up = [](double v)
    {
        float f = static_cast<float>(v);
        return static_cast<double>(f) < v ? std::nextafter(f, inf) : f;
    };
    return {down(b.minX), down(b.minY), up(b.maxX), up(b.maxY)};
}

std::size_t packedTreeSize(std::size_t n)
{
    if (n == 0)
        return 0;
    std::size_t total = n;
    do
    {
        n = (n + kTreeNodeSize - 1) / kTreeNodeSize;
        total += n;
    } while (n != 1);
    return total;
}

template <typename Coord>
void buildPackedTree(std::span<const BoxD> items, std::span<Box<Coord>> boxes,
                     std::span<std::uint32_t> index)
{
    const std::size_t n = items.size();
    if (n == 0)
        return;
    BoxD all{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
             -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (const BoxD& b : items)
    {
        all.minX = std::min(all.minX, b.minX);
        all.minY = std::min(all.minY, b.minY);
        all.maxX = std::max(all.maxX, b.maxX);
        all.maxY = std::max(all.maxY, b.maxY);
    }
    const double w = std::max(all.maxX - all.minX, 1e-300);
    const double h = std::max(all.maxY - all.minY, 1e-300);
    std::vector<std::uint32_t> keys(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        const double cx = ((items[i].minX + items[i].maxX) / 2 - all.minX) / w;
        const double cy = ((items[i].minY + items[i].maxY) / 2 - all.minY) / h;
        keys[i] = hilbertIndex(static_cast<std::uint32_t>(std::clamp(cx, 0.0, 1.0) * 65535),
                               static_cast<std::uint32_t>(std::clamp(cy, 0.0, 1.0) * 65535));
    }
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });

    for (std::size_t i = 0; i < n; ++i)
    {
        boxes[i] = toBox<Coord>(items[order[i]]);
        index[i] = order[i];
    }
    std::size_t levelStart = 0;
    std::size_t levelEnd = n;
    std::size_t out = n;
    while (levelEnd - levelStart > 1 || out == n)
    {
        for (std::size_t first = levelStart; first < levelEnd; first += kTreeNodeSize)
        {
            const std::size_t last = std::min(first + kTreeNodeSize, levelEnd);
            Box<Coord> b = boxes[first];
            for (std::size_t c = first + 1; c < last; ++c)
            {
                b.minX = std::min(b.minX, boxes[c].minX);
                b.minY = std::min(b.minY, boxes[c].minY);
                b.maxX = std::max(b.maxX, boxes[c].maxX);
                b.maxY = std::max(b.maxY, boxes[c].maxY);
            }
            boxes[out] = b;
            index[out] = static_cast<std::uint32_t>(first);
            ++out;
        }
        levelStart = levelEnd;
        levelEnd = out;
    }
}

template void buildPackedTree<double>(std::span<const BoxD>, std::span<BoxD>,
                                      std::span<std::uint32_t>);
template void buildPackedTree<float>(std::span<const BoxD>, std::span<BoxF>,
                                     std::span<std::uint32_t>);

} // namespace redline::detail
