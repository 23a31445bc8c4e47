#pragma once
// A layer read from a vector source: immutable after import, share as shared_ptr<const Layer>.

#include <string>
#include <vector>

#include "redline/data/Feature.hpp"
#include "redline/geo/Crs.hpp"

namespace redline
{

struct Layer
{
    std::string source;     // path of the data source
    std::string name;       // layer name within it
    Crs crs;                // CRS of every geometry in `features`
    std::vector<std::string> fieldNames;
    std::vector<Feature> features;
    std::vector<std::string> warnings; // non-fatal problems found while reading (repairs, Z drop…)
};

} // namespace redline
