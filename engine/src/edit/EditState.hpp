#pragma once
// Internal state of an EditSession: the working copy of every layer, the base it started from and
// the undo/redo stacks. Shared by the operation, commit and rebase translation units.

#include <compare>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "redline/edit/EditSession.hpp"
#include "redline/model/ZoningSource.hpp"

namespace redline
{

namespace edit::detail
{

struct FeatureKey
{
    std::string layer;
    std::int64_t fid = 0;
    auto operator<=>(const FeatureKey&) const = default;
};

struct WorkingLayer
{
    ZoneLayer info; // metadata; info.layer is the base snapshot as loaded
    std::map<std::int64_t, Feature> features;
};

enum class OpType
{
    Add,
    SetGeometry,
    SetAttributes,
    SetAttribute,
    Delete,
    Split,
    Merge
};

// An operation as the user asked for it, so it can be re-applied after a rebase.
struct EditOp
{
    OpType type = OpType::Add;
    std::string layer;
    std::vector<std::int64_t> fids;
    Geometry geometry;
    Attributes attributes;
    std::string name;
    AttributeValue value;
};

struct OpRecord
{
    EditOp op;
    std::vector<std::pair<FeatureKey, std::optional<Feature>>> before;
    std::vector<std::pair<FeatureKey, std::optional<Feature>>> after;
    std::int64_t nextTempFidBefore = -1;
};

[[nodiscard]] bool sameFeature(const Feature& a, const Feature& b);
// Reads the store's newest layers as stored (no repair) in its analysis CRS; `order` gets the
// layer order.
[[nodiscard]] std::map<std::string, WorkingLayer>
loadWorkingLayers(ZoningSource& source, Crs& crs, std::vector<std::string>& order);
// Zone layers (for the QA) built from working layers.
[[nodiscard]] std::vector<ZoneLayer> toZoneLayers(const std::map<std::string, WorkingLayer>& ls,
                                                  const std::vector<std::string>& order);

} // namespace edit::detail

struct EditSession::Impl
{
    std::string storePath; // locator as given (may hold a password)
    std::string label;     // locator without password, for messages
    std::string gpkgPath;  // "" for a PostGIS store
    std::string user;
    Crs crs;
    int baseRevision = 0;
    std::vector<std::string> order; // layer order of the store
    std::map<std::string, edit::detail::WorkingLayer> base;
    std::map<std::string, edit::detail::WorkingLayer> work;
    std::vector<edit::detail::OpRecord> done;
    std::vector<edit::detail::OpRecord> undone;
    std::int64_t nextTempFid = -1;

    edit::detail::WorkingLayer& layer(const std::string& name);
    Feature& existing(const std::string& layer, std::int64_t fid);
    // Applies an operation to the working copy and returns its undo record.
    edit::detail::OpRecord apply(const edit::detail::EditOp& op);
};

} // namespace redline
