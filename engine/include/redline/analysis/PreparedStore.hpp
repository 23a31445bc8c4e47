#pragma once
// The screening form of a zoning store (issue 13): the screened zones' geometry as flat arrays
// with a packed R-tree over the zone envelopes and an edge index per zone, plus each zone's layer,
// id, name and attributes and every layer's options. Built in memory from a loaded ZoningStore,
// or mapped from the store cache (cache/StoreCache.hpp) without reading the store at all.
// Immutable: share as shared_ptr<const PreparedStore> between threads.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "redline/data/Attributes.hpp"
#include "redline/geo/Crs.hpp"
#include "redline/model/ZoningStore.hpp"

namespace redline
{

namespace detail
{
struct FlatZonesView;
struct PreparedStoreData;
} // namespace detail

// A layer's options as screening uses them (a ZoneLayer without its features).
struct PreparedLayer
{
    std::string name;
    std::string kind;
    std::string idField;
    std::string nameField;
    double bufferM = 100;
    bool screened = true;
    std::size_t featureCount = 0;
};

// A screened zone: its layer (index into layers()), source FID, id, name and attributes.
struct ScreenedZone
{
    std::uint32_t layer = 0;
    std::int64_t fid = 0;
    std::string zoneId;
    std::string zoneName;
    Attributes attributes;
};

class PreparedStore
{
public:
    [[nodiscard]] static std::shared_ptr<const PreparedStore> build(const ZoningStore& store);

    explicit PreparedStore(std::unique_ptr<detail::PreparedStoreData> data);
    ~PreparedStore();
    PreparedStore(const PreparedStore&) = delete;
    PreparedStore& operator=(const PreparedStore&) = delete;

    [[nodiscard]] const std::string& path() const;
    [[nodiscard]] const Crs& analysisCrs() const;
    [[nodiscard]] const std::vector<PreparedLayer>& layers() const;
    // Screened zones, in layer order then feature order.
    [[nodiscard]] const std::vector<ScreenedZone>& zones() const;
    // Envelope of every feature of every layer (screened or not).
    [[nodiscard]] const Envelope& extent() const;
    // Warnings from reading the store (repairs...), as ZoneLayer::layer->warnings held them.
    [[nodiscard]] const std::vector<std::string>& warnings() const;

    // Engine internals: the flat geometry and indexes.
    [[nodiscard]] const detail::FlatZonesView& flat() const;
    [[nodiscard]] const detail::PreparedStoreData& data() const { return *m_data; }

private:
    std::unique_ptr<detail::PreparedStoreData> m_data;
};

} // namespace redline
