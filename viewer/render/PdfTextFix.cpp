#include "render/PdfTextFix.hpp"

#include <QFile>
#include <QRawFont>
#include <unordered_map>
#include <vector>

#include "redline/core/Error.hpp"

#include "render/Fonts.hpp"

namespace redline
{
namespace
{

constexpr char16_t kFirstIdeograph = 0x4E00; // CJK Unified Ideographs U+4E00–U+9FFF
constexpr char16_t kLastIdeograph = 0x9FFF;

// glyph -> code points of `font` in [first, last] (one QRawFont call for the whole block).
std::vector<quint32> glyphsOf(const QRawFont& font, char16_t first, char16_t last)
{
    std::vector<QChar> chars;
    for (char32_t c = first; c <= last; ++c)
        chars.emplace_back(static_cast<char16_t>(c));
    std::vector<quint32> glyphs(chars.size(), 0);
    int n = static_cast<int>(glyphs.size());
    if (!font.glyphIndexesForChars(chars.data(), static_cast<int>(chars.size()), glyphs.data(), &n))
        return {};
    return glyphs;
}

// Every code point below U+4E00 whose glyph in the report font is also the glyph of a unified
// ideograph, mapped to that ideograph (the lowest one, as a font has at most one in practice).
// Qt picks the lowest code point of a glyph, so these are exactly the codes it can get wrong.
std::unordered_map<char16_t, char16_t> buildTable()
{
    std::unordered_map<char16_t, char16_t> table;
    for (const bool bold : {false, true})
    {
        const QRawFont font = QRawFont::fromFont(cjkFont(12, bold));
        if (!font.isValid())
            continue;
        std::unordered_map<quint32, char16_t> ideographOfGlyph;
        const std::vector<quint32> ideographs = glyphsOf(font, kFirstIdeograph, kLastIdeograph);
        for (std::size_t i = 0; i < ideographs.size(); ++i)
            if (ideographs[i] != 0)
                ideographOfGlyph.emplace(ideographs[i], static_cast<char16_t>(kFirstIdeograph + i));
        const std::vector<quint32> lower = glyphsOf(font, 0x20, kFirstIdeograph - 1);
        for (std::size_t i = 0; i < lower.size(); ++i)
        {
            const auto it =
                lower[i] != 0 ? ideographOfGlyph.find(lower[i]) : ideographOfGlyph.end();
            if (it != ideographOfGlyph.end())
                table.emplace(static_cast<char16_t>(0x20 + i), it->second);
        }
    }
    return table;
}

// Rewrites one "<XXXX>" destination at `pos` (pointing at '<') if its glyph is an ideograph's.
int fixCode(QByteArray& data, qsizetype pos)
{
    if (pos < 0 || pos + 5 >= data.size() || data[pos] != '<' || data[pos + 5] != '>')
        return 0;
    bool ok = false;
    const uint code = QByteArray(data.constData() + pos + 1, 4).toUInt(&ok, 16);
    if (!ok)
        return 0;
    const char16_t ideograph = unifiedIdeographOf(static_cast<char16_t>(code));
    if (ideograph == code)
        return 0;
    const QByteArray hex = QByteArray::number(ideograph, 16).toUpper().rightJustified(4, '0');
    for (int i = 0; i < 4; ++i)
        data[pos + 1 + i] = hex[i];
    return 1;
}

// Qt writes "<lo> <hi> [<d1> <d2> …]" and "<lo> <lo> <d>" entries; a "<lo> <hi> <start>" run
// stands for at least ten consecutive code points in first-use order, which no Chinese text
// built of radicals produces, so its start is left alone (rewriting it would shift the run).
int fixCMap(QByteArray& data, qsizetype begin, qsizetype end)
{
    int fixed = 0;
    qsizetype lineStart = begin;
    enum class Section
    {
        None,
        Range,
        Char
    } section = Section::None;
    while (lineStart < end)
    {
        qsizetype lineEnd = data.indexOf('\n', lineStart);
        if (lineEnd < 0 || lineEnd > end)
            lineEnd = end;
        const QByteArray line = data.mid(lineStart, lineEnd - lineStart);
        if (line.endsWith("beginbfrange"))
            section = Section::Range;
        else if (line.endsWith("beginbfchar"))
            section = Section::Char;
        else if (line.startsWith("endbf"))
            section = Section::None;
        else if (section == Section::Range)
        {
            const qsizetype bracket = line.indexOf('[');
            if (bracket >= 0)
            {
                for (qsizetype p = line.indexOf('<', bracket); p >= 0; p = line.indexOf('<', p + 1))
                    fixed += fixCode(data, lineStart + p);
            }
            else if (line.size() >= 20 && line.mid(1, 4) == line.mid(8, 4))
            {
                fixed += fixCode(data, lineStart + line.indexOf('<', 14));
            }
        }
        else if (section == Section::Char)
        {
            const qsizetype second = line.indexOf('<', 1);
            if (second > 0)
                fixed += fixCode(data, lineStart + second);
        }
        lineStart = lineEnd + 1;
    }
    return fixed;
}

} // namespace

char16_t unifiedIdeographOf(char16_t codePoint)
{
    static const std::unordered_map<char16_t, char16_t> kTable = buildTable();
    const auto it = kTable.find(codePoint);
    return it != kTable.end() ? it->second : codePoint;
}

int fixCjkToUnicode(QByteArray& data)
{
    int fixed = 0;
    for (qsizetype p = data.indexOf("/CMapName /Adobe-Identity-UCS"); p >= 0;
         p = data.indexOf("/CMapName /Adobe-Identity-UCS", p + 1))
    {
        const qsizetype end = data.indexOf("endcmap", p);
        if (end < 0)
            break;
        fixed += fixCMap(data, p, end);
    }
    return fixed;
}

int fixCjkToUnicode(const QString& pdfPath)
{
    QFile file(pdfPath);
    if (!file.open(QIODevice::ReadOnly))
        throw IoError(pdfPath.toStdString() + ": cannot read the PDF to fix its text encoding.");
    QByteArray data = file.readAll();
    file.close();
    const int fixed = fixCjkToUnicode(data);
    if (fixed == 0)
        return 0;
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        throw IoError(pdfPath.toStdString() + ": cannot rewrite the PDF's text encoding.");
    return fixed;
}

} // namespace redline
