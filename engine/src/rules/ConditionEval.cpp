#include "ConditionEval.hpp"

#include <algorithm>

#include "redline/rules/IndustryCode.hpp"
#include "redline/rules/Terms.hpp"

#include "AttributeLookup.hpp"

namespace redline::detail
{
namespace
{

ConditionResult known(bool value)
{
    return {value ? Truth::True : Truth::False, {}};
}

ConditionResult unknown(const std::string& key)
{
    return {Truth::Unknown, {key}};
}

bool containsWord(const std::vector<std::string>& values, const std::string& word)
{
    return std::find(values.begin(), values.end(), word) != values.end();
}

bool anyListed(const std::vector<std::string>& listed, const std::vector<std::string>& words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return containsWord(listed, w); });
}

ConditionResult zoneText(const Condition& c, const Hit& hit, const EvalContext& context)
{
    const char* domain = zoneFieldDomain(hit.kind, c.field);
    if (c.op == Condition::TextOp::Contains || !domain)
    {
        const std::string& word = context.zones.text(hit, c.field);
        const bool present = !word.empty();
        switch (c.op)
        {
        case Condition::TextOp::Exists:
            return known(present);
        case Condition::TextOp::Missing:
            return known(!present);
        case Condition::TextOp::Contains:
        {
            const auto raw = textOf(hit.attributes, c.field);
            return known(present && std::any_of(c.values.begin(), c.values.end(),
                                                [&](const auto& v)
                                                { return raw->find(v) != std::string::npos; }));
        }
        case Condition::TextOp::OneOf:
        case Condition::TextOp::NotOneOf:
        {
            if (!present)
                return known(false);
            const bool listed = containsWord(c.values, word); // stored normalised
            return known(c.op == Condition::TextOp::OneOf ? listed : !listed);
        }
        }
        return known(false);
    }

    const ZoneValue& value = readZoneValue(hit, c.field, domain, context);
    switch (c.op)
    {
    case Condition::TextOp::Exists:
        return known(value.present);
    case Condition::TextOp::Missing:
        return known(!value.present);
    case Condition::TextOp::OneOf:
    case Condition::TextOp::NotOneOf:
    {
        if (!value.present)
            return known(false);
        if (!value.known)
            return unknown(zoneValueKey(hit, c.field));
        const bool listed = anyListed(c.values, value.values);
        return known(c.op == Condition::TextOp::OneOf ? listed : !listed);
    }
    case Condition::TextOp::Contains:
        break; // handled above
    }
    return known(false);
}

void merge(std::vector<std::string>& into, const std::vector<std::string>& from)
{
    for (const auto& m : from)
    {
        if (!containsWord(into, m))
            into.push_back(m);
    }
}

ConditionResult alsoHit(const Condition& c, const Hit& self, const EvalContext& context)
{
    ConditionResult result = known(false);
    for (const Hit& other : context.site.hits)
    {
        if (&other == &self || other.kind != c.field || other.isBufferOnly())
            continue;
        const ConditionResult r =
            c.groups.empty() ? known(true) : evaluateAll(c.groups.front(), other, context);
        if (r.truth == Truth::True)
            return r;
        if (r.truth == Truth::Unknown)
        {
            result.truth = Truth::Unknown;
            merge(result.missing, r.missing);
        }
    }
    return result;
}

ConditionResult projectText(const Condition& c, const ProjectProfile& project)
{
    const auto& words = c.field == "project_type" ? project.projectTypes : project.constructions;
    if (words.empty())
        return unknown(c.field);
    const bool listed = anyListed(c.values, words);
    return known(c.op == Condition::TextOp::NotOneOf ? !listed : listed);
}

ConditionResult industryCode(const Condition& c, const ProjectProfile& project)
{
    if (!project.industryCode)
        return unknown("industry_code");
    const std::string& code = *project.industryCode;
    if (c.range)
        return known(industryCodeInRange(code, c.range->first, c.range->second));
    return known(std::any_of(c.values.begin(), c.values.end(),
                             [&](const std::string& prefix)
                             { return code.compare(0, prefix.size(), prefix) == 0; }));
}

// The Zhejiang class only exists for industrial projects: a site known to be something else is
// simply not class 1/2/3; an untyped site is unknown by its type, an industrial site without a
// class by its class.
ConditionResult industryClass(const Condition& c, const ProjectProfile& project)
{
    if (project.zjClass)
        return known(std::find(c.classes.begin(), c.classes.end(), *project.zjClass) !=
                     c.classes.end());
    if (project.projectTypes.empty())
        return unknown("project_type");
    if (!containsWord(project.projectTypes, "industrial"))
        return known(false);
    return unknown("zj_industrial_class");
}

ConditionResult geometryKind(const Condition& c, const ProjectProfile& project)
{
    if (!project.geometry)
        return unknown("geometry");
    const char* word = *project.geometry == Dimension::Point  ? "point"
                       : *project.geometry == Dimension::Line ? "line"
                                                              : "area";
    return known(containsWord(c.values, word));
}

ConditionResult anyOf(const Condition& c, const Hit& hit, const EvalContext& context)
{
    ConditionResult result = known(false);
    for (const auto& group : c.groups)
    {
        const ConditionResult r = evaluateAll(group, hit, context);
        if (r.truth == Truth::True)
            return known(true);
        if (r.truth == Truth::Unknown)
        {
            result.truth = Truth::Unknown;
            merge(result.missing, r.missing);
        }
    }
    return result;
}

ConditionResult evaluateOne(const Condition& c, const Hit& hit, const EvalContext& context)
{
    switch (c.type)
    {
    case Condition::Type::ZoneText:
        return zoneText(c, hit, context);
    case Condition::Type::AlsoHit:
        return alsoHit(c, hit, context);
    case Condition::Type::ProjectText:
        return projectText(c, context.project);
    case Condition::Type::Flag:
    {
        const auto value = context.project.flag(c.field);
        return value ? known(*value == c.flagValue) : unknown(c.field);
    }
    case Condition::Type::IndustryCode:
        return industryCode(c, context.project);
    case Condition::Type::IndustryClass:
        return industryClass(c, context.project);
    case Condition::Type::GeometryKind:
        return geometryKind(c, context.project);
    case Condition::Type::AnyOf:
        return anyOf(c, hit, context);
    }
    return known(false);
}

} // namespace

ConditionResult evaluateAll(const std::vector<Condition>& conditions, const Hit& hit,
                            const EvalContext& context)
{
    ConditionResult result = known(true);
    for (const auto& c : conditions)
    {
        const ConditionResult r = evaluateOne(c, hit, context);
        if (r.truth == Truth::False)
            return known(false);
        if (r.truth == Truth::Unknown)
        {
            result.truth = Truth::Unknown;
            merge(result.missing, r.missing);
        }
    }
    return result;
}

bool hitModeAdmits(HitMode mode, const Hit& hit)
{
    switch (mode)
    {
    case HitMode::Overlap:
        return !hit.isBufferOnly();
    case HitMode::Buffer:
        return hit.isBufferOnly();
    case HitMode::Any:
        return true;
    case HitMode::Outside:
        return false;
    }
    return false;
}

std::string zoneValueKey(const Hit& hit, const std::string& field)
{
    return "zone\t" + hit.kind + "\t" + hit.layer + "\t" + hit.zoneId + "\t" + field;
}

bool isZoneValueKey(const std::string& key)
{
    return key.rfind("zone\t", 0) == 0;
}

std::vector<std::string> splitZoneValueKey(const std::string& key)
{
    std::vector<std::string> parts;
    std::size_t start = key.find('\t') + 1;
    while (start != 0 && start <= key.size())
    {
        const std::size_t end = std::min(key.find('\t', start), key.size());
        parts.push_back(key.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

const ZoneValue& ZoneReader::value(const Hit& hit, const std::string& field, const char* domain)
{
    const FieldKey key{&hit, &field};
    auto it = m_values.find(key);
    if (it == m_values.end())
    {
        ZoneValue v;
        const auto raw = textOf(hit.attributes, field);
        v.present = raw && !normalizeSpelling(*raw).empty();
        if (v.present)
            v.values = m_vocabulary.zoneValue(domain, *raw);
        v.known = !v.values.empty();
        it = m_values.emplace(key, std::move(v)).first;
    }
    return it->second;
}

const std::string& ZoneReader::text(const Hit& hit, const std::string& field)
{
    const FieldKey key{&hit, &field};
    auto it = m_texts.find(key);
    if (it == m_texts.end())
    {
        const auto raw = textOf(hit.attributes, field);
        it = m_texts.emplace(key, raw ? normalizeSpelling(*raw) : std::string()).first;
    }
    return it->second;
}

const ZoneValue& ZoneReader::assumed(const Hit& hit, const std::string& field,
                                     const std::string& value)
{
    const auto key = std::make_pair(FieldKey{&hit, &field}, value);
    auto it = m_assumed.find(key);
    if (it == m_assumed.end())
        it = m_assumed.emplace(key, ZoneValue{true, true, {value}}).first;
    return it->second;
}

const ZoneValue& readZoneValue(const Hit& hit, const std::string& field, const char* domain,
                               const EvalContext& context)
{
    const ZoneValue& read = context.zones.value(hit, field, domain);
    if (read.known || !read.present || context.zoneAssumptions.empty())
        return read;
    const auto assumed = context.zoneAssumptions.find(zoneValueKey(hit, field));
    if (assumed == context.zoneAssumptions.end())
        return read;
    return context.zones.assumed(hit, field, assumed->second);
}

} // namespace redline::detail
