#include "redline/io/JzdEncoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <memory>

#include "redline/core/Error.hpp"

namespace redline
{

namespace
{

struct IconvCloser
{
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Converts the whole input or returns false (invalid or unconvertible sequence).
bool convert(const std::string& in, const char* from, const char* to, std::string& out)
{
    iconv_t raw = iconv_open(to, from);
    if (raw == reinterpret_cast<iconv_t>(-1))
        return false;
    const std::unique_ptr<void, IconvCloser> cd(raw);
    out.assign(in.size() * 2 + 16, '\0');
    std::string input = in; // iconv's input pointer is non-const
    char* inPtr = input.data();
    std::size_t inLeft = input.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    while (inLeft > 0)
    {
        if (iconv(raw, &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1))
        {
            if (errno != E2BIG)
                return false;
            const std::size_t used = static_cast<std::size_t>(outPtr - out.data());
            out.resize(out.size() * 2);
            outPtr = out.data() + used;
            outLeft = out.size() - used;
        }
    }
    out.resize(static_cast<std::size_t>(outPtr - out.data()));
    return true;
}

} // namespace

bool isValidUtf8(const std::string& bytes)
{
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n)
    {
        const auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t len = 0;
        if (c < 0x80)
            len = 1;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            len = 2;
        else if ((c & 0xF0) == 0xE0)
            len = 3;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            len = 4;
        else
            return false;
        if (i + len > n)
            return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

DecodedText decodeChineseText(const std::string& bytes, const std::string& fileForMessages)
{
    DecodedText out;
    std::string body = bytes;
    if (body.rfind("\xEF\xBB\xBF", 0) == 0)
    {
        out.hadBom = true;
        body.erase(0, 3);
    }
    if (isValidUtf8(body))
    {
        out.utf8 = std::move(body);
        return out;
    }
    // GB18030 is a superset of GBK and GB2312, so it decodes files labelled either way.
    if (out.hadBom || !convert(body, "GB18030", "UTF-8", out.utf8))
        throw IoError(fileForMessages + ": the text is neither UTF-8 nor GBK.");
    out.encoding = TextEncoding::Gbk;
    return out;
}

std::string utf8ToGbk(const std::string& utf8)
{
    std::string out;
    if (!convert(utf8, "UTF-8", "GBK", out))
        throw IoError("Text cannot be written in GBK (a character has no GBK form): '" +
                      utf8.substr(0, 60) + "'.");
    return out;
}

} // namespace redline
