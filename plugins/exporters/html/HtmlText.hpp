#pragma once
// Text for HTML and SVG: escaping of &, <, > and ", and line breaks as <br>. Thread-safe.

#include <string>

namespace redline
{

[[nodiscard]] std::string htmlEscape(const std::string& s);
// Escaped, with each "\n" turned into "<br>".
[[nodiscard]] std::string htmlLines(const std::string& s);

} // namespace redline
