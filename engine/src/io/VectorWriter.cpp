#include "redline/io/VectorWriter.hpp"

#include <ogr_spatialref.h>

#include <filesystem>

#include "gdal/GdalHandles.hpp"
#include "gdal/OgrConvert.hpp"
#include "redline/core/AtomicFile.hpp"
#include "redline/core/Error.hpp"

namespace fs = std::filesystem;

namespace redline
{

namespace
{

const char* driverFor(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".gpkg")
        return "GPKG";
    if (ext == ".geojson" || ext == ".json")
        return "GeoJSON";
    if (ext == ".shp")
        return "ESRI Shapefile";
    if (ext == ".csv")
        return "CSV";
    if (ext == ".kml")
        return "KML";
    if (ext == ".gml")
        return "GML";
    return nullptr;
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

void writeLayer(GDALDataset& ds, const Layer& layer, const std::string& path, bool singleFile)
{
    const auto* srs = static_cast<const OGRSpatialReference*>(layer.crs.nativeHandle());
    OGRwkbGeometryType gtype = wkbUnknown;
    if (!layer.features.empty())
    {
        const GeometryType first = layer.features.front().geometry.type();
        bool same = true;
        for (const auto& f : layer.features)
            same = same && f.geometry.type() == first;
        if (same)
            gtype = detail::toOgr(layer.features.front().geometry)->getGeometryType();
        else if (singleFile)
        {
            // Shapefiles cannot mix types: promote to the multi type of the dimension.
            static constexpr OGRwkbGeometryType kMulti[] = {wkbMultiPoint, wkbMultiLineString,
                                                            wkbMultiPolygon};
            gtype = kMulti[static_cast<int>(layer.features.front().geometry.dimension())];
        }
    }
    OGRLayer* out = ds.CreateLayer(layer.name.empty() ? "layer" : layer.name.c_str(),
                                   layer.crs.isValid() ? const_cast<OGRSpatialReference*>(srs) : nullptr, gtype, nullptr);
    if (!out)
        throw IoError(path + ": cannot create layer '" + layer.name + "'.");
    for (const auto& name : layer.fieldNames)
    {
        OGRFieldDefn fd(name.c_str(), fieldTypeOf(layer, name));
        if (out->CreateField(&fd) != OGRERR_NONE)
            throw IoError(path + ": cannot create field '" + name + "' in layer '" + layer.name +
                          "'.");
    }
    if (out->StartTransaction() != OGRERR_NONE)
        throw IoError(path + ": cannot start writing layer '" + layer.name + "'.");
    for (const auto& f : layer.features)
    {
        OGRFeatureUniquePtr of(OGRFeature::CreateFeature(out->GetLayerDefn()));
        for (const auto& [name, value] : f.attributes.items())
        {
            const int i = of->GetFieldIndex(name.c_str());
            if (i < 0)
                continue;
            if (const auto* iv = std::get_if<std::int64_t>(&value))
                of->SetField(i, static_cast<GIntBig>(*iv));
            else if (const auto* dv = std::get_if<double>(&value))
                of->SetField(i, *dv);
            else if (const auto* sv = std::get_if<std::string>(&value))
                of->SetField(i, sv->c_str());
            else
                of->SetFieldNull(i);
        }
        if (!f.geometry.isEmpty())
        {
            auto g = detail::toOgr(f.geometry);
            if (!singleFile && gtype != wkbUnknown &&
                wkbFlatten(g->getGeometryType()) != wkbFlatten(gtype))
                g.reset(OGRGeometryFactory::forceTo(g.release(), gtype));
            of->SetGeometryDirectly(g.release());
        }
        if (out->CreateFeature(of.get()) != OGRERR_NONE)
            throw IoError(path + ": cannot write feature " + std::to_string(f.fid) +
                          " of layer '" + layer.name + "'.");
    }
    if (out->CommitTransaction() != OGRERR_NONE)
        throw IoError(path + ": cannot commit layer '" + layer.name + "'.");
}

} // namespace

void writeLayers(const std::string& path, const std::vector<Layer>& layers,
                 const std::vector<std::pair<std::string, std::string>>& metadata)
{
    const char* driverName = driverFor(path);
    if (!driverName)
        throw IoError(path + ": unknown output format (use .gpkg, .geojson, .shp, .csv, .kml).");
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (!driver)
        throw IoError(path + ": the GDAL driver " + driverName + " is not available.");
    const bool multiLayer = std::string(driverName) == "GPKG";
    const bool shapefile = std::string(driverName) == "ESRI Shapefile";
    if (shapefile)
    {
        // A shapefile is several files: write them in a temporary folder, then move each.
        const fs::path target(path);
        const fs::path tmpDir = target.parent_path() / ("." + target.stem().string() + ".tmpdir");
        fs::create_directories(tmpDir);
        try
        {
            const std::string tmpShp = (tmpDir / target.filename()).string();
            {
                GDALDatasetUniquePtr ds(driver->Create(tmpShp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
                if (!ds)
                    throw IoError(path + ": cannot create the output file.");
                writeLayer(*ds, layers.at(0), path, true);
            }
            for (const auto& entry : fs::directory_iterator(tmpDir))
                fs::rename(entry.path(), target.parent_path() / entry.path().filename());
        }
        catch (...)
        {
            fs::remove_all(tmpDir);
            throw;
        }
        fs::remove_all(tmpDir);
        return;
    }
    AtomicFile file(path);
    CPLErrorReset();
    {
        GDALDatasetUniquePtr ds(
            driver->Create(file.tempPath().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            throw IoError(path + ": cannot create the output file (folder missing or not writable).");
        for (std::size_t i = 0; i < layers.size() && (multiLayer || i == 0); ++i)
            writeLayer(*ds, layers[i], path, false);
        for (const auto& [key, value] : metadata)
            ds->SetMetadataItem(key.c_str(), value.c_str());
        ds.reset(); // closing flushes; GDAL reports a failed flush through the error state
        if (CPLGetLastErrorType() == CE_Failure)
            throw IoError(path + ": writing the output file failed (" + CPLGetLastErrorMsg() + ").");
    }
    file.commit();
}

} // namespace redline
