#include "Sources.hpp"

#include <fstream>
#include <stdexcept>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "redline/geo/Gcj02.hpp"

namespace redline::datagen
{
namespace
{

std::vector<std::string> splitCsvLine(const std::string& line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        const char c = line[i];
        if (c == '"')
        {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"')
            {
                fields.back() += '"';
                ++i;
            }
            else
            {
                quoted = !quoted;
            }
        }
        else if (c == ',' && !quoted)
        {
            fields.emplace_back();
        }
        else if (c != '\r')
        {
            fields.back() += c;
        }
    }
    return fields;
}

} // namespace

std::vector<CountyOutline> readCounties(const std::string& path, const GkProjection& proj)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
    {
        throw std::runtime_error(path + ": cannot open the county outlines");
    }
    OGRLayer* layer = ds->GetLayer(0);
    std::vector<CountyOutline> out;
    for (const auto& feature : *layer)
    {
        const OGRGeometry* g = feature->GetGeometryRef();
        if (g == nullptr)
        {
            throw std::runtime_error(path + ": feature " + std::to_string(feature->GetFID()) +
                                     " has no geometry");
        }
        std::vector<unsigned char> wkb(static_cast<std::size_t>(g->WkbSize()));
        g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
        GeomPtr gcj = fromWkb(wkb);
        GeomPtr gk = transformXy(gcj.get(),
                                 [&proj](Xy p)
                                 {
                                     const Point wgs = gcj02ToWgs84(Point{p.x, p.y});
                                     return proj.toGk(Xy{wgs.x, wgs.y});
                                 });
        CountyOutline county;
        county.code = feature->GetFieldAsString("code");
        county.name = feature->GetFieldAsString("name_zh");
        county.geometry = cleanPolygonal(gk.get());
        out.push_back(std::move(county));
    }
    return out;
}

std::map<std::string, Place> readPlaces(const std::string& path, const GkProjection& proj)
{
    std::ifstream in(path);
    if (!in)
    {
        throw std::runtime_error(path + ": cannot open the place list");
    }
    std::map<std::string, Place> out;
    std::string line;
    std::getline(in, line); // header
    int lineNo = 1;
    while (std::getline(in, line))
    {
        ++lineNo;
        if (line.empty())
        {
            continue;
        }
        const auto f = splitCsvLine(line);
        if (f.size() < 9)
        {
            throw std::runtime_error(path + ": line " + std::to_string(lineNo) +
                                     " has fewer than 9 fields");
        }
        Place p;
        p.kind = f[0];
        p.name = f[1];
        p.code = f[3];
        p.gk = proj.toGk(Xy{std::stod(f[4]), std::stod(f[5])});
        p.areaKm2 = f[6].empty() ? 0.0 : std::stod(f[6]);
        out[p.name] = p;
    }
    return out;
}

} // namespace redline::datagen
