#pragma once
// The verdicts of hits a rule set has already evaluated, kept for the next hit with the same
// inputs. A hit's verdict is a pure function of what evaluateHit reads (HitEvaluation.hpp): the
// rule set, the hit's kind, layer, zone id and name, attributes (names, types, values, in order)
// and whether it is buffer-only; the site's project profile (all but its notes); and, when the
// rule set has `also_hit` conditions, the site's other hits of the kinds those conditions name
// (kind, layer, zone id and name, buffer-only, attributes, in site order, and where the hit
// itself stands among them). The key spells all of these out unambiguously, so two hits share
// a verdict only when evaluation could not tell them apart. Never the overlap area, share,
// distance or geometry: rules do not read them.
//
// With project attributes unknown, one hit is evaluated for every value they may take (some 40
// project types): screenings of the same zones repeat that work on every site. One memo per rule
// set; bounded (kMaxEntries, then emptied and refilled, so that keys of zones a new store
// revision no longer has do not hold the memo forever); thread-safe, evaluation runs outside the
// lock. Private to the engine.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "redline/analysis/SiteResult.hpp"
#include "redline/rules/ProjectProfile.hpp"
#include "redline/rules/RuleRecord.hpp"

#include "HitEvaluation.hpp"

namespace redline::detail
{

class HitMemo
{
  public:
    static constexpr std::size_t kMaxEntries = 4096;

    // `rules`: the rule set's rules, for the kinds its `also_hit` conditions name.
    explicit HitMemo(const std::vector<RuleRecord>& rules);

    // The part of the key a site's project profile gives (once per site, for all its hits).
    [[nodiscard]] static std::string projectKey(const ProjectProfile& project);

    // The verdict of `hit` (one of `site.hits`), kept from an earlier hit with the same inputs
    // or made by `evaluate` and kept.
    [[nodiscard]] std::shared_ptr<const HitVerdict>
    verdict(const Hit& hit, const SiteResult& site, const std::string& projectKey,
            const std::function<HitVerdict()>& evaluate);

  private:
    [[nodiscard]] std::string key(const Hit& hit, const SiteResult& site,
                                  const std::string& projectKey) const;

    std::set<std::string> m_alsoHitKinds; // kinds `also_hit` conditions name, anywhere
    std::mutex m_mutex;
    std::unordered_map<std::string, std::shared_ptr<const HitVerdict>> m_verdicts;
};

} // namespace redline::detail
