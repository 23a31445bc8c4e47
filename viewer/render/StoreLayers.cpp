#include "render/StoreLayers.hpp"

#include <algorithm>
#include <memory>

#include "render/Symbology.hpp"

namespace redline
{

std::vector<RenderLayer> renderLayersOf(const ZoningStore& store)
{
    std::vector<RenderLayer> out;
    for (const ZoneLayer& z : store.layers())
    {
        RenderLayer r;
        r.name = z.name;
        r.kind = z.kind;
        r.cache = std::make_shared<const LayerCache>(z.layer);
        r.style = styleForKind(z.kind, z.name);
        // Label with the store's own name field (catalogs may rename it).
        if (!r.style.labelField.empty() && !z.nameField.empty())
            r.style.labelField = z.nameField;
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const RenderLayer& a, const RenderLayer& b)
                     { return drawOrderForKind(a.kind) < drawOrderForKind(b.kind); });
    return out;
}

} // namespace redline
