#include "redline/analysis/Verdict.hpp"

namespace redline
{

const char* toString(Verdict v)
{
    switch (v)
    {
    case Verdict::Allowed: return "allowed";
    case Verdict::NeedsReview: return "needs_review";
    case Verdict::Restricted: return "restricted";
    case Verdict::Prohibited: return "prohibited";
    case Verdict::Error: return "error";
    }
    return "needs_review";
}

const char* toChinese(Verdict v)
{
    switch (v)
    {
    case Verdict::Allowed: return "允许";
    case Verdict::NeedsReview: return "需进一步论证";
    case Verdict::Restricted: return "限制";
    case Verdict::Prohibited: return "禁止";
    case Verdict::Error: return "无法筛查";
    }
    return "需进一步论证";
}

std::optional<Verdict> parseVerdict(const std::string& text)
{
    for (Verdict v : {Verdict::Allowed, Verdict::NeedsReview, Verdict::Restricted,
                      Verdict::Prohibited})
        if (text == toString(v))
            return v;
    return std::nullopt;
}

} // namespace redline
