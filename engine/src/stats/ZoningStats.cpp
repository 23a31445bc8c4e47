#include "redline/stats/ZoningStats.hpp"

#include <map>

#include "redline/geo/EllipsoidalArea.hpp"

#include "geos/GeosConvert.hpp"
#include "geos/GeosOps.hpp"

namespace redline
{

using detail::GeosContext;
using detail::GeosGeomPtr;

std::string classFieldOf(const std::string& kind)
{
    static const std::map<std::string, std::string> kFields = {
        {"ecological_redline", "redline_type"}, {"control_units", "unit_type"},
        {"water_protection_zones", "level"},    {"protected_areas", "category"},
        {"prohibited_zones", "prohibition"},
    };
    const auto it = kFields.find(kind);
    return it == kFields.end() ? std::string() : it->second;
}

namespace
{

struct Township
{
    std::string code;
    std::string name;
    GeosGeomPtr geom;
    Envelope envelope;
};

struct ClassGroup
{
    std::vector<const Feature*> features;
    GeosGeomPtr dissolved;
};

GeosGeomPtr dissolveFeatures(GeosContext& h, const std::vector<const Feature*>& fs)
{
    std::vector<GeosGeomPtr> owned;
    std::vector<const GEOSGeometry*> raw;
    for (const Feature* f : fs)
    {
        if (f->geometry.dimension() != Dimension::Area || f->geometry.isEmpty())
            continue;
        GeosGeomPtr g = detail::toGeos(h, f->geometry, detail::OpenRings::Close);
        // Stored geometries may be invalid (QA reports them); statistics use the repaired shape.
        if (GEOSisValid_r(h.handle(), g.get()) != 1)
            g = detail::polygonalPart(
                h, detail::own(h, GEOSMakeValid_r(h.handle(), g.get()), "make-valid").get());
        raw.push_back(g.get());
        owned.push_back(std::move(g));
    }
    return detail::polygonalPart(h, detail::unionAll(h, raw).get());
}

} // namespace

std::vector<AreaRow> computeZoningStats(const std::vector<ZoneLayer>& layers,
                                        const Crs& analysisCrs, const StatsOptions& options)
{
    GeosContext h;
    EllipsoidalMeasure measure(analysisCrs);
    std::vector<Township> townships;
    if (options.byTownship)
    {
        for (const ZoneLayer& zl : layers)
        {
            if (zl.kind != "townships" || !zl.layer)
                continue;
            for (const Feature& f : zl.layer->features)
            {
                Township t;
                t.code = f.attributes.text(zl.idField.empty() ? "code" : zl.idField).value_or("");
                t.name =
                    f.attributes.text(zl.nameField.empty() ? "name" : zl.nameField).value_or("");
                t.geom = dissolveFeatures(h, {&f});
                t.envelope = f.geometry.envelope();
                townships.push_back(std::move(t));
            }
        }
    }
    std::vector<AreaRow> rows;
    for (const ZoneLayer& zl : layers)
    {
        if (!zl.layer)
            continue;
        const std::string field = classFieldOf(zl.kind);
        std::map<std::string, ClassGroup> groups; // "*" = whole layer
        for (const Feature& f : zl.layer->features)
        {
            if (f.geometry.dimension() != Dimension::Area)
                continue;
            groups["*"].features.push_back(&f);
            if (!field.empty())
                groups[f.attributes.text(field).value_or("")].features.push_back(&f);
        }
        if (groups.empty())
            continue; // lines or points only (rivers)
        for (auto& [cls, group] : groups)
        {
            group.dissolved = dissolveFeatures(h, group.features);
            AreaRow row;
            row.layer = zl.name;
            row.kind = zl.kind;
            row.classField = field;
            row.className = cls;
            row.townshipCode = "*";
            row.featureCount = group.features.size();
            row.areaM2 = detail::area(h, group.dissolved.get());
            row.ellipsoidalM2 = measure.area(detail::polygonalFromGeos(h, group.dissolved.get()));
            rows.push_back(row);
            if (zl.kind == "townships" || zl.kind == "county")
                continue;
            for (const Township& t : townships)
            {
                AreaRow tr = row;
                tr.townshipCode = t.code;
                tr.townshipName = t.name;
                tr.featureCount = 0;
                for (const Feature* f : group.features)
                    tr.featureCount += f->geometry.envelope().intersects(t.envelope) ? 1 : 0;
                GeosGeomPtr part = detail::polygonalPart(
                    h, detail::intersection(h, group.dissolved.get(), t.geom.get()).get());
                tr.areaM2 = detail::area(h, part.get());
                tr.ellipsoidalM2 = measure.area(detail::polygonalFromGeos(h, part.get()));
                if (tr.areaM2 > 0)
                    rows.push_back(tr);
            }
        }
    }
    return rows;
}

} // namespace redline
