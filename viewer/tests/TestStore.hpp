#pragma once
// A tiny zoning store built in code with hand-placed squares (EPSG:4549, origin at 570000 E,
// 3120000 N, units metres), so that tests know which zone covers which pixel:
//   control_units   A [0,2000]x[0,2000] priority "优先单元A";  B [2000,4000]x[0,2000] key
//   "重点单元B" water zones     [500,1500]x[500,1500] level I "测试水库" ecological red line
//   [2500,3500]x[500,1500] water_conservation "测试红线",
//                   with a hole [2900,3100]x[900,1100]
//   county          [-500,4500]x[-500,2500] "测试县"

#include <memory>
#include <string>

#include "redline/model/ZoningStore.hpp"

namespace redline::test
{

constexpr double kX0 = 570000;
constexpr double kY0 = 3120000;

std::shared_ptr<const ZoningStore> makeTinyStore();
// The same layers as plain Layers (for writing a GeoPackage).
std::vector<Layer> tinyStoreLayers();
// One square site [x0,x1]x[y0,y1] (relative metres) with site_id and name.
Feature squareSite(const std::string& id, const std::string& name, double x0, double y0, double x1,
                   double y1);
Ring squareRing(double x0, double y0, double x1, double y1);

} // namespace redline::test
