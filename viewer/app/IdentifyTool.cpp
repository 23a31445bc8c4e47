#include "app/IdentifyTool.hpp"

#include "render/PointInPolygon.hpp"

namespace redline
{
namespace
{
bool isContext(const std::string& kind)
{
    return kind == "county" || kind == "townships" || kind == "neighbours";
}
} // namespace

std::optional<IdentifyResult> identifyAt(const std::vector<RenderLayer>& layers, Point p,
                                         double toleranceM)
{
    for (const bool context : {false, true})
    {
        for (auto it = layers.rbegin(); it != layers.rend(); ++it)
        {
            const RenderLayer& l = *it;
            if (!l.visible || !l.cache || isContext(l.kind) != context)
                continue;
            const auto& features = l.cache->layer().features;
            for (std::size_t i = features.size(); i-- > 0;)
            {
                const Feature& f = features[i];
                if (!l.cache->envelope(i)
                         .grownBy(toleranceM)
                         .intersects(Envelope{p.x, p.y, p.x, p.y}))
                    continue;
                const bool hit = f.geometry.dimension() == Dimension::Area
                                     ? polygonContains(f.geometry, p)
                                     : distanceToBoundary(f.geometry, p) <= toleranceM;
                if (hit)
                    return IdentifyResult{l.name, l.kind, l.style.title, i, &f};
            }
        }
    }
    return std::nullopt;
}

} // namespace redline
