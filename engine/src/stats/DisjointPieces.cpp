#include "stats/DisjointPieces.hpp"

#include <numeric>
#include <vector>

#include "analysis/EnvelopeIndex.hpp"
#include "geos/GeosOps.hpp"

namespace redline::detail
{

namespace
{

// Union-find over polygon positions (path halving; the smaller root wins, so a group's root is
// its first polygon).
class Groups
{
  public:
    explicit Groups(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), 0); }
    std::size_t root(std::size_t i)
    {
        while (m_parent[i] != i)
            i = m_parent[i] = m_parent[m_parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b)
    {
        a = root(a);
        b = root(b);
        if (a != b)
            m_parent[std::max(a, b)] = std::min(a, b);
    }

  private:
    std::vector<std::size_t> m_parent;
};

} // namespace

std::vector<Piece> disjointPieces(GeosContext& h, std::span<const Envelope> envelopes,
                                  const std::function<GeosGeomPtr(std::size_t)>& geometryOf)
{
    const std::size_t n = envelopes.size();
    const EnvelopeIndex index(envelopes);
    Groups groups(n);
    std::vector<bool> grouped(n, false); // member of a group of two or more
    for (std::size_t i = 0; i < n; ++i)
    {
        GeosGeomPtr gi;
        GeosPreparedPtr prepared;
        for (const std::size_t j : index.query(envelopes[i]))
        {
            if (j <= i || groups.root(i) == groups.root(j))
                continue;
            if (!prepared)
            {
                gi = geometryOf(i);
                if (!gi)
                    break;
                prepared = GeosPreparedPtr(GEOSPrepare_r(h.handle(), gi.get()),
                                           GeosPreparedDeleter{h.handle()});
                h.require(prepared != nullptr, "preparing a polygon");
            }
            const GeosGeomPtr gj = geometryOf(j);
            if (!gj)
                continue;
            const char hit = GEOSPreparedIntersects_r(h.handle(), prepared.get(), gj.get());
            h.require(hit != 2, "intersection test");
            if (hit == 1)
            {
                groups.join(i, j);
                grouped[i] = grouped[j] = true;
            }
        }
    }
    std::vector<Piece> pieces;
    std::vector<std::size_t> pieceOfRoot(n, n);
    for (std::size_t i = 0; i < n; ++i)
    {
        if (!grouped[i])
        {
            pieces.push_back({i});
            continue;
        }
        const std::size_t root = groups.root(i); // a group's root is its first polygon
        if (root == i)
        {
            pieceOfRoot[i] = pieces.size();
            pieces.emplace_back();
        }
        pieces[pieceOfRoot[root]].push_back(i);
    }
    return pieces;
}

GeosGeomPtr pieceGeometry(GeosContext& h, const Piece& piece,
                          const std::function<GeosGeomPtr(std::size_t)>& geometryOf)
{
    if (piece.size() == 1)
        return geometryOf(piece.front());
    std::vector<GeosGeomPtr> owned;
    std::vector<const GEOSGeometry*> raw;
    for (const std::size_t m : piece)
        if (GeosGeomPtr g = geometryOf(m))
        {
            raw.push_back(g.get());
            owned.push_back(std::move(g));
        }
    return polygonalPart(h, unionAll(h, raw).get());
}

} // namespace redline::detail
