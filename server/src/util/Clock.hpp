#pragma once
// Wall-clock times as the service stores and shows them: RFC 3339 UTC with milliseconds
// ("2026-11-30T06:01:02.345Z", which sorts as text) and Unix seconds.

#include <cstdint>
#include <optional>
#include <string>

namespace redline::service
{

[[nodiscard]] std::string nowRfc3339();
[[nodiscard]] std::int64_t nowUnix();
[[nodiscard]] std::string rfc3339FromUnix(std::int64_t seconds);
// Accepts "YYYY-MM-DD" (start of day, UTC) or a full RFC 3339 UTC time; nullopt otherwise.
[[nodiscard]] std::optional<std::string> normaliseTime(const std::string& text, bool endOfDay);

} // namespace redline::service
