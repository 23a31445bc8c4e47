#include "redline/rules/DeclarativeRuleSet.hpp"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>

#include "redline/core/Error.hpp"
#include "redline/rules/ProjectProfile.hpp"

#include "ConditionEval.hpp"
#include "HitEvaluation.hpp"
#include "HitMemo.hpp"
#include "RuleFileParser.hpp"

namespace redline
{
namespace
{

// The project_type lists and industry codes the conditions name.
void collectValues(const std::vector<Condition>& conditions,
                   std::vector<const std::vector<std::string>*>& typeLists,
                   std::set<std::string>& codes)
{
    for (const Condition& c : conditions)
    {
        if (c.type == Condition::Type::ProjectText && c.field == "project_type")
            typeLists.push_back(&c.values);
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
            collectValues(group, typeLists, codes);
    }
}

} // namespace

struct DeclarativeRuleSet::TextMemo
{
    static constexpr std::size_t kMaxEntries = 4096; // beyond: written each time, not kept
    std::mutex mutex;
    std::unordered_map<std::string, std::string> texts;
};

std::string DeclarativeRuleSet::memoText(const std::string& key,
                                         const std::function<std::string()>& make) const
{
    {
        std::lock_guard lock(m_texts->mutex);
        if (auto it = m_texts->texts.find(key); it != m_texts->texts.end())
            return it->second;
    }
    std::string text = make();
    std::lock_guard lock(m_texts->mutex);
    if (m_texts->texts.size() < TextMemo::kMaxEntries)
        m_texts->texts.try_emplace(key, text);
    return text;
}

DeclarativeRuleSet::~DeclarativeRuleSet() = default;

DeclarativeRuleSet::DeclarativeRuleSet(std::string name, std::string version,
                                       std::string description, std::string source,
                                       Vocabulary vocabulary, std::vector<RuleRecord> rules)
    : m_name(std::move(name)), m_version(std::move(version)), m_description(std::move(description)),
      m_source(std::move(source)), m_vocabulary(std::move(vocabulary)), m_rules(std::move(rules)),
      m_texts(std::make_unique<TextMemo>()), m_hits(std::make_unique<detail::HitMemo>(m_rules))
{
    for (const RuleRecord& r : m_rules)
        m_order[r.zoneKind].push_back(&r);
    for (auto& [kind, ordered] : m_order)
    {
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const RuleRecord* a, const RuleRecord* b)
                         {
                             if (a->fallback != b->fallback)
                                 return !a->fallback;
                             return a->specificity > b->specificity;
                         });
    }

    // What to try for an attribute a hit of a kind leaves unknown: the values that can change
    // which rule of that kind (or of a kind it takes its verdict from) holds. Project types that
    // every such rule treats alike (listed in the same conditions, and industrial or not) are
    // tried once, kOtherValue standing for those no rule names.
    for (const auto& [kind, ordered] : m_order)
    {
        std::vector<const std::vector<std::string>*> typeLists;
        std::set<std::string> codes;
        std::set<std::string> kinds{kind};
        std::vector<std::string> todo{kind};
        while (!todo.empty())
        {
            const std::string k = todo.back();
            todo.pop_back();
            for (const RuleRecord* r : rulesInOrder(k))
            {
                collectValues(r->zone, typeLists, codes);
                collectValues(r->project, typeLists, codes);
                for (const RuleNote& n : r->notes)
                    collectValues(n.when, typeLists, codes);
                if (!r->verdictFromKind.empty() && kinds.insert(r->verdictFromKind).second)
                    todo.push_back(r->verdictFromKind);
            }
        }
        std::map<std::string, std::vector<std::string>> bySignature;
        for (const auto& type : m_vocabulary.projectTypes)
        {
            std::string signature(1, type == "industrial" ? 'i' : '-');
            for (const auto* list : typeLists)
                signature += std::find(list->begin(), list->end(), type) != list->end() ? '1' : '0';
            bySignature[signature].push_back(type);
        }
        KindValues& values = m_kindValues[kind];
        for (auto& [signature, types] : bySignature)
        {
            const bool unnamed = signature.find_first_of("1i") == std::string::npos;
            const std::string value = unnamed ? kOtherValue : types.front();
            values.projectTypes.push_back(value);
            values.standsFor[value] = std::move(types);
        }
        values.industryCodes.assign(codes.begin(), codes.end());
        values.industryCodes.push_back(kOtherValue);
    }
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

const std::vector<const RuleRecord*>&
DeclarativeRuleSet::rulesInOrder(const std::string& kind) const
{
    static const std::vector<const RuleRecord*> kNone;
    const auto it = m_order.find(kind);
    return it == m_order.end() ? kNone : it->second;
}

std::vector<std::string> DeclarativeRuleSet::valuesStoodFor(const std::string& kind,
                                                            const std::string& attribute,
                                                            const std::string& value) const
{
    const auto it = m_kindValues.find(kind);
    if (attribute == "project_type" && it != m_kindValues.end())
    {
        if (const auto alike = it->second.standsFor.find(value);
            alike != it->second.standsFor.end())
            return alike->second;
    }
    return {value};
}

const std::vector<std::string>& DeclarativeRuleSet::valuesToTry(const std::string& kind,
                                                                const std::string& attribute) const
{
    static const std::vector<std::string> kNone;
    if (attribute == "project_type" || attribute == "industry_code")
    {
        const auto it = m_kindValues.find(kind);
        if (it == m_kindValues.end())
            return kNone;
        return attribute == "project_type" ? it->second.projectTypes : it->second.industryCodes;
    }
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
    const std::string projectKey = detail::HitMemo::projectKey(project);
    for (Hit& hit : site.hits)
    {
        const auto outcome = m_hits->verdict(
            hit, site, projectKey, [&] { return detail::evaluateHit(*this, hit, site, project); });
        hit.verdict = outcome->verdict;
        hit.rules = outcome->rules;
        site.verdict = mostSevere(site.verdict, hit.verdict);
        for (const auto& w : outcome->warnings)
            warn(w);
    }

    // Site-level rules: the site overlaps no zone of a kind the store has (TL-10).
    const std::map<std::string, std::string> noAssumptions;
    detail::ZoneReader zones(m_vocabulary);
    const detail::EvalContext evalContext{site, project, m_vocabulary, noAssumptions, zones};
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
