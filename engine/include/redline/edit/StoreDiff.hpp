#pragma once
// Differences between two versions of a zoning store (issue 6, item 4): features added, removed
// and changed per layer (matched by fid), and the area change per layer and class. Versions are
// two revisions of one GeoPackage (rebuilt from the audit rows) or two stores (e.g. a copy and
// its edited original). Areas as in ZoningStats (dissolved, planar in the analysis CRS, plus
// ellipsoidal).

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "redline/geo/Crs.hpp"
#include "redline/model/ZoneLayer.hpp"

namespace redline
{

struct FeatureDiff
{
    enum class Kind
    {
        Added,
        Removed,
        Changed
    };
    Kind kind = Kind::Changed;
    std::int64_t fid = 0;
    std::string id; // id-field value (after, or before when removed)
    bool geometryChanged = false;
    std::vector<std::string> attributesChanged;
    double areaBeforeM2 = 0;
    double areaAfterM2 = 0;
};

struct ClassAreaChange
{
    std::string classField;
    std::string className; // "*" = whole layer (dissolved)
    double beforeM2 = 0;
    double afterM2 = 0;
    double ellipsoidalBeforeM2 = 0;
    double ellipsoidalAfterM2 = 0;
};

struct LayerDiff
{
    std::string layer;
    std::string kind;
    int added = 0;
    int removed = 0;
    int changed = 0;
    std::optional<double> officialAreaKm2;
    std::vector<ClassAreaChange> areas; // "*" first, then each class present before or after
    std::vector<FeatureDiff> features;

    [[nodiscard]] bool empty() const { return added + removed + changed == 0; }
};

struct StoreDiff
{
    std::string from; // label ("zoning.gpkg@rev 1" or a path)
    std::string to;
    std::string analysisCrs;
    std::vector<LayerDiff> layers; // every layer present in either version
};

// Layers of one store at a revision (0 = before any committed session), in the analysis CRS.
[[nodiscard]] std::vector<ZoneLayer> layersAtRevision(const std::string& storePath, int revision,
                                                      Crs& analysisCrs);
[[nodiscard]] StoreDiff diffRevisions(const std::string& storePath, int fromRevision,
                                      int toRevision);
[[nodiscard]] StoreDiff diffStores(const std::string& fromStore, const std::string& toStore);
[[nodiscard]] StoreDiff diffLayers(const std::vector<ZoneLayer>& from,
                                   const std::vector<ZoneLayer>& to, const Crs& analysisCrs);

void writeDiffText(const StoreDiff& diff, std::ostream& out);
void writeDiffJson(const StoreDiff& diff, std::ostream& out);

} // namespace redline
