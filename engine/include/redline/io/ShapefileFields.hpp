#pragma once
// What the Shapefile format (its dBase table) can hold, and how Redline fits attributes into it:
// a field name holds at most 10 bytes and a text value at most 254 bytes. Text is written as
// UTF-8 with a .cpg saying so; cuts happen at UTF-8 character boundaries, never inside one.

#include <cstddef>
#include <string>
#include <vector>

namespace redline
{

constexpr std::size_t kShapefileNameBytes = 10;
constexpr std::size_t kShapefileTextBytes = 254;

// One name per input name, in order: a name that fits is kept; a longer one is cut to 10 bytes,
// and if that collides with a name already taken (ignoring ASCII case, as dBase readers do) its
// end is replaced by _1, _2, ... Names that fit are never renamed to make room for cut ones.
[[nodiscard]] std::vector<std::string> shapefileFieldNames(const std::vector<std::string>& names);

// The longest prefix of `text` of at most `maxBytes` bytes that ends on a UTF-8 character
// boundary.
[[nodiscard]] std::string utf8Prefix(const std::string& text, std::size_t maxBytes);

} // namespace redline
