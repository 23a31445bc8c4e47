#include "render/Fonts.hpp"

#include <QFontDatabase>
#include <QStringList>
#include <mutex>

namespace redline
{
namespace
{
QString g_family = QStringLiteral("Noto Sans CJK SC");
std::once_flag g_once;

void registerFonts()
{
    const QStringList files = {
        QStringLiteral("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        QStringLiteral("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")};
    for (const QString& f : files)
    {
        const int id = QFontDatabase::addApplicationFont(f);
        if (id < 0)
            continue;
        // A .ttc holds JP/KR/SC/TC/HK families, proportional and Mono: take the proportional
        // Simplified Chinese one.
        for (const QString& family : QFontDatabase::applicationFontFamilies(id))
            if (family.endsWith(QStringLiteral(" SC")) && !family.contains(QStringLiteral("Mono")))
                g_family = family;
    }
}
} // namespace

QString ensureCjkFont()
{
    std::call_once(g_once, registerFonts);
    return g_family;
}

QFont cjkFont(double pointSize, bool bold)
{
    QFont f(ensureCjkFont());
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // No OpenType shaping: Noto Sans CJK's default features swap Latin digits for glyphs that
    // have no cmap entry, and Qt then writes no ToUnicode for them (PDF text lost its digits).
    // Chinese and Latin need no shaping.
    f.setStyleStrategy(QFont::StyleStrategy(QFont::PreferAntialias | QFont::PreferNoShaping));
    return f;
}

} // namespace redline
