#include "GpkgWriter.hpp"

#include <cstdio>
#include <stdexcept>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "redline/core/AtomicFile.hpp"

namespace redline::datagen
{
namespace
{

OGRFieldType ogrType(FieldType t)
{
    switch (t)
    {
    case FieldType::Integer:
        return OFTInteger64;
    case FieldType::Real:
        return OFTReal;
    case FieldType::Text:
        break;
    }
    return OFTString;
}

void fail(const std::string& path, const std::string& what)
{
    throw std::runtime_error(path + ": " + what + ": " + CPLGetLastErrorMsg());
}

} // namespace

void writeLayers(const std::string& path, const std::string& driverName,
                 const std::vector<const OutLayer*>& layers, int epsg)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    if (driver == nullptr)
    {
        fail(path, "GDAL driver " + driverName + " missing");
    }
    redline::AtomicFile file(path, driverName == "GPKG" ? ".gpkg" : ".geojson");
    const std::string& tmp = file.tempPath();
    {
        GDALDatasetUniquePtr ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
        {
            fail(path, "cannot create");
        }
        OGRSpatialReference srs;
        srs.importFromEPSG(epsg);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        for (const OutLayer* layer : layers)
        {
            char** options = nullptr;
            if (driverName == "GPKG")
            {
                options = CSLSetNameValue(options, "SPATIAL_INDEX", "YES");
                options = CSLSetNameValue(options, "FID", "fid");
            }
            if (driverName == "GeoJSON")
            {
                options = CSLSetNameValue(options, "COORDINATE_PRECISION", "7");
                options = CSLSetNameValue(options, "RFC7946", "NO");
            }
            OGRLayer* out =
                ds->CreateLayer(layer->name.c_str(), &srs,
                                static_cast<OGRwkbGeometryType>(layer->geometryType), options);
            CSLDestroy(options);
            if (out == nullptr)
            {
                fail(path, "cannot create layer " + layer->name);
            }
            for (const Field& f : layer->fields)
            {
                OGRFieldDefn defn(f.name.c_str(), ogrType(f.type));
                if (out->CreateField(&defn) != OGRERR_NONE)
                {
                    fail(path, "layer " + layer->name + ": cannot create field " + f.name);
                }
            }
            if (out->StartTransaction() != OGRERR_NONE)
            {
                fail(path, "layer " + layer->name + ": cannot start a transaction");
            }
            for (const OutFeature& feature : layer->features)
            {
                OGRFeatureUniquePtr of(OGRFeature::CreateFeature(out->GetLayerDefn()));
                for (std::size_t i = 0; i < feature.values.size(); ++i)
                {
                    const int idx = static_cast<int>(i);
                    const Value& v = feature.values[i];
                    if (std::holds_alternative<std::int64_t>(v))
                    {
                        of->SetField(idx, static_cast<GIntBig>(std::get<std::int64_t>(v)));
                    }
                    else if (std::holds_alternative<double>(v))
                    {
                        of->SetField(idx, std::get<double>(v));
                    }
                    else if (std::holds_alternative<std::string>(v))
                    {
                        of->SetField(idx, std::get<std::string>(v).c_str());
                    }
                    else
                    {
                        of->SetFieldNull(idx);
                    }
                }
                const auto wkb = toWkb(feature.geometry.get());
                OGRGeometry* g = nullptr;
                if (OGRGeometryFactory::createFromWkb(wkb.data(), &srs, &g, wkb.size()) !=
                    OGRERR_NONE)
                {
                    fail(path, "layer " + layer->name + ": bad geometry");
                }
                of->SetGeometryDirectly(g);
                if (out->CreateFeature(of.get()) != OGRERR_NONE)
                {
                    fail(path, "layer " + layer->name + ": cannot write a feature");
                }
            }
            if (out->CommitTransaction() != OGRERR_NONE)
            {
                fail(path, "layer " + layer->name + ": cannot commit");
            }
        }
        CPLErrorReset();
        GDALClose(GDALDataset::ToHandle(ds.release()));
        if (CPLGetLastErrorType() >= CE_Failure)
        {
            fail(path, "cannot close");
        }
    }
    file.commit();
}

} // namespace redline::datagen
