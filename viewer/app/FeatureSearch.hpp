#pragma once
// Finding things on the map (issue 14): zones by id or name (HX-01, 楠溪江风景名胜区), townships
// and rivers by name (岩头镇, 楠溪江), sites by id or name (P09), features of reference layers by
// their name field. Matches ignore case; exact matches come first, then those starting with the
// text, then those containing it. Pure function of immutable values; thread-safe.

#include <QString>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/model/ZoningStore.hpp"

#include "render/RenderRequest.hpp"

namespace redline
{

struct SearchHit
{
    QString text;       // what matched, e.g. "HX-01 楠溪江风景名胜区"
    QString layerTitle; // 生态保护红线, 乡镇街道, 项目…
    std::string layer;  // layer name ("sites" for the sites)
    std::size_t index = 0;
    const Geometry* geometry = nullptr; // owned by the layer; valid while it is
};

// At most `limit` hits. `store` gives the id and name fields of its layers (may be null);
// `sites` may be null.
[[nodiscard]] std::vector<SearchHit> searchFeatures(const QString& query,
                                                    const std::vector<RenderLayer>& layers,
                                                    const ZoningStore* store, const Layer* sites,
                                                    std::size_t limit = 200);

} // namespace redline
