#pragma once
// The zoning layers of one store revision as OGC API – Features collections: every feature's
// GeoJSON (CRS84) and bounding box, computed once when the revision is loaded, so that item
// requests only filter and concatenate. Immutable; shared between threads.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "redline/geo/Envelope.hpp"
#include "redline/model/ZoningStore.hpp"

namespace redline::service
{

struct CatalogFeature
{
    std::int64_t id = 0;
    Envelope lonLat;
    std::string json; // the whole GeoJSON Feature
};

struct CatalogCollection
{
    std::string id;    // the layer name, e.g. "ecological_redline"
    std::string kind;  // zone kind
    std::string title; // Chinese title of the kind
    Envelope lonLat;
    std::vector<CatalogFeature> features;
};

class FeatureCatalog
{
  public:
    explicit FeatureCatalog(const ZoningStore& store);
    [[nodiscard]] const std::vector<CatalogCollection>& collections() const
    {
        return m_collections;
    }
    [[nodiscard]] const CatalogCollection* find(const std::string& id) const;

  private:
    std::vector<CatalogCollection> m_collections;
};

} // namespace redline::service
