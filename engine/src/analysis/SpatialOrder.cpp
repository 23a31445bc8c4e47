#include "analysis/SpatialOrder.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace redline::detail
{
namespace
{

// Spreads the low 16 bits of v over the even bit positions.
std::uint32_t spreadBits(std::uint32_t v)
{
    v &= 0xFFFF;
    v = (v | (v << 8)) & 0x00FF00FF;
    v = (v | (v << 4)) & 0x0F0F0F0F;
    v = (v | (v << 2)) & 0x33333333;
    v = (v | (v << 1)) & 0x55555555;
    return v;
}

} // namespace

std::vector<std::size_t> mortonOrder(const std::vector<Feature>& sites)
{
    Envelope all;
    for (const auto& f : sites)
        all.expandToInclude(f.geometry.envelope());
    std::vector<std::uint32_t> keys(sites.size(), 0);
    const double w = std::max(all.width(), 1e-9), h = std::max(all.height(), 1e-9);
    for (std::size_t i = 0; i < sites.size(); ++i)
    {
        const Envelope& e = sites[i].geometry.envelope();
        if (e.isEmpty())
            continue;
        const auto gx = static_cast<std::uint32_t>(((e.minX + e.maxX) / 2 - all.minX) / w * 65535);
        const auto gy = static_cast<std::uint32_t>(((e.minY + e.maxY) / 2 - all.minY) / h * 65535);
        keys[i] = spreadBits(gx) | (spreadBits(gy) << 1);
    }
    std::vector<std::size_t> order(sites.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    return order;
}

} // namespace redline::detail
