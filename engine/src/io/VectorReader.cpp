#include "redline/io/VectorReader.hpp"

#include <filesystem>
#include <optional>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogr_api.h>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/geo/CrsTransform.hpp"
#include "redline/io/JzdEncoding.hpp"

#include "gdal/GdalErrorScope.hpp"
#include "gdal/GdalHandles.hpp"
#include "gdal/OgrConvert.hpp"
#include "geo/TransformCache.hpp"
#include "geos/GeosConvert.hpp"
#include "io/CrsGuess.hpp"
#include "io/PolygonRepair.hpp"

namespace fs = std::filesystem;

namespace redline
{

void gdalInit()
{
    GDALAllRegister();
    // Operations collect GDAL's messages in a detail::GdalErrorScope and report them naming the
    // file; what no scope collects still reaches stderr.
    CPLSetErrorHandler(detail::reportUnscopedGdalMessage);
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
}

namespace
{

// Sets a GDAL configuration option for the calling thread only, restoring it on scope exit.
class ThreadConfigOption
{
  public:
    ThreadConfigOption(const char* key, const std::optional<std::string>& value) : m_key(key)
    {
        if (!value)
            return;
        if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr))
            m_previous = old;
        CPLSetThreadLocalConfigOption(key, value->c_str());
        m_set = true;
    }
    ~ThreadConfigOption()
    {
        if (m_set)
            CPLSetThreadLocalConfigOption(m_key, m_previous ? m_previous->c_str() : nullptr);
    }
    ThreadConfigOption(const ThreadConfigOption&) = delete;
    ThreadConfigOption& operator=(const ThreadConfigOption&) = delete;

  private:
    const char* m_key;
    std::optional<std::string> m_previous;
    bool m_set = false;
};

// Shapefiles without a .cpg: read raw bytes and decode each string ourselves (UTF-8 or GBK).
bool needsEncodingSniff(const fs::path& p)
{
    if (p.extension() != ".shp" && p.extension() != ".SHP" && p.extension() != ".dbf")
        return false;
    fs::path cpg = p;
    cpg.replace_extension(".cpg");
    fs::path cpgUpper = p;
    cpgUpper.replace_extension(".CPG");
    return !fs::exists(cpg) && !fs::exists(cpgUpper);
}

AttributeValue readField(OGRFeature& f, int i, bool sniffEncoding, const std::string& where)
{
    if (!f.IsFieldSetAndNotNull(i))
        return std::monostate{};
    switch (f.GetFieldDefnRef(i)->GetType())
    {
    case OFTInteger:
    case OFTInteger64:
        return static_cast<std::int64_t>(f.GetFieldAsInteger64(i));
    case OFTReal:
        return f.GetFieldAsDouble(i);
    default:
    {
        std::string s = f.GetFieldAsString(i);
        // UTF-8 stays as it is; anything else is decoded as GBK, the Chinese legacy default.
        return sniffEncoding ? decodeChineseText(s, where).utf8 : s;
    }
    }
}

std::string featureLabel(OGRFeature& f, const std::string& idField)
{
    if (!idField.empty())
    {
        const int i = f.GetFieldIndex(idField.c_str());
        if (i >= 0 && f.IsFieldSetAndNotNull(i))
            return "'" + std::string(f.GetFieldAsString(i)) + "'";
    }
    return "FID " + std::to_string(f.GetFID());
}

void checkAreaOfUse(const Crs& crs, const Geometry& g, const CrsTransform& toLonLat,
                    const std::string& where)
{
    const auto aou = crs.areaOfUseLonLat();
    const Envelope& e = g.envelope();
    const Point centre{(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
    std::optional<Point> ll;
    try
    {
        ll = toLonLat.apply(centre);
    }
    catch (const CrsError&)
    {
    }
    const double margin = 2.0; // degrees: tolerate sites near the edge of a zone's area of use
    const bool inside = ll && aou && ll->x >= aou->minX - margin && ll->x <= aou->maxX + margin &&
                        ll->y >= aou->minY - margin && ll->y <= aou->maxY + margin;
    if (inside || (!aou && ll && std::abs(ll->y) <= 90))
        return;
    std::string msg = where + ": coordinates around (" + formatFixed(centre.x, 6) + ", " +
                      formatFixed(centre.y, 6) + ") lie outside the area of use of " + crs.label();
    const std::string guess = detail::guessCrsFromExtent(e);
    msg += guess.empty() ? "." : "; " + guess + ".";
    throw CrsError(msg);
}

} // namespace

std::vector<std::string> listLayers(const std::string& path)
{
    detail::GdalErrorScope gdal(path);
    auto ds = detail::openVector(path);
    if (!ds)
        throw IoError(path + ": cannot open as a vector data source" + gdal.failureReason() + ".");
    std::vector<std::string> names;
    for (auto* l : ds->GetLayers())
        names.emplace_back(l->GetName());
    return names;
}

Layer readLayer(const std::string& path, const ReadOptions& options)
{
    const fs::path p(path);
    VSIStatBufL stat;
    if (VSIStatExL(path.c_str(), &stat, VSI_STAT_EXISTS_FLAG) != 0) // also /vsimem/ files
        throw IoError(path + ": file not found.");
    const bool sniff = needsEncodingSniff(p);
    detail::GdalErrorScope gdal(path);
    CPLStringList openOptions;
    if (sniff)
        openOptions.SetNameValue("ENCODING", "");
    const ThreadConfigOption dxfEncoding("DXF_ENCODING", options.dxfEncoding);
    CPLStringList drivers;
    for (const auto& name : options.drivers)
        drivers.AddString(name.c_str());
    auto ds = detail::openVector(path, false, openOptions.List(),
                                 options.drivers.empty() ? nullptr : drivers.List());
    if (!ds)
    {
        std::error_code ec;
        if (fs::is_directory(p, ec))
            throw IoError(path + ": is a folder with no vector data GDAL can read.");
        throw IoError(path + ": unknown or unreadable format; GDAL cannot open it as vector data" +
                      gdal.failureReason() + ".");
    }
    OGRLayer* ogrLayer = nullptr;
    if (options.layerName)
    {
        ogrLayer = ds->GetLayerByName(options.layerName->c_str());
        if (!ogrLayer)
        {
            std::string names;
            for (auto* l : ds->GetLayers())
                names += (names.empty() ? "" : ", ") + std::string(l->GetName());
            throw IoError(path + ": layer '" + *options.layerName +
                          "' not found (layers: " + (names.empty() ? "none" : names) + ").");
        }
    }
    else
    {
        if (ds->GetLayerCount() == 0)
            throw IoError(path + ": contains no vector layer.");
        ogrLayer = ds->GetLayer(0);
    }

    Layer out;
    out.source = path;
    out.name = ogrLayer->GetName();
    const std::string where = describeLocation(path, out.name);

    // CRS: an explicit assumption wins; otherwise the source's; otherwise refuse with a guess.
    if (options.assumeCrs)
        out.crs = *options.assumeCrs;
    else if (const auto* srs = ogrLayer->GetSpatialRef())
        out.crs = Crs::fromNativeHandle(srs);

    OGRFeatureDefn* defn = ogrLayer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        out.fieldNames.emplace_back(defn->GetFieldDefn(i)->GetNameRef());

    if (!out.crs.isValid())
    {
        OGREnvelope env;
        std::string guess;
        if (ogrLayer->GetExtent(&env, TRUE) == OGRERR_NONE)
            guess = detail::guessCrsFromExtent({env.MinX, env.MinY, env.MaxX, env.MaxY});
        throw CrsError(where +
                       ": no coordinate reference system (missing .prj?); give it with "
                       "--site-crs" +
                       (guess.empty() ? std::string(".") : "; " + guess + "."));
    }

    // Already in the target CRS: no transform to set up or apply.
    const CrsTransform* toTarget = options.targetCrs && !out.crs.isSame(*options.targetCrs)
                                       ? &detail::cachedTransform(out.crs, *options.targetCrs)
                                       : nullptr;
    // Lon/lat on the source's own datum: enough for the area-of-use check (2° margin), and far
    // quicker for PROJ to set up than a transform to WGS 84.
    const CrsTransform& toLonLat = detail::cachedTransformToGeographicBase(out.crs);
    detail::GeosContext geos;
    std::size_t droppedZmCount = 0;

    ogrLayer->ResetReading();
    for (auto& f : *ogrLayer)
    {
        const std::string feature = featureLabel(*f, options.idField);
        const std::string fwhere = describeLocation(path, out.name, feature);
        Feature feat;
        feat.fid = f->GetFID();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            feat.attributes.set(out.fieldNames[static_cast<std::size_t>(i)],
                                readField(*f, i, sniff, fwhere));
        bool droppedZm = false;
        try
        {
            const OGRGeometry* og = f->GetGeometryRef();
            if (!og || og->IsEmpty())
                throw GeometryError("empty geometry");
            feat.geometry = detail::fromOgr(*og, &droppedZm);
            if (feat.geometry.isEmpty())
                throw GeometryError("empty geometry");
            if (options.repairInvalid)
                if (auto why = detail::repairPolygon(geos, feat.geometry))
                    out.warnings.push_back(fwhere + ": invalid geometry (" + *why +
                                           ") repaired with make-valid.");
            checkAreaOfUse(out.crs, feat.geometry, toLonLat, fwhere);
            if (toTarget)
                feat.geometry = toTarget->apply(feat.geometry);
        }
        catch (const GeometryError& e)
        {
            geos.clearError();
            std::string why = e.what();
            if (!why.empty() && why.back() == '.')
                why.pop_back();
            const std::string message = fwhere + ": " + why + ".";
            if (!options.keepUnusable)
                throw GeometryError(message);
            feat.error = message;
            feat.geometry = Geometry();
        }
        catch (const CrsError& e)
        {
            if (!options.keepUnusable)
                throw;
            const std::string message = e.what();
            feat.error = message.rfind(fwhere, 0) == 0 ? message : fwhere + ": " + message;
            feat.geometry = Geometry();
        }
        droppedZmCount += droppedZm ? 1 : 0;
        out.features.push_back(std::move(feat));
    }
    if (droppedZmCount > 0)
        out.warnings.push_back(where + ": Z/M values dropped from " +
                               std::to_string(droppedZmCount) + " feature(s); analysis is 2D.");
    if (options.targetCrs)
        out.crs = *options.targetCrs;
    for (auto& w : gdal.warnings())
        out.warnings.push_back(std::move(w));
    return out;
}

} // namespace redline
