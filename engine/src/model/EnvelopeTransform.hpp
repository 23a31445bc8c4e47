#pragma once
// An envelope carried into another CRS: the envelope of its densified outline (20 points a
// side), so that curved edges of a projection are covered (engine-internal).

#include "redline/geo/CrsTransform.hpp"
#include "redline/geo/Envelope.hpp"

namespace redline::detail
{

[[nodiscard]] Envelope transformEnvelope(const Envelope& e, const CrsTransform& t);

} // namespace redline::detail
