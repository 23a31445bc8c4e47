#pragma once
// Text decoding for inputs whose encoding is not declared (shapefiles without .cpg, 界址点 lists).
// Engine-internal.

#include <string>

namespace redline::detail
{

[[nodiscard]] bool isValidUtf8(const std::string& s);
// UTF-8 text stays as it is; anything else is decoded as GBK (CP936), the Chinese legacy default.
[[nodiscard]] std::string toUtf8(const std::string& s);

} // namespace redline::detail
