#include "render/ExtraLayers.hpp"

#include <QFileInfo>
#include <array>

namespace redline
{

RenderLayer basemapLayer(std::shared_ptr<const RasterSource> raster)
{
    RenderLayer r;
    const QFileInfo file(QString::fromStdString(raster->info().path));
    r.name = file.fileName().toStdString();
    r.kind = "basemap";
    r.style.title = QStringLiteral("底图：") + file.fileName();
    r.style.base.label = r.style.title;
    r.labels = false;
    r.raster = std::move(raster);
    return r;
}

std::string nameFieldOf(const Layer& layer)
{
    for (const char* candidate : {"name", "NAME", "Name", "名称", "mc", "MC", "zone_id", "id"})
        for (const std::string& f : layer.fieldNames)
            if (f == candidate)
                return f;
    return {};
}

RenderLayer referenceLayer(std::shared_ptr<const Layer> layer, std::size_t index)
{
    // Colours unlike the zoning palette's: teal, brown, dark blue, olive, grey-violet.
    static const std::array<QColor, 5> kColours{QColor(0, 128, 128), QColor(140, 80, 20),
                                                QColor(20, 40, 140), QColor(110, 120, 0),
                                                QColor(100, 80, 130)};
    const QColor c = kColours[index % kColours.size()];
    RenderLayer r;
    // "file/layer": never the name of a store layer (edits find their layers by name).
    r.name = QFileInfo(QString::fromStdString(layer->source)).fileName().toStdString() + "/" +
             layer->name;
    r.kind = "reference";
    r.style.title = QString::fromStdString(layer->name);
    r.style.base.label = r.style.title;
    r.style.base.stroke = c;
    r.style.base.fill = QColor(c.red(), c.green(), c.blue(), 35);
    r.style.base.strokeMm = 0.4;
    r.style.labelField = nameFieldOf(*layer);
    r.style.labelColor = c.darker(130);
    r.style.labelPriority = 2;
    r.cache = std::make_shared<const LayerCache>(std::move(layer));
    return r;
}

} // namespace redline
