#pragma once
// One zoning layer of a store: its kind (DESIGN A1), key fields and options, and its features
// already in the analysis CRS. Immutable once loaded; shared between threads.

#include <memory>
#include <optional>
#include <string>

#include "redline/data/Layer.hpp"

namespace redline
{

struct ZoneLayer
{
    std::string name; // layer name as users see it (e.g. "ecological_redline")
    std::string kind; // zone kind code (ecological_redline, control_units, … or a catalog kind)
    std::string idField;   // zone_id / unit_code / code
    std::string nameField; // name / source_name
    double bufferM = 100;  // proximity-warning distance in metres
    bool screened = true;  // false for context layers (county, townships, rivers, neighbours)
    std::optional<double> officialAreaKm2; // declared official total, for QA reconciliation
    std::shared_ptr<const Layer> layer;
};

// Conventional layer name -> kind, id field and name field (DESIGN A1); nullopt if not
// conventional.
struct ConventionalLayer
{
    const char* kind;
    const char* idField;
    const char* nameField;
    bool screened;
};
[[nodiscard]] std::optional<ConventionalLayer> conventionalLayer(const std::string& layerName);

} // namespace redline
