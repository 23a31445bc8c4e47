#pragma once
// An atlas (issue 14): one PDF with one printed map per page — per site, or per township — each
// page laid out by its own PrintLayout (title, subtitle, scale) with the same paper, orientation
// and resolution as the first page. Vector PDF with the CJK text fix of the single maps; written
// atomically. Throws IoError naming the file. Any thread (offscreen).

#include <QString>
#include <vector>

#include "render/PrintLayout.hpp"

namespace redline
{

struct AtlasPage
{
    PrintOptions options;
    PrintContent content;
};

void exportAtlas(const std::vector<AtlasPage>& pages, const QString& path);

} // namespace redline
