#pragma once
// One CSV field as RFC 4180 writes it: quoted when it holds a comma, a double quote or a line
// break, with each double quote doubled; as it is otherwise. Used by every CSV the engine, the
// CLI and the service write (reports, statistics, the ledger export).

#include <string>
#include <string_view>

namespace redline
{

[[nodiscard]] std::string csvField(std::string_view text);

} // namespace redline
