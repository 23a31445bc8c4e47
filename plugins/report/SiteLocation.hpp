#pragma once
// Where a site lies, for the report's 所在乡镇 line: the townships it overlaps (most of the site
// first) and whether it lies inside the county the zoning covers. Computed in one place for the
// HTML and the PDF report, by screening the site against the store's townships and county
// layers (the engine measures the overlaps; nothing is guessed from a label point or an
// attribute). Thread-safe: plain values, the store is immutable.

#include <string>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/model/ZoningStore.hpp"

namespace redline
{

enum class CountyRelation
{
    Unknown,       // the store has no county layer
    Inside,        // the whole site lies in the county
    PartlyOutside, // part of it lies outside
    Outside        // none of it lies in the county
};

struct SiteLocation
{
    std::vector<std::string> townships; // names, the largest share of the site first
    CountyRelation county = CountyRelation::Unknown;
    std::string countyName; // "永嘉县" ("" when the county layer has no name)

    // The 所在乡镇 text: "鹤盛镇", "岩坦镇、鹤盛镇", "县域范围外", or "—".
    [[nodiscard]] std::string townshipText() const;
};

// Unknown (no townships, CountyRelation::Unknown) when the store has neither layer or the site's
// geometry cannot be measured.
[[nodiscard]] SiteLocation locateSite(const SiteResult& site, const ZoningStore& store);

} // namespace redline
