#include "redline/rules/DeclarativeRuleSet.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "ConditionEval.hpp"
#include "RuleFileParser.hpp"
#include "redline/core/Error.hpp"
#include "redline/rules/ProjectProfile.hpp"

namespace redline
{
namespace
{

// verdict_from_kind chains (TL-01 -> red line rules) are short; this only stops a cycle.
constexpr int kMaxDelegation = 4;

std::string joinWords(const std::vector<std::string>& words, const std::string& separator)
{
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : separator) + w;
    return out;
}

RuleMatch matchOf(const RuleRecord& rule, Verdict verdict)
{
    return {rule.id, verdict, rule.citation, rule.reasonZh, rule.reasonEn, rule.confidence};
}

RuleMatch insufficient(const RuleRecord& rule, const std::vector<std::string>& missing)
{
    RuleMatch m = matchOf(rule, Verdict::NeedsReview);
    const std::string zh = joinWords(missing, "、");
    const std::string en = joinWords(missing, ", ");
    m.reason = "信息不足：缺少 " + zh + "（" + rule.id + " 需要此项：" + rule.reasonZh + "）";
    m.reasonEn = "Insufficient information: the site has no " + en + " (needed by " + rule.id +
                 ": " + rule.reasonEn + ")";
    return m;
}

void capForBuffer(RuleMatch& m)
{
    if (m.verdict <= Verdict::NeedsReview)
        return;
    m.reason += "（仅位于缓冲距离内，最高为需进一步论证）";
    m.reasonEn += " (buffer-only hit: capped at needs_review)";
    m.verdict = Verdict::NeedsReview;
}

} // namespace

struct DeclarativeRuleSet::Outcome
{
    Verdict verdict = Verdict::Allowed;
    std::vector<RuleMatch> matches;
    std::vector<std::string> decidingIds;
};

DeclarativeRuleSet::DeclarativeRuleSet(std::string name, std::string version,
                                       std::string description, std::string source,
                                       Vocabulary vocabulary, std::vector<RuleRecord> rules)
    : m_name(std::move(name)), m_version(std::move(version)), m_description(std::move(description)),
      m_source(std::move(source)), m_vocabulary(std::move(vocabulary)), m_rules(std::move(rules))
{
    for (std::size_t i = 0; i < m_rules.size(); ++i)
        m_order[m_rules[i].zoneKind].push_back(i);
    for (auto& [kind, indices] : m_order)
    {
        std::stable_sort(indices.begin(), indices.end(),
                         [&](std::size_t a, std::size_t b)
                         {
                             const RuleRecord& ra = m_rules[a];
                             const RuleRecord& rb = m_rules[b];
                             if (ra.fallback != rb.fallback)
                                 return !ra.fallback;
                             return ra.specificity > rb.specificity;
                         });
    }
}

std::shared_ptr<const DeclarativeRuleSet>
DeclarativeRuleSet::fromYamlText(const std::string& text, const std::string& sourceName)
{
    detail::RuleFile file = detail::parseRuleFile(text, sourceName);
    return std::make_shared<const DeclarativeRuleSet>(
        std::move(file.name), std::move(file.version), std::move(file.description), sourceName,
        std::move(file.vocabulary), std::move(file.rules));
}

std::shared_ptr<const DeclarativeRuleSet> DeclarativeRuleSet::fromFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(path + ": cannot open the rule file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw IoError(path + ": cannot read the rule file");
    return fromYamlText(text.str(), path);
}

const RuleRecord* DeclarativeRuleSet::findRule(const std::string& id) const
{
    for (const auto& r : m_rules)
    {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

std::vector<const RuleRecord*> DeclarativeRuleSet::rulesInOrder(const std::string& kind) const
{
    std::vector<const RuleRecord*> out;
    const auto it = m_order.find(kind);
    if (it == m_order.end())
        return out;
    for (std::size_t i : it->second)
        out.push_back(&m_rules[i]);
    return out;
}

DeclarativeRuleSet::Outcome DeclarativeRuleSet::evaluateHit(const Hit& hit, const std::string& kind,
                                                            const SiteResult& site,
                                                            const ProjectProfile& project,
                                                            int depth) const
{
    Outcome out;
    std::vector<RuleMatch> unknowns;
    std::vector<RuleMatch> matched;
    std::set<Verdict> possible; // every verdict the hit could get once the missing data is known
    bool decided = false;
    bool decidedByFallback = false;

    for (const RuleRecord* rule : rulesInOrder(kind))
    {
        if (!detail::hitModeAdmits(rule->hit, hit))
            continue;
        if (decided && rule->fallback && !decidedByFallback)
            continue;
        const detail::ConditionResult zone = detail::evaluateAll(rule->zone, hit, site, project);
        if (zone.truth == detail::Truth::False)
            continue;
        const detail::ConditionResult proj = detail::evaluateAll(rule->project, hit, site, project);
        if (proj.truth == detail::Truth::False)
            continue;

        Verdict verdict = rule->verdict.value_or(Verdict::NeedsReview);
        RuleMatch match = matchOf(*rule, verdict);
        if (!rule->verdict && depth < kMaxDelegation)
        {
            const Outcome delegated =
                evaluateHit(hit, rule->verdictFromKind, site, project, depth + 1);
            verdict = delegated.verdict;
            match.verdict = verdict;
            const std::string ids = joinWords(delegated.decidingIds, ", ");
            match.reason += "（按 " + rule->verdictFromKind + " 规则：" +
                            (ids.empty() ? std::string("无规则适用") : ids) + "）";
            match.reasonEn += " (by the " + rule->verdictFromKind + " rules" +
                              (ids.empty() ? std::string(": none applies") : ": " + ids) + ")";
        }

        if (proj.truth == detail::Truth::Unknown)
        {
            if (!decided)
            {
                unknowns.push_back(insufficient(*rule, proj.missing));
                possible.insert(verdict);
            }
            continue;
        }
        if (!decided)
        {
            decided = true;
            decidedByFallback = rule->fallback;
            possible.insert(verdict);
            out.decidingIds.push_back(rule->id);
        }
        matched.push_back(std::move(match));
    }
    if (!decided)
        possible.insert(Verdict::Allowed);

    out.verdict = possible.size() == 1 ? *possible.begin() : Verdict::NeedsReview;
    if (possible.size() > 1)
    {
        // 信息不足 decided it: name the rules that could not be evaluated, then the first match.
        std::vector<std::string> ids;
        for (const auto& m : unknowns)
            ids.push_back(m.ruleId);
        ids.insert(ids.end(), out.decidingIds.begin(), out.decidingIds.end());
        out.decidingIds = std::move(ids);
    }
    out.matches = std::move(unknowns);
    out.matches.insert(out.matches.end(), std::make_move_iterator(matched.begin()),
                       std::make_move_iterator(matched.end()));
    if (hit.isBufferOnly())
    {
        out.verdict = std::min(out.verdict, Verdict::NeedsReview);
        for (auto& m : out.matches)
            capForBuffer(m);
    }
    return out;
}

void DeclarativeRuleSet::evaluate(SiteResult& site, const RuleContext& context) const
{
    const ProjectProfile project = ProjectProfile::fromSite(site, m_vocabulary);
    site.verdict = Verdict::Allowed;
    for (Hit& hit : site.hits)
    {
        Outcome outcome = evaluateHit(hit, hit.kind, site, project, 0);
        hit.verdict = outcome.verdict;
        hit.rules = std::move(outcome.matches);
        site.verdict = mostSevere(site.verdict, hit.verdict);
    }

    // Site-level rules: the site overlaps no zone of a kind the store has (TL-10).
    for (const RuleRecord& rule : m_rules)
    {
        if (rule.hit != HitMode::Outside || context.kindsPresent.count(rule.zoneKind) == 0)
            continue;
        const bool inside =
            std::any_of(site.hits.begin(), site.hits.end(),
                        [&](const Hit& h) { return h.kind == rule.zoneKind && !h.isBufferOnly(); });
        if (inside)
            continue;
        const Hit none;
        const detail::ConditionResult proj = detail::evaluateAll(rule.project, none, site, project);
        if (proj.truth == detail::Truth::False)
            continue;
        const Verdict verdict =
            proj.truth == detail::Truth::Unknown ? Verdict::NeedsReview : *rule.verdict;
        site.verdict = mostSevere(site.verdict, verdict);
        site.warnings.push_back(rule.id + " (" + toString(verdict) + "): " + rule.reasonZh + " / " +
                                rule.reasonEn);
    }

    if (!site.hits.empty())
    {
        for (const auto& note : project.notes)
        {
            if (std::find(site.warnings.begin(), site.warnings.end(), note) == site.warnings.end())
                site.warnings.push_back(note);
        }
    }
}

} // namespace redline
