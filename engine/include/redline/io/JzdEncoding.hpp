#pragma once
// Text encodings of 界址点 lists and other Chinese exchange files: UTF-8 (with or without BOM)
// or GBK. Uses the C library's iconv; pure functions, thread-safe.

#include <string>

namespace redline
{

enum class TextEncoding
{
    Utf8,
    Gbk
};

[[nodiscard]] bool isValidUtf8(const std::string& bytes);

struct DecodedText
{
    std::string utf8;
    TextEncoding encoding = TextEncoding::Utf8;
    bool hadBom = false;
};

// Sniffs the encoding (valid UTF-8 → UTF-8, else GBK/GB18030) and returns UTF-8 without BOM.
// Throws IoError naming `fileForMessages` when the bytes are neither.
[[nodiscard]] DecodedText decodeChineseText(const std::string& bytes,
                                            const std::string& fileForMessages);

// UTF-8 → GBK; throws IoError when a character has no GBK form.
[[nodiscard]] std::string utf8ToGbk(const std::string& utf8);

} // namespace redline
