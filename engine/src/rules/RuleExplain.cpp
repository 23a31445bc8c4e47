// `redline rules --explain`: a rule's conditions, precedence, verdict and citation in plain words.
#include <sstream>

#include "redline/core/Error.hpp"
#include "redline/rules/DeclarativeRuleSet.hpp"

namespace redline
{
namespace
{

std::string list(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ", ") + v;
    return out;
}

std::string describe(const Condition& c);

std::string describeGroup(const std::vector<Condition>& group)
{
    if (group.empty())
        return "any zone";
    std::string out;
    for (const auto& c : group)
        out += (out.empty() ? "" : " and ") + describe(c);
    return out;
}

std::string describeText(const Condition& c, const std::string& subject)
{
    switch (c.op)
    {
    case Condition::TextOp::OneOf:
        return subject +
               (c.values.size() == 1 ? " is " + c.values.front() : " is one of " + list(c.values));
    case Condition::TextOp::NotOneOf:
        return subject + (c.values.size() == 1 ? " is not " + c.values.front()
                                               : " is none of " + list(c.values));
    case Condition::TextOp::Contains: return subject + " contains " + list(c.values);
    case Condition::TextOp::Exists: return subject + " is given";
    case Condition::TextOp::Missing: return subject + " is not given";
    }
    return subject;
}

std::string describe(const Condition& c)
{
    switch (c.type)
    {
    case Condition::Type::ZoneText: return describeText(c, "zone attribute " + c.field);
    case Condition::Type::AlsoHit:
        return "the site also overlaps a " + c.field + " zone where " +
               describeGroup(c.groups.empty() ? std::vector<Condition>{} : c.groups.front());
    case Condition::Type::ProjectText: return describeText(c, "the site's " + c.field);
    case Condition::Type::Flag:
        return "the site's flag " + c.field + " is " + (c.flagValue ? "true" : "false");
    case Condition::Type::IndustryCode:
        if (c.range)
            return "the site's industry_code lies in " + c.range->first + "…" + c.range->second;
        return "the site's industry_code starts with " + list(c.values);
    case Condition::Type::IndustryClass:
    {
        std::vector<std::string> words;
        for (int cls : c.classes)
            words.push_back(std::to_string(cls));
        return "the site's zj_industrial_class (given, or inferred from industry_code) is " +
               (words.size() == 1 ? words.front() : "one of " + list(words));
    }
    case Condition::Type::GeometryKind: return "the site's geometry is a " + list(c.values);
    case Condition::Type::AnyOf:
    {
        std::string out;
        for (const auto& g : c.groups)
            out += (out.empty() ? "" : " OR ") + std::string("(") + describeGroup(g) + ")";
        return "at least one of: " + out;
    }
    }
    return {};
}

const char* hitWords(HitMode mode)
{
    switch (mode)
    {
    case HitMode::Overlap: return "hits where the site overlaps (or, for points, lies in) the zone";
    case HitMode::Buffer: return "buffer-only hits (the site is near the zone, not in it)";
    case HitMode::Any: return "every hit, overlapping or buffer-only";
    case HitMode::Outside:
        return "the whole site, when the store has this kind but the site overlaps none of its "
               "zones";
    }
    return "";
}

std::vector<std::string> flagsUsed(const std::vector<Condition>& conditions)
{
    std::vector<std::string> out;
    for (const auto& c : conditions)
    {
        if (c.type == Condition::Type::Flag)
            out.push_back(c.field);
        for (const auto& group : c.groups)
        {
            for (auto& f : flagsUsed(group))
                out.push_back(std::move(f));
        }
    }
    return out;
}

// Whether two rules can be tried on the same hit (overlap-only and buffer-only never meet).
bool competes(HitMode a, HitMode b)
{
    if (a == HitMode::Outside || b == HitMode::Outside)
        return false;
    return a == b || a == HitMode::Any || b == HitMode::Any;
}

} // namespace

const char* toString(HitMode mode)
{
    switch (mode)
    {
    case HitMode::Overlap: return "overlap";
    case HitMode::Buffer: return "buffer";
    case HitMode::Any: return "any";
    case HitMode::Outside: return "outside";
    }
    return "overlap";
}

std::string DeclarativeRuleSet::explain(const std::string& ruleId) const
{
    const RuleRecord* rule = findRule(ruleId);
    if (!rule)
        throw ConfigError(m_source + ": no rule with id '" + ruleId + "' in rule set " + m_name);
    std::ostringstream out;
    out << rule->id << " (" << m_name << ", zone kind " << rule->zoneKind << ", confidence "
        << (rule->confidence.empty() ? "-" : rule->confidence) << ")\n";
    out << "Applies to: " << hitWords(rule->hit) << ".\n";
    out << "Fires when:\n";
    if (rule->zone.empty() && rule->project.empty())
        out << "  - always (no condition)\n";
    for (const auto& c : rule->zone)
        out << "  - " << describe(c) << "\n";
    for (const auto& c : rule->project)
        out << "  - " << describe(c) << "\n";
    std::vector<std::string> optIn;
    std::vector<std::string> required;
    for (const auto& f : flagsUsed(rule->project))
        (m_vocabulary.optInFlags.count(f) != 0 ? optIn : required).push_back(f);
    if (!required.empty())
        out << "  (" << list(required)
            << " left empty or not understood is unknown: see \"Missing values\" below)\n";
    if (!optIn.empty())
        out << "  (" << list(optIn)
            << " is stated only when it applies: left empty = false, a value not understood "
               "is unknown)\n";
    for (const auto& note : rule->notes)
    {
        std::string when;
        for (const auto& c : note.when)
            when += (when.empty() ? "" : " and ") + describe(c);
        out << "Also states, when " << when << ": " << note.zh << " / " << note.en << "\n";
    }
    out << "Verdict: ";
    if (rule->verdict)
        out << toString(*rule->verdict) << " (" << toChinese(*rule->verdict) << ")";
    else
        out << "the verdict the " << rule->verdictFromKind << " rules give for the same hit";
    out << "\n";
    if (rule->hit == HitMode::Buffer || rule->hit == HitMode::Any)
        out << "  (a buffer-only hit never gets more than needs_review)\n";

    if (rule->hit != HitMode::Outside)
    {
        std::vector<std::string> before;
        std::vector<std::string> after;
        bool seen = false;
        for (const RuleRecord* other : rulesInOrder(rule->zoneKind))
        {
            if (other == rule)
                seen = true;
            else if (competes(other->hit, rule->hit))
                (seen ? after : before).push_back(other->id);
        }
        out << "Precedence: specificity " << rule->specificity
            << (rule->specificityGiven ? " (set in the rule file)" : " (number of conditions)")
            << (rule->fallback ? "; catch-all, tried only when no other rule matches" : "")
            << ".\n";
        out << "  Within one " << rule->zoneKind
            << " hit it is tried after: " << (before.empty() ? "(none)" : list(before)) << "\n";
        out << "  and before: " << (after.empty() ? "(none)" : list(after)) << "\n";
        out << "  The first rule that matches decides the hit.\n";
    }
    out << "Missing values: when a value a rule needs is missing or not understood (a project "
           "attribute, or a zone attribute outside the vocabulary), the hit is judged for every "
           "value it can take: the verdict they all give, else the least severe one still "
           "possible but never less than needs_review (\"restricted or prohibited\" is "
           "restricted); the hit's MISSING-INFO entry (信息不足) names the value that decides and "
           "what each value gives.\n";
    out << "Fail safe: an overlapping hit on a protective zone (red line, water zone, protected "
           "area, prohibition zone, priority control unit) that no rule decides is needs_review "
           "(UNDECIDED) with a warning naming the zone, never allowed.\n";
    out << "Reason (中文): " << rule->reasonZh << "\n";
    out << "Reason (English): " << rule->reasonEn << "\n";
    out << "Citation: " << (rule->citation.empty() ? "-" : rule->citation) << "\n";
    return out.str();
}

} // namespace redline
