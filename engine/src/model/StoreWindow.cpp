#include "redline/model/StoreWindow.hpp"

#include <algorithm>

namespace redline
{

std::optional<Envelope> screeningWindow(const Layer& sites, const std::vector<ZoneLayer>& catalog,
                                        std::optional<double> bufferOverride,
                                        const Envelope& storeExtent)
{
    Envelope sitesEnvelope;
    for (const Feature& f : sites.features)
        sitesEnvelope.expandToInclude(f.geometry.envelope());
    if (sitesEnvelope.isEmpty() || storeExtent.isEmpty())
        return std::nullopt;
    double buffer = bufferOverride.value_or(0);
    if (!bufferOverride)
        for (const ZoneLayer& zl : catalog)
            if (zl.screened)
                buffer = std::max(buffer, zl.bufferM);
    // One metre more than any buffer: envelopes, not exact distances, decide what is loaded.
    const Envelope window = sitesEnvelope.grownBy(buffer + 1.0);
    const double storeArea = storeExtent.width() * storeExtent.height();
    if (window.width() * window.height() > 0.25 * storeArea)
        return std::nullopt;
    return window;
}

} // namespace redline
