#pragma once
// A lossless, compact (CBOR) form of a ScreeningReport, so that a stored screening can be served
// again in every format (JSON, HTML, PDF) exactly as it was computed, long after the store has
// moved on to another revision. Every field of ScreeningReport, SiteResult, Hit and RuleMatch is
// kept, geometries included; the round-trip test compares every exporter's output.
//
// Stored LZ4-compressed (the rules' texts and the field names repeat: ~9.7 KB of CBOR per
// single-site screening become ~4 KB, at ~14 µs to compress and ~3 µs to expand): the bytes
// "\xFF" "RLZ", the CBOR's size (4 bytes, big-endian) and XXH3-64 hash (8 bytes, big-endian: LZ4
// has no check of its own, so damage is found, not decoded into another report), one LZ4 block. An
// archive written before is the CBOR alone, always a map (first byte 0xA0–0xBF), and CBOR never
// starts with 0xFF (the "break" code), so both read back. Expansion is refused beyond
// kMaxArchiveBytes and beyond what LZ4 can expand the stored bytes to (255 times): a damaged row
// cannot make it allocate more.

#include <cstdint>
#include <vector>

#include "redline/analysis/ScreeningReport.hpp"

namespace redline::service
{

inline constexpr std::size_t kMaxArchiveBytes = std::size_t(1) << 30; // 1 GiB of CBOR

[[nodiscard]] std::vector<std::uint8_t> archiveReport(const ScreeningReport& report);
// Throws ConfigError when the bytes are not an archived report (damaged, or too large expanded).
[[nodiscard]] ScreeningReport restoreReport(const std::vector<std::uint8_t>& bytes);

} // namespace redline::service
