#include "HitMemo.hpp"

#include <bit>
#include <cstdint>
#include <utility>
#include <variant>

namespace redline::detail
{
namespace
{

void collectAlsoHitKinds(const std::vector<Condition>& conditions, std::set<std::string>& kinds)
{
    for (const Condition& c : conditions)
    {
        if (c.type == Condition::Type::AlsoHit)
            kinds.insert(c.field);
        for (const auto& group : c.groups)
            collectAlsoHitKinds(group, kinds);
    }
}

// Every part length-prefixed and every list preceded by its size, so that no two inputs share
// one key.
void addPart(std::string& key, const std::string& part)
{
    key += std::to_string(part.size());
    key += ':';
    key += part;
}

void addCount(std::string& key, std::size_t count)
{
    key += std::to_string(count);
    key += '#';
}

void addFlag(std::string& key, bool flag)
{
    key += flag ? '1' : '0';
}

// The value with its type: 1 (a number) and "1" (a text) are different inputs; a double by its
// bits, which its text (15 significant digits) might not tell apart.
void addValue(std::string& key, const AttributeValue& value)
{
    key += static_cast<char>('0' + value.index());
    if (const auto* i = std::get_if<std::int64_t>(&value))
        addPart(key, std::to_string(*i));
    else if (const auto* d = std::get_if<double>(&value))
        addPart(key, std::to_string(std::bit_cast<std::uint64_t>(*d)));
    else if (const auto* s = std::get_if<std::string>(&value))
        addPart(key, *s);
}

void addZone(std::string& key, const Hit& hit)
{
    addPart(key, hit.kind);
    addPart(key, hit.layer);
    addPart(key, hit.zoneId);
    addPart(key, hit.zoneName);
    addFlag(key, hit.isBufferOnly());
    const auto& items = hit.attributes.items();
    addCount(key, items.size());
    for (const auto& [name, value] : items)
    {
        addPart(key, name);
        addValue(key, value);
    }
}

void addWords(std::string& key, const std::vector<std::string>& words)
{
    addCount(key, words.size());
    for (const auto& w : words)
        addPart(key, w);
}

} // namespace

HitMemo::HitMemo(const std::vector<RuleRecord>& rules)
{
    for (const RuleRecord& r : rules)
    {
        collectAlsoHitKinds(r.zone, m_alsoHitKinds);
        collectAlsoHitKinds(r.project, m_alsoHitKinds);
        for (const RuleNote& n : r.notes)
            collectAlsoHitKinds(n.when, m_alsoHitKinds);
    }
}

std::string HitMemo::projectKey(const ProjectProfile& project)
{
    std::string key;
    addFlag(key, project.industryCode.has_value());
    if (project.industryCode)
        addPart(key, *project.industryCode);
    addWords(key, project.projectTypes);
    addFlag(key, project.projectTypeInferred);
    addWords(key, project.constructions);
    addFlag(key, project.zjClass.has_value());
    if (project.zjClass)
        addPart(key, std::to_string(*project.zjClass));
    addFlag(key, project.zjClassInferred);
    addCount(key, project.flags.size());
    for (const auto& [name, value] : project.flags)
    {
        addPart(key, name);
        addFlag(key, value);
    }
    addFlag(key, project.geometry.has_value());
    if (project.geometry)
        addPart(key, std::to_string(static_cast<int>(*project.geometry)));
    return key;
}

std::string HitMemo::key(const Hit& hit, const SiteResult& site,
                         const std::string& projectKey) const
{
    std::string key;
    addZone(key, hit);
    addPart(key, projectKey);
    if (m_alsoHitKinds.empty())
        return key;
    // The hits `also_hit` conditions may read, in site order, and where this one stands among
    // them ('S'): conditions nested in an `also_hit` see it as another hit.
    for (const Hit& other : site.hits)
    {
        if (&other == &hit)
            key += 'S';
        else if (m_alsoHitKinds.count(other.kind) != 0)
        {
            key += 'O';
            addZone(key, other);
        }
    }
    return key;
}

std::shared_ptr<const HitVerdict> HitMemo::verdict(const Hit& hit, const SiteResult& site,
                                                   const std::string& projectKey,
                                                   const std::function<HitVerdict()>& evaluate)
{
    std::string k = key(hit, site, projectKey);
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_verdicts.find(k); it != m_verdicts.end())
            return it->second;
    }
    auto made = std::make_shared<const HitVerdict>(evaluate());
    decltype(m_verdicts) full; // freed after the lock is released
    std::lock_guard lock(m_mutex);
    if (m_verdicts.size() >= kMaxEntries)
        full.swap(m_verdicts);
    m_verdicts.try_emplace(std::move(k), made);
    return made;
}

} // namespace redline::detail
