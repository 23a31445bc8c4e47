#pragma once
// multipart/form-data bodies (RFC 7578), as browsers and `curl -F` send uploads. At most
// kMaxParts parts; a malformed body makes parse() return nullopt (a 400).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redline::service
{

struct FormPart
{
    std::string name;
    std::string filename; // empty for plain fields
    std::string contentType;
    std::string data;
};

inline constexpr std::size_t kMaxParts = 32;

// The boundary of a "multipart/form-data; boundary=…" content type, or nullopt.
[[nodiscard]] std::optional<std::string> multipartBoundary(std::string_view contentType);
[[nodiscard]] std::optional<std::vector<FormPart>> parseMultipart(std::string_view body,
                                                                  const std::string& boundary);

} // namespace redline::service
