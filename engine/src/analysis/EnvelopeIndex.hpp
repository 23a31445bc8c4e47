#pragma once
// Packed Hilbert R-tree (PackedRTree) over a list of envelopes, owning its arrays
// (engine-internal): the index of zoning QA and statistics over the features of a layer.
// Built once, never modified: concurrent queries need no lock. Empty envelopes are never found.

#include <cstdint>
#include <span>
#include <vector>

#include "redline/geo/Envelope.hpp"

#include "analysis/PackedRTree.hpp"

namespace redline::detail
{

class EnvelopeIndex
{
  public:
    explicit EnvelopeIndex(std::span<const Envelope> envelopes);
    EnvelopeIndex(const EnvelopeIndex&) = delete;
    EnvelopeIndex& operator=(const EnvelopeIndex&) = delete;
    EnvelopeIndex(EnvelopeIndex&&) = delete;
    EnvelopeIndex& operator=(EnvelopeIndex&&) = delete;
    ~EnvelopeIndex() = default;

    // Positions (in the constructor's list) of the envelopes that intersect `query`, boundaries
    // included, in ascending order.
    [[nodiscard]] std::vector<std::size_t> query(const Envelope& query) const;

  private:
    std::vector<std::uint32_t> m_position; // tree item -> position in the constructor's list
    std::vector<BoxD> m_boxes;
    std::vector<std::uint32_t> m_tree;
    PackedTreeView<double> m_view;
};

} // namespace redline::detail
