#pragma once
// Per-thread cache of CrsTransforms keyed by (source WKT, target WKT) (engine-internal). Creating
// a PROJ operation costs tens of milliseconds; a store of nine layers in one CRS needs only one.
// The returned reference is valid for the calling thread's lifetime; never share it.

#include "redline/geo/CrsTransform.hpp"

namespace redline::detail
{

[[nodiscard]] const CrsTransform& cachedTransform(const Crs& from, const Crs& to);

} // namespace redline::detail
