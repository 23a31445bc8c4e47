#include "redline/io/SiteSource.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <sstream>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/geo/CrsTransform.hpp"
#include "redline/geo/Gcj02.hpp"
#include "redline/io/LegacyDatum.hpp"
#include "redline/io/SiteCad.hpp"
#include "redline/io/SiteExtentCheck.hpp"
#include "redline/io/SiteValidation.hpp"
#include "redline/io/VectorReader.hpp"
#include "redline/plugin/Registry.hpp"

#include "gdal/OgrConvert.hpp"
#include "geo/TransformCache.hpp"

namespace redline
{

namespace
{

// Far-away diagnoses try dozens of CRS readings; beyond this many sites only count them.
constexpr std::size_t kMaxDiagnosedSites = 20;

std::string lowerAlnum(const std::string& text)
{
    std::string out;
    for (char ch : text)
    {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c))
            out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

std::optional<WebDatum> webDatumOf(const std::optional<std::string>& siteCrs)
{
    if (!siteCrs)
        return std::nullopt;
    const std::string t = lowerAlnum(*siteCrs);
    if (t == "gcj02" || t == "gcj")
        return WebDatum::Gcj02;
    if (t == "bd09" || t == "bd09ll" || t == "baidu")
        return WebDatum::Bd09;
    return std::nullopt;
}

// Applies `step` to every usable site; a site the step cannot place (a CrsError) becomes
// unusable when the options keep such sites, and ends the load otherwise.
template <class Step>
void forEachPlaced(Layer& layer, const SiteSourceOptions& options, const Step& step)
{
    for (Feature& f : layer.features)
    {
        if (!f.error.empty())
            continue;
        try
        {
            step(f);
        }
        catch (const CrsError& e)
        {
            std::string why = e.what();
            if (!why.empty() && why.back() == '.')
                why.pop_back();
            const std::string msg =
                describeLocation(layer.source, layer.name, siteLabel(f)) + ": " + why + ".";
            if (!options.keepUnusableSites)
                throw CrsError(msg);
            f.error = msg;
            f.geometry = Geometry();
        }
    }
}

// Sites that cannot be used: the first one ends the load unless the options keep them; a source
// in which no site can be used is one clear error either way.
void checkUsable(const Layer& layer, const SiteSourceOptions& options)
{
    std::size_t unusable = 0;
    const Feature* first = nullptr;
    for (const Feature& f : layer.features)
        if (!f.error.empty())
        {
            ++unusable;
            first = first ? first : &f;
        }
    if (!first)
        return;
    if (layer.features.size() == 1 || !options.keepUnusableSites)
        throw GeometryError(first->error);
    if (unusable == layer.features.size())
        throw GeometryError(describeLocation(layer.source, layer.name) + ": none of the " +
                            std::to_string(unusable) +
                            " sites can be screened; the first: " + first->error);
}

// Applies the web datum, legacy datum and reprojection steps shared by files and WKT.
Layer placeSites(Layer layer, const Crs& analysisCrs, const SiteSourceOptions& options)
{
    const std::optional<WebDatum> web = webDatumOf(options.siteCrs);
    if (!layer.crs.isValid())
        throw CrsError(describeLocation(layer.source, layer.name) +
                       " has no coordinate reference system; give it with --site-crs (e.g. "
                       "EPSG:4549, EPSG:4490 or gcj02).");
    // The CRS the coordinates were given in, kept (moved, not copied) when layer.crs changes: the
    // diagnoses below re-read the coordinates as given.
    std::optional<Crs> asGiven;
    const auto replaceCrs = [&](Crs next)
    {
        if (!asGiven)
            asGiven = std::move(layer.crs);
        layer.crs = std::move(next);
    };
    const auto sourceCrs = [&]() -> const Crs& { return asGiven ? *asGiven : layer.crs; };
    std::vector<Geometry> asRead;
    if (options.zoningExtent)
        for (const Feature& f : layer.features)
            asRead.push_back(f.geometry);

    if (web)
    {
        const char* datumName = *web == WebDatum::Gcj02 ? "GCJ-02" : "BD-09";
        if (!layer.crs.isGeographic())
            throw CrsError(describeLocation(layer.source, layer.name) +
                           " is in the projected CRS " + layer.crs.label() + ", but --site-crs " +
                           *options.siteCrs + " needs longitude/latitude coordinates.");
        forEachPlaced(layer, options,
                      [&](Feature& f) { f.geometry = webDatumToWgs84(f.geometry, *web); });
        replaceCrs(Crs::fromEpsg(4490));
        layer.warnings.push_back(describeLocation(layer.source, layer.name) +
                                 ": coordinates converted from the " + datumName +
                                 " web-map datum to WGS84/CGCS2000 (EPSG:4490), as asked by "
                                 "--site-crs.");
    }

    if (options.towgs84)
    {
        // Through WGS84 itself: PROJ applies the Helmert only towards EPSG:4326 (LegacyDatum.hpp).
        const CrsTransform toWgs84(withTowgs84(layer.crs, *options.towgs84), Crs::fromEpsg(4326));
        forEachPlaced(layer, options, [&](Feature& f) { f.geometry = toWgs84.apply(f.geometry); });
        replaceCrs(Crs::fromEpsg(4490)); // = WGS84 within about a metre
    }
    else if (auto legacy = legacyDatumOf(layer.crs))
    {
        layer.warnings.push_back(
            describeLocation(layer.source, layer.name) + " is on the " + *legacy + " datum (" +
            layer.crs.label() +
            "): PROJ has no published transformation to CGCS2000, so the sites may be off by "
            "tens of metres; supply the local 7-parameter transformation with --towgs84 "
            "dx,dy,dz,rx,ry,rz,s.");
    }

    if (options.reproject && !layer.crs.isSame(analysisCrs))
    {
        // Cached per thread: setting up a PROJ operation costs tens of milliseconds, which a
        // service screening one site per request cannot pay every time.
        const CrsTransform& transform = detail::cachedTransform(layer.crs, analysisCrs);
        for (Feature& f : layer.features)
        {
            if (!f.error.empty())
                continue;
            try
            {
                f.geometry = transform.apply(f.geometry);
            }
            catch (const CrsError& e)
            {
                std::string why = e.what();
                if (!why.empty() && why.back() == '.')
                    why.pop_back();
                std::string msg = describeLocation(layer.source, layer.name, siteLabel(f)) +
                                  ": cannot transform from " + layer.crs.label() + " to " +
                                  analysisCrs.label() + " (" + why + ")";
                const std::size_t i = static_cast<std::size_t>(&f - layer.features.data());
                if (options.zoningExtent && i < asRead.size())
                    if (auto cause = likelyMisreading(asRead[i], sourceCrs(), analysisCrs,
                                                      *options.zoningExtent))
                        msg += "; likely cause: " + *cause;
                if (!options.keepUnusableSites)
                    throw CrsError(msg + ".");
                f.error = msg + ".";
                f.geometry = Geometry();
            }
        }
        replaceCrs(analysisCrs);
    }

    if (options.zoningExtent && !options.zoningExtent->isEmpty())
    {
        // The check needs the sites in the analysis CRS even when converting without reprojection.
        std::unique_ptr<CrsTransform> toAnalysis;
        if (!layer.crs.isSame(analysisCrs))
            toAnalysis = std::make_unique<CrsTransform>(layer.crs, analysisCrs);
        std::size_t farAway = 0;
        for (std::size_t i = 0; i < layer.features.size(); ++i)
        {
            const Feature& f = layer.features[i];
            if (!f.error.empty())
                continue;
            Geometry placed = f.geometry;
            try
            {
                if (toAnalysis)
                    placed = toAnalysis->apply(f.geometry);
            }
            catch (const CrsError&)
            {
                continue; // only a check: sites that cannot be placed are not diagnosed here
            }
            if (envelopeGap(placed.envelope(), *options.zoningExtent) <= kFarAwayMetres)
                continue;
            if (++farAway > kMaxDiagnosedSites)
                continue;
            if (auto w = farAwayWarning(siteLabel(f), asRead[i], sourceCrs(), placed, analysisCrs,
                                        *options.zoningExtent))
                layer.warnings.push_back(describeLocation(layer.source, layer.name) + ": " + *w +
                                         ".");
        }
        if (farAway > kMaxDiagnosedSites)
            layer.warnings.push_back(describeLocation(layer.source, layer.name) + ": " +
                                     std::to_string(farAway - kMaxDiagnosedSites) +
                                     " more sites lie more than 5 km outside the zoning extent.");
    }
    return layer;
}

} // namespace

std::optional<Crs> parseSiteCrs(const std::string& text)
{
    if (webDatumOf(text))
        return std::nullopt;
    return Crs::fromUserInput(text);
}

std::vector<double> parseTowgs84(const std::string& text)
{
    std::vector<double> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
    {
        const auto v = parseNumber(item);
        if (!v)
            throw ConfigError("--towgs84 '" + text + "': '" + item + "' is not a number.");
        values.push_back(*v);
    }
    if (values.size() != 3 && values.size() != 7)
        throw ConfigError("--towgs84 '" + text +
                          "' needs 3 or 7 comma-separated numbers (dx,dy,dz[,rx,ry,rz,s]).");
    return values;
}

Layer loadSites(const std::string& path, const Crs& analysisCrs, const SiteSourceOptions& options,
                const Registry* registry)
{
    std::optional<Crs> declared;
    if (options.siteCrs)
        declared = parseSiteCrs(*options.siteCrs);
    if (webDatumOf(options.siteCrs))
        declared = Crs::fromEpsg(4326); // lon/lat as written; converted in placeSites

    Layer layer;
    if (auto importer = registry ? registry->importerFor(path) : nullptr)
    {
        layer = importer->read(path);
        if (declared)
        {
            layer.crs = *declared; // the officer's word wins over the file's header
            // …and makes the importer's CRS guess moot.
            std::erase_if(layer.warnings, [](const std::string& w)
                          { return w.find("no CRS in the table") != std::string::npos; });
        }
    }
    else
    {
        ReadOptions read;
        const bool cad = isCadSource(path);
        // In a DXF, --site-layer names a CAD layer; GDAL's only layer is "entities".
        const bool cadLayer = cad && options.layerName && *options.layerName != "entities";
        read.layerName = cadLayer ? std::nullopt : options.layerName;
        read.assumeCrs = declared;
        read.idField = "site_id";
        read.drivers = options.drivers;
        if (cad)
            read.dxfEncoding = cadTextEncoding(path);
        read.repairInvalid = false; // validateSites repairs, for every importer alike
        read.keepUnusable = true;   // checkUsable decides whether one bad site ends the load
        layer = readLayer(path, read);
        if (cad)
            layer = sitesFromCad(std::move(layer), cadLayer ? options.layerName : std::nullopt);
    }
    if (layer.features.empty())
        throw IoError(describeLocation(path, layer.name) + " holds no sites.");
    validateSites(layer);
    checkUsable(layer, options);
    layer = placeSites(std::move(layer), analysisCrs, options);
    checkUsable(layer, options);
    return layer;
}

Layer siteFromWkt(const std::string& wkt, const Crs& analysisCrs, const SiteSourceOptions& options)
{
    Layer layer;
    layer.source = "--site-wkt";
    layer.name = "wkt";
    layer.crs = analysisCrs;
    if (options.siteCrs)
    {
        if (webDatumOf(options.siteCrs))
            layer.crs = Crs::fromEpsg(4326);
        else
            layer.crs = *parseSiteCrs(*options.siteCrs);
    }
    Feature f;
    f.fid = 1;
    f.geometry = detail::fromWkt(wkt);
    f.attributes.set("site_id", std::string("wkt"));
    layer.fieldNames = {"site_id"};
    layer.features.push_back(std::move(f));
    validateSites(layer);
    checkUsable(layer, options);
    return placeSites(std::move(layer), analysisCrs, options);
}

} // namespace redline
