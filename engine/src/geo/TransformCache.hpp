#pragma once
// Per-thread cache of CrsTransforms keyed by (source CRS, target CRS) (engine-internal). Creating
// a PROJ operation costs tens of milliseconds; a store of nine layers in one CRS needs only one.
// The returned reference is valid for the calling thread's lifetime; never share it.

#include "redline/geo/CrsTransform.hpp"

namespace redline::detail
{

[[nodiscard]] const CrsTransform& cachedTransform(const Crs& from, const Crs& to);
// The transform from `from` to from.geographicBase(), cached the same way (without working out
// the base again for every call).
[[nodiscard]] const CrsTransform& cachedTransformToGeographicBase(const Crs& from);

} // namespace redline::detail
