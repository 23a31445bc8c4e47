#include "model/FileSource.hpp"

#include <filesystem>
#include <set>

#include <ogrsf_frmts.h>

#include "redline/core/Error.hpp"
#include "redline/io/VectorReader.hpp"

#include "edit/RevisionTables.hpp"
#include "gdal/GdalHandles.hpp"
#include "geo/TransformCache.hpp"
#include "model/CatalogFile.hpp"
#include "model/EnvelopeTransform.hpp"
#include "model/FileTransaction.hpp"
#include "model/GpkgCatalog.hpp"
#include "model/GpkgRevision.hpp"

namespace fs = std::filesystem;

namespace redline::detail
{

namespace
{

bool isYaml(const fs::path& p)
{
    const auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

bool isGpkg(const std::string& path)
{
    return fs::path(path).extension() == ".gpkg";
}

GDALDatasetUniquePtr openOrThrow(const std::string& path)
{
    auto ds = openVector(path, false);
    if (!ds)
        throw IoError(path + ": cannot open the GeoPackage.");
    return ds;
}

// Size and modification time of a file ("" when absent), for content keys.
std::string fileStamp(const std::string& path)
{
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        return {};
    const auto time = fs::last_write_time(path, ec).time_since_epoch().count();
    return std::to_string(size) + ":" + std::to_string(time);
}

} // namespace

FileSource::FileSource(const std::string& path, StoreKind kind, StoreCatalog catalog,
                       std::map<std::string, LayerRef> refs, std::string gpkg,
                       std::string gpkgProblem)
    : ZoningSource(path, path, std::move(catalog)), m_kind(kind), m_refs(std::move(refs)),
      m_gpkg(std::move(gpkg)), m_gpkgProblem(std::move(gpkgProblem))
{
}

std::unique_ptr<FileSource> FileSource::open(const std::string& path)
{
    const fs::path p(path);
    if (!fs::exists(p))
        throw IoError(path + ": zoning store not found.");
    StoreCatalog catalog;
    std::map<std::string, LayerRef> refs;
    std::string gpkg;
    std::string problem;
    if (isYaml(p))
    {
        CatalogFile file = readCatalogFile(path);
        catalog.analysisCrs = file.analysisCrs;
        std::set<std::string> sources;
        for (CatalogEntry& e : file.entries)
        {
            if (e.layer.name.empty())
            {
                const auto names = listLayers(e.source);
                if (names.empty())
                    throw IoError(e.source + ": contains no vector layer.");
                e.layer.name = names.front();
                e.sourceLayer = names.front();
            }
            if (refs.count(e.layer.name))
                throw ConfigError(path + ": layer '" + e.layer.name + "' is listed twice.");
            refs[e.layer.name] = {e.source, e.sourceLayer};
            sources.insert(e.source);
            catalog.layers.push_back(e.layer);
        }
        if (sources.size() > 1)
            problem = path +
                      ": edit sessions, history and revisions need every layer in one "
                      "GeoPackage, but the catalog uses " +
                      *sources.begin() + " and " + *std::next(sources.begin()) + ".";
        else if (sources.empty() || !isGpkg(*sources.begin()))
            problem = path + ": the catalog's layers are not in a GeoPackage.";
        else
            gpkg = *sources.begin();
        return std::unique_ptr<FileSource>(new FileSource(
            path, StoreKind::Catalog, std::move(catalog), std::move(refs), gpkg, problem));
    }
    if (isGpkg(path))
    {
        gpkg = path;
        auto ds = openVector(path, false);
        if (!ds)
            throw IoError(path + ": cannot open as a GeoPackage.");
        if (auto embedded = readGpkgCatalog(*ds, path))
        {
            for (const ZoneLayer& zl : embedded->layers)
            {
                if (!ds->GetLayerByName(zl.name.c_str()))
                    throw IoError(path + ": the redline_catalog table lists layer '" + zl.name +
                                  "', which the GeoPackage does not hold.");
                refs[zl.name] = {path, zl.name};
            }
            return std::unique_ptr<FileSource>(new FileSource(
                path, StoreKind::GeoPackage, std::move(*embedded), std::move(refs), gpkg, {}));
        }
    }
    else
        problem = path + ": edit sessions, history and revisions need a GeoPackage store "
                         "(.gpkg) or a catalog of one.";
    for (const auto& name : listLayers(path))
    {
        const auto conventional = conventionalLayer(name);
        if (!conventional)
            continue; // other tables (audit, revisions, styles) are not zoning layers
        ZoneLayer zl;
        zl.name = name;
        zl.kind = conventional->kind;
        zl.idField = conventional->idField;
        zl.nameField = conventional->nameField;
        zl.screened = conventional->screened;
        catalog.layers.push_back(std::move(zl));
        refs[name] = {path, name};
    }
    if (catalog.layers.empty())
        throw IoError(path + ": no zoning layer with a conventional name (ecological_redline, "
                             "control_units, water_protection_zones, protected_areas, "
                             "prohibited_zones) and no catalog.");
    return std::unique_ptr<FileSource>(new FileSource(
        path, StoreKind::GeoPackage, std::move(catalog), std::move(refs), gpkg, problem));
}

const std::string& FileSource::geoPackage() const
{
    if (m_gpkg.empty())
        throw ConfigError(m_gpkgProblem);
    return m_gpkg;
}

const FileSource::LayerRef& FileSource::ref(const ZoneLayer& layer) const
{
    const auto it = m_refs.find(layer.name);
    if (it == m_refs.end())
        throw ConfigError(label() + ": no layer '" + layer.name + "' in this zoning store.");
    return it->second;
}

std::optional<int> FileSource::revision() const
{
    if (m_gpkg.empty())
        return std::nullopt;
    if (const auto fast = gpkgRevision(m_gpkg))
        return fast;
    auto ds = openOrThrow(m_gpkg);
    return edit::detail::maxRevision(*ds);
}

std::string FileSource::contentKey(std::optional<int> revision) const
{
    std::set<std::string> files{locator()};
    for (const auto& [name, r] : m_refs)
        files.insert(r.path);
    std::string key = "file";
    for (const auto& f : files)
    {
        std::error_code ec;
        const fs::path canonical = fs::weakly_canonical(f, ec);
        key += "|" + (ec ? f : canonical.string()) + ":" + fileStamp(f);
        if (isGpkg(f))
            key += ":" + fileStamp(f + "-wal");
    }
    const auto current = this->revision();
    if (current)
        key += "@" + std::to_string(revision.value_or(*current));
    return key;
}

Envelope FileSource::extent(const Crs& analysisCrs) const
{
    Envelope out;
    std::map<std::string, GDALDatasetUniquePtr> open;
    for (const ZoneLayer& zl : catalog().layers)
    {
        const LayerRef& r = ref(zl);
        auto& ds = open[r.path];
        if (!ds)
            ds = openVector(r.path, false);
        OGRLayer* layer = ds ? ds->GetLayerByName(r.sourceLayer.c_str()) : nullptr;
        OGREnvelope e;
        if (!layer || layer->GetExtent(&e, TRUE) != OGRERR_NONE)
            continue;
        const Crs stored = storedCrs(zl);
        const Envelope env{e.MinX, e.MinY, e.MaxX, e.MaxY};
        out.expandToInclude(
            stored.isValid() ? transformEnvelope(env, cachedTransform(stored, analysisCrs)) : env);
    }
    return out;
}

Layer FileSource::readLayer(const ZoneLayer& layer, const LayerReadOptions& options) const
{
    const LayerRef& r = ref(layer);
    ReadOptions ro;
    ro.layerName = r.sourceLayer;
    ro.targetCrs = options.analysisCrs;
    ro.repairInvalid = false;
    ro.idField = layer.idField;
    Layer out = redline::readLayer(r.path, ro);
    if (options.window)
        std::erase_if(out.features, [&](const Feature& f)
                      { return !f.geometry.envelope().intersects(*options.window); });
    return out;
}

Crs FileSource::storedCrs(const ZoneLayer& layer) const
{
    const LayerRef& r = ref(layer);
    auto ds = openVector(r.path, false);
    OGRLayer* l = ds ? ds->GetLayerByName(r.sourceLayer.c_str()) : nullptr;
    if (!l || !l->GetSpatialRef())
        return Crs();
    char* wkt = nullptr;
    l->GetSpatialRef()->exportToWkt(&wkt);
    const CplString owned(wkt);
    return Crs::fromWkt(wkt ? wkt : "");
}

std::vector<postgis::Column> FileSource::columns(const ZoneLayer& layer) const
{
    const LayerRef& r = ref(layer);
    auto ds = openVector(r.path, false);
    OGRLayer* l = ds ? ds->GetLayerByName(r.sourceLayer.c_str()) : nullptr;
    if (!l)
        throw IoError(r.path + ": layer '" + r.sourceLayer + "' not found.");
    std::vector<postgis::Column> out;
    const OGRFeatureDefn* defn = l->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
    {
        const OGRFieldDefn* fd = defn->GetFieldDefn(i);
        const OGRFieldType t = fd->GetType();
        out.push_back({fd->GetNameRef(), t == OFTInteger || t == OFTInteger64
                                             ? postgis::ColumnType::Integer
                                         : t == OFTReal ? postgis::ColumnType::Real
                                                        : postgis::ColumnType::Text});
    }
    return out;
}

std::string FileSource::geometryType(const ZoneLayer& layer) const
{
    const LayerRef& r = ref(layer);
    auto ds = openVector(r.path, false);
    OGRLayer* l = ds ? ds->GetLayerByName(r.sourceLayer.c_str()) : nullptr;
    switch (l ? wkbFlatten(l->GetGeomType()) : wkbUnknown)
    {
    case wkbPoint:
        return "POINT";
    case wkbLineString:
        return "LINESTRING";
    case wkbPolygon:
        return "POLYGON";
    case wkbMultiPoint:
        return "MULTIPOINT";
    case wkbMultiLineString:
        return "MULTILINESTRING";
    case wkbMultiPolygon:
        return "MULTIPOLYGON";
    default:
        return "GEOMETRY";
    }
}

std::vector<RevisionInfo> FileSource::history() const
{
    auto ds = openOrThrow(geoPackage());
    return edit::detail::readRevisionRows(*ds);
}

std::vector<AuditRow> FileSource::audit(int fromExclusive, int toInclusive) const
{
    auto ds = openOrThrow(geoPackage());
    return edit::detail::readAuditRows(*ds, fromExclusive, toInclusive);
}

std::unique_ptr<StoreTransaction> FileSource::beginTransaction(const Crs& analysisCrs)
{
    std::map<std::string, std::string> layers;
    for (const auto& [name, r] : m_refs)
        layers[name] = r.sourceLayer;
    return std::make_unique<FileTransaction>(geoPackage(), std::move(layers), analysisCrs);
}

} // namespace redline::detail
