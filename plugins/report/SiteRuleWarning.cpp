#include "report/SiteRuleWarning.hpp"

#include <regex>

namespace redline
{

std::optional<SiteRuleWarning> parseSiteRuleWarning(const std::string& warning)
{
    static const std::regex kForm(R"(^([A-Za-z]+-[0-9]+) \(([a-z_]+)\): (.*?)( / .*)?$)");
    std::smatch m;
    if (!std::regex_match(warning, m, kForm))
        return std::nullopt;
    return SiteRuleWarning{m[1].str(), m[2].str(), m[3].str()};
}

} // namespace redline
