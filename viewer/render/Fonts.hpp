#pragma once
// Chinese text everywhere: registers Noto Sans CJK (Debian fonts-noto-cjk) with Qt's font database
// so that it is found on the offscreen platform too, and hands out fonts of that family.
// Call from the GUI thread after the QGuiApplication exists; thread-safe afterwards.

#include <QFont>
#include <QString>

namespace redline
{

// Registers the font once (idempotent); returns the family name ("Noto Sans CJK SC").
QString ensureCjkFont();
// A font of the CJK family sized in points (`bold` for titles).
[[nodiscard]] QFont cjkFont(double pointSize, bool bold = false);

} // namespace redline
