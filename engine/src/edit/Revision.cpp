#include "redline/edit/Revision.hpp"

#include "redline/core/Error.hpp"
#include "redline/model/ZoningSource.hpp"

#include "model/FileSource.hpp"

namespace redline
{

std::string storeGeoPackage(const std::string& storePath)
{
    if (ZoningSource::isPostgis(storePath))
        throw ConfigError(ZoningSource::open(storePath)->label() +
                          ": a PostGIS store is not a GeoPackage.");
    return detail::FileSource::open(storePath)->geoPackage();
}

int currentRevision(const std::string& storePath)
{
    const auto source = ZoningSource::open(storePath);
    const auto revision = source->revision();
    if (!revision)
        throw ConfigError(source->label() + ": this store keeps no revisions (edit sessions, "
                                            "history and revisions need a GeoPackage store, a "
                                            "catalog of one, or a PostGIS store).");
    return *revision;
}

std::vector<RevisionInfo> readHistory(const std::string& storePath)
{
    return ZoningSource::open(storePath)->history();
}

std::vector<AuditRow> readAudit(const std::string& storePath, int fromExclusive, int toInclusive)
{
    return ZoningSource::open(storePath)->audit(fromExclusive, toInclusive);
}

} // namespace redline
