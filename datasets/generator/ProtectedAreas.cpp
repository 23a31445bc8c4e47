// Protected areas (自然保护地): the 楠溪江 national scenic area (core / general), three forest
// parks and the 楠溪江 wetland park, placed at the real anchors. The scenic area's corridor width
// is calibrated so that the union of all protected areas is 670.76 km² on the CGCS2000
// ellipsoid (county plan); 龙湾潭 is calibrated to its published 15.62 km².
#include <ogr_core.h>

#include "ZoneShapes.hpp"

namespace redline::datagen
{

void buildProtectedAreas(World& w)
{
    const XyRing& nanxi = w.river("R01").line;
    const Xy shiweiyan = w.place("楠溪江风景名胜区-石桅岩景区");
    const Xy daruoyan = w.place("楠溪江风景名胜区-大若岩景区");

    GeomPtr shiweiyanBlob = blob(shiweiyan, 1000.0, 0.25, w.rng);
    GeomPtr daruoyanBlob = blob(daruoyan, 1000.0, 0.25, w.rng);
    {
        GeomPtr reach = corridor(nanxi, nanxiChainage(w, 3), nanxiChainage(w, 7), 700.0);
        GeomPtr blobs =
            unite(scaled(shiweiyanBlob.get(), shiweiyan, 1.2).get(), daruoyanBlob.get());
        w.scenicCore = organicInCounty(w, unite(reach.get(), blobs.get()).get());
    }
    auto scenicExtent = [&](double width)
    {
        GeomPtr reach = corridor(nanxi, 0.0, nanxiChainage(w, 8), width);
        GeomPtr a = scaled(shiweiyanBlob.get(), shiweiyan, 0.6 * width / 1000.0);
        GeomPtr b = scaled(daruoyanBlob.get(), daruoyan, 0.6 * width / 1000.0);
        GeomPtr all = unite(unite(reach.get(), a.get()).get(), b.get());
        GeomPtr organic = organicInCounty(w, all.get());
        return cleanPolygonal(unite(organic.get(), w.scenicCore.get()).get());
    };

    // 龙湾潭: the real park is in 鹤盛镇 (季家岙), east Yongjia, ~21 km by road from 石桅岩; its
    // exact site was not found, so it sits in the east of 鹤盛镇, clear of 石桅岩.
    const Xy longwantanCentre = w.lonLat(120.905, 28.352);
    GeomPtr longwantanBase = blob(longwantanCentre, 2000.0, 0.3, w.rng);
    GeomPtr longwantan;
    const double lwtFactor = bisect(
        [&](double f)
        {
            longwantan =
                organicInCounty(w, scaled(longwantanBase.get(), longwantanCentre, f).get());
            return w.ellipsoidalKm2(longwantan.get());
        },
        0.5, 2.0, 15.62, 0.0005, "龙湾潭 forest park");
    longwantan =
        organicInCounty(w, scaled(longwantanBase.get(), longwantanCentre, lwtFactor).get());
    w.figures.longwantanEllipsoidalKm2 = w.ellipsoidalKm2(longwantan.get());

    const Xy sihaishanCentre = w.place("四海山森林公园");
    GeomPtr sihaishan = organicInCounty(w, blob(sihaishanCentre, 3600.0, 0.3, w.rng).get());
    const Xy wuxingtanCentre = w.place("五星潭省级森林公园");
    GeomPtr wuxingtan = organicInCounty(w, blob(wuxingtanCentre, 1700.0, 0.3, w.rng).get());
    GeomPtr wetland =
        organicInCounty(w, corridor(nanxi, nanxiChainage(w, 8), nanxiChainage(w, 13), 450.0).get());

    GeomPtr others = unionAll({longwantan.get(), sihaishan.get(), wuxingtan.get(), wetland.get()});
    GeomPtr extent;
    const double width = bisect(
        [&](double wd)
        {
            extent = scenicExtent(wd);
            GeomPtr all = unite(extent.get(), others.get());
            return w.ellipsoidalKm2(all.get());
        },
        1500.0, 12000.0, 670.76, 0.0005, "protected-area union");
    extent = scenicExtent(width);
    w.scenicExtent = clone(extent.get());
    w.protectedUnion = unite(extent.get(), others.get());
    w.figures.protectedEllipsoidalKm2 = w.ellipsoidalKm2(w.protectedUnion.get());
    w.figures.protectedPlanarKm2 = area(w.protectedUnion.get()) / 1e6;
    GeomPtr general = cleanPolygonal(difference(extent.get(), w.scenicCore.get()).get());

    OutLayer& l = w.protectedAreas;
    l.name = "protected_areas";
    l.geometryType = wkbMultiPolygon;
    l.fields = {{"zone_id", FieldType::Text},  {"name", FieldType::Text},
                {"category", FieldType::Text}, {"zoning", FieldType::Text},
                {"level", FieldType::Text},    {"official_area_km2", FieldType::Real},
                {"origin", FieldType::Text}};
    const std::string synthetic = "synthetic boundary around real anchor points";
    l.add(asMulti(clone(w.scenicCore.get())),
          {{"zone_id", std::string("PA-NXJ-C")},
           {"name", std::string("楠溪江风景名胜区（核心景区）")},
           {"category", std::string("scenic_area")},
           {"zoning", std::string("core")},
           {"level", std::string("national")},
           {"origin", synthetic}});
    l.add(asMulti(std::move(general)), {{"zone_id", std::string("PA-NXJ-G")},
                                        {"name", std::string("楠溪江风景名胜区")},
                                        {"category", std::string("scenic_area")},
                                        {"zoning", std::string("general")},
                                        {"level", std::string("national")},
                                        {"official_area_km2", 671.0},
                                        {"origin", synthetic}});
    l.add(asMulti(std::move(longwantan)), {{"zone_id", std::string("PA-LWT")},
                                           {"name", std::string("龙湾潭国家森林公园")},
                                           {"category", std::string("forest_park")},
                                           {"zoning", std::string("general")},
                                           {"level", std::string("national")},
                                           {"official_area_km2", 15.62},
                                           {"origin", synthetic}});
    l.add(asMulti(std::move(sihaishan)), {{"zone_id", std::string("PA-SHS")},
                                          {"name", std::string("四海山森林公园")},
                                          {"category", std::string("forest_park")},
                                          {"zoning", std::string("general")},
                                          {"level", std::string("provincial")},
                                          {"origin", synthetic}});
    l.add(asMulti(std::move(wuxingtan)), {{"zone_id", std::string("PA-WXT")},
                                          {"name", std::string("永嘉五星潭省级森林公园")},
                                          {"category", std::string("forest_park")},
                                          {"zoning", std::string("general")},
                                          {"level", std::string("provincial")},
                                          {"origin", synthetic}});
    l.add(asMulti(std::move(wetland)), {{"zone_id", std::string("PA-NXSD")},
                                        {"name", std::string("楠溪江省级湿地公园")},
                                        {"category", std::string("wetland_park")},
                                        {"zoning", std::string("general")},
                                        {"level", std::string("provincial")},
                                        {"origin", synthetic}});
}

} // namespace redline::datagen
