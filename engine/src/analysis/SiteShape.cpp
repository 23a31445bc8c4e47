#include "analysis/SiteShape.hpp"

namespace redline::detail
{

void SiteShape::assign(const Geometry& g)
{
    dimension = g.dimension();
    multiPoint = g.type() == GeometryType::MultiPoint;
    envelope = g.envelope();
    points.clear();
    rings.clear();
    for (const Part& part : g.parts())
        for (std::size_t r = 0; r < part.size(); ++r)
        {
            const Ring& ring = part[r];
            if (ring.empty())
                continue;
            SiteRing sr{static_cast<std::uint32_t>(points.size()),
                        static_cast<std::uint32_t>(ring.size()), 1};
            if (dimension == Dimension::Area)
            {
                double twiceArea = 0;
                const Point o = ring.front();
                for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                    twiceArea += (ring[i].x - o.x) * (ring[i + 1].y - o.y) -
                                 (ring[i + 1].x - o.x) * (ring[i].y - o.y);
                // Shells counter-clockwise and holes clockwise have their interior on the left.
                sr.sign = ((r == 0) == (twiceArea > 0)) ? 1 : -1;
            }
            points.insert(points.end(), ring.begin(), ring.end());
            rings.push_back(sr);
        }
}

} // namespace redline::detail
