#include "util/Clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

namespace redline::service
{

namespace
{

std::string format(std::time_t seconds, int millis)
{
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", date, millis);
    return out;
}

} // namespace

std::string nowRfc3339()
{
    const auto now = std::chrono::system_clock::now();
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    // The second's text is formatted once per second and thread; only the milliseconds change.
    thread_local std::int64_t second = -1;
    thread_local std::string text;
    if (ms / 1000 != second)
    {
        second = ms / 1000;
        text = format(static_cast<std::time_t>(second), 0);
    }
    const int millis = static_cast<int>(ms % 1000);
    std::string out = text;
    out[out.size() - 4] = static_cast<char>('0' + millis / 100);
    out[out.size() - 3] = static_cast<char>('0' + millis / 10 % 10);
    out[out.size() - 2] = static_cast<char>('0' + millis % 10);
    return out;
}

std::int64_t nowUnix()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string rfc3339FromUnix(std::int64_t seconds)
{
    return format(static_cast<std::time_t>(seconds), 0);
}

std::optional<std::string> normaliseTime(const std::string& text, bool endOfDay)
{
    static const std::regex day(R"(^\d{4}-\d{2}-\d{2}$)");
    static const std::regex full(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$)");
    if (std::regex_match(text, day))
        return text + (endOfDay ? "T23:59:59.999Z" : "T00:00:00.000Z");
    if (std::regex_match(text, full))
        return text;
    return std::nullopt;
}

} // namespace redline::service
