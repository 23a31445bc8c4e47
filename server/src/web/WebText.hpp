#pragma once
// The web page's own files, compiled in from server/resources/web/ (WebText.cpp.in).

namespace redline::service
{
extern const char* const kWebIndexHtml;
extern const char* const kWebAppJs;
extern const char* const kWebAppCss;
} // namespace redline::service
