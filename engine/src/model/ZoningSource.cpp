#include "redline/model/ZoningSource.hpp"

#include "redline/core/Error.hpp"
#include "redline/pg/ConnectionString.hpp"

#include "model/FileSource.hpp"
#include "model/PostgisSource.hpp"

namespace redline
{

namespace
{
constexpr const char* kDefaultAnalysisCrs = "EPSG:4549";
} // namespace

ZoningSource::ZoningSource(std::string locator, std::string label, StoreCatalog catalog)
    : m_locator(std::move(locator)), m_label(std::move(label)), m_catalog(std::move(catalog))
{
}

ZoningSource::~ZoningSource() = default;

bool ZoningSource::isPostgis(const std::string& locator)
{
    return pg::ConnectionString::looksLike(locator);
}

std::unique_ptr<ZoningSource> ZoningSource::open(const std::string& locator)
{
    if (isPostgis(locator))
        return detail::PostgisSource::open(locator);
    return detail::FileSource::open(locator);
}

const ZoneLayer& ZoningSource::layerInfo(const std::string& layer) const
{
    for (const ZoneLayer& zl : m_catalog.layers)
        if (zl.name == layer)
            return zl;
    throw ConfigError(m_label + ": no layer '" + layer + "' in this zoning store.");
}

Crs ZoningSource::analysisCrs(const Crs& requested) const
{
    Crs crs = requested.isValid()     ? requested
              : m_catalog.analysisCrs ? *m_catalog.analysisCrs
                                      : Crs::fromUserInput(kDefaultAnalysisCrs);
    if (crs.isGeographic())
        throw CrsError(m_label + ": the analysis CRS " + crs.label() +
                       " is geographic; areas and distances need a projected CRS in metres.");
    return crs;
}

} // namespace redline
