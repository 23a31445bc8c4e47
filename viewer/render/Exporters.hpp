#pragma once
// Writes a PrintLayout to vector PDF (QPdfWriter: vector paths, fonts embedded as subsets), PNG at
// the layout's dpi, or SVG (QSvgGenerator). Files are written through redline::AtomicFile
// (atomically; "-", devices, FIFOs and symbolic links respected). Throws IoError naming the file.
// Call from a thread that may use QPainter on QImage/QPdfWriter (any thread, offscreen).

#include <QImage>
#include <QString>
#include <optional>

#include "render/PrintLayout.hpp"

namespace redline
{

enum class ExportFormat
{
    Pdf,
    Png,
    Svg
};

// "pdf" / "png" / "svg" (case-insensitive); nullopt otherwise.
[[nodiscard]] std::optional<ExportFormat> parseExportFormat(const QString& text);
// From a file's extension, defaulting to PDF.
[[nodiscard]] ExportFormat exportFormatForPath(const QString& path);
[[nodiscard]] QString extensionOf(ExportFormat f);

void exportPrint(const PrintLayout& layout, const PrintContent& content, const QString& path,
                 ExportFormat format);
// An image as PNG (screenshots).
void exportPng(const QImage& image, const QString& path);

} // namespace redline
