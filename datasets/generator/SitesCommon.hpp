#pragma once
// The sites layer schema, project attribute helpers, the 18 key projects of the plan's annex,
// and the two alternative encodings of designed sites (GCJ-02 GeoJSON, 界址点 text).

#include <string>
#include <utility>
#include <vector>

#include "World.hpp"

namespace redline::datagen
{

using Attrs = std::vector<std::pair<std::string, Value>>;

void setAttr(Attrs& attrs, const std::string& key, Value v);
// Every flag stated as 0 (designed cases leave nothing unknown unless they mean to), overrides
// applied on top; zj_industrial_class NULL.
Attrs project(const std::string& type, const std::string& industryCode,
              const std::string& construction, const Attrs& overrides);
Attrs industrial(const std::string& industryCode, int zjClass, const std::string& construction,
                 const Attrs& overrides);

[[nodiscard]] std::vector<Field> siteFields();
void initSitesLayer(World& w);
// Adds a site; fills `township` from the township containing it.
void addSite(World& w, GeomPtr geometry, const Attrs& attrs);
void addPlanProjects(World& w);
// The GCJ-02 lon/lat copy of the last site added.
void addGcj02Copy(World& w, GeomPtr lonLatGcj02);
// Lines of a 界址点 file (JZD_FORMAT.md) for one parcel: CGCS2000 3° zone 40 (EPSG:4528),
// X = northing first, Y = easting with the zone prefix.
std::vector<std::string> jzdFile(const World& w, const std::string& name, const GEOSGeometry* g);

} // namespace redline::datagen
