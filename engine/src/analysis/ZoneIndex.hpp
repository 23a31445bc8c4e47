#pragma once
// Packed Boost.Geometry R-tree over zone envelopes (engine-internal). Built once with the range
// (packing) constructor and never modified, so concurrent queries are safe.

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <vector>

#include "redline/geo/Envelope.hpp"

namespace redline::detail
{

class ZoneIndex
{
public:
    explicit ZoneIndex(const std::vector<Envelope>& envelopes);
    // Indices of the envelopes that intersect `query`, in ascending order.
    [[nodiscard]] std::vector<std::size_t> query(const Envelope& query) const;

private:
    using BPoint = boost::geometry::model::d2::point_xy<double>;
    using Box = boost::geometry::model::box<BPoint>;
    using Value = std::pair<Box, std::size_t>;
    boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> m_tree;
};

} // namespace redline::detail
