#pragma once
// Writes the demo dataset files (zoning.gpkg, sites.gpkg, sites_gcj02.geojson, sites_jzd.txt,
// catalog.yaml, figures.txt) and prints the calibration figures.

#include <ostream>
#include <string>

#include "World.hpp"

namespace redline::datagen
{

void writeDataset(const World& w, const std::string& outDir);
void printFigures(const World& w, std::ostream& os);

} // namespace redline::datagen
