#pragma once
// nlohmann::json parses recursively and has no depth limit, so a body of a million '[' would
// overflow the stack: check the nesting depth (outside strings) before parsing.

#include <string_view>

namespace redline::service
{

[[nodiscard]] bool jsonDepthWithin(std::string_view text, int maxDepth);

} // namespace redline::service
