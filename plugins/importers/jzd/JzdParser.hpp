#pragma once
// Tokeniser for 界址点 lists (JZD_FORMAT.md): sections, key=value headers, parcel header lines
// ending in ",@" and point lines "点号,圈号,X,Y". No geometry or CRS logic here.
// Pure function on UTF-8 text; thread-safe.

#include <map>
#include <string>
#include <vector>

namespace redline::jzd
{

struct PointLine
{
    std::string name;  // 点号 (J1 …)
    std::string ring;  // 圈号 as written
    double first = 0;  // third column (X = northing by convention, but producers vary)
    double second = 0; // fourth column
    int line = 0;      // 1-based line number in the file
};

struct ParcelBlock
{
    std::vector<std::string> fields; // header fields before the trailing "@"
    int line = 0;
    std::vector<PointLine> points;
};

struct ParsedFile
{
    std::map<std::string, std::string> properties; // [属性描述] and [扩展信息] key=value pairs
    std::vector<ParcelBlock> parcels;
};

// Throws IoError naming `file` and the line for malformed lines.
[[nodiscard]] ParsedFile parseJzdText(const std::string& utf8, const std::string& file);

} // namespace redline::jzd
