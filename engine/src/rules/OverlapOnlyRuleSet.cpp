#include "redline/rules/RuleSet.hpp"

namespace redline
{

void OverlapOnlyRuleSet::evaluate(SiteResult& site, const RuleContext&) const
{
    site.verdict = Verdict::Allowed;
    for (auto& hit : site.hits)
    {
        hit.verdict = Verdict::NeedsReview;
        site.verdict = mostSevere(site.verdict, hit.verdict);
    }
}

} // namespace redline
