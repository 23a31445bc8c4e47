#include "report/VerdictMeaning.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "report/ReportTerms.hpp"
#include "report/SiteRuleWarning.hpp"

namespace redline
{
namespace
{

constexpr std::size_t kMaxRules = 2; // reasons quoted in the sentence (all are in the rule table)
constexpr std::size_t kMaxZones = 3; // zones named in the sentence

std::string withoutFinalStop(std::string s)
{
    const std::string stop = "。";
    while (s.size() >= stop.size() && s.compare(s.size() - stop.size(), stop.size(), stop) == 0)
        s.resize(s.size() - stop.size());
    return s;
}

std::string joined(const std::vector<std::string>& items, std::size_t max, const char* sep)
{
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < max; ++i)
        out += (i == 0 ? "" : sep) + items[i];
    if (items.size() > max)
        out += "等";
    return out;
}

// "ERL-03：必须且无法避让……" for every rule that gave the site its verdict, in hit order.
std::vector<std::string> deciding(const SiteResult& site)
{
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const Hit& h : site.hits)
        for (const RuleMatch& r : h.rules)
            if (r.verdict == site.verdict && seen.insert(r.ruleId).second)
                out.push_back(r.ruleId + "：" + withoutFinalStop(r.reason));
    for (const std::string& w : site.warnings)
        if (const auto r = parseSiteRuleWarning(w);
            r && r->verdict == toString(site.verdict) && seen.insert(r->ruleId).second)
            out.push_back(r->ruleId + "：" + withoutFinalStop(r->reason));
    return out;
}

// Names of the zones with the site's verdict; buffer-only ones say how far they are.
std::vector<std::string> decidingZones(const SiteResult& site)
{
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const Hit& h : site.hits)
    {
        if (h.verdict != site.verdict || !seen.insert(h.zoneName + h.zoneId).second)
            continue;
        std::string name = h.zoneName.empty() ? zoneKindTitle(h.kind) + h.zoneId : h.zoneName;
        if (h.isBufferOnly())
            name += "（相距 " + formatFixed(h.distanceM, 0) + " m）";
        out.push_back(name);
    }
    return out;
}

// The first rules, and how many there are when not all are quoted.
std::string ruleList(const std::vector<std::string>& rules)
{
    std::string out = joined(rules, kMaxRules, "；");
    if (rules.size() > kMaxRules)
        out += "，共 " + std::to_string(rules.size()) + " 条规则，见适用规则表";
    return out;
}

std::string because(const std::vector<std::string>& rules)
{
    return rules.empty() ? std::string() : "（" + ruleList(rules) + "）";
}

std::string sentenceFor(const SiteResult& site)
{
    const std::vector<std::string> rules = deciding(site);
    const std::vector<std::string> zones = decidingZones(site);
    // if, not switch: a verdict this file does not know yet falls through to its bare name.
    if (site.verdict == Verdict::Prohibited)
        return "禁止：该项目不得在本选址建设，须调整选址" +
               (zones.empty() ? std::string() : "，避让" + joined(zones, kMaxZones, "、")) +
               because(rules) + "。";
    if (site.verdict == Verdict::Restricted)
        return "限制：该项目须满足下列管控要求、取得相应审批意见或完成论证后方可在本选址建设" +
               because(rules) + "。";
    if (site.verdict == Verdict::NeedsReview)
        return "需进一步论证：现有资料不足以判定，须补充资料或开展专题论证，由生态环境主管部门"
               "审查后确定" +
               (zones.empty() ? std::string() : "（涉及" + joined(zones, kMaxZones, "、") + "）") +
               (rules.empty() ? std::string() : "：" + ruleList(rules)) + "。";
    if (site.verdict == Verdict::Allowed)
        return "允许：选址未触及生态环境分区管控的禁止或限制要求，可按规定程序办理环境影响评价等"
               "手续。";
    if (site.verdict == Verdict::Error) // the message names the file, the site and the reason
    {
        std::string why = site.message;
        if (!why.empty() && why.back() == '.')
            why.pop_back();
        return "无法筛查：该项目未能筛查，须更正后重新筛查（" + why + "）。";
    }
    return std::string(toChinese(site.verdict)) + "。";
}

} // namespace

std::string verdictMeaning(const SiteResult& site, const SiteLocation& location)
{
    const std::string county = location.countyName.empty() ? "本县" : location.countyName;
    if (location.county == CountyRelation::Outside)
        return "站点位于县域范围外：本报告依据的" + county +
               "分区数据和规则不覆盖该选址，不能据此判定，请向选址所在地生态环境主管部门查询。";
    const std::string sentence = sentenceFor(site);
    if (location.county == CountyRelation::PartlyOutside)
        return "站点部分位于县域范围外（县域外部分未筛查，须向所在地生态环境主管部门查询）；" +
               sentence;
    return sentence;
}

} // namespace redline
