#include "JzdExporter.hpp"

#include <cmath>
#include <ctime>
#include <filesystem>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/io/JzdCrs.hpp"

namespace redline
{

namespace
{

// Fields are comma-separated with no quoting, so commas in text become full-width commas.
std::string clean(std::string s)
{
    std::string out;
    for (char c : s)
    {
        if (c == ',')
            out += "，";
        else if (c != '\r' && c != '\n')
            out.push_back(c);
    }
    return out;
}

std::string text(const Feature& f, const char* name)
{
    return clean(f.attributes.text(name).value_or(""));
}

std::string number(double v, int decimals)
{
    return formatFixed(v, decimals);
}

std::string today()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return std::to_string(tm.tm_year + 1900) + "-" + std::to_string(tm.tm_mon + 1) + "-" +
           std::to_string(tm.tm_mday);
}

} // namespace

JzdExporter::JzdExporter(TextEncoding encoding, int decimals)
    : m_encoding(encoding), m_decimals(decimals)
{
}

PluginInfo JzdExporter::info()
{
    return {"export.jzd", "界址点 coordinate lists (.txt, UTF-8; GBK on request)"};
}

bool JzdExporter::canWrite(const std::string& path) const
{
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".txt";
}

std::string JzdExporter::render(const Layer& sites) const
{
    const std::optional<int> code = sites.crs.isValid() ? sites.crs.epsg() : std::nullopt;
    const std::optional<JzdGrid> grid = code ? gridOfEpsg(*code) : std::nullopt;
    if (!grid)
        throw IoError(describeLocation(sites.source, sites.name) + ": a 界址点 list needs a " +
                      "Chinese Gauss-Kruger CRS (e.g. EPSG:4549 or EPSG:4528), not " +
                      (sites.crs.isValid() ? sites.crs.label() : std::string("none")) +
                      "; reproject first (redline convert --dst-crs EPSG:4549).");
    std::string out;
    out += "[属性描述]\n";
    out += "格式版本号=1.01\n";
    out += "数据产生单位=Redline\n";
    out += "数据产生日期=" + today() + "\n";
    out += std::string("坐标系=") + headerOf(grid->datum) + "\n";
    out += "几度分带=" + std::to_string(grid->zoneWidth) + "\n";
    out += "投影类型=高斯克吕格\n";
    out += "计量单位=米\n";
    out += "带号=" + std::to_string(grid->zone) + "\n";
    out += "精度=" + number(std::pow(10.0, -m_decimals), m_decimals) + "\n";
    out += "转换参数=,,,,,,\n";
    out += "[地块坐标]\n";

    for (std::size_t i = 0; i < sites.features.size(); ++i)
    {
        const Feature& f = sites.features[i];
        const Geometry& g = f.geometry;
        if (g.isEmpty())
            throw GeometryError(
                describeLocation(sites.source, sites.name, "fid " + std::to_string(f.fid)) +
                ": empty geometry cannot be written to a 界址点 list.");
        const char* shape = g.dimension() == Dimension::Area   ? "面"
                            : g.dimension() == Dimension::Line ? "线"
                                                               : "点";
        std::string id = text(f, "site_id");
        if (id.empty())
            id = std::to_string(f.fid);
        std::string body;
        std::size_t lines = 0;
        int pointNumber = 0;
        int ringNumber = 0;
        for (const Part& part : g.parts())
            for (const Ring& ring : part)
            {
                ++ringNumber;
                const bool closed = g.dimension() == Dimension::Area && ring.size() > 1 &&
                                    ring.front() == ring.back();
                const int firstNumber = pointNumber + 1;
                for (std::size_t k = 0; k < ring.size(); ++k)
                {
                    const bool closing = closed && k + 1 == ring.size();
                    const int n = closing ? firstNumber : ++pointNumber;
                    body += "J" + std::to_string(n) + "," + std::to_string(ringNumber) + "," +
                            number(ring[k].y, m_decimals) + "," + number(ring[k].x, m_decimals) +
                            "\n";
                    ++lines;
                }
                // Point parcels: each point is its own 圈号 only when the geometry has parts.
            }
        out += std::to_string(lines) + "," + number(g.planarArea() / 1.0e4, 4) + "," + clean(id) +
               "," + text(f, "name") + "," + shape + "," + text(f, "图幅号") + "," +
               text(f, "地块用途") + "," + text(f, "地类编码") + ",@\n";
        out += body;
    }
    return out;
}

void JzdExporter::write(const Layer& sites, const std::string& path) const
{
    const std::string utf8 = render(sites);
    writeTextFileAtomically(path, m_encoding == TextEncoding::Gbk ? utf8ToGbk(utf8) : utf8);
}

} // namespace redline
