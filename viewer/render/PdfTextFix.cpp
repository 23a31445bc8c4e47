#include "render/PdfTextFix.hpp"

#include <QFile>

#include "redline/core/Error.hpp"

namespace redline
{
namespace
{

bool isRadical(uint c)
{
    return (c >= 0x2E80 && c <= 0x2EFF) || (c >= 0x2F00 && c <= 0x2FDF);
}

// Rewrites one "<XXXX>" destination at `pos` (pointing at '<') if it is a radical.
int fixCode(QByteArray& data, qsizetype pos)
{
    if (pos + 5 >= data.size() || data[pos] != '<' || data[pos + 5] != '>')
        return 0;
    bool ok = false;
    const uint code = QByteArray(data.constData() + pos + 1, 4).toUInt(&ok, 16);
    if (!ok || !isRadical(code))
        return 0;
    const QString nfkc =
        QString(QChar(static_cast<char16_t>(code))).normalized(QString::NormalizationForm_KC);
    if (nfkc.size() != 1 || isRadical(nfkc.at(0).unicode()))
        return 0;
    const QByteArray hex =
        QByteArray::number(nfkc.at(0).unicode(), 16).toUpper().rightJustified(4, '0');
    for (int i = 0; i < 4; ++i)
        data[pos + 1 + i] = hex[i];
    return 1;
}

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
            // "<lo> <hi> [<d1> <d2> …]" or "<lo> <hi> <start>" (only single-code ranges touched).
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

int fixCjkToUnicode(const QString& pdfPath)
{
    QFile file(pdfPath);
    if (!file.open(QIODevice::ReadOnly))
        throw IoError(pdfPath.toStdString() + ": cannot read the PDF to fix its text encoding.");
    QByteArray data = file.readAll();
    file.close();
    int fixed = 0;
    for (qsizetype p = data.indexOf("/CMapName /Adobe-Identity-UCS"); p >= 0;
         p = data.indexOf("/CMapName /Adobe-Identity-UCS", p + 1))
    {
        const qsizetype end = data.indexOf("endcmap", p);
        if (end < 0)
            break;
        fixed += fixCMap(data, p, end);
    }
    if (fixed == 0)
        return 0;
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        throw IoError(pdfPath.toStdString() + ": cannot rewrite the PDF's text encoding.");
    return fixed;
}

} // namespace redline
