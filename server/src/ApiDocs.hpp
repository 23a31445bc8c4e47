#pragma once
// The landing page, the conformance declaration and the OpenAPI 3.0 definition (/api) of the
// service, with links made from the configured base URL (never from a client's Host header).

#include <string>

namespace redline::service
{

[[nodiscard]] std::string landingDocument(const std::string& baseUrl);
[[nodiscard]] std::string conformanceDocument();
[[nodiscard]] std::string openApiDocument(const std::string& baseUrl);

} // namespace redline::service
