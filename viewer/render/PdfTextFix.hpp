#pragma once
// Makes the text of Qt-written PDFs searchable in Chinese. Noto Sans CJK maps a Kangxi radical
// (U+2F00–U+2FDF) and its unified ideograph (e.g. U+2F63 ⽣ and U+751F 生) to the same glyph, and
// Qt's ToUnicode CMap takes the lowest code point, so copy/paste and pdftotext gave ⽣态 for 生态.
// This rewrites, in place, each such destination code to its NFKC ideograph. The CMaps are
// uncompressed and the codes keep their length, so every byte offset of the file stays valid.

#include <QString>

namespace redline
{

// Returns the number of codes rewritten; throws IoError if the file cannot be read or written.
int fixCjkToUnicode(const QString& pdfPath);

} // namespace redline
