#include "BuiltinPlugins.hpp"

#include "exporters/formats/ReportFormats.hpp"
#include "exporters/jzd/JzdExporter.hpp"
#include "importers/jzd/JzdImporter.hpp"
#include "importers/vertex_rows/VertexRowsImporter.hpp"
#include "redline/plugin/Registry.hpp"
#include "rulesets/yongjia/YongjiaRuleSet.hpp"

namespace redline
{

void registerBuiltinPlugins(Registry& registry)
{
    registry.addRuleSet({"none", "Overlaps only: every hit needs_review, no hit allowed"},
                        [] { return std::make_shared<const OverlapOnlyRuleSet>(); });
    registerYongjiaRuleSet(registry);
    registry.addImporter(JzdImporter::info(), [] { return std::make_shared<const JzdImporter>(); });
    registry.addImporter(VertexRowsImporter::info(),
                         [] { return std::make_shared<const VertexRowsImporter>(); });
    registry.addExporter(JzdExporter::info(), [] { return std::make_shared<const JzdExporter>(); });
    registerReportFormats(registry);
}

} // namespace redline
