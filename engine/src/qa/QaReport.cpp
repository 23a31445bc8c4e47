#include "redline/qa/QaReport.hpp"

#include <nlohmann/json.hpp>

#include "redline/core/Numbers.hpp"

namespace redline
{

const char* toString(QaSeverity s)
{
    return s == QaSeverity::Error ? "error" : "warning";
}

std::size_t QaReport::errorCount() const
{
    std::size_t n = 0;
    for (const auto& f : findings)
        n += f.severity == QaSeverity::Error ? 1 : 0;
    return n;
}

std::size_t QaReport::warningCount() const
{
    return findings.size() - errorCount();
}

namespace
{

constexpr double kM2PerMu = 10000.0 / 15.0;

std::string fixed(double v, int decimals)
{
    return formatFixed(v, decimals);
}

} // namespace

void writeQaText(const QaReport& report, std::ostream& out)
{
    out << "Zoning QA of " << report.store << " (" << report.analysisCrs << ", tolerance "
        << fixed(report.toleranceM2, 2) << " m²)\n";
    for (const auto& l : report.layers)
    {
        out << "  " << l.layer << " [" << l.kind << "]: " << l.featureCount << " features, "
            << fixed(l.areaKm2, 3) << " km² planar, " << fixed(l.ellipsoidalAreaKm2, 3)
            << " km² ellipsoidal";
        if (l.officialAreaKm2)
            out << ", official " << fixed(*l.officialAreaKm2, 2) << " km²";
        out << "\n";
    }
    for (const auto& f : report.findings)
    {
        out << toString(f.severity) << " [" << f.check << "] " << f.message;
        if (f.location)
        {
            out << " — at x=" << fixed(f.location->x, 2) << " y=" << fixed(f.location->y, 2);
            if (f.locationLonLat)
                out << " (lon " << fixed(f.locationLonLat->x, 6) << ", lat "
                    << fixed(f.locationLonLat->y, 6) << ")";
        }
        if (f.areaM2 != 0 && f.check != "official_area")
            out << ", area " << fixed(f.areaM2, 2) << " m² (" << fixed(f.areaM2 / kM2PerMu, 2)
                << " 亩)";
        out << "\n";
    }
    out << report.errorCount() << " error(s), " << report.warningCount() << " warning(s)\n";
}

void writeQaJson(const QaReport& report, std::ostream& out)
{
    nlohmann::ordered_json j;
    j["store"] = report.store;
    j["analysis_crs"] = report.analysisCrs;
    j["tolerance_m2"] = report.toleranceM2;
    j["errors"] = report.errorCount();
    j["warnings"] = report.warningCount();
    j["layers"] = nlohmann::ordered_json::array();
    for (const auto& l : report.layers)
    {
        nlohmann::ordered_json lj;
        lj["layer"] = l.layer;
        lj["kind"] = l.kind;
        lj["features"] = l.featureCount;
        lj["area_km2"] = l.areaKm2;
        lj["ellipsoidal_area_km2"] = l.ellipsoidalAreaKm2;
        lj["official_area_km2"] =
            l.officialAreaKm2 ? nlohmann::ordered_json(*l.officialAreaKm2) : nullptr;
        j["layers"].push_back(lj);
    }
    j["findings"] = nlohmann::ordered_json::array();
    for (const auto& f : report.findings)
    {
        nlohmann::ordered_json fj;
        fj["severity"] = toString(f.severity);
        fj["check"] = f.check;
        fj["layer"] = f.layer;
        fj["feature_id"] = f.featureId;
        fj["fid"] = f.fid;
        if (!f.otherLayer.empty())
        {
            fj["other_layer"] = f.otherLayer;
            fj["other_feature_id"] = f.otherFeatureId;
            fj["other_fid"] = f.otherFid;
        }
        fj["message"] = f.message;
        if (f.location)
            fj["location"] = {{"x", f.location->x}, {"y", f.location->y}};
        else
            fj["location"] = nullptr;
        if (f.locationLonLat)
            fj["location_lonlat"] = {{"lon", f.locationLonLat->x}, {"lat", f.locationLonLat->y}};
        fj["area_m2"] = f.areaM2;
        fj["area_mu"] = f.areaM2 / kM2PerMu;
        if (!f.township.empty())
            fj["township"] = f.township;
        j["findings"].push_back(fj);
    }
    out << j.dump(2) << "\n";
}

} // namespace redline
