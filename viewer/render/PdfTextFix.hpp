#pragma once
// Makes the text of Qt-written PDFs searchable in Chinese. Noto Sans CJK draws a CJK radical and
// its unified ideograph with one glyph (U+2EF0 ⻰ and U+9F99 龙, U+2F63 ⽣ and U+751F 生 …), and
// Qt's ToUnicode CMap maps each glyph back to the lowest code point the font gives it, so
// copy/paste and pdftotext gave ⻰湾潭 for 龙湾潭 and searching failed. Such a destination is
// rewritten, in place, to the unified ideograph (U+4E00–U+9FFF) the font draws with the same
// glyph: the table is read from the font's own cmap, not from a list of look-alikes, so every
// shared glyph is covered (Kangxi radicals and the radicals supplement alike). The CMaps are
// uncompressed and the codes keep their length, so every byte offset of the file stays valid.

#include <QByteArray>
#include <QString>

namespace redline
{

// Returns the number of codes rewritten; throws IoError if the file cannot be read or written.
int fixCjkToUnicode(const QString& pdfPath);
// The same on a PDF held in memory.
int fixCjkToUnicode(QByteArray& pdf);
// The ideograph drawn with the same glyph as `codePoint` in the report font (Noto Sans CJK SC,
// regular or bold), or `codePoint` itself when there is none or it is an ideograph already.
[[nodiscard]] char16_t unifiedIdeographOf(char16_t codePoint);

} // namespace redline
