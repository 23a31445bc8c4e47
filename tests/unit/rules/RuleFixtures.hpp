#pragma once
// Builders for rule tests: SiteResult / Hit values made in code (rules never touch GEOS/GDAL).
// Attributes are written "key=value;key=value" so that test tables stay readable.

#include <string>
#include <utility>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/rules/RuleSet.hpp"

namespace redline::test
{

inline Attributes attrs(const std::string& text)
{
    Attributes a;
    std::size_t start = 0;
    while (start < text.size())
    {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string item = text.substr(start, end - start);
        const std::size_t eq = item.find('=');
        if (eq != std::string::npos)
            a.set(item.substr(0, eq), item.substr(eq + 1));
        start = end + 1;
    }
    return a;
}

enum class Shape
{
    Overlap, // 1,000 m² overlap
    Buffer   // 50 m away, no overlap
};

inline Hit makeHit(const std::string& kind, const std::string& zone, Shape shape = Shape::Overlap)
{
    Hit h;
    h.layer = kind;
    h.kind = kind;
    h.zoneId = kind + "-1";
    h.attributes = attrs(zone);
    if (shape == Shape::Overlap)
        h.overlapM2 = 1000;
    else
        h.distanceM = 50;
    return h;
}

// A 100 m × 100 m parcel (geometry type matters only to `geometry` conditions).
inline SiteResult makeSite(const std::string& site, std::vector<Hit> hits)
{
    SiteResult s;
    s.siteId = "S1";
    s.attributes = attrs(site);
    s.geometry = Geometry::polygon({{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}});
    s.areaM2 = 10000;
    s.hits = std::move(hits);
    return s;
}

inline const RuleMatch* findMatch(const Hit& hit, const std::string& ruleId)
{
    for (const auto& m : hit.rules)
    {
        if (m.ruleId == ruleId)
            return &m;
    }
    return nullptr;
}

// The rule matched outright (not merely reported as 信息不足).
inline bool fired(const Hit& hit, const std::string& ruleId)
{
    const RuleMatch* m = findMatch(hit, ruleId);
    return m != nullptr && m->reason.rfind("信息不足", 0) != 0;
}

} // namespace redline::test
