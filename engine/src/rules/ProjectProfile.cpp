#include "redline/rules/ProjectProfile.hpp"

#include <cmath>

#include "redline/rules/IndustryCode.hpp"
#include "redline/rules/Terms.hpp"

#include "AttributeLookup.hpp"

namespace redline
{
namespace
{

std::optional<std::string> nonBlankText(const Attributes& attributes, const std::string& name)
{
    auto value = detail::textOf(attributes, name);
    if (!value || normalizeSpelling(*value).empty())
        return std::nullopt;
    return value;
}

// A word from the site read through the vocabulary table (then the rule file's own words);
// values outside it count as unknown so that rules needing them say 信息不足 rather than
// silently not matching.
std::vector<std::string> vocabularyWords(const Attributes& attributes, const std::string& name,
                                         const std::set<std::string>& allowed,
                                         std::vector<std::string>& notes)
{
    const auto value = nonBlankText(attributes, name);
    if (!value)
        return {};
    std::vector<std::string> words;
    for (auto& w : canonicalValues(name, *value))
    {
        if (allowed.count(w) != 0)
            words.push_back(std::move(w));
    }
    if (words.empty() && allowed.count(normalizeSpelling(*value)) != 0)
        words.push_back(normalizeSpelling(*value));
    if (words.empty())
        notes.push_back(name + " '" + *value + "' is not a known " + findTermDomain(name)->title +
                        "; treated as unknown (信息不足)");
    return words;
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

    if (const auto code = nonBlankText(a, "industry_code"))
    {
        p.industryCode = normalizeIndustryCode(*code);
        if (!p.industryCode)
            p.notes.push_back("industry_code '" + *code +
                              "' is not a GB/T 4754 code; treated as unknown (信息不足)");
    }
    p.projectTypes = vocabularyWords(a, "project_type", vocabulary.projectTypes, p.notes);
    if (p.projectTypes.empty() && p.industryCode)
    {
        if (auto inferred = inferProjectType(*p.industryCode))
        {
            p.projectTypes = {*inferred};
            p.projectTypeInferred = true;
            p.notes.push_back("project_type '" + *inferred + "' inferred from industry_code " +
                              *p.industryCode);
        }
    }
    p.constructions = vocabularyWords(a, "construction", vocabulary.constructions, p.notes);

    if (const auto cls = a.number(detail::storedName(a, "zj_industrial_class")))
    {
        const double rounded = std::round(*cls);
        if (rounded >= 1 && rounded <= 3 && std::abs(rounded - *cls) < 1e-9)
            p.zjClass = static_cast<int>(rounded);
        else
            p.notes.push_back("zj_industrial_class must be 1, 2 or 3; treated as unknown");
    }
    else if (nonBlankText(a, "zj_industrial_class"))
    {
        p.notes.push_back("zj_industrial_class must be 1, 2 or 3; treated as unknown");
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
    if (p.projectTypes.empty() && p.zjClass && !p.zjClassInferred)
    {
        p.projectTypes = {"industrial"};
        p.projectTypeInferred = true;
        p.notes.push_back("project_type 'industrial' inferred from zj_industrial_class");
    }

    for (const auto& name : vocabulary.flags)
    {
        const auto text = nonBlankText(a, name);
        if (!text)
        {
            if (vocabulary.optInFlags.count(name) != 0)
                p.flags[name] = false;
        }
        else if (const auto value = parseFlag(*text))
            p.flags[name] = *value;
        else
            p.notes.push_back(name + " '" + *text +
                              "' is not a yes/no value (1/0, true/false, yes/no, Y/N, 是/否, "
                              "有/无, √/×); treated as unknown, never as no");
    }
    if (!site.geometry.isEmpty())
        p.geometry = site.geometry.dimension();
    return p;
}

} // namespace redline
