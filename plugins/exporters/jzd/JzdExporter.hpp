#pragma once
// Plugin "export.jzd": writes sites as a 界址点 list (JZD_FORMAT.md) that JzdImporter reads back
// to the same coordinates (at `decimals` places) and rings. The layer must be in a Chinese
// Gauss–Krüger CRS with an EPSG code (CGCS2000/Xian 1980/Beijing 1954, 3° or 6°, with or without
// zone prefix). Output is written atomically. Stateless, thread-safe.

#include <string>

#include "redline/io/JzdEncoding.hpp"
#include "redline/plugin/Registry.hpp"

namespace redline
{

class JzdExporter final : public SiteExporter
{
  public:
    explicit JzdExporter(TextEncoding encoding = TextEncoding::Utf8, int decimals = 3);
    static PluginInfo info();

    [[nodiscard]] bool canWrite(const std::string& path) const override;
    void write(const Layer& sites, const std::string& path) const override;
    // The file's text (UTF-8), for tests and for callers that write elsewhere.
    [[nodiscard]] std::string render(const Layer& sites) const;

  private:
    TextEncoding m_encoding;
    int m_decimals;
};

} // namespace redline
