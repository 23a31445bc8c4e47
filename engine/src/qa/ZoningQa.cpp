#include "redline/qa/ZoningQa.hpp"

#include "redline/qa/Coordination.hpp"

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
    // 三区三线 coordination (issue 14, qa/QaCoordination.cpp): red line × farmland and ×
    // development boundary, indexed.
    CoordinationOptions coordination;
    coordination.toleranceM2 = options.toleranceM2;
    coordination.scope = options.scope ? &*options.scope : nullptr;
    for (QaFinding& f : coordinationFindings(layers, analysisCrs, coordination))
        report.findings.push_back(std::move(f));
    return report;
}

} // namespace redline
