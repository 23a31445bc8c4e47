#pragma once
// Screening result records (DESIGN A4). Plain values; built by Screening, completed by a RuleSet.

#include <string>
#include <vector>

#include "redline/analysis/Verdict.hpp"
#include "redline/data/Attributes.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

struct RuleMatch
{
    std::string ruleId;
    Verdict verdict = Verdict::NeedsReview;
    std::string citation;
    std::string reason;   // 中文
    std::string reasonEn; // English
    std::string confidence; // V / P / U / "" as in the rulebook
};

// One zone the site overlaps, contains (point sites) or lies within the buffer distance of.
struct Hit
{
    std::string layer;
    std::string kind;
    std::string zoneId;
    std::string zoneName;
    Attributes attributes; // the zone's attributes
    double overlapM2 = 0;            // planar, analysis CRS
    double overlapEllipsoidalM2 = 0; // on the analysis CRS's ellipsoid (CGCS2000 by default)
    // overlapM2 / site area (polygons), length share (lines), share of the site's points inside
    // the zone (points: 1 or 0 for a Point, k/n for a MultiPoint of n points).
    double siteShare = 0;
    double overlapLengthM = 0; // line sites: length inside the zone
    double distanceM = 0;      // 0 when touching or overlapping
    // Point sites: a point of the site lies inside the zone (for a MultiPoint: at least one).
    bool contains = false;
    Geometry overlap; // overlap part in the analysis CRS (may be empty)
    Verdict verdict = Verdict::NeedsReview;
    std::vector<RuleMatch> rules;

    [[nodiscard]] bool isBufferOnly() const
    {
        return overlapM2 <= 0 && overlapLengthM <= 0 && !contains;
    }
};

struct SiteResult
{
    std::size_t index = 0; // position in the input
    std::string siteId;
    std::string name;
    Attributes attributes; // the site's own attributes (industry_code, project_type, flags…)
    Geometry geometry;     // in the analysis CRS
    double areaM2 = 0;
    double areaEllipsoidalM2 = 0;
    double lengthM = 0;
    Verdict verdict = Verdict::Allowed;
    // Verdict::Error only: one line naming the file and the site, and why it could not be
    // screened (no hits then). Empty otherwise.
    std::string message;
    std::vector<Hit> hits;
    std::vector<std::string> warnings;
};

} // namespace redline
