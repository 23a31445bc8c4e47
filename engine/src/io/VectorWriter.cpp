#include "redline/io/VectorWriter.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"
#include "redline/io/ShapefileFields.hpp"

#include "gdal/GdalErrorScope.hpp"
#include "gdal/GdalHandles.hpp"
#include "gdal/OgrConvert.hpp"

namespace fs = std::filesystem;

namespace redline
{

namespace
{

struct Format
{
    const char* name;
    const char* driver;
    const char* extension;
};

constexpr Format kFormats[] = {
    {"gpkg", "GPKG", ".gpkg"},
    {"geojson", "GeoJSON", ".geojson"},
    {"shp", "ESRI Shapefile", ".shp"},
    {"csv", "CSV", ".csv"},
    {"kml", "KML", ".kml"},
    {"gml", "GML", ".gml"},
};

const Format& formatNamed(const std::string& name, const std::string& path)
{
    for (const auto& f : kFormats)
        if (name == f.name)
            return f;
    throw IoError(path + ": unknown output format '" + name +
                  "' (use .gpkg, .geojson, .shp, .csv, .kml or .gml).");
}

bool isShapefile(const Format& f)
{
    return std::string(f.name) == "shp";
}

// Shapefile real fields: GDAL writes them as fixed decimals in 24 characters.
constexpr int kShapefileRealWidth = 24;
constexpr int kMaxRealDecimals = 15;
// At most this many feature names are listed in one warning.
constexpr std::size_t kMaxListed = 5;

// One attribute column as written.
struct Column
{
    std::string source; // attribute name in the Layer
    std::string name;   // field name in the file
    OGRFieldType type = OFTString;
    int width = 0; // 0: the driver's default
    int precision = 0;
};

// The features of one output layer and how they are written.
struct LayerPlan
{
    const Layer* layer = nullptr;
    std::vector<const Feature*> features;
    std::vector<Column> columns;
    OGRwkbGeometryType geometryType = wkbUnknown;
};

std::string featureLabel(const Feature& f)
{
    if (auto id = f.attributes.text("site_id"); id && !id->empty())
        return "'" + *id + "'";
    return "fid " + std::to_string(f.fid);
}

// The layer's field names, then any attribute a feature carries that is not among them.
std::vector<std::string> attributeNames(const Layer& layer)
{
    std::vector<std::string> names = layer.fieldNames;
    std::set<std::string> seen(names.begin(), names.end());
    for (const auto& f : layer.features)
        for (const auto& [name, value] : f.attributes.items())
            if (seen.insert(name).second)
                names.push_back(name);
    return names;
}

OGRFieldType fieldTypeOf(const Layer& layer, const std::string& name)
{
    OGRFieldType type = OFTString;
    bool seen = false;
    for (const auto& f : layer.features)
    {
        const AttributeValue* v = f.attributes.find(name);
        if (!v || std::holds_alternative<std::monostate>(*v))
            continue;
        const OGRFieldType t = std::holds_alternative<std::int64_t>(*v) ? OFTInteger64
                               : std::holds_alternative<double>(*v)     ? OFTReal
                                                                        : OFTString;
        if (!seen)
            type = t;
        else if (type != t)
            type = (type != OFTString && t != OFTString) ? OFTReal : OFTString;
        seen = true;
    }
    return type;
}

// Fits a column into a dBase table: text width = the longest value (at most 254 bytes), real
// decimals as many as the largest value leaves room for.
void fitShapefileColumn(const Layer& layer, Column& c)
{
    if (c.type == OFTString)
    {
        std::size_t longest = 1;
        for (const auto& f : layer.features)
            if (auto t = f.attributes.text(c.source))
                longest = std::max(longest, t->size());
        c.width = static_cast<int>(std::min(longest, kShapefileTextBytes));
    }
    else if (c.type == OFTReal)
    {
        double largest = 0;
        for (const auto& f : layer.features)
            if (auto v = f.attributes.number(c.source); v && std::isfinite(*v))
                largest = std::max(largest, std::abs(*v));
        const int integerDigits = largest < 1 ? 1 : static_cast<int>(std::log10(largest)) + 1;
        c.width = kShapefileRealWidth;
        c.precision = std::clamp(kShapefileRealWidth - 2 - integerDigits, 0, kMaxRealDecimals);
    }
}

std::vector<Column> planColumns(const Layer& layer, bool shapefile, const std::string& where,
                                WriteResult& result)
{
    const std::vector<std::string> names = attributeNames(layer);
    const std::vector<std::string> fileNames = shapefile ? shapefileFieldNames(names) : names;
    std::vector<Column> columns;
    std::string renamed;
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        Column c{names[i], fileNames[i], fieldTypeOf(layer, names[i])};
        if (shapefile)
            fitShapefileColumn(layer, c);
        if (c.name != c.source)
            renamed += (renamed.empty() ? "" : ", ") + c.source + " → " + c.name;
        columns.push_back(std::move(c));
    }
    if (!renamed.empty())
        result.warnings.push_back(where +
                                  ": a Shapefile field name holds at most 10 bytes; "
                                  "fields renamed: " +
                                  renamed + ".");
    return columns;
}

// Says which text values a Shapefile cannot hold whole (they are cut when written).
void reportCutText(const LayerPlan& plan, const std::string& where, WriteResult& result)
{
    for (const auto& c : plan.columns)
    {
        if (c.type != OFTString || c.width <= 0)
            continue;
        std::vector<std::string> cut;
        for (const Feature* f : plan.features)
            if (auto t = f->attributes.text(c.source);
                t && t->size() > static_cast<std::size_t>(c.width))
                cut.push_back(featureLabel(*f) + " (" + std::to_string(t->size()) + " bytes)");
        if (cut.empty())
            continue;
        std::string list;
        for (std::size_t i = 0; i < std::min(cut.size(), kMaxListed); ++i)
            list += (i ? ", " : "") + cut[i];
        if (cut.size() > kMaxListed)
            list += " and " + std::to_string(cut.size() - kMaxListed) + " more";
        result.warnings.push_back(where + ": field " + c.name + " (" + c.source +
                                  "): a Shapefile text value holds at most 254 bytes; cut for " +
                                  list + ".");
    }
}

OGRwkbGeometryType ogrTypeOf(GeometryType t)
{
    switch (t)
    {
    case GeometryType::Point:
        return wkbPoint;
    case GeometryType::LineString:
        return wkbLineString;
    case GeometryType::Polygon:
        return wkbPolygon;
    case GeometryType::MultiPoint:
        return wkbMultiPoint;
    case GeometryType::MultiLineString:
        return wkbMultiLineString;
    case GeometryType::MultiPolygon:
        return wkbMultiPolygon;
    }
    return wkbUnknown;
}

// The layer's declared geometry type: the features' one type; for a Shapefile (one dimension per
// file) the type that holds them all; otherwise "any".
OGRwkbGeometryType layerGeometryType(const std::vector<const Feature*>& features, bool shapefile)
{
    std::set<GeometryType> types;
    for (const Feature* f : features)
        if (!f->geometry.isEmpty())
            types.insert(f->geometry.type());
    if (types.size() == 1)
        return ogrTypeOf(*types.begin());
    if (types.empty() || !shapefile)
        return wkbUnknown;
    // Shapefile arcs and polygons hold single and multi parts alike; points need MultiPoint.
    static constexpr OGRwkbGeometryType kByDimension[] = {wkbMultiPoint, wkbLineString, wkbPolygon};
    return kByDimension[static_cast<int>(dimensionOf(*types.begin()))];
}

void setField(OGRFeature& of, int i, const Column& c, const AttributeValue& value)
{
    if (const auto* iv = std::get_if<std::int64_t>(&value))
        of.SetField(i, static_cast<GIntBig>(*iv));
    else if (const auto* dv = std::get_if<double>(&value))
        of.SetField(i, *dv);
    else if (const auto* sv = std::get_if<std::string>(&value))
        of.SetField(
            i, (c.width > 0 ? utf8Prefix(*sv, static_cast<std::size_t>(c.width)) : *sv).c_str());
    else
        of.SetFieldNull(i);
}

void writeLayer(GDALDataset& ds, const LayerPlan& plan, const Format& format,
                const std::string& where)
{
    const Layer& layer = *plan.layer;
    const std::string name = layer.name.empty() ? "layer" : layer.name;
    CPLStringList options;
    if (isShapefile(format))
        options.SetNameValue("ENCODING", "UTF-8"); // also writes the .cpg
    if (std::string(format.name) == "csv")
    {
        options.SetNameValue("GEOMETRY", "AS_WKT");
        options.SetNameValue("WRITE_BOM", "YES");
    }
    auto* srs = layer.crs.isValid()
                    ? const_cast<OGRSpatialReference*>(
                          static_cast<const OGRSpatialReference*>(layer.crs.nativeHandle()))
                    : nullptr;
    OGRLayer* out = ds.CreateLayer(name.c_str(), srs, plan.geometryType, options.List());
    if (!out)
        throw IoError(where + ": cannot create layer '" + name + "'.");
    for (const auto& c : plan.columns)
    {
        OGRFieldDefn fd(c.name.c_str(), c.type);
        fd.SetWidth(c.width);
        fd.SetPrecision(c.precision);
        if (out->CreateField(&fd, FALSE) != OGRERR_NONE)
            throw IoError(where + ": cannot create field '" + c.name + "' in layer '" + name +
                          "'.");
    }
    if (out->StartTransaction() != OGRERR_NONE)
        throw IoError(where + ": cannot start writing layer '" + name + "'.");
    for (const Feature* f : plan.features)
    {
        OGRFeatureUniquePtr of(OGRFeature::CreateFeature(out->GetLayerDefn()));
        // Fields are set by position: the file may have renamed them.
        for (std::size_t i = 0; i < plan.columns.size(); ++i)
            if (const AttributeValue* v = f->attributes.find(plan.columns[i].source))
                setField(*of, static_cast<int>(i), plan.columns[i], *v);
        if (!f->geometry.isEmpty())
        {
            auto g = detail::toOgr(f->geometry);
            if (plan.geometryType == wkbMultiPoint && g->getGeometryType() == wkbPoint)
                g.reset(OGRGeometryFactory::forceToMultiPoint(g.release()));
            of->SetGeometryDirectly(g.release());
        }
        if (out->CreateFeature(of.get()) != OGRERR_NONE)
            throw IoError(where + ": cannot write feature " + featureLabel(*f) + " of layer '" +
                          name + "'" +
                          (CPLGetLastErrorMsg()[0] ? std::string(" (") + CPLGetLastErrorMsg() + ")"
                                                   : std::string()) +
                          ".");
    }
    if (out->CommitTransaction() != OGRERR_NONE)
        throw IoError(where + ": cannot commit layer '" + name + "'.");
}

// Writes the planned layers into `file` (a temporary path) with GDAL.
void writeDataset(const Format& format, const std::string& file, const std::string& where,
                  const std::vector<LayerPlan>& plans, WriteResult& result,
                  const DatasetMetadata& metadata = {})
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(format.driver);
    if (!driver)
        throw IoError(where + ": the GDAL driver " + format.driver + " is not available.");
    detail::GdalErrorScope gdal(where);
    GDALDatasetUniquePtr ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        throw IoError(where + ": cannot create the output file" + gdal.failureReason() + ".");
    for (const auto& plan : plans)
        writeLayer(*ds, plan, format, where);
    for (const auto& [key, value] : metadata)
        ds->SetMetadataItem(key.c_str(), value.c_str());
    ds.reset(); // closing flushes; a failed flush shows only as a GDAL error
    if (gdal.failed())
        throw IoError(where + ": writing the output file failed" + gdal.failureReason() + ".");
    for (auto& w : gdal.warnings())
        result.warnings.push_back(std::move(w));
}

// Removes a folder and what is in it when the scope ends.
class TempFolder
{
  public:
    explicit TempFolder(fs::path p) : m_path(std::move(p))
    {
        std::error_code ec;
        if (!fs::create_directory(m_path, ec))
            throw IoError(m_path.parent_path().string() +
                          ": cannot create a temporary folder for the output (" +
                          (ec ? ec.message() : std::string("it exists")) + ").");
    }
    ~TempFolder()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

// Spatial indexes GDAL and ArcGIS keep beside a Shapefile; a stale one would misplace features
// of the new file, so they go when the file is replaced.
constexpr const char* kShapefileIndexes[] = {".qix", ".sbn", ".sbx"};

// Writes one Shapefile (several files) into a temporary folder, then moves each file beside the
// destination through its own AtomicFile. Commits are left to the caller, so that a set of
// Shapefiles is put in place only once all are written.
void stageShapefile(const std::string& path, const LayerPlan& plan, const Format& format,
                    WriteResult& result, std::vector<std::unique_ptr<AtomicFile>>& staged)
{
    auto shp = std::make_unique<AtomicFile>(path);
    TempFolder folder(fs::path(shp->tempPath()).replace_extension(".d"));
    const fs::path target(path);
    writeDataset(format, (folder.path() / target.filename()).string(), path, {plan}, result);
    std::set<std::string> written;
    for (const auto& entry : fs::directory_iterator(folder.path()))
    {
        const fs::path name = entry.path().filename();
        written.insert(name.extension().string());
        const bool isMain = name == target.filename();
        auto file = isMain ? std::move(shp)
                           : std::make_unique<AtomicFile>((target.parent_path() / name).string());
        file->adopt(entry.path().string());
        staged.push_back(std::move(file));
    }
    for (const char* ext : kShapefileIndexes)
    {
        std::error_code ec;
        if (!written.count(ext))
            fs::remove(fs::path(target).replace_extension(ext), ec);
    }
    result.files.push_back(path);
}

WriteResult writeShapefiles(const std::string& path, const Layer& layer, const Format& format)
{
    if (path == "-" || AtomicFile(path).isStream())
        throw IoError(path + ": a Shapefile is several files (.shp, .shx, .dbf, .prj, .cpg); give "
                             "a file name in a folder, not standard output, a device or a pipe.");
    WriteResult result;
    // A Shapefile holds one kind of geometry: one file per kind present.
    std::map<Dimension, std::vector<const Feature*>> byKind;
    std::vector<const Feature*> noGeometry;
    for (const auto& f : layer.features)
        (f.geometry.isEmpty() ? noGeometry : byKind[f.geometry.dimension()]).push_back(&f);
    if (byKind.empty())
        byKind[Dimension::Area] = {};
    auto& first = byKind.begin()->second;
    first.insert(first.end(), noGeometry.begin(), noGeometry.end());

    const std::vector<Column> columns = planColumns(layer, true, path, result);
    static const std::map<Dimension, const char*> kSuffix = {
        {Dimension::Point, "_points"}, {Dimension::Line, "_lines"}, {Dimension::Area, "_polygons"}};
    const fs::path target(path);
    std::vector<std::unique_ptr<AtomicFile>> staged;
    std::string parts;
    for (const auto& [kind, features] : byKind)
    {
        const std::string file =
            byKind.size() == 1
                ? path
                : (target.parent_path() /
                   (target.stem().string() + kSuffix.at(kind) + target.extension().string()))
                      .string();
        LayerPlan plan{&layer, features, columns, layerGeometryType(features, true)};
        reportCutText(plan, file, result);
        stageShapefile(file, plan, format, result, staged);
        parts += (parts.empty() ? "" : ", ") + file + " (" + std::to_string(features.size()) + ")";
    }
    if (byKind.size() > 1)
        result.warnings.push_back(path + ": a Shapefile holds one kind of geometry; the " +
                                  std::to_string(layer.features.size()) +
                                  " features were written to " + parts + ".");
    for (auto& file : staged)
        file->commit();
    return result;
}

} // namespace

std::optional<std::string> vectorFormatForPath(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".json")
        return "geojson";
    for (const auto& f : kFormats)
        if (ext == f.extension)
            return f.name;
    return std::nullopt;
}

WriteResult writeLayers(const std::string& path, const std::vector<Layer>& layers,
                        const WriteOptions& options, const DatasetMetadata& metadata)
{
    const auto name = options.format.empty() ? vectorFormatForPath(path) : options.format;
    if (!name)
        throw IoError(path + ": unknown output format (use .gpkg, .geojson, .shp, .csv, .kml or "
                             ".gml).");
    const Format& format = formatNamed(*name, path);
    if (layers.empty())
        throw IoError(path + ": nothing to write.");
    if (layers.size() > 1 && std::string(format.name) != "gpkg")
        throw IoError(path + ": the " + format.name + " format holds one layer, not " +
                      std::to_string(layers.size()) + "; write a .gpkg.");
    if (isShapefile(format))
        return writeShapefiles(path, layers.front(), format);

    WriteResult result;
    std::vector<LayerPlan> plans;
    for (const auto& layer : layers)
    {
        LayerPlan plan{&layer, {}, planColumns(layer, false, path, result), wkbUnknown};
        for (const auto& f : layer.features)
            plan.features.push_back(&f);
        plan.geometryType = layerGeometryType(plan.features, false);
        plans.push_back(std::move(plan));
    }
    if (std::string(format.name) == "csv" && layers.front().crs.isValid())
        result.warnings.push_back(path +
                                  ": a CSV file records no coordinate reference system; "
                                  "its WKT coordinates are in " +
                                  layers.front().crs.label() + " (read it back with --site-crs " +
                                  layers.front().crs.label() + ").");
    AtomicFile file(path, format.extension);
    writeDataset(format, file.tempPath(), path, plans, result, metadata);
    file.commit();
    result.files.push_back(path);
    return result;
}

} // namespace redline
