#pragma once
// A printed overlay map (issue 5 §3): title, subtitle, map frame with a km grid and labels,
// legend from the visible layers, scale bar with round numbers at a round print scale, north
// arrow, an overview inset of the county with the map extent, and a footer with the CRS, data
// sources, date and disclaimer. A4/A3, portrait/landscape. Paints onto any QPainter whose device
// has the page's size at `dpi` (PDF, PNG and SVG all use it). Thread-safe: plain values only.

#include <QDate>
#include <QPageSize>
#include <QPainter>
#include <QString>
#include <optional>
#include <vector>

#include "render/RenderRequest.hpp"

namespace redline
{

struct PrintOptions
{
    QPageSize::PageSizeId paper = QPageSize::A4;
    bool landscape = false;
    double dpi = 300;
    QString title = QStringLiteral("永嘉县生态环境分区管控叠加图");
    QString subtitle;
    QString crs = QStringLiteral("坐标系：CGCS2000 / 3-degree Gauss-Kruger CM 120E "
                                 "(EPSG:4549)，高斯-克吕格投影，中央经线120°E");
    QString sources = QStringLiteral("数据来源：永嘉县生态保护红线、“三线一单”环境管控单元、饮用水"
                                     "水源保护区、自然保护地等分区数据（Redline 数据集）");
    QString disclaimer =
        QStringLiteral("免责声明：本图由 Redline "
                       "自动生成，仅供选址初筛参考，不作为行政审批依据；以主管部门正式成果为准。");
    QDate date = QDate::currentDate();
    // The reviewer's scale denominator (2,000 … 500,000); unset: the round scale that fits the
    // focus (issue 14).
    std::optional<double> scale;
};

// The range of print scales a reviewer may choose (1:2,000 … 1:500,000).
inline constexpr double kMinPrintScale = 2000;
inline constexpr double kMaxPrintScale = 500000;

struct PrintContent
{
    std::vector<RenderLayer> layers;
    std::vector<Overlay> overlays;
    Envelope focus;                          // what the map frame must show
    std::vector<RenderLayer> overviewLayers; // county, townships…; empty: no inset
    Envelope overviewExtent;
};

class PrintLayout
{
  public:
    explicit PrintLayout(PrintOptions options) : m_options(std::move(options)) {}

    [[nodiscard]] const PrintOptions& options() const { return m_options; }
    // Page size in millimetres, orientation applied.
    [[nodiscard]] QSizeF pageSizeMm() const;
    [[nodiscard]] QSize pageSizePx() const;
    // Map frame rectangle on the page, in device pixels.
    [[nodiscard]] QRectF mapFrame() const;
    // The overview inset's rectangle on the page, in device pixels.
    [[nodiscard]] QRectF overviewFrame() const;
    // The map's view: `focus` fitted into the frame at a round 1:N, or centred on it at the
    // chosen scale.
    [[nodiscard]] MapTransform mapView(const Envelope& focus) const;

    void paint(QPainter& painter, const PrintContent& content) const;

  private:
    [[nodiscard]] double px(double mm) const { return mm * m_options.dpi / 25.4; }
    [[nodiscard]] QRectF panelRect() const; // inset, arrow, scale bar and legend
    PrintOptions m_options;
};

// What the overview inset shows: the overview extent and the printed extent (so the extent box is
// never cut off), with a margin.
[[nodiscard]] Envelope overviewExtentFor(const Envelope& overview, const Envelope& printed);
// The footer's data-sources line: `sources` and each visible basemap with its own description.
[[nodiscard]] QString sourcesLine(const QString& sources, const std::vector<RenderLayer>& layers);

// Grid interval (metres) giving 3–8 lines across `widthM`.
[[nodiscard]] double gridInterval(double widthM);

} // namespace redline
