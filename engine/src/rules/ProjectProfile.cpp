#include "redline/rules/ProjectProfile.hpp"

#include <cmath>

#include "AttributeLookup.hpp"
#include "redline/rules/IndustryCode.hpp"

namespace redline
{
namespace
{

std::optional<std::string> nonEmptyText(const Attributes& attributes, const std::string& name)
{
    auto value = detail::textOf(attributes, name);
    if (!value || canonicalWord(*value).empty())
        return std::nullopt;
    return value;
}

// A word from the site checked against a vocabulary; out-of-vocabulary values count as missing
// so that rules needing them say 信息不足 rather than silently not matching.
std::optional<std::string> vocabularyWord(const Attributes& attributes, const std::string& name,
                                          const std::set<std::string>& allowed,
                                          std::vector<std::string>& notes)
{
    const auto value = nonEmptyText(attributes, name);
    if (!value)
        return std::nullopt;
    const std::string word = canonicalWord(*value);
    if (allowed.count(word) == 0)
    {
        notes.push_back(name + " '" + *value + "' is not a known value; treated as missing");
        return std::nullopt;
    }
    return word;
}

} // namespace

std::optional<bool> ProjectProfile::flag(const std::string& name) const
{
    const auto it = flags.find(name);
    if (it == flags.end())
        return std::nullopt;
    return it->second;
}

ProjectProfile ProjectProfile::fromSite(const SiteResult& site, const Vocabulary& vocabulary)
{
    ProjectProfile p;
    const Attributes& a = site.attributes;

    if (const auto code = nonEmptyText(a, "industry_code"))
    {
        p.industryCode = normalizeIndustryCode(*code);
        if (!p.industryCode)
            p.notes.push_back("industry_code '" + *code +
                              "' is not a GB/T 4754 code; treated as missing");
    }
    p.projectType = vocabularyWord(a, "project_type", vocabulary.projectTypes, p.notes);
    if (!p.projectType && p.industryCode)
    {
        p.projectType = inferProjectType(*p.industryCode);
        if (p.projectType)
        {
            p.projectTypeInferred = true;
            p.notes.push_back("project_type '" + *p.projectType + "' inferred from industry_code " +
                              *p.industryCode);
        }
    }
    p.construction = vocabularyWord(a, "construction", vocabulary.constructions, p.notes);

    if (const auto cls = a.number(detail::storedName(a, "zj_industrial_class")))
    {
        const double rounded = std::round(*cls);
        if (rounded >= 1 && rounded <= 3 && std::abs(rounded - *cls) < 1e-9)
            p.zjClass = static_cast<int>(rounded);
        else
            p.notes.push_back("zj_industrial_class must be 1, 2 or 3; treated as missing");
    }
    else if (nonEmptyText(a, "zj_industrial_class"))
    {
        p.notes.push_back("zj_industrial_class must be 1, 2 or 3; treated as missing");
    }
    if (!p.zjClass && p.industryCode)
    {
        p.zjClass = inferZjIndustrialClass(*p.industryCode);
        if (p.zjClass)
        {
            p.zjClassInferred = true;
            p.notes.push_back("zj_industrial_class " + std::to_string(*p.zjClass) +
                              " inferred from industry_code " + *p.industryCode);
        }
    }

    // A Zhejiang industrial-project class is only given to industrial projects.
    if (!p.projectType && p.zjClass && !p.zjClassInferred)
    {
        p.projectType = "industrial";
        p.projectTypeInferred = true;
        p.notes.push_back("project_type 'industrial' inferred from zj_industrial_class");
    }

    for (const auto& name : vocabulary.flags)
    {
        if (const auto value = a.flag(detail::storedName(a, name)))
            p.flags[name] = *value;
        else if (vocabulary.optInFlags.count(name) != 0)
            p.flags[name] = false;
    }
    if (!site.geometry.isEmpty())
        p.geometry = site.geometry.dimension();
    return p;
}

} // namespace redline
