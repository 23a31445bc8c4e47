#include "analysis/EnvelopeIndex.hpp"

#include <algorithm>

namespace redline::detail
{

namespace
{

std::vector<std::uint32_t> nonEmpty(std::span<const Envelope> envelopes)
{
    std::vector<std::uint32_t> out;
    out.reserve(envelopes.size());
    for (std::size_t i = 0; i < envelopes.size(); ++i)
        if (!envelopes[i].isEmpty())
            out.push_back(static_cast<std::uint32_t>(i));
    return out;
}

} // namespace

EnvelopeIndex::EnvelopeIndex(std::span<const Envelope> envelopes)
    : m_position(nonEmpty(envelopes)), m_boxes(packedTreeSize(m_position.size())),
      m_tree(m_boxes.size()),
      m_view(m_boxes.data(), m_tree.data(), static_cast<std::uint32_t>(m_position.size()))
{
    std::vector<BoxD> items;
    items.reserve(m_position.size());
    for (const std::uint32_t i : m_position)
    {
        const Envelope& e = envelopes[i];
        items.push_back({e.minX, e.minY, e.maxX, e.maxY});
    }
    buildPackedTree<double>(items, m_boxes, m_tree);
}

std::vector<std::size_t> EnvelopeIndex::query(const Envelope& q) const
{
    std::vector<std::size_t> out;
    if (q.isEmpty())
        return out;
    m_view.query(q, [&](std::uint32_t item, const BoxD&) { out.push_back(m_position[item]); });
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace redline::detail
