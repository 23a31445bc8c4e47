#include "HitEvaluation.hpp"

#include <algorithm>
#include <map>

#include "redline/rules/DeclarativeRuleSet.hpp"
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
    std::vector<std::string> decidingIds;
    std::string pending;  // first unknown value met before a decision ("" when none)
    bool covered = false; // some rule of the kind had its zone tests hold on this hit
};

// A complete assumption and what the hit gets under it.
struct Leaf
{
    std::vector<std::pair<std::string, std::string>> assumed; // key -> value, in order
    Verdict verdict = Verdict::Allowed;
    std::vector<RuleMatch> matches;
    std::string decidingId; // "" when no rule decided
};

class Evaluator
{
  public:
    Evaluator(const DeclarativeRuleSet& rules, const Hit& hit, const SiteResult& site)
        : m_rules(rules), m_hit(hit), m_site(site)
    {
    }

    void explore(const ProjectProfile& project, const std::map<std::string, std::string>& zones,
                 std::vector<std::pair<std::string, std::string>>& assumed,
                 std::vector<Leaf>& leaves) const;
    [[nodiscard]] Pass pass(const std::string& kind, const ProjectProfile& project,
                            const std::map<std::string, std::string>& zones, int depth) const;
    [[nodiscard]] bool isProtective(const EvalContext& context) const;
    [[nodiscard]] RuleMatch undecidedMatch() const;
    [[nodiscard]] std::string undecidedWarning() const;

  private:
    const DeclarativeRuleSet& m_rules;
    const Hit& m_hit;
    const SiteResult& m_site;
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
                     const std::map<std::string, std::string>& zones, int depth) const
{
    const EvalContext context{m_site, project, m_rules.vocabulary(), zones};
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

        RuleMatch match = matchOf(*rule, rule->verdict.value_or(Verdict::NeedsReview));
        addNotes(match, *rule, m_hit, context);
        if (!rule->verdict && depth < kMaxDelegation)
        {
            const Pass delegated = pass(rule->verdictFromKind, project, zones, depth + 1);
            if (!delegated.pending.empty())
            {
                if (open)
                    out.pending = delegated.pending;
                continue;
            }
            match.verdict = delegated.decided ? delegated.verdict : Verdict::Allowed;
            const std::string ids = joinWords(delegated.decidingIds, ", ");
            match.reason += "（按 " + rule->verdictFromKind + " 规则：" +
                            (ids.empty() ? std::string("无规则适用") : ids) + "）";
            match.reasonEn += " (by the " + rule->verdictFromKind + " rules" +
                              (ids.empty() ? std::string(": none applies") : ": " + ids) + ")";
        }
        if (open)
        {
            out.decided = true;
            byFallback = rule->fallback;
            out.verdict = match.verdict;
            out.decidingIds.push_back(rule->id);
        }
        out.matched.push_back(std::move(match));
    }
    return out;
}

// Red line, water zones, protected areas, prohibition zones (and the rule file's extensions),
// and control units unless they are known to be key or general units.
bool Evaluator::isProtective(const EvalContext& context) const
{
    if (m_rules.vocabulary().protectiveKinds.count(m_hit.kind) != 0)
        return true;
    if (m_hit.kind != "control_units")
        return false;
    const ZoneValue type = readZoneValue(m_hit, "unit_type", "unit_type", context);
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
std::vector<std::string> candidates(const DeclarativeRuleSet& rules, const std::string& key)
{
    if (isZoneValueKey(key))
    {
        const std::string domain = zoneDomainOf(key);
        return domain.empty() ? std::vector<std::string>{}
                              : rules.vocabulary().zoneDomainValues(domain);
    }
    return rules.valuesToTry(key);
}

void assume(const std::string& key, const std::string& value, ProjectProfile& project,
            std::map<std::string, std::string>& zones)
{
    if (isZoneValueKey(key))
        zones[key] = value;
    else if (key == "project_type")
        project.projectTypes = {value};
    else if (key == "construction")
        project.constructions = {value};
    else if (key == "industry_code")
        project.industryCode = value;
    else if (key == "zj_industrial_class")
        project.zjClass = std::stoi(value);
    else if (key == "geometry")
        project.geometry = value == "point"  ? Dimension::Point
                           : value == "line" ? Dimension::Line
                                             : Dimension::Area;
    else
        project.flags[key] = value == "true";
}

void Evaluator::explore(const ProjectProfile& project,
                        const std::map<std::string, std::string>& zones,
                        std::vector<std::pair<std::string, std::string>>& assumed,
                        std::vector<Leaf>& leaves) const
{
    const Pass p = pass(m_hit.kind, project, zones, 0);
    const EvalContext context{m_site, project, m_rules.vocabulary(), zones};
    const std::vector<std::string> values =
        p.pending.empty() ? std::vector<std::string>{} : candidates(m_rules, p.pending);
    if (p.pending.empty() || values.empty() || leaves.size() >= kMaxLeaves)
    {
        Leaf leaf;
        leaf.assumed = assumed;
        if (p.pending.empty() && p.decided)
        {
            leaf.verdict = p.verdict;
            leaf.matches = p.matched;
            leaf.decidingId = p.decidingIds.front();
        }
        else if (p.pending.empty() && (p.covered || m_hit.isBufferOnly() || !isProtective(context)))
            leaf.matches = p.matched; // no rule applies: allowed (符合)
        else
        {
            leaf.verdict = Verdict::NeedsReview;
            leaf.matches = {undecidedMatch()};
            leaf.decidingId = kUndecidedRuleId;
        }
        if (m_hit.isBufferOnly())
        {
            leaf.verdict = std::min(leaf.verdict, Verdict::NeedsReview);
            for (auto& m : leaf.matches)
                capForBuffer(m);
        }
        leaves.push_back(std::move(leaf));
        return;
    }
    for (const auto& value : values)
    {
        ProjectProfile nextProject = project;
        std::map<std::string, std::string> nextZones = zones;
        assume(p.pending, value, nextProject, nextZones);
        assumed.emplace_back(p.pending, value);
        explore(nextProject, nextZones, assumed, leaves);
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
        return key;
    const auto parts = splitZoneValueKey(key);
    return parts[1] + " " + parts[2] + " 的 " + parts[3];
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

struct Group
{
    Verdict verdict = Verdict::Allowed;
    std::string ruleId; // "" when no rule applies
    const RuleMatch* match = nullptr;
    std::vector<std::pair<std::string, std::vector<std::string>>> values; // key -> values
};

std::string conditionText(const DeclarativeRuleSet& rules, const Group& g, bool zh)
{
    std::vector<std::string> parts;
    for (const auto& [key, values] : g.values)
    {
        std::vector<std::string> shown;
        for (const auto& v : values)
            shown.push_back(zh ? valueZh(rules, key, v) : valueEn(v));
        // The head of the message names the zone; here the attribute is enough.
        const std::string name = isZoneValueKey(key) ? splitZoneValueKey(key)[3] : key;
        parts.push_back(name + "=" + joinWords(shown, "/"));
    }
    return joinWords(parts, zh ? "，" : ", ");
}

std::vector<Group> groupLeaves(const std::vector<Leaf>& leaves)
{
    std::vector<Group> groups;
    for (const Leaf& leaf : leaves)
    {
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const Group& g) {
                                   return g.verdict == leaf.verdict && g.ruleId == leaf.decidingId;
                               });
        if (it == groups.end())
        {
            Group g;
            g.verdict = leaf.verdict;
            g.ruleId = leaf.decidingId;
            for (const auto& m : leaf.matches)
            {
                if (m.ruleId == leaf.decidingId)
                    g.match = &m;
            }
            groups.push_back(std::move(g));
            it = groups.end() - 1;
        }
        for (const auto& [key, value] : leaf.assumed)
        {
            auto entry = std::find_if(it->values.begin(), it->values.end(),
                                      [&](const auto& e) { return e.first == key; });
            if (entry == it->values.end())
            {
                it->values.emplace_back(key, std::vector<std::string>{});
                entry = it->values.end() - 1;
            }
            if (std::find(entry->second.begin(), entry->second.end(), value) == entry->second.end())
                entry->second.push_back(value);
        }
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.verdict < b.verdict; });
    return groups;
}

RuleMatch summary(const DeclarativeRuleSet& rules, const std::vector<std::string>& keys,
                  const std::vector<Group>& groups, Verdict verdict)
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
        outcomesZh.push_back(conditionText(rules, g, true) + " → " + toChinese(g.verdict) + "（" +
                             ruleZh + "）");
        outcomesEn.push_back(conditionText(rules, g, false) + " → " + toString(g.verdict) + " (" +
                             ruleEn + ")");
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
    std::vector<Leaf> leaves;
    std::vector<std::pair<std::string, std::string>> assumed;
    const std::map<std::string, std::string> noZones;
    evaluator.explore(project, noZones, assumed, leaves);

    HitVerdict out;
    out.warnings = zoneValueWarnings(rules.vocabulary(), hit);
    if (leaves.size() == 1 && leaves.front().assumed.empty())
    {
        out.verdict = leaves.front().verdict;
        out.rules = std::move(leaves.front().matches);
        if (leaves.front().decidingId == kUndecidedRuleId)
            out.warnings.push_back(evaluator.undecidedWarning());
        return out;
    }

    Verdict least = Verdict::Prohibited;
    Verdict most = Verdict::Allowed;
    std::vector<std::string> keys;
    for (const Leaf& leaf : leaves)
    {
        least = std::min(least, leaf.verdict);
        most = std::max(most, leaf.verdict);
        for (const auto& [key, value] : leaf.assumed)
        {
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                keys.push_back(key);
        }
    }
    out.verdict = least == most ? least : std::max(least, Verdict::NeedsReview);
    if (std::all_of(leaves.begin(), leaves.end(),
                    [](const Leaf& l) { return l.decidingId == kUndecidedRuleId; }))
        out.warnings.push_back(evaluator.undecidedWarning());

    // Rules that hold whatever the unknown values are (catch-alls aside) are reported as they
    // are; the rules that decide only under some values follow, prefixed with those values.
    std::vector<RuleMatch> firm;
    for (RuleMatch& m : evaluator.pass(hit.kind, project, noZones, 0).matched)
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
    const std::vector<Group> groups = groupLeaves(leaves);
    if (least != most)
        out.rules.push_back(summary(rules, keys, groups, out.verdict));
    out.rules.insert(out.rules.end(), firm.begin(), firm.end());
    for (const Group& g : groups)
    {
        if (!g.match || isFirm(g.ruleId))
            continue;
        RuleMatch m = *g.match;
        if (groups.size() > 1)
        {
            m.reason = "信息不足，若 " + conditionText(rules, g, true) + "：" + m.reason;
            m.reasonEn = "Insufficient information; if " + conditionText(rules, g, false) + ": " +
                         m.reasonEn;
        }
        out.rules.push_back(std::move(m));
    }
    return out;
}

} // namespace redline::detail
