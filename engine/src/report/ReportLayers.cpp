#include "report/ReportLayers.hpp"

namespace redline::detail
{

std::vector<Layer> reportLayers(const ScreeningReport& report)
{
    constexpr double kM2PerMu = 10000.0 / 15.0;
    const Crs crs = Crs::fromUserInput(report.analysisCrs);
    Layer sites;
    sites.name = "sites";
    sites.crs = crs;
    sites.fieldNames = {"site_id", "site_name", "verdict", "geometry_type", "area_m2", "area_mu",
                        "area_ellipsoidal_m2", "length_m", "hit_count", "warnings", "message"};
    Layer hits;
    hits.name = "hits";
    hits.crs = crs;
    hits.fieldNames = {"site_id", "site_name", "verdict", "layer", "kind", "zone_id", "zone_name",
                       "overlap_m2", "overlap_mu", "overlap_ellipsoidal_m2", "site_share",
                       "overlap_length_m", "distance_m", "rule_ids", "citations"};
    for (const auto& s : report.results)
    {
        Feature f;
        f.fid = static_cast<std::int64_t>(s.index) + 1;
        f.geometry = s.geometry;
        std::string warnings;
        for (const auto& w : s.warnings)
            warnings += (warnings.empty() ? "" : " | ") + w;
        f.attributes.set("site_id", s.siteId);
        f.attributes.set("site_name", s.name);
        f.attributes.set("verdict", std::string(toString(s.verdict)));
        f.attributes.set("geometry_type",
                         s.geometry.isEmpty()
                             ? AttributeValue()
                             : AttributeValue(std::string(toString(s.geometry.type()))));
        f.attributes.set("area_m2", s.areaM2);
        f.attributes.set("area_mu", s.areaM2 / kM2PerMu);
        f.attributes.set("area_ellipsoidal_m2", s.areaEllipsoidalM2);
        f.attributes.set("length_m", s.lengthM);
        f.attributes.set("hit_count", static_cast<std::int64_t>(s.hits.size()));
        f.attributes.set("warnings", warnings);
        f.attributes.set("message", s.message); // why a site has the verdict `error`, else ""
        sites.features.push_back(std::move(f));
        for (const auto& h : s.hits)
        {
            Feature hf;
            hf.fid = static_cast<std::int64_t>(hits.features.size()) + 1;
            hf.geometry = h.overlap;
            std::string ids, citations;
            for (const auto& r : h.rules)
            {
                ids += (ids.empty() ? "" : ";") + r.ruleId;
                citations += (citations.empty() ? "" : ";") + r.citation;
            }
            hf.attributes.set("site_id", s.siteId);
            hf.attributes.set("site_name", s.name);
            hf.attributes.set("verdict", std::string(toString(h.verdict)));
            hf.attributes.set("layer", h.layer);
            hf.attributes.set("kind", h.kind);
            hf.attributes.set("zone_id", h.zoneId);
            hf.attributes.set("zone_name", h.zoneName);
            hf.attributes.set("overlap_m2", h.overlapM2);
            hf.attributes.set("overlap_mu", h.overlapM2 / kM2PerMu);
            hf.attributes.set("overlap_ellipsoidal_m2", h.overlapEllipsoidalM2);
            hf.attributes.set("site_share", h.siteShare);
            hf.attributes.set("overlap_length_m", h.overlapLengthM);
            hf.attributes.set("distance_m", h.distanceM);
            hf.attributes.set("rule_ids", ids);
            hf.attributes.set("citations", citations);
            hits.features.push_back(std::move(hf));
        }
    }
    return {std::move(sites), std::move(hits)};
}

} // namespace redline::detail
