#include "redline/core/Numbers.hpp"

#include <charconv>
#include <cmath>

namespace redline
{

namespace
{

std::string_view trimmed(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    // from_chars takes no '+'; a sign after the '+' ("+-1") stays an error.
    if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+')
        text.remove_prefix(1);
    return text;
}

template <typename... Format> std::string toChars(double value, Format... format)
{
    char buf[400]; // enough for any double in fixed notation with up to 40 decimals
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, format...);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

} // namespace

std::optional<double> parseNumber(std::string_view text)
{
    text = trimmed(text);
    double value = 0;
    const auto [end, ec] =
        std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    text = trimmed(text);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string formatFixed(double value, int decimals)
{
    return std::isnan(value) ? "-" : toChars(value, std::chars_format::fixed, decimals);
}

std::string formatSigned(double value, int decimals)
{
    return (std::signbit(value) ? "" : "+") + formatFixed(value, decimals);
}

std::string formatSignificant(double value, int significant)
{
    return toChars(value, std::chars_format::general, significant);
}

std::string formatShortest(double value)
{
    return toChars(value);
}

} // namespace redline
