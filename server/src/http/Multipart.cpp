#include "http/Multipart.hpp"

#include <boost/algorithm/string/predicate.hpp>

namespace redline::service
{

namespace
{

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// The value of `key` in a header such as `form-data; name="sites"; filename="a.txt"`.
std::optional<std::string> headerParam(std::string_view header, std::string_view key)
{
    std::size_t pos = 0;
    while ((pos = header.find(';', pos)) != std::string_view::npos)
    {
        ++pos;
        std::string_view rest = trim(header.substr(pos));
        if (!boost::algorithm::istarts_with(rest, std::string(key) + "="))
            continue;
        rest.remove_prefix(key.size() + 1);
        if (!rest.empty() && rest.front() == '"')
        {
            const std::size_t end = rest.find('"', 1);
            if (end == std::string_view::npos)
                return std::nullopt;
            return std::string(rest.substr(1, end - 1));
        }
        return std::string(trim(rest.substr(0, rest.find(';'))));
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> multipartBoundary(std::string_view contentType)
{
    if (!boost::algorithm::istarts_with(contentType, "multipart/form-data"))
        return std::nullopt;
    auto b = headerParam(contentType, "boundary");
    if (!b || b->empty() || b->size() > 200)
        return std::nullopt;
    return b;
}

std::optional<std::vector<FormPart>> parseMultipart(std::string_view body,
                                                    const std::string& boundary)
{
    const std::string delimiter = "--" + boundary;
    std::vector<FormPart> parts;
    std::size_t pos = body.find(delimiter);
    if (pos == std::string_view::npos)
        return std::nullopt;
    while (true)
    {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--")
            return parts; // closing delimiter
        if (body.substr(pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        const std::size_t headersEnd = body.find("\r\n\r\n", pos);
        if (headersEnd == std::string_view::npos)
            return std::nullopt;
        FormPart part;
        std::string_view headers = body.substr(pos, headersEnd - pos);
        bool disposition = false;
        while (!headers.empty())
        {
            const std::size_t eol = headers.find("\r\n");
            const std::string_view line = headers.substr(0, eol);
            headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                return std::nullopt;
            const std::string_view name = trim(line.substr(0, colon));
            const std::string_view value = trim(line.substr(colon + 1));
            if (boost::algorithm::iequals(name, "Content-Disposition"))
            {
                if (!boost::algorithm::istarts_with(value, "form-data"))
                    return std::nullopt;
                auto n = headerParam(value, "name");
                if (!n)
                    return std::nullopt;
                part.name = *n;
                part.filename = headerParam(value, "filename").value_or("");
                disposition = true;
            }
            else if (boost::algorithm::iequals(name, "Content-Type"))
                part.contentType = std::string(value);
        }
        if (!disposition)
            return std::nullopt;
        const std::size_t dataStart = headersEnd + 4;
        const std::size_t next = body.find("\r\n" + delimiter, dataStart);
        if (next == std::string_view::npos)
            return std::nullopt;
        part.data = std::string(body.substr(dataStart, next - dataStart));
        parts.push_back(std::move(part));
        if (parts.size() > kMaxParts)
            return std::nullopt;
        pos = next + 2;
    }
}

} // namespace redline::service
