#include "report/SiteLocation.hpp"

#include <algorithm>
#include <memory>

#include "redline/analysis/Screening.hpp"
#include "redline/core/Error.hpp"

namespace redline
{
namespace
{

// Shares are ratios of planar measures: 1e-9 absorbs the rounding of a site's own area.
constexpr double kWhole = 1 - 1e-9;

} // namespace

std::string SiteLocation::townshipText() const
{
    if (county == CountyRelation::Outside)
        return "县域范围外";
    if (townships.empty())
        return "—";
    std::string out;
    for (const std::string& t : townships)
        out += (out.empty() ? "" : "、") + t;
    return out;
}

SiteLocation locateSite(const SiteResult& site, const ZoningStore& store)
{
    SiteLocation out;
    std::vector<ZoneLayer> layers;
    for (const ZoneLayer& z : store.layers())
        if (z.kind == "townships" || z.kind == "county")
        {
            if (z.kind == "county" && out.countyName.empty() && !z.layer->features.empty())
                out.countyName = z.layer->features.front()
                                     .attributes.text(z.nameField.empty() ? "name" : z.nameField)
                                     .value_or("");
            ZoneLayer copy = z;
            copy.screened = true;
            copy.bufferM = 0;
            layers.push_back(std::move(copy));
        }
    if (layers.empty() || site.geometry.isEmpty())
        return out;
    const bool hasCounty = std::any_of(layers.begin(), layers.end(),
                                       [](const ZoneLayer& z) { return z.kind == "county"; });
    const auto where =
        std::make_shared<const ZoningStore>(store.path(), store.analysisCrs(), std::move(layers));
    ScreeningOptions options;
    options.bufferM = 0;
    const Screening screening(where, std::make_shared<const OverlapOnlyRuleSet>(), options);
    Feature f;
    f.geometry = site.geometry;
    SiteResult located;
    try
    {
        located = screening.screenOne(f);
    }
    catch (const Error&)
    {
        return out; // a geometry the engine cannot measure (a site with verdict error): unknown
    }

    std::vector<const Hit*> towns;
    double inCounty = 0;
    for (const Hit& h : located.hits)
    {
        if (h.isBufferOnly())
            continue; // touching a boundary is not lying in the area
        if (h.kind == "townships")
            towns.push_back(&h);
        else
            inCounty += h.siteShare;
    }
    std::stable_sort(towns.begin(), towns.end(),
                     [](const Hit* a, const Hit* b) { return a->siteShare > b->siteShare; });
    for (const Hit* h : towns)
        out.townships.push_back(h->zoneName.empty() ? h->zoneId : h->zoneName);
    if (hasCounty)
        out.county = inCounty >= kWhole ? CountyRelation::Inside
                     : inCounty > 0     ? CountyRelation::PartlyOutside
                                        : CountyRelation::Outside;
    return out;
}

} // namespace redline
