#include "analysis/ZoneIndex.hpp"

#include <algorithm>
#include <iterator>

namespace redline::detail
{

namespace bgi = boost::geometry::index;

namespace
{
template <typename Box, typename BPoint>
Box toBox(const Envelope& e)
{
    return Box(BPoint(e.minX, e.minY), BPoint(e.maxX, e.maxY));
}
} // namespace

ZoneIndex::ZoneIndex(const std::vector<Envelope>& envelopes)
{
    std::vector<Value> values;
    values.reserve(envelopes.size());
    for (std::size_t i = 0; i < envelopes.size(); ++i)
        values.emplace_back(toBox<Box, BPoint>(envelopes[i]), i);
    m_tree = decltype(m_tree)(values.begin(), values.end()); // packing construction
}

std::vector<std::size_t> ZoneIndex::query(const Envelope& q) const
{
    std::vector<Value> found;
    m_tree.query(bgi::intersects(toBox<Box, BPoint>(q)), std::back_inserter(found));
    std::vector<std::size_t> ids;
    ids.reserve(found.size());
    for (const auto& v : found)
        ids.push_back(v.second);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace redline::detail
