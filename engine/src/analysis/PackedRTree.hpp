#pragma once
// Static packed R-tree in flat arrays (engine-internal), after Flatbush (V. Agafonkin): items are
// sorted along a Hilbert curve of their box centres and packed 16 to a node, level by level, so
// the whole tree is two arrays (boxes, indices) that can live in memory or in a mapped cache file.
// Never modified after building: concurrent queries need no lock.
//
// Layout for n items: level 0 holds the n item boxes in Hilbert order (index = item id); level
// k + 1 holds one box per 16 consecutive entries of level k (index = position of its first child);
// the root is the last entry. Boxes are double (zone envelopes) or float rounded outwards
// (segment chunks: half the memory, still a conservative filter).

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "redline/geo/Envelope.hpp"

namespace redline::detail
{

template <typename Coord>
struct Box
{
    Coord minX, minY, maxX, maxY;
};
using BoxD = Box<double>;
using BoxF = Box<float>;

inline constexpr std::uint32_t kTreeNodeSize = 16;

// Number of entries (boxes and indices) of a tree over n items.
[[nodiscard]] std::size_t packedTreeSize(std::size_t n);

// Builds a tree over `items` into `boxes` and `index`, both packedTreeSize(items.size()) long.
template <typename Coord>
void buildPackedTree(std::span<const BoxD> items, std::span<Box<Coord>> boxes,
                     std::span<std::uint32_t> index);

template <typename Coord>
class PackedTreeView
{
public:
    PackedTreeView(const Box<Coord>* boxes, const std::uint32_t* index, std::uint32_t items)
        : m_boxes(boxes), m_index(index)
    {
        if (items == 0)
            return;
        std::size_t n = items;
        std::size_t end = n;
        m_levelEnd[m_levels++] = static_cast<std::uint32_t>(end);
        do
        {
            n = (n + kTreeNodeSize - 1) / kTreeNodeSize;
            end += n;
            m_levelEnd[m_levels++] = static_cast<std::uint32_t>(end);
        } while (n != 1);
    }

    // Calls visit(item, box) for every item whose box intersects q (boundaries included).
    template <typename Visit>
    void query(const Envelope& q, Visit&& visit) const
    {
        if (m_levels == 0)
            return;
        // At most 15 pending siblings per level and 9 levels for 2^32 items.
        std::array<std::uint32_t, 160> stack;
        std::array<std::uint8_t, 160> levelOf;
        std::size_t top = 0;
        const std::uint32_t root = m_levelEnd[m_levels - 1] - 1;
        if (!overlaps(root, q))
            return;
        stack[top] = root;
        levelOf[top++] = static_cast<std::uint8_t>(m_levels - 1);
        while (top > 0)
        {
            --top;
            const std::uint32_t pos = stack[top];
            const unsigned level = levelOf[top];
            if (level == 0)
            {
                visit(m_index[pos], m_boxes[pos]);
                continue;
            }
            const std::uint32_t first = m_index[pos];
            const std::uint32_t end = std::min(first + kTreeNodeSize, m_levelEnd[level - 1]);
            for (std::uint32_t c = first; c < end; ++c)
                if (overlaps(c, q))
                {
                    stack[top] = c;
                    levelOf[top++] = static_cast<std::uint8_t>(level - 1);
                }
        }
    }

private:
    [[nodiscard]] bool overlaps(std::uint32_t pos, const Envelope& q) const
    {
        const Box<Coord>& b = m_boxes[pos];
        return !(q.minX > b.maxX || q.maxX < b.minX || q.minY > b.maxY || q.maxY < b.minY);
    }

    const Box<Coord>* m_boxes;
    const std::uint32_t* m_index;
    std::array<std::uint32_t, 16> m_levelEnd{};
    unsigned m_levels = 0;
};

// Float box enclosing a double box (rounded outwards).
[[nodiscard]] BoxF outwardFloatBox(const BoxD& b);

} // namespace redline::detail
