#pragma once
// OGC API – Features 1.0 (Core, GeoJSON; read-only): /collections, /collections/{id},
// /collections/{id}/items (bbox, limit, offset, next/prev links, numberMatched) and
// /collections/{id}/items/{fid}, in OGC:CRS84. Collections: every zoning layer of the current
// store revision, and `screened_sites`, the sites the signed-in user screened (every user's for
// reviewers, planners and admins), from the ledger.

#include "ServiceContext.hpp"
#include "auth/Principal.hpp"
#include "http/Target.hpp"

namespace redline::service
{

inline constexpr const char* kSitesCollection = "screened_sites";

class FeaturesApi
{
  public:
    explicit FeaturesApi(ServiceContext& ctx) : m_ctx(ctx) {}
    [[nodiscard]] Response collections(const Target& target, const Principal& who);
    [[nodiscard]] Response collection(const std::string& id, const Target& target,
                                      const Principal& who);
    [[nodiscard]] Response items(const std::string& id, const Target& target, const Principal& who);
    [[nodiscard]] Response item(const std::string& id, const std::string& fid, const Target& target,
                                const Principal& who);

  private:
    ServiceContext& m_ctx;
};

} // namespace redline::service
