#pragma once
// Identify: which feature lies under a map point. Zone layers are searched top-most first, then the
// context layers (townships, county, neighbours), so that a click inside the county names the zone
// and not the county. Polygons must contain the point; lines and points must lie within
// `toleranceM`. Pure function of immutable values, thread-safe.

#include <QString>
#include <optional>
#include <vector>

#include "render/RenderRequest.hpp"

namespace redline
{

struct IdentifyResult
{
    std::string layerName;
    std::string kind;
    QString layerTitle;
    std::size_t featureIndex = 0;
    const Feature* feature = nullptr; // owned by the layer's cache, valid while it is
};

[[nodiscard]] std::optional<IdentifyResult> identifyAt(const std::vector<RenderLayer>& layers,
                                                       Point p, double toleranceM);

} // namespace redline
