// redline rules: lists the rules of a rule set, or explains one rule (conditions, precedence,
// verdict, reason, citation) in plain words.

#include <iomanip>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "Commands.hpp"
#include "ExitCodes.hpp"
#include "redline/core/Error.hpp"
#include "redline/plugin/Registry.hpp"
#include "redline/rules/DeclarativeRuleSet.hpp"
#include "redline/rules/ResolveRuleSet.hpp"

namespace
{

struct RulesArgs
{
    std::string rules = redline::kDefaultRuleSet;
    std::string explain;
    std::string format = "text";
};

std::string verdictText(const redline::RuleRecord& r)
{
    return r.verdict ? redline::toString(*r.verdict) : "as " + r.verdictFromKind;
}

nlohmann::json ruleJson(const redline::RuleRecord& r)
{
    nlohmann::json j{{"id", r.id},
                     {"zone_kind", r.zoneKind},
                     {"hit", redline::toString(r.hit)},
                     {"confidence", r.confidence.empty() ? "-" : r.confidence},
                     {"specificity", r.specificity},
                     {"fallback", r.fallback},
                     {"citation", r.citation},
                     {"reason_zh", r.reasonZh},
                     {"reason_en", r.reasonEn}};
    if (r.verdict)
        j["verdict"] = redline::toString(*r.verdict);
    else
        j["verdict_from_kind"] = r.verdictFromKind;
    return j;
}

void printList(const redline::DeclarativeRuleSet& set, const std::string& format)
{
    if (format == "json")
    {
        nlohmann::json rules = nlohmann::json::array();
        for (const auto& r : set.rules())
            rules.push_back(ruleJson(r));
        const nlohmann::json out{{"name", set.name()},
                                 {"version", set.version()},
                                 {"description", set.description()},
                                 {"source", set.source()},
                                 {"rules", rules}};
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << set.name() << " " << set.version() << ": " << set.description() << "\n"
              << "source: " << set.source() << "; " << set.rules().size() << " rules\n\n";
    std::cout << std::left << std::setw(8) << "id" << std::setw(24) << "zone kind" << std::setw(9)
              << "hit" << std::setw(30) << "verdict" << std::setw(6) << "conf"
              << "citation\n";
    for (const auto& r : set.rules())
    {
        std::cout << std::left << std::setw(8) << r.id << std::setw(24) << r.zoneKind
                  << std::setw(9) << redline::toString(r.hit) << std::setw(30) << verdictText(r)
                  << std::setw(6) << (r.confidence.empty() ? "-" : r.confidence)
                  << (r.citation.empty() ? "-" : r.citation) << "\n";
    }
    std::cout << "\n`redline rules --explain ID` shows a rule's conditions and precedence.\n";
}

void run(const redline::Registry& registry, const RulesArgs& args)
{
    const auto ruleSet = redline::resolveRuleSet(registry, args.rules);
    const auto* declarative = dynamic_cast<const redline::DeclarativeRuleSet*>(ruleSet.get());
    if (declarative == nullptr)
    {
        // "none" (or another coded rule set): nothing declarative to list.
        if (!args.explain.empty())
            throw redline::ConfigError("rule set '" + ruleSet->name() + "' has no rule '" +
                                       args.explain + "': it has no declarative rules");
        if (args.format == "json")
            std::cout << nlohmann::json{{"name", ruleSet->name()},
                                        {"version", ruleSet->version()},
                                        {"rules", nlohmann::json::array()}}
                             .dump(2)
                      << "\n";
        else
            std::cout << ruleSet->name() << " " << ruleSet->version()
                      << ": no rules; every hit is needs_review, a site with no hit allowed\n";
        return;
    }
    if (args.explain.empty())
    {
        printList(*declarative, args.format);
        return;
    }
    const std::string text = declarative->explain(args.explain); // throws for an unknown id
    if (args.format == "json")
    {
        nlohmann::json out = ruleJson(*declarative->findRule(args.explain));
        out["rule_set"] = declarative->name();
        out["explanation"] = text;
        std::cout << out.dump(2) << "\n";
    }
    else
        std::cout << text;
}

} // namespace

void addRulesCommand(CLI::App& app, const redline::Registry& registry, int& exitCode)
{
    auto args = std::make_shared<RulesArgs>();
    auto* sub = app.add_subcommand("rules", "List the rules of a rule set or explain one rule");
    sub->add_option("--rules", args->rules,
                    "Rule set: a registered name (see `redline plugins`), a rule file, or none")
        ->capture_default_str();
    sub->add_option("--explain", args->explain, "Explain one rule (e.g. ERL-03)");
    sub->add_option("--format", args->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    sub->callback(
        [&registry, &exitCode, args]
        {
            run(registry, *args);
            exitCode = exitcode::kOk;
        });
}
