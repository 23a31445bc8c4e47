#pragma once
// The `screen` process as OGC API – Processes describes it (/processes, /processes/screen): its
// inputs with JSON schemas, its output, and the job control options.

#include <string>

namespace redline::service
{

[[nodiscard]] std::string processListDocument(const std::string& baseUrl);
[[nodiscard]] std::string processDescriptionDocument(const std::string& baseUrl);

} // namespace redline::service
