// Rivers: the 楠溪江 main stem and the 瓯江 reach from the real anchor points (smoothed), plus
// short synthetic tributaries that the water sources and river works need.
#include <ogr_core.h>

#include "World.hpp"

namespace redline::datagen
{
namespace
{

XyRing fromPlaces(const World& w, const std::string& prefix, int count)
{
    XyRing pts;
    for (int i = 1; i <= count; ++i)
    {
        pts.push_back(w.place(prefix + std::to_string(i)));
    }
    return pts;
}

XyRing fromLonLat(const World& w, std::initializer_list<Xy> lonLat)
{
    XyRing pts;
    for (const Xy& p : lonLat)
    {
        pts.push_back(w.lonLat(p.x, p.y));
    }
    return pts;
}

} // namespace

void buildRivers(World& w)
{
    // Points are 1–5 km apart; three rounds of corner cutting give a plausible channel.
    w.rivers.push_back({"R01", "楠溪江", "real points (yongjia_places.csv), smoothed",
                        smoothLine(fromPlaces(w, "楠溪江#", 15), 4)});
    w.rivers.push_back({"R02", "瓯江", "real points (county boundary in the channel), smoothed",
                        smoothLine(fromPlaces(w, "瓯江#", 10), 3)});
    // Synthetic courses between real settlements (carried by the descriptions in
    // yongjia_places.md): 小楠溪 from 碧莲 past 大若岩 to the main stem south of 渠口.
    w.rivers.push_back({"R03", "小楠溪", "synthetic course through real settlements",
                        smoothLine(fromLonLat(w, {{120.520, 28.345},
                                                  {120.5720, 28.3030},
                                                  {120.6156, 28.2799},
                                                  {120.660, 28.268},
                                                  {120.705, 28.262},
                                                  {120.740, 28.258},
                                                  {120.7600, 28.2560}}),
                                   4)});
    w.rivers.push_back({"R04", "鹤盛溪", "synthetic course",
                        smoothLine(fromLonLat(w, {{120.872, 28.392},
                                                  {120.8387, 28.3720},
                                                  {120.810, 28.358},
                                                  {120.785, 28.350},
                                                  {120.7610, 28.3460}}),
                                   4)});
    w.rivers.push_back(
        {"R05", "枫林溪（八月辰光）", "synthetic course",
         smoothLine(
             fromLonLat(
                 w, {{120.800, 28.296}, {120.785, 28.305}, {120.770, 28.318}, {120.7605, 28.3300}}),
             4)});
    w.rivers.push_back(
        {"R06", "蛙蟆垅溪", "synthetic course",
         smoothLine(
             fromLonLat(
                 w, {{120.770, 28.478}, {120.752, 28.466}, {120.737, 28.457}, {120.7250, 28.4515}}),
             4)});

    w.riversLayer.name = "rivers";
    w.riversLayer.geometryType = wkbLineString;
    w.riversLayer.fields = {{"river_id", FieldType::Text},
                            {"name", FieldType::Text},
                            {"length_km", FieldType::Real},
                            {"origin", FieldType::Text}};
    for (const River& r : w.rivers)
    {
        w.riversLayer.add(makeLine(r.line), {{"river_id", r.id},
                                             {"name", r.name},
                                             {"length_km", lineLength(r.line) / 1000.0},
                                             {"origin", r.origin}});
    }
}

} // namespace redline::datagen
