#include "redline/qa/ZoningQa.hpp"

#include "qa/QaContext.hpp"

namespace redline
{

QaReport runZoningQa(const std::vector<ZoneLayer>& layers, const Crs& analysisCrs,
                     const QaOptions& options)
{
    QaReport report;
    report.store = options.storeLabel;
    report.analysisCrs = analysisCrs.label();
    report.toleranceM2 = options.toleranceM2;
    qa::detail::QaContext ctx(layers, analysisCrs, options, report);
    // Validity first: it replaces invalid geometries by their repaired form, so that the area
    // checks after it measure what the planner drew rather than failing on a bow-tie.
    qa::detail::checkValidityAndIds(ctx);
    qa::detail::checkDomains(ctx);
    qa::detail::checkPartitions(ctx);
    qa::detail::checkWaterNesting(ctx);
    qa::detail::checkCrossLayer(ctx);
    qa::detail::checkOfficialTotals(ctx);
    return report;
}

} // namespace redline
