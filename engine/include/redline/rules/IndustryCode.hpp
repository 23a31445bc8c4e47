#pragma once
// GB/T 4754-2017 industry codes (国民经济行业分类) as rules need them: normalisation, the
// indicative Zhejiang industrial-project class (RULEBOOK §6.1) and the project type a code
// implies. Pure functions, thread-safe.

#include <optional>
#include <string>

namespace redline
{

// "c3360", " 3360 ", "C 3360" -> "C3360": upper case, no blanks; a code given without its section
// letter gets the letter of its division (33 -> C). nullopt when the text is not a code.
[[nodiscard]] std::optional<std::string> normalizeIndustryCode(const std::string& text);

// Indicative 浙江 一类/二类/三类 工业项目 class of a normalised code, per the RULEBOOK §6.1 table:
// 3 for plating (C3360), pulp and paper (C2211–C2223), tanning (C1910), cotton dyeing (C1713),
// synthetic leather (C2925), chemicals (C26) and pharmaceuticals (C27); 2 for footwear (C195x)
// and plastic parts (C2929); codes the table rates "1–2" (pumps and valves C3441/C3443, paper
// products C2231/C2239, garments C181, toys C245) are taken as 2, the conservative reading
// (the class-2 rules restrict, no rule restricts class 1). nullopt for codes not in the table.
[[nodiscard]] std::optional<int> inferZjIndustrialClass(const std::string& normalizedCode);

// Project type implied by a normalised code when the site gives none: section C (manufacturing)
// -> industrial; A031/A032 (livestock, poultry) -> livestock_farm; section B -> mining;
// H62 -> catering. nullopt otherwise.
[[nodiscard]] std::optional<std::string> inferProjectType(const std::string& normalizedCode);

// Inclusive range test on code prefixes: code[0..len(lo)) >= lo and code[0..len(hi)) <= hi, so
// [C2211, C2239] holds C2223 and [C26, C27] holds every code of divisions 26 and 27.
[[nodiscard]] bool industryCodeInRange(const std::string& code, const std::string& lo,
                                       const std::string& hi);

} // namespace redline
