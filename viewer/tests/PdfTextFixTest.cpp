// The text of a Qt-written PDF reads back (pdftotext, an independent reader) as the Chinese that
// was drawn: 龙湾潭 and the other characters whose glyph Noto Sans CJK shares with a radical.
#include "render/PdfTextFix.hpp"

#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "render/Fonts.hpp"

using namespace redline;

namespace
{

// The radicals (CJK Radicals Supplement, Kangxi Radicals) pdftotext gave before the fix.
const QString kText = QStringLiteral("龙湾潭 黄田 风景 居民 门 长 见 生态 水源 电镀");

void writePdf(const QString& path)
{
    QPdfWriter writer(path);
    writer.setResolution(300);
    QPainter p(&writer);
    p.setFont(cjkFont(14));
    p.drawText(QPointF(200, 400), kText);
    p.setFont(cjkFont(14, true));
    p.drawText(QPointF(200, 700), kText);
    p.end();
}

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool hasRadical(const QString& s)
{
    for (const QChar c : s)
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF)
            return true;
    return false;
}

} // namespace

TEST(PdfTextFix, RadicalGlyphsReadBackAsTheIdeographsDrawn)
{
    QTemporaryDir dir;
    const QString raw = dir.filePath(QStringLiteral("raw.pdf"));
    writePdf(raw);
    // Qt's own ToUnicode maps the shared glyphs to radicals (U+2EF0 ⻰ for 龙 …): the defect.
    const QString before = pdfText(raw);
    EXPECT_TRUE(hasRadical(before)) << before.toStdString();
    EXPECT_FALSE(before.contains(QStringLiteral("龙湾潭"))) << before.toStdString();

    EXPECT_GT(fixCjkToUnicode(raw), 0);
    const QString after = pdfText(raw);
    EXPECT_FALSE(hasRadical(after)) << after.toStdString();
    // Regular and bold lines both read back exactly.
    EXPECT_EQ(after.count(kText), 2) << after.toStdString();
}

TEST(PdfTextFix, TableComesFromTheFontsGlyphs)
{
    // Unicode's EquivalentUnifiedIdeograph.txt pairs: radicals supplement and Kangxi radicals.
    EXPECT_EQ(unifiedIdeographOf(0x2EF0), u'龙');
    EXPECT_EQ(unifiedIdeographOf(0x2EE9), u'黄');
    EXPECT_EQ(unifiedIdeographOf(0x2EDB), u'风');
    EXPECT_EQ(unifiedIdeographOf(0x2EA0), u'民');
    EXPECT_EQ(unifiedIdeographOf(0x2ED4), u'门');
    EXPECT_EQ(unifiedIdeographOf(0x2ED3), u'长');
    EXPECT_EQ(unifiedIdeographOf(0x2F63), u'生');
    // Ideographs, Latin and punctuation stay as they are.
    EXPECT_EQ(unifiedIdeographOf(u'龙'), u'龙');
    EXPECT_EQ(unifiedIdeographOf(u'A'), u'A');
    EXPECT_EQ(unifiedIdeographOf(0x3001), 0x3001);
}
