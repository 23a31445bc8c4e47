#include "ConditionEval.hpp"

#include <algorithm>

#include "AttributeLookup.hpp"
#include "redline/rules/IndustryCode.hpp"
#include "redline/rules/Vocabulary.hpp"

namespace redline::detail
{
namespace
{

ConditionResult known(bool value)
{
    return {value ? Truth::True : Truth::False, {}};
}

ConditionResult unknown(const std::string& attribute)
{
    return {Truth::Unknown, {attribute}};
}

bool containsWord(const std::vector<std::string>& values, const std::string& word)
{
    return std::find(values.begin(), values.end(), word) != values.end();
}

bool zoneText(const Condition& c, const Attributes& zone)
{
    const auto value = textOf(zone, c.field);
    const bool present = value && !canonicalWord(*value).empty();
    switch (c.op)
    {
    case Condition::TextOp::Exists: return present;
    case Condition::TextOp::Missing: return !present;
    case Condition::TextOp::Contains:
        return present &&
               std::any_of(c.values.begin(), c.values.end(),
                           [&](const auto& v) { return value->find(v) != std::string::npos; });
    case Condition::TextOp::OneOf:
    case Condition::TextOp::NotOneOf:
    {
        if (!present)
            return false;
        const std::string word = canonicalWord(*value);
        const bool listed = std::any_of(c.values.begin(), c.values.end(),
                                        [&](const auto& v) { return canonicalWord(v) == word; });
        return c.op == Condition::TextOp::OneOf ? listed : !listed;
    }
    }
    return false;
}

bool zoneGroupHolds(const std::vector<Condition>& group, const Hit& hit, const SiteResult& site,
                    const ProjectProfile& project)
{
    return evaluateAll(group, hit, site, project).truth == Truth::True;
}

ConditionResult alsoHit(const Condition& c, const Hit& self, const SiteResult& site,
                        const ProjectProfile& project)
{
    for (const Hit& other : site.hits)
    {
        if (&other == &self || other.kind != c.field || other.isBufferOnly())
            continue;
        if (c.groups.empty() || zoneGroupHolds(c.groups.front(), other, site, project))
            return known(true);
    }
    return known(false);
}

ConditionResult projectText(const Condition& c, const ProjectProfile& project)
{
    const auto& value = c.field == "project_type" ? project.projectType : project.construction;
    if (!value)
        return unknown(c.field);
    const bool listed = containsWord(c.values, *value);
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
// simply not class 1/2/3, while an industrial (or untyped) site without a class is unknown.
ConditionResult industryClass(const Condition& c, const ProjectProfile& project)
{
    if (project.zjClass)
        return known(std::find(c.classes.begin(), c.classes.end(), *project.zjClass) !=
                     c.classes.end());
    if (project.projectType && *project.projectType != "industrial")
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

void merge(std::vector<std::string>& into, const std::vector<std::string>& from)
{
    for (const auto& m : from)
    {
        if (!containsWord(into, m))
            into.push_back(m);
    }
}

ConditionResult anyOf(const Condition& c, const Hit& hit, const SiteResult& site,
                      const ProjectProfile& project)
{
    ConditionResult result = known(false);
    for (const auto& group : c.groups)
    {
        const ConditionResult r = evaluateAll(group, hit, site, project);
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

ConditionResult evaluateOne(const Condition& c, const Hit& hit, const SiteResult& site,
                            const ProjectProfile& project)
{
    switch (c.type)
    {
    case Condition::Type::ZoneText: return known(zoneText(c, hit.attributes));
    case Condition::Type::AlsoHit: return alsoHit(c, hit, site, project);
    case Condition::Type::ProjectText: return projectText(c, project);
    case Condition::Type::Flag:
    {
        const auto value = project.flag(c.field);
        return value ? known(*value == c.flagValue) : unknown(c.field);
    }
    case Condition::Type::IndustryCode: return industryCode(c, project);
    case Condition::Type::IndustryClass: return industryClass(c, project);
    case Condition::Type::GeometryKind: return geometryKind(c, project);
    case Condition::Type::AnyOf: return anyOf(c, hit, site, project);
    }
    return known(false);
}

} // namespace

ConditionResult evaluateAll(const std::vector<Condition>& conditions, const Hit& hit,
                            const SiteResult& site, const ProjectProfile& project)
{
    ConditionResult result = known(true);
    for (const auto& c : conditions)
    {
        const ConditionResult r = evaluateOne(c, hit, site, project);
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
    case HitMode::Overlap: return !hit.isBufferOnly();
    case HitMode::Buffer: return hit.isBufferOnly();
    case HitMode::Any: return true;
    case HitMode::Outside: return false;
    }
    return false;
}

} // namespace redline::detail
