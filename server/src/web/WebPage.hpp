#pragma once
// The web page for approval staff (issue 12 item 1), served by the service itself with nothing
// from the internet: `/` for a browser (Accept: text/html; API clients get the OGC landing
// document), its script and style compiled in from server/resources/web/, Leaflet read once at
// start-up from Debian's libjs-leaflet, and /web/config.json — the project-attribute vocabulary
// (redline/rules/Terms: project types, construction kinds, the rule set's yes/no attributes with
// their Chinese names), the verdict labels and colours, whether PDF reports exist, and each zoning
// collection's symbology from the palette the viewer and the reports draw with
// (plugins/symbology/ZonePalette). Public: none of it is data behind an account. Immutable after
// construction; thread-safe.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "redline/rules/Vocabulary.hpp"

#include "http/Http.hpp"

namespace redline::service
{

class FeatureCatalog;

class WebPage
{
  public:
    // `leafletDir` holds leaflet.js, leaflet.css and images/ (libjs-leaflet). When it is missing
    // the page is still served and says that the map is unavailable. `vocabulary`: the default
    // rule set's, whose yes/no project attributes the form asks for. `pdfReport`: the service
    // renders PDF reports, so the page offers them.
    WebPage(const std::string& leafletDir, const FeatureCatalog& zoning,
            const Vocabulary& vocabulary, bool pdfReport);

    [[nodiscard]] bool hasLeaflet() const { return m_files.count("leaflet/leaflet.js") != 0; }
    // `/`.
    [[nodiscard]] Response page() const;
    // `/web/{path}`: nullopt when there is no such file.
    [[nodiscard]] std::optional<Response> file(const std::vector<std::string>& segments) const;

  private:
    struct File
    {
        std::string contentType;
        std::string bytes;
    };
    std::map<std::string, File> m_files; // by path under /web/
};

// True when the client asks for HTML before JSON (a browser's navigation), unless `f=json`.
[[nodiscard]] bool prefersHtml(const Request& request, const std::string* formatParameter);

} // namespace redline::service
