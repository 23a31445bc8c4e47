#include "JzdParser.hpp"

#include <cmath>
#include <sstream>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"

namespace redline::jzd
{

namespace
{

std::string trim(const std::string& s)
{
    const char* ws = " \t\r\n";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

std::vector<std::string> splitCommas(const std::string& s)
{
    std::vector<std::string> out;
    std::string item;
    std::stringstream in(s);
    while (std::getline(in, item, ','))
        out.push_back(trim(item));
    if (!s.empty() && s.back() == ',')
        out.emplace_back();
    return out;
}

double coordinate(const std::string& text, const std::string& where)
{
    const auto v = redline::parseNumber(text);
    if (!v)
        throw IoError(where + ": '" + text + "' is not a coordinate.");
    return *v;
}

} // namespace

ParsedFile parseJzdText(const std::string& utf8, const std::string& file)
{
    ParsedFile out;
    std::stringstream in(utf8);
    std::string raw;
    std::string section;
    int lineNo = 0;
    while (std::getline(in, raw))
    {
        ++lineNo;
        const std::string line = trim(raw);
        if (line.empty())
            continue;
        const std::string where = file + ", line " + std::to_string(lineNo);
        if (line.front() == '[' && line.back() == ']')
        {
            section = line.substr(1, line.size() - 2);
            continue;
        }
        if (section != "地块坐标")
        {
            const auto eq = line.find('=');
            if (eq != std::string::npos)
                out.properties[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
            continue;
        }
        if (line.back() == '@')
        {
            ParcelBlock block;
            block.fields = splitCommas(trim(line.substr(0, line.size() - 1)));
            if (!block.fields.empty() && block.fields.back().empty())
                block.fields.pop_back(); // the comma before "@"
            block.line = lineNo;
            out.parcels.push_back(std::move(block));
            continue;
        }
        if (out.parcels.empty())
            throw IoError(where +
                          ": point line before any parcel header line (one ending in ',@').");
        const auto cols = splitCommas(line);
        if (cols.size() < 4)
            throw IoError(where + ": expected '点号,圈号,X,Y', got '" + line + "'.");
        PointLine p;
        p.name = cols[0];
        p.ring = cols[1];
        p.first = coordinate(cols[2], where);
        p.second = coordinate(cols[3], where);
        p.line = lineNo;
        out.parcels.back().points.push_back(std::move(p));
    }
    if (out.parcels.empty())
        throw IoError(file + ": no parcel in the [地块坐标] section.");
    return out;
}

} // namespace redline::jzd
