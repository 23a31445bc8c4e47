#include "redline/pg/ConnectionString.hpp"

#include <memory>
#include <regex>

#include <libpq-fe.h>

#include "redline/core/Error.hpp"

namespace redline::pg
{

namespace
{

constexpr const char* kSecretKeywords[] = {"password", "sslpassword"};

bool isSecret(const std::string& keyword)
{
    for (const char* k : kSecretKeywords)
        if (keyword == k)
            return true;
    return false;
}

bool isSchemaKeyword(const std::string& keyword)
{
    return keyword == "schemas" || keyword == "schema" || keyword == "active_schema";
}

bool startsWith(const std::string& s, const char* prefix)
{
    return s.rfind(prefix, 0) == 0;
}

// Best-effort removal of passwords from text that may not parse (used in parse errors).
std::string crudeRedaction(const std::string& text)
{
    static const std::regex kKeyword(R"(((ssl)?password)\s*=\s*('([^'\\]|\\.)*'?|[^\s&]*))",
                                     std::regex::icase);
    static const std::regex kUserInfo(R"((://[^:/@?]*):[^@/?]*@)");
    return std::regex_replace(std::regex_replace(text, kKeyword, "$1=***"), kUserInfo, "$1@");
}

// libpq's quoting for a keyword/value connection string.
std::string quoteValue(const std::string& v)
{
    const bool plain = !v.empty() && v.find_first_of(" \t\n\r'\\") == std::string::npos;
    if (plain)
        return v;
    std::string out = "'";
    for (char c : v)
    {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

// Splits "k1=v1 k2 = 'v 2'" into pairs (libpq's keyword/value syntax).
std::vector<std::pair<std::string, std::string>> splitKeywordValue(const std::string& s,
                                                                   const std::string& label)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0;
    const auto skipSpace = [&]
    {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
    };
    for (;;)
    {
        skipSpace();
        if (i >= s.size())
            break;
        const std::size_t k0 = i;
        while (i < s.size() && s[i] != '=' && !std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        std::string key = s.substr(k0, i - k0);
        skipSpace();
        if (i >= s.size() || s[i] != '=')
            throw ConfigError(label + ": '" + key +
                              "' has no value (write keyword=value pairs separated by spaces).");
        ++i;
        skipSpace();
        std::string value;
        if (i < s.size() && s[i] == '\'')
        {
            ++i;
            bool closed = false;
            while (i < s.size())
            {
                if (s[i] == '\\' && i + 1 < s.size())
                {
                    value += s[i + 1];
                    i += 2;
                    continue;
                }
                if (s[i] == '\'')
                {
                    closed = true;
                    ++i;
                    break;
                }
                value += s[i++];
            }
            if (!closed)
                throw ConfigError(label + ": the quoted value of '" + key + "' is not closed.");
        }
        else
        {
            while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])))
            {
                if (s[i] == '\\' && i + 1 < s.size())
                    ++i;
                value += s[i++];
            }
        }
        if (key.empty())
            throw ConfigError(label + ": a value without a keyword.");
        out.emplace_back(std::move(key), std::move(value));
    }
    return out;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percentDecode(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        if (s[i] == '%' && i + 2 < s.size() && hexDigit(s[i + 1]) >= 0 && hexDigit(s[i + 2]) >= 0)
        {
            out += static_cast<char>(hexDigit(s[i + 1]) * 16 + hexDigit(s[i + 2]));
            i += 2;
        }
        else
            out += s[i];
    }
    return out;
}

struct ConninfoOptionsFree
{
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};

// libpq's own parser: validates keywords and URI syntax, and gives every parameter it sets.
std::vector<std::pair<std::string, std::string>>
parseWithLibpq(const std::string& conninfo, const std::string& label,
               const std::vector<std::string>& secrets)
{
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, ConninfoOptionsFree> options(
        PQconninfoParse(conninfo.c_str(), &error));
    if (!options)
    {
        std::string why = error ? error : "out of memory";
        PQfreemem(error);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
            why.pop_back();
        throw ConfigError(label + ": not a valid PostgreSQL connection string (" +
                          scrubSecrets(why, secrets) + ").");
    }
    std::vector<std::pair<std::string, std::string>> out;
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o)
        if (o->val)
            out.emplace_back(o->keyword, o->val);
    return out;
}

} // namespace

bool ConnectionString::looksLike(const std::string& text)
{
    return startsWith(text, "PG:") || startsWith(text, "postgresql://") ||
           startsWith(text, "postgres://");
}

ConnectionString ConnectionString::parse(const std::string& text)
{
    const std::string rough = crudeRedaction(text);
    if (!looksLike(text))
        throw ConfigError(rough + ": not a PostgreSQL connection string (write PG:dbname=… or "
                                  "postgresql://…).");
    ConnectionString cs;
    std::vector<std::string> secrets;
    std::string conninfo;
    if (startsWith(text, "PG:"))
    {
        std::string redacted = "PG:";
        for (auto& [key, value] : splitKeywordValue(text.substr(3), rough))
        {
            if (isSchemaKeyword(key))
            {
                cs.m_schema = value;
                continue;
            }
            if (key == "tables" || key == "list_all_tables")
                throw ConfigError(rough + ": '" + key +
                                  "' is not supported: a zoning store is a whole schema "
                                  "(schemas=NAME).");
            if (isSecret(key))
                secrets.push_back(value);
            else
                redacted += (redacted.size() > 3 ? " " : "") + key + "=" + quoteValue(value);
            conninfo += (conninfo.empty() ? "" : " ") + key + "=" + quoteValue(value);
        }
        cs.m_redactedBase = redacted;
    }
    else
    {
        cs.m_uri = true;
        // Take our `schema` (and libpq's secrets, for scrubbing) out of the query string.
        const std::size_t q = text.find('?');
        std::string base = q == std::string::npos ? text : text.substr(0, q);
        std::string query;
        std::string redactedQuery;
        if (q != std::string::npos)
        {
            std::size_t start = q + 1;
            while (start <= text.size())
            {
                std::size_t end = text.find('&', start);
                if (end == std::string::npos)
                    end = text.size();
                const std::string item = text.substr(start, end - start);
                const std::size_t eq = item.find('=');
                const std::string key = percentDecode(item.substr(0, eq));
                const std::string value =
                    eq == std::string::npos ? "" : percentDecode(item.substr(eq + 1));
                if (!item.empty())
                {
                    if (isSchemaKeyword(key))
                        cs.m_schema = value;
                    else
                    {
                        query += (query.empty() ? "" : "&") + item;
                        if (isSecret(key))
                            secrets.push_back(value);
                        else
                            redactedQuery += (redactedQuery.empty() ? "" : "&") + item;
                    }
                }
                start = end + 1;
            }
        }
        // userinfo "user:password@": the password is a secret and leaves the redacted form.
        std::string redactedBase = base;
        const std::size_t scheme = base.find("://") + 3;
        const std::size_t at = base.find('@', scheme);
        const std::size_t slash = base.find('/', scheme);
        if (at != std::string::npos && (slash == std::string::npos || at < slash))
        {
            const std::string userinfo = base.substr(scheme, at - scheme);
            const std::size_t colon = userinfo.find(':');
            if (colon != std::string::npos)
            {
                secrets.push_back(percentDecode(userinfo.substr(colon + 1)));
                secrets.push_back(userinfo.substr(colon + 1));
                redactedBase = base.substr(0, scheme) + userinfo.substr(0, colon) + base.substr(at);
            }
        }
        conninfo = base + (query.empty() ? "" : "?" + query);
        cs.m_redactedBase = redactedBase + (redactedQuery.empty() ? "" : "?" + redactedQuery);
    }
    if (cs.m_schema.find(',') != std::string::npos)
        throw ConfigError(cs.redacted() + ": give one schema per store, not '" + cs.m_schema +
                          "'.");
    cs.m_parameters = parseWithLibpq(conninfo, cs.redacted(), secrets);
    return cs;
}

std::optional<std::string> ConnectionString::value(const std::string& keyword) const
{
    for (const auto& [k, v] : m_parameters)
        if (k == keyword)
            return v;
    return std::nullopt;
}

std::vector<std::string> ConnectionString::secrets() const
{
    std::vector<std::string> out;
    for (const auto& [k, v] : m_parameters)
        if (isSecret(k) && !v.empty())
            out.push_back(v);
    return out;
}

std::string ConnectionString::redacted() const
{
    if (m_schema.empty())
        return m_redactedBase;
    if (m_uri)
        return m_redactedBase + (m_redactedBase.find('?') == std::string::npos ? "?" : "&") +
               "schema=" + m_schema;
    return m_redactedBase + (m_redactedBase.size() > 3 ? " " : "") +
           "schemas=" + quoteValue(m_schema);
}

ConnectionString ConnectionString::withSchema(const std::string& schema) const
{
    ConnectionString cs = *this;
    cs.m_schema = schema;
    return cs;
}

std::string scrubSecrets(std::string text, const std::vector<std::string>& secrets)
{
    for (const auto& s : secrets)
    {
        if (s.empty())
            continue;
        for (std::size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 3))
            text.replace(at, s.size(), "***");
    }
    return text;
}

std::string redactText(const std::string& text)
{
    return crudeRedaction(text);
}

std::string redactLocator(const std::string& text)
{
    if (!ConnectionString::looksLike(text))
        return text;
    try
    {
        return ConnectionString::parse(text).redacted();
    }
    catch (const Error&)
    {
        return crudeRedaction(text);
    }
}

} // namespace redline::pg
