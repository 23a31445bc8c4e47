#pragma once
// Number text that never depends on the C locale. setlocale(LC_ALL, "") — which Qt's
// QCoreApplication calls on Unix — makes strtod/stod/atof and printf("%f") use the locale's
// decimal comma under de_DE and friends, so "3115200.5" would read as 3115200 and 12.5 would
// print as "12,5". Everything the engine, plugins and CLI read from or write to text goes
// through these functions instead (std::from_chars / std::to_chars, which take no locale).
// Thread-safe (pure functions).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace redline
{

// The whole of `text` (ASCII spaces and tabs around it allowed, a leading '+' allowed) as a
// finite decimal number: "12", "-0.5", "1e-3". nullopt for anything else ("12,5", "1.2.3", "",
// "nan", "inf", hexadecimal).
[[nodiscard]] std::optional<double> parseNumber(std::string_view text);
// The whole of `text` (spaces around and a leading '+' allowed) as a decimal integer.
[[nodiscard]] std::optional<std::int64_t> parseInteger(std::string_view text);

// `decimals` digits after a '.' ("%.*f" in the C locale): formatFixed(1234.5, 2) == "1234.50";
// "-" for a value that is not a number (reports show it as missing).
[[nodiscard]] std::string formatFixed(double value, int decimals);
// As formatFixed with the sign always written ("%+.*f"): "+1.50", "-0.25".
[[nodiscard]] std::string formatSigned(double value, int decimals);
// At most `significant` significant digits, trailing zeros dropped ("%.*g" in the C locale).
[[nodiscard]] std::string formatSignificant(double value, int significant);
// The shortest text that reads back as the same double.
[[nodiscard]] std::string formatShortest(double value);

} // namespace redline
