#include <cmath>

#include <nlohmann/json.hpp>

#include "redline/core/Numbers.hpp"
#include "redline/edit/StoreDiff.hpp"

namespace redline
{

namespace
{

const char* kindName(FeatureDiff::Kind k)
{
    switch (k)
    {
    case FeatureDiff::Kind::Added:
        return "added";
    case FeatureDiff::Kind::Removed:
        return "removed";
    case FeatureDiff::Kind::Changed:
        return "changed";
    }
    return "changed";
}

std::string joined(const std::vector<std::string>& v)
{
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

} // namespace

void writeDiffText(const StoreDiff& diff, std::ostream& out)
{
    out << "diff " << diff.from << " -> " << diff.to << " (" << diff.analysisCrs << ")\n";
    std::size_t unchanged = 0;
    for (const LayerDiff& l : diff.layers)
    {
        bool areaMoved = false;
        for (const auto& a : l.areas)
            areaMoved = areaMoved || std::abs(a.afterM2 - a.beforeM2) > 0.005;
        if (l.empty() && !areaMoved)
        {
            ++unchanged;
            continue;
        }
        out << l.layer << " [" << l.kind << "]: " << l.added << " added, " << l.removed
            << " removed, " << l.changed << " changed\n";
        for (const auto& a : l.areas)
        {
            const std::string label =
                a.className == "*" ? "total" : a.classField + "=" + a.className;
            out << "  " << label << ": " << formatFixed(a.beforeM2 / 1e6, 3) << " -> "
                << formatFixed(a.afterM2 / 1e6, 3) << " km² ("
                << formatSigned((a.afterM2 - a.beforeM2) / 1e6, 6) << " km², "
                << formatSigned(a.afterM2 - a.beforeM2, 2) << " m²); ellipsoidal "
                << formatFixed(a.ellipsoidalBeforeM2 / 1e6, 3) << " -> "
                << formatFixed(a.ellipsoidalAfterM2 / 1e6, 3) << " km²";
            if (a.className == "*" && l.officialAreaKm2)
                out << "; official " << formatFixed(*l.officialAreaKm2, 2) << " km²";
            out << "\n";
        }
        for (const auto& f : l.features)
        {
            const char mark = f.kind == FeatureDiff::Kind::Added     ? '+'
                              : f.kind == FeatureDiff::Kind::Removed ? '-'
                                                                     : '~';
            out << "  " << mark << " fid " << f.fid;
            if (!f.id.empty())
                out << " '" << f.id << "'";
            if (f.kind == FeatureDiff::Kind::Changed)
            {
                std::vector<std::string> what;
                if (f.geometryChanged)
                    what.push_back("geometry");
                for (const auto& a : f.attributesChanged)
                    what.push_back(a);
                out << " [" << joined(what) << "]";
            }
            out << " " << formatFixed(f.areaBeforeM2, 2) << " -> " << formatFixed(f.areaAfterM2, 2)
                << " m²\n";
        }
    }
    out << unchanged << " layer(s) unchanged\n";
}

void writeDiffJson(const StoreDiff& diff, std::ostream& out)
{
    nlohmann::ordered_json j;
    j["from"] = diff.from;
    j["to"] = diff.to;
    j["analysis_crs"] = diff.analysisCrs;
    j["layers"] = nlohmann::ordered_json::array();
    for (const LayerDiff& l : diff.layers)
    {
        nlohmann::ordered_json lj;
        lj["layer"] = l.layer;
        lj["kind"] = l.kind;
        lj["added"] = l.added;
        lj["removed"] = l.removed;
        lj["changed"] = l.changed;
        lj["official_area_km2"] =
            l.officialAreaKm2 ? nlohmann::ordered_json(*l.officialAreaKm2) : nullptr;
        lj["areas"] = nlohmann::ordered_json::array();
        for (const auto& a : l.areas)
            lj["areas"].push_back({{"class_field", a.classField},
                                   {"class", a.className},
                                   {"before_km2", a.beforeM2 / 1e6},
                                   {"after_km2", a.afterM2 / 1e6},
                                   {"change_m2", a.afterM2 - a.beforeM2},
                                   {"ellipsoidal_before_km2", a.ellipsoidalBeforeM2 / 1e6},
                                   {"ellipsoidal_after_km2", a.ellipsoidalAfterM2 / 1e6}});
        lj["features"] = nlohmann::ordered_json::array();
        for (const auto& f : l.features)
            lj["features"].push_back({{"change", kindName(f.kind)},
                                      {"fid", f.fid},
                                      {"id", f.id},
                                      {"geometry_changed", f.geometryChanged},
                                      {"attributes_changed", f.attributesChanged},
                                      {"area_before_m2", f.areaBeforeM2},
                                      {"area_after_m2", f.areaAfterM2}});
        j["layers"].push_back(lj);
    }
    out << j.dump(2) << '\n';
}

} // namespace redline
