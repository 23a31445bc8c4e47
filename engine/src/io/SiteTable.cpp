#include "redline/io/SiteTable.hpp"

#include <filesystem>

#include <cpl_conv.h>

#include "gdal/GdalErrorScope.hpp"
#include "gdal/GdalHandles.hpp"
#include "gdal/OgrConvert.hpp"
#include "redline/core/Error.hpp"

namespace redline
{

SiteTable readSiteTable(const std::string& path, const std::optional<std::string>& sheet)
{
    if (!std::filesystem::exists(path))
        throw IoError(path + ": file not found.");
    // Spreadsheets: the first row is the header even when every cell is text. CSV: no WKT/XY
    // geometry detection, the importer does that.
    // XLSX/ODS in GDAL 3.6 take the header choice only as a config option: set it for this
    // thread only, for the duration of the call.
    detail::GdalErrorScope gdal(path);
    CPLConfigOptionSetter xlsxHeaders("OGR_XLSX_HEADERS", "FORCE", false);
    CPLConfigOptionSetter odsHeaders("OGR_ODS_HEADERS", "FORCE", false);
    CPLStringList openOptions;
    openOptions.SetNameValue("AUTODETECT_TYPE", "NO"); // CSV: keep cells as written
    auto ds = detail::openVector(path, false, openOptions.List());
    if (!ds)
        throw IoError(path + ": cannot open as a table (CSV, XLSX or ODS)" + gdal.failureReason() +
                      ".");
    OGRLayer* layer = sheet ? ds->GetLayerByName(sheet->c_str())
                            : (ds->GetLayerCount() > 0 ? ds->GetLayer(0) : nullptr);
    if (!layer)
        throw IoError(path + (sheet ? ": sheet '" + *sheet + "' not found." : ": no sheet."));
    SiteTable table;
    table.source = path;
    table.name = layer->GetName();
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        table.fieldNames.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    for (auto& f : *layer)
    {
        Attributes row;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
        {
            const auto& name = table.fieldNames[static_cast<std::size_t>(i)];
            if (!f->IsFieldSetAndNotNull(i))
                row.set(name, std::monostate{});
            else if (defn->GetFieldDefn(i)->GetType() == OFTReal)
                row.set(name, f->GetFieldAsDouble(i));
            else if (defn->GetFieldDefn(i)->GetType() == OFTInteger ||
                     defn->GetFieldDefn(i)->GetType() == OFTInteger64)
                row.set(name, static_cast<std::int64_t>(f->GetFieldAsInteger64(i)));
            else
                row.set(name, std::string(f->GetFieldAsString(i)));
        }
        table.rows.push_back(std::move(row));
    }
    table.warnings = gdal.warnings();
    return table;
}

Geometry geometryFromWkt(const std::string& wkt)
{
    return detail::fromWkt(wkt);
}

} // namespace redline
