#pragma once
// A lossless, compact (CBOR) form of a ScreeningReport, so that a stored screening can be served
// again in every format (JSON, HTML, PDF) exactly as it was computed, long after the store has
// moved on to another revision. Every field of ScreeningReport, SiteResult, Hit and RuleMatch is
// kept, geometries included; the round-trip test compares every exporter's output.

#include <cstdint>
#include <vector>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline::service
{

[[nodiscard]] std::vector<std::uint8_t> archiveReport(const ScreeningReport& report);
// Throws ConfigError when the bytes are not an archived report.
[[nodiscard]] ScreeningReport restoreReport(const std::vector<std::uint8_t>& bytes);

} // namespace redline::service
