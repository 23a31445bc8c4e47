#include "redline/rules/DeclarativeRuleSet.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "redline/core/Error.hpp"
#include "redline/rules/ProjectProfile.hpp"

#include "ConditionEval.hpp"
#include "HitEvaluation.hpp"
#include "RuleFileParser.hpp"

namespace redline
{
namespace
{

void collectValues(const std::vector<Condition>& conditions, std::set<std::string>& types,
                   std::set<std::string>& codes)
{
    for (const Condition& c : conditions)
    {
        if (c.type == Condition::Type::ProjectText && c.field == "project_type")
            types.insert(c.values.begin(), c.values.end());
        if (c.type == Condition::Type::IndustryCode)
        {
            codes.insert(c.values.begin(), c.values.end());
            if (c.range)
            {
                codes.insert(c.range->first);
                codes.insert(c.range->second);
            }
        }
        for (const auto& group : c.groups)
            collectValues(group, types, codes);
    }
}

} // namespace

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

    // What to try for an attribute a site leaves unknown: every value that can change which
    // rule holds, plus one value no rule names.
    std::set<std::string> types;
    std::set<std::string> codes;
    for (const RuleRecord& r : m_rules)
    {
        collectValues(r.zone, types, codes);
        collectValues(r.project, types, codes);
        for (const RuleNote& n : r.notes)
            collectValues(n.when, types, codes);
    }
    auto& typeValues = m_valuesToTry["project_type"];
    typeValues.assign(types.begin(), types.end());
    if (std::any_of(m_vocabulary.projectTypes.begin(), m_vocabulary.projectTypes.end(),
                    [&](const std::string& t) { return types.count(t) == 0; }))
        typeValues.push_back(kOtherValue);
    auto& codeValues = m_valuesToTry["industry_code"];
    codeValues.assign(codes.begin(), codes.end());
    codeValues.push_back(kOtherValue);
    m_valuesToTry["construction"].assign(m_vocabulary.constructions.begin(),
                                         m_vocabulary.constructions.end());
    m_valuesToTry["zj_industrial_class"] = {"1", "2", "3"};
    m_valuesToTry["geometry"] = {"point", "line", "area"};
    for (const auto& flag : m_vocabulary.flags)
        m_valuesToTry[flag] = {"true", "false"};
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

const std::vector<std::string>& DeclarativeRuleSet::valuesToTry(const std::string& attribute) const
{
    static const std::vector<std::string> kNone;
    const auto it = m_valuesToTry.find(attribute);
    return it == m_valuesToTry.end() ? kNone : it->second;
}

void DeclarativeRuleSet::evaluate(SiteResult& site, const RuleContext& context) const
{
    const ProjectProfile project = ProjectProfile::fromSite(site, m_vocabulary);
    const auto warn = [&](const std::string& w)
    {
        if (std::find(site.warnings.begin(), site.warnings.end(), w) == site.warnings.end())
            site.warnings.push_back(w);
    };
    site.verdict = Verdict::Allowed;
    for (Hit& hit : site.hits)
    {
        detail::HitVerdict outcome = detail::evaluateHit(*this, hit, site, project);
        hit.verdict = outcome.verdict;
        hit.rules = std::move(outcome.rules);
        site.verdict = mostSevere(site.verdict, hit.verdict);
        for (const auto& w : outcome.warnings)
            warn(w);
    }

    // Site-level rules: the site overlaps no zone of a kind the store has (TL-10).
    const std::map<std::string, std::string> noAssumptions;
    const detail::EvalContext evalContext{site, project, m_vocabulary, noAssumptions};
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
        const detail::ConditionResult proj = detail::evaluateAll(rule.project, none, evalContext);
        if (proj.truth == detail::Truth::False)
            continue;
        const Verdict verdict =
            proj.truth == detail::Truth::Unknown ? Verdict::NeedsReview : *rule.verdict;
        site.verdict = mostSevere(site.verdict, verdict);
        warn(rule.id + " (" + toString(verdict) + "): " + rule.reasonZh + " / " + rule.reasonEn);
    }

    if (!site.hits.empty())
    {
        for (const auto& note : project.notes)
            warn(note);
    }
}

} // namespace redline
