#include "HitEvaluation.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "redline/rules/DeclarativeRuleSet.hpp"
#include "redline/rules/ProjectAttributeMapping.hpp"
#include "redline/rules/Terms.hpp"

#include "ConditionEval.hpp"

namespace redline::detail
{
namespace
{

// verdict_from_kind chains (TL-01 -> red line rules) are short; this only stops a cycle.
constexpr int kMaxDelegation = 4;
// Bound on the assumptions tried for one hit; beyond it the hit is needs_review.
constexpr std::size_t kMaxLeaves = 4096;

// A zone kind's Chinese name (生态保护红线 …) for the Chinese reasons; the kind when unknown.
std::string kindZh(const std::string& kind)
{
    std::string zh = zhLabel("zone_kind", kind);
    return zh.empty() ? kind : zh;
}

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

void capForBuffer(RuleMatch& m)
{
    if (m.verdict <= Verdict::NeedsReview)
        return;
    m.reason += "（仅位于缓冲距离内，最高为需进一步论证）";
    m.reasonEn += " (buffer-only hit: capped at needs_review)";
    m.verdict = Verdict::NeedsReview;
}

// One pass over the rules of a kind under fixed assumptions.
struct Pass
{
    bool decided = false;
    Verdict verdict = Verdict::Allowed;
    std::vector<RuleMatch> matched; // every rule that held, in the order tried
    std::string decidingId;         // the rule that decided ("" when none)
    std::string pending;            // first unknown value met before a decision ("" when none)
    bool covered = false;           // some rule of the kind had its zone tests hold on this hit
};

// The leaves (complete assumptions) that end with the same verdict by the same rule, and every
// value assumed on the way to them.
struct Group
{
    Verdict verdict = Verdict::Allowed;
    std::string ruleId; // "" when no rule applies, kUndecidedRuleId when no rule decides
    RuleMatch match;    // the deciding rule's entry, from the first such leaf
    std::vector<std::pair<std::string, std::vector<std::string>>> values; // key -> values
};

struct Outcomes
{
    std::vector<Group> groups;
    std::size_t leaves = 0;
};

using Assumed = std::vector<std::pair<std::string, std::string>>;

class Evaluator
{
  public:
    Evaluator(const DeclarativeRuleSet& rules, const Hit& hit, const SiteResult& site)
        : m_rules(rules), m_hit(hit), m_site(site), m_zones(rules.vocabulary())
    {
    }

    // One pass; `allMatches` false keeps only the deciding rule's entry (enough for a leaf).
    [[nodiscard]] Pass pass(const std::string& kind, const ProjectProfile& project,
                            const std::map<std::string, std::string>& zones, int depth,
                            bool allMatches) const;
    // Tries every value of each unknown in turn, changing `project` and `zones` in place and
    // restoring them.
    void explore(ProjectProfile& project, std::map<std::string, std::string>& zones,
                 Assumed& assumed, Outcomes& out) const;
    [[nodiscard]] bool isProtective(const ProjectProfile& project,
                                    const std::map<std::string, std::string>& zones) const;
    [[nodiscard]] RuleMatch undecidedMatch() const;
    [[nodiscard]] std::string undecidedWarning() const;

  private:
    void addLeaf(const Pass& p, const ProjectProfile& project,
                 const std::map<std::string, std::string>& zones, const Assumed& assumed,
                 Outcomes& out) const;

    const DeclarativeRuleSet& m_rules;
    const Hit& m_hit;
    const SiteResult& m_site;
    mutable ZoneReader m_zones; // a cache: the same zone values are read by every pass
};

void addNotes(RuleMatch& m, const RuleRecord& rule, const Hit& hit, const EvalContext& context)
{
    for (const RuleNote& note : rule.notes)
    {
        if (evaluateAll(note.when, hit, context).truth != Truth::True)
            continue;
        m.reason += "；" + note.zh;
        m.reasonEn += "; " + note.en;
    }
}

Pass Evaluator::pass(const std::string& kind, const ProjectProfile& project,
                     const std::map<std::string, std::string>& zones, int depth,
                     bool allMatches) const
{
    const EvalContext context{m_site, project, m_rules.vocabulary(), zones, m_zones};
    Pass out;
    bool byFallback = false;
    for (const RuleRecord* rule : m_rules.rulesInOrder(kind))
    {
        if (!hitModeAdmits(rule->hit, m_hit))
            continue;
        if (out.decided && rule->fallback && !byFallback)
            continue;
        const ConditionResult zone = evaluateAll(rule->zone, m_hit, context);
        if (zone.truth == Truth::False)
            continue;
        out.covered = out.covered || zone.truth == Truth::True;
        const ConditionResult proj = evaluateAll(rule->project, m_hit, context);
        if (proj.truth == Truth::False)
            continue;
        const bool open = !out.decided && out.pending.empty();
        if (zone.truth == Truth::Unknown || proj.truth == Truth::Unknown)
        {
            if (open)
                out.pending =
                    zone.truth == Truth::Unknown ? zone.missing.front() : proj.missing.front();
            continue;
        }
        if (!open && !allMatches)
            continue;

        RuleMatch match = matchOf(*rule, rule->verdict.value_or(Verdict::NeedsReview));
        addNotes(match, *rule, m_hit, context);
        if (!rule->verdict && depth < kMaxDelegation)
        {
            const Pass delegated = pass(rule->verdictFromKind, project, zones, depth + 1, false);
            if (!delegated.pending.empty())
            {
                if (open)
                    out.pending = delegated.pending;
                continue;
            }
            match.verdict = delegated.decided ? delegated.verdict : Verdict::Allowed;
            const std::string& ids = delegated.decidingId;
            match.reason += "（按" + kindZh(rule->verdictFromKind) + "规则：" +
                            (ids.empty() ? std::string("无规则适用") : ids) + "）";
            match.reasonEn += " (by the " + rule->verdictFromKind + " rules" +
                              (ids.empty() ? std::string(": none applies") : ": " + ids) + ")";
        }
        if (open)
        {
            out.decided = true;
            byFallback = rule->fallback;
            out.verdict = match.verdict;
            out.decidingId = rule->id;
        }
        out.matched.push_back(std::move(match));
    }
    return out;
}

// Red line, water zones, protected areas, prohibition zones (and the rule file's extensions),
// and control units unless they are known to be key or general units.
bool Evaluator::isProtective(const ProjectProfile& project,
                             const std::map<std::string, std::string>& zones) const
{
    const EvalContext context{m_site, project, m_rules.vocabulary(), zones, m_zones};
    if (m_rules.vocabulary().protectiveKinds.count(m_hit.kind) != 0)
        return true;
    if (m_hit.kind != "control_units")
        return false;
    static const std::string kUnitType = "unit_type";
    const ZoneValue& type = readZoneValue(m_hit, kUnitType, "unit_type", context);
    return !type.known ||
           std::find(type.values.begin(), type.values.end(), "priority") != type.values.end();
}

// The zone's vocabulary attributes as "category 'geopark', zoning 'general'".
std::string classifyingAttributes(const Hit& hit)
{
    std::vector<std::string> parts;
    for (const auto& [name, value] : hit.attributes.items())
    {
        if (zoneFieldDomain(hit.kind, name))
            parts.push_back(name + " '" + toText(value) + "'");
    }
    return parts.empty() ? std::string("none of its classifying attributes given")
                         : joinWords(parts, ", ");
}

RuleMatch Evaluator::undecidedMatch() const
{
    RuleMatch m;
    m.ruleId = kUndecidedRuleId;
    m.verdict = Verdict::NeedsReview;
    const std::string what = classifyingAttributes(m_hit);
    m.reason = "无规则可判定：该区域为保护性区域，" + m_rules.name() + " 中没有规则适用于其（" +
               what + "），需人工审查（从严处理，不判定为允许）";
    m.reasonEn = "No rule decides this hit: the zone is protective and no rule of " +
                 m_rules.name() + " covers it (" + what +
                 "); it needs review (fail safe, never allowed)";
    return m;
}

std::string Evaluator::undecidedWarning() const
{
    return m_hit.layer + " zone " + m_hit.zoneId +
           (m_hit.zoneName.empty() ? "" : " (" + m_hit.zoneName + ")") + ": no rule of " +
           m_rules.name() + " decides a site inside this " + m_hit.kind + " zone (" +
           classifyingAttributes(m_hit) + "); the hit needs review";
}

// The vocabulary domain of a zone value key ("" when none).
std::string zoneDomainOf(const std::string& key)
{
    const auto parts = splitZoneValueKey(key);
    const char* domain = parts.size() == 4 ? zoneFieldDomain(parts[0], parts[3]) : nullptr;
    return domain ? domain : "";
}

// The values an unknown may take.
std::vector<std::string> candidates(const DeclarativeRuleSet& rules, const std::string& kind,
                                    const std::string& key)
{
    if (isZoneValueKey(key))
    {
        const std::string domain = zoneDomainOf(key);
        return domain.empty() ? std::vector<std::string>{}
                              : rules.vocabulary().zoneDomainValues(domain);
    }
    return rules.valuesToTry(kind, key);
}

// Runs `next` with `key` taken to be `value`, then restores what was there.
template <class Next>
void withAssumption(const std::string& key, const std::string& value, ProjectProfile& project,
                    std::map<std::string, std::string>& zones, Next&& next)
{
    if (isZoneValueKey(key))
    {
        zones[key] = value;
        next();
        zones.erase(key);
    }
    else if (key == "project_type" || key == "construction")
    {
        auto& words = key == "project_type" ? project.projectTypes : project.constructions;
        auto saved = std::move(words);
        words = {value};
        next();
        words = std::move(saved);
    }
    else if (key == "industry_code")
    {
        auto saved = std::exchange(project.industryCode, value);
        next();
        project.industryCode = std::move(saved);
    }
    else if (key == "zj_industrial_class")
    {
        const auto saved = std::exchange(project.zjClass, std::stoi(value));
        next();
        project.zjClass = saved;
    }
    else if (key == "geometry")
    {
        const auto saved = std::exchange(project.geometry, value == "point"  ? Dimension::Point
                                                           : value == "line" ? Dimension::Line
                                                                             : Dimension::Area);
        next();
        project.geometry = saved;
    }
    else
    {
        const auto saved = project.flag(key);
        project.flags[key] = value == "true";
        next();
        if (saved)
            project.flags[key] = *saved;
        else
            project.flags.erase(key);
    }
}

void Evaluator::addLeaf(const Pass& p, const ProjectProfile& project,
                        const std::map<std::string, std::string>& zones, const Assumed& assumed,
                        Outcomes& out) const
{
    ++out.leaves;
    Verdict verdict = Verdict::Allowed;
    std::string ruleId;
    if (p.pending.empty() && p.decided)
    {
        verdict = p.verdict;
        ruleId = p.decidingId;
    }
    else if (!p.pending.empty() ||
             (!p.covered && !m_hit.isBufferOnly() && isProtective(project, zones)))
    {
        verdict = Verdict::NeedsReview;
        ruleId = kUndecidedRuleId;
    }
    if (m_hit.isBufferOnly())
        verdict = std::min(verdict, Verdict::NeedsReview);

    auto group =
        std::find_if(out.groups.begin(), out.groups.end(),
                     [&](const Group& g) { return g.verdict == verdict && g.ruleId == ruleId; });
    if (group == out.groups.end())
    {
        Group g;
        g.verdict = verdict;
        g.ruleId = ruleId;
        if (ruleId == kUndecidedRuleId)
            g.match = undecidedMatch();
        else if (!ruleId.empty())
            g.match = p.matched.front(); // the decider, first of the matches
        if (m_hit.isBufferOnly())
            capForBuffer(g.match);
        out.groups.push_back(std::move(g));
        group = out.groups.end() - 1;
    }
    for (const auto& [key, value] : assumed)
    {
        auto entry = std::find_if(group->values.begin(), group->values.end(),
                                  [&](const auto& e) { return e.first == key; });
        if (entry == group->values.end())
        {
            group->values.emplace_back(key, std::vector<std::string>{});
            entry = group->values.end() - 1;
        }
        if (std::find(entry->second.begin(), entry->second.end(), value) == entry->second.end())
            entry->second.push_back(value);
    }
}

void Evaluator::explore(ProjectProfile& project, std::map<std::string, std::string>& zones,
                        Assumed& assumed, Outcomes& out) const
{
    const Pass p = pass(m_hit.kind, project, zones, 0, false);
    const std::vector<std::string> values =
        p.pending.empty() ? std::vector<std::string>{} : candidates(m_rules, m_hit.kind, p.pending);
    if (values.empty() || out.leaves >= kMaxLeaves)
    {
        addLeaf(p, project, zones, assumed, out); // a pending value that cannot be tried: undecided
        return;
    }
    for (const auto& value : values)
    {
        assumed.emplace_back(p.pending, value);
        withAssumption(p.pending, value, project, zones,
                       [&] { explore(project, zones, assumed, out); });
        assumed.pop_back();
    }
}

// --- messages -------------------------------------------------------------------------------

bool isFlag(const DeclarativeRuleSet& rules, const std::string& key)
{
    return rules.vocabulary().flags.count(key) != 0;
}

std::string keyZh(const std::string& key)
{
    if (!isZoneValueKey(key))
        return attributeNameZh(key);
    const auto parts = splitZoneValueKey(key);
    return kindZh(parts[1]) + " " + parts[2] + " 的 " + parts[3];
}

std::string keyEn(const std::string& key)
{
    if (!isZoneValueKey(key))
        return key;
    const auto parts = splitZoneValueKey(key);
    return parts[3] + " of " + parts[1] + " zone " + parts[2];
}

std::string valueZh(const DeclarativeRuleSet& rules, const std::string& key,
                    const std::string& value)
{
    if (value == kOtherValue)
        return "其他取值";
    if (isFlag(rules, key))
        return value == "true" ? "是" : "否";
    const std::string domain = isZoneValueKey(key) ? zoneDomainOf(key) : key;
    const std::string label = zhLabel(domain, value);
    return label.empty() ? value : label;
}

std::string valueEn(const std::string& value)
{
    return value == kOtherValue ? "any other value" : value;
}

std::string conditionTextOnce(const DeclarativeRuleSet& rules, const std::string& kind,
                              const Group& g, bool zh)
{
    std::vector<std::string> parts;
    for (const auto& [key, values] : g.values)
    {
        std::vector<std::string> shown;
        for (const auto& tried : values)
        {
            for (const auto& v : rules.valuesStoodFor(kind, key, tried))
            {
                const std::string text = zh ? valueZh(rules, key, v) : valueEn(v);
                if (std::find(shown.begin(), shown.end(), text) == shown.end())
                    shown.push_back(text);
            }
        }
        // The head of the message names the zone; here the attribute is enough.
        const std::string name = isZoneValueKey(key) ? splitZoneValueKey(key)[3]
                                 : zh                ? attributeNameZh(key)
                                                     : key;
        parts.push_back(name + "=" + joinWords(shown, "/"));
    }
    return joinWords(parts, zh ? "，" : ", ");
}

// Memo keys of the messages below: every part length-prefixed, so that no two inputs share one.
void addKeyPart(std::string& key, const std::string& part)
{
    key += std::to_string(part.size());
    key += ':';
    key += part;
}

void addKeyValues(std::string& key, const Group& g)
{
    for (const auto& [name, values] : g.values)
    {
        key += std::to_string(values.size());
        key += '#';
        addKeyPart(key, name);
        for (const auto& v : values)
            addKeyPart(key, v);
    }
}

// The same unknowns on a zone kind read the same on every hit: written once per rule set.
std::string conditionText(const DeclarativeRuleSet& rules, const std::string& kind, const Group& g,
                          bool zh)
{
    std::string key = zh ? "condition zh|" : "condition en|";
    addKeyPart(key, kind);
    addKeyValues(key, g);
    return rules.memoText(key, [&] { return conditionTextOnce(rules, kind, g, zh); });
}

RuleMatch summaryOnce(const DeclarativeRuleSet& rules, const std::string& kind,
                      const std::vector<std::string>& keys, const std::vector<Group>& groups,
                      Verdict verdict)
{
    std::vector<std::string> keysZh;
    std::vector<std::string> keysEn;
    for (const auto& k : keys)
    {
        keysZh.push_back(keyZh(k));
        keysEn.push_back(keyEn(k));
    }
    std::vector<std::string> outcomesZh;
    std::vector<std::string> outcomesEn;
    for (const Group& g : groups)
    {
        const std::string ruleZh = g.ruleId.empty()               ? "无规则适用"
                                   : g.ruleId == kUndecidedRuleId ? "无规则可判定"
                                                                  : g.ruleId;
        const std::string ruleEn = g.ruleId.empty()               ? "no rule applies"
                                   : g.ruleId == kUndecidedRuleId ? "no rule decides"
                                                                  : g.ruleId;
        outcomesZh.push_back(conditionText(rules, kind, g, true) + " → " + toChinese(g.verdict) +
                             "（" + ruleZh + "）");
        outcomesEn.push_back(conditionText(rules, kind, g, false) + " → " + toString(g.verdict) +
                             " (" + ruleEn + ")");
    }
    const Verdict least = groups.front().verdict;
    RuleMatch m;
    m.ruleId = kMissingInfoRuleId;
    m.verdict = verdict;
    m.reason = "信息不足：缺少或无法识别 " + joinWords(keysZh, "、") + "。按其可能取值：" +
               joinWords(outcomesZh, "；") + "。";
    m.reasonEn =
        "Insufficient information: " + joinWords(keysEn, ", ") +
        " missing or not understood. Depending on the value: " + joinWords(outcomesEn, "; ") + ". ";
    if (least < Verdict::NeedsReview)
    {
        m.reason += "可能的结论含“允许”，判定为需进一步论证，待补充后复核。";
        m.reasonEn += "One possible outcome is allowed, so the hit needs review until the value "
                      "is given.";
    }
    else
    {
        m.reason += std::string("取可能结论中最轻者：") + toChinese(verdict) + "，待补充后复核。";
        m.reasonEn += std::string("The hit takes the least severe possible verdict, ") +
                      toString(verdict) + ", until the value is given.";
    }
    return m;
}

// The MISSING-INFO entry of the same unknowns, outcomes and verdict: written once per rule set.
RuleMatch summary(const DeclarativeRuleSet& rules, const std::string& kind,
                  const std::vector<std::string>& keys, const std::vector<Group>& groups,
                  Verdict verdict)
{
    std::string key = "summary|" + std::to_string(static_cast<int>(verdict)) + "|";
    addKeyPart(key, kind);
    key += std::to_string(keys.size()) + "|";
    for (const auto& k : keys)
        addKeyPart(key, k);
    for (const Group& g : groups)
    {
        key += "|" + std::to_string(static_cast<int>(g.verdict)) + "|";
        addKeyPart(key, g.ruleId);
        key += std::to_string(g.values.size()) + "|";
        addKeyValues(key, g);
    }
    // Reason and English reason, apart by a NUL (neither holds one).
    const std::string both = rules.memoText(key,
                                            [&]
                                            {
                                                const RuleMatch m =
                                                    summaryOnce(rules, kind, keys, groups, verdict);
                                                return m.reason + '\0' + m.reasonEn;
                                            });
    const std::size_t nul = both.find('\0');
    RuleMatch m;
    m.ruleId = kMissingInfoRuleId;
    m.verdict = verdict;
    m.reason = both.substr(0, nul);
    m.reasonEn = both.substr(nul + 1);
    return m;
}

// "water_protection_zones zone SY-1: level '一级水源' is not a known water-protection level …",
// one per attribute of the hit's zone whose value the vocabulary does not know.
std::vector<std::string> zoneValueWarnings(const Vocabulary& vocabulary, const Hit& hit)
{
    std::vector<std::string> out;
    for (const auto& [name, value] : hit.attributes.items())
    {
        const char* domain = zoneFieldDomain(hit.kind, name);
        const std::string text = toText(value);
        if (!domain || normalizeSpelling(text).empty() ||
            !vocabulary.zoneValue(domain, text).empty())
            continue;
        out.push_back(hit.layer + " zone " + hit.zoneId + ": " + name + " '" + text +
                      "' is not a known " + findTermDomain(domain)->title + " (" +
                      joinWords(vocabulary.zoneDomainValues(domain), ", ") +
                      "); rules that need it consider every possible value");
    }
    return out;
}

} // namespace

HitVerdict evaluateHit(const DeclarativeRuleSet& rules, const Hit& hit, const SiteResult& site,
                       const ProjectProfile& project)
{
    const Evaluator evaluator(rules, hit, site);
    HitVerdict out;
    out.warnings = zoneValueWarnings(rules.vocabulary(), hit);

    // The pass on what the site and zone say; most hits are decided here.
    std::map<std::string, std::string> zones;
    Pass root = evaluator.pass(hit.kind, project, zones, 0, true);
    if (root.pending.empty())
    {
        if (root.decided || root.covered || hit.isBufferOnly() ||
            !evaluator.isProtective(project, zones))
        {
            out.verdict = root.decided ? root.verdict : Verdict::Allowed;
            out.rules = std::move(root.matched);
        }
        else
        {
            out.verdict = Verdict::NeedsReview;
            out.rules = {evaluator.undecidedMatch()};
            out.warnings.push_back(evaluator.undecidedWarning());
        }
        if (hit.isBufferOnly())
        {
            out.verdict = std::min(out.verdict, Verdict::NeedsReview);
            for (auto& m : out.rules)
                capForBuffer(m);
        }
        return out;
    }

    Outcomes outcomes;
    ProjectProfile working = project;
    working.notes.clear();
    Assumed assumed;
    evaluator.explore(working, zones, assumed, outcomes);
    std::vector<Group>& groups = outcomes.groups;
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.verdict < b.verdict; });
    const Verdict least = groups.front().verdict;
    const Verdict most = groups.back().verdict;
    out.verdict = least == most ? least : std::max(least, Verdict::NeedsReview);
    if (groups.size() == 1 && groups.front().ruleId == kUndecidedRuleId)
        out.warnings.push_back(evaluator.undecidedWarning());

    std::vector<std::string> keys;
    for (const Group& g : groups)
    {
        for (const auto& [key, values] : g.values)
        {
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                keys.push_back(key);
        }
    }

    // Rules that hold whatever the unknown values are (catch-alls aside) are reported as they
    // are; the rules that decide only under some values follow, prefixed with those values.
    std::vector<RuleMatch> firm;
    for (RuleMatch& m : root.matched)
    {
        const RuleRecord* rule = rules.findRule(m.ruleId);
        if (rule && !rule->fallback)
        {
            if (hit.isBufferOnly())
                capForBuffer(m);
            firm.push_back(std::move(m));
        }
    }
    const auto isFirm = [&](const std::string& id)
    {
        return std::any_of(firm.begin(), firm.end(),
                           [&](const RuleMatch& m) { return m.ruleId == id; });
    };
    if (least != most)
        out.rules.push_back(summary(rules, hit.kind, keys, groups, out.verdict));
    out.rules.insert(out.rules.end(), firm.begin(), firm.end());
    for (const Group& g : groups)
    {
        if (g.ruleId.empty() || isFirm(g.ruleId))
            continue;
        RuleMatch m = g.match;
        if (groups.size() > 1)
        {
            m.reason = "信息不足，若 " + conditionText(rules, hit.kind, g, true) + "：" + m.reason;
            m.reasonEn = "Insufficient information; if " +
                         conditionText(rules, hit.kind, g, false) + ": " + m.reasonEn;
        }
        out.rules.push_back(std::move(m));
    }
    return out;
}

} // namespace redline::detail
