#include "geo/TransformCache.hpp"

#include <map>
#include <memory>
#include <utility>

namespace redline::detail
{

const CrsTransform& cachedTransform(const Crs& from, const Crs& to)
{
    thread_local std::map<std::pair<std::string, std::string>, std::unique_ptr<CrsTransform>> cache;
    auto key = std::make_pair(from.toWkt(), to.toWkt());
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(std::move(key), std::make_unique<CrsTransform>(from, to)).first;
    return *it->second;
}

} // namespace redline::detail
