#pragma once
// A request target split into decoded path segments and query parameters. Malformed
// percent-encoding, NUL bytes and repeated parameters make parse() return nullopt (a 400).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redline::service
{

struct Target
{
    std::vector<std::string> segments; // "/jobs/abc/results" -> {"jobs", "abc", "results"}
    std::map<std::string, std::string> query;

    [[nodiscard]] static std::optional<Target> parse(std::string_view target);
    [[nodiscard]] const std::string* param(const std::string& name) const;
};

// Percent-decoding ('+' is a space in queries and forms); nullopt when malformed.
[[nodiscard]] std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace);
[[nodiscard]] std::string percentEncode(std::string_view text);

// application/x-www-form-urlencoded or a query string.
[[nodiscard]] std::optional<std::map<std::string, std::string>> parseForm(std::string_view text);

} // namespace redline::service
