#include "RuleFileParser.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>

#include <yaml-cpp/yaml.h>

#include "redline/core/Error.hpp"
#include "redline/core/Numbers.hpp"
#include "redline/rules/IndustryCode.hpp"
#include "redline/rules/Terms.hpp"

namespace redline::detail
{
namespace
{

std::string joined(const std::set<std::string>& words)
{
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

// Where we are in the file, for one-line error messages.
struct Context
{
    const std::string& source;
    std::string rule; // "rule 'ERL-02'" or "rule #3"

    [[noreturn]] void fail(const YAML::Node& node, const std::string& problem) const
    {
        std::string where = source;
        if (node.IsDefined() && node.Mark().line >= 0)
            where += ":" + std::to_string(node.Mark().line + 1);
        throw ConfigError(where + ": " + (rule.empty() ? "" : rule + ": ") + problem);
    }
};

std::string scalar(const Context& ctx, const YAML::Node& node, const std::string& field)
{
    if (!node.IsScalar())
        ctx.fail(node, "field '" + field + "' must be a single value");
    return node.Scalar();
}

std::vector<std::string> scalarList(const Context& ctx, const YAML::Node& node,
                                    const std::string& field)
{
    std::vector<std::string> out;
    if (node.IsScalar())
        out.push_back(node.Scalar());
    else if (node.IsSequence())
    {
        for (const auto& item : node)
            out.push_back(scalar(ctx, item, field));
    }
    else
        ctx.fail(node, "field '" + field + "' must be a value or a list of values");
    if (out.empty())
        ctx.fail(node, "field '" + field + "' is an empty list");
    return out;
}

bool boolean(const Context& ctx, const YAML::Node& node, const std::string& field)
{
    const std::string text = scalar(ctx, node, field);
    if (text == "true")
        return true;
    if (text == "false")
        return false;
    ctx.fail(node, "field '" + field + "': '" + text + "' is not true or false");
}

int integer(const Context& ctx, const YAML::Node& node, const std::string& field)
{
    const std::string text = scalar(ctx, node, field);
    if (const auto value = parseInteger(text); value && *value >= std::numeric_limits<int>::min() &&
                                               *value <= std::numeric_limits<int>::max())
        return static_cast<int>(*value);
    ctx.fail(node, "field '" + field + "': '" + text + "' is not an integer");
}

void checkWords(const Context& ctx, const YAML::Node& node, const std::string& field,
                const std::vector<std::string>& values, const std::set<std::string>& allowed)
{
    for (const auto& v : values)
    {
        if (allowed.count(v) == 0)
            ctx.fail(node, "field '" + field + "': '" + v + "' is not one of " + joined(allowed));
    }
}

void requireMap(const Context& ctx, const YAML::Node& node, const std::string& field)
{
    if (!node.IsMap())
        ctx.fail(node, "field '" + field + "' must be a mapping of name: value");
}

// --- zone conditions ------------------------------------------------------------------------

std::vector<Condition> parseZone(const Context& ctx, const YAML::Node& node,
                                 const std::string& field, const std::string& kind,
                                 const Vocabulary& vocabulary);

Condition parseAlsoHit(const Context& ctx, const YAML::Node& node, const Vocabulary& vocabulary)
{
    requireMap(ctx, node, "also_hit");
    Condition c;
    c.type = Condition::Type::AlsoHit;
    // A handle copy: `item` is a temporary of yaml-cpp's iterator, gone after each step.
    std::optional<YAML::Node> zone;
    for (const auto& item : node)
    {
        const std::string key = item.first.Scalar();
        if (key == "kind")
        {
            c.field = scalar(ctx, item.second, "also_hit.kind");
            checkWords(ctx, item.second, "also_hit.kind", {c.field}, vocabulary.zoneKinds);
        }
        else if (key == "zone")
            zone.emplace(item.second);
        else
            ctx.fail(item.first, "unknown field 'also_hit." + key + "' (known: kind, zone)");
    }
    if (c.field.empty())
        ctx.fail(node, "field 'also_hit.kind' is missing");
    c.groups.push_back(zone ? parseZone(ctx, *zone, "also_hit.zone", c.field, vocabulary)
                            : std::vector<Condition>{});
    return c;
}

// Values of an attribute with a vocabulary domain (level, zoning…) are stored as canonical
// values, so that a rule written `level: [I, 一级]` matches a zone whose level is 一级保护区.
std::vector<std::string> domainValues(const Context& ctx, const YAML::Node& node,
                                      const std::string& field, const char* domain,
                                      const std::vector<std::string>& values,
                                      const Vocabulary& vocabulary)
{
    std::vector<std::string> out;
    for (const auto& v : values)
    {
        const auto canonical = vocabulary.zoneValue(domain, v);
        if (canonical.empty())
            ctx.fail(node, "field '" + field + "': '" + v + "' is not a " +
                               findTermDomain(domain)->title +
                               " (known: " + domainValueList(domain) +
                               ", or their spellings; declare others under zone_values)");
        for (const auto& c : canonical)
        {
            if (std::find(out.begin(), out.end(), c) == out.end())
                out.push_back(c);
        }
    }
    return out;
}

Condition parseZoneAttribute(const Context& ctx, const std::string& attribute,
                             const YAML::Node& node, const std::string& field,
                             const std::string& kind, const Vocabulary& vocabulary)
{
    Condition c;
    c.type = Condition::Type::ZoneText;
    c.field = attribute;
    const char* domain = zoneFieldDomain(kind, attribute);
    const auto canonical = [&](const YAML::Node& at, const std::string& name)
    {
        const auto values = scalarList(ctx, at, name);
        if (domain)
            return domainValues(ctx, at, name, domain, values, vocabulary);
        // Free-text values are compared trimmed and case-folded; store them that way.
        std::vector<std::string> folded;
        for (const auto& v : values)
            folded.push_back(normalizeSpelling(v));
        return folded;
    };
    if (!node.IsMap())
    {
        c.op = Condition::TextOp::OneOf;
        c.values = canonical(node, field);
        return c;
    }
    if (node.size() != 1)
        ctx.fail(node, "field '" + field + "' must hold exactly one test");
    const auto item = *node.begin();
    const std::string op = item.first.Scalar();
    const std::string opField = field + "." + op;
    if (op == "equals" || op == "one_of")
        c.values = canonical(item.second, opField);
    else if (op == "not_one_of")
    {
        c.op = Condition::TextOp::NotOneOf;
        c.values = canonical(item.second, opField);
    }
    else if (op == "contains")
    {
        c.op = Condition::TextOp::Contains;
        c.values = scalarList(ctx, item.second, opField);
    }
    else if (op == "exists")
        c.op = boolean(ctx, item.second, opField) ? Condition::TextOp::Exists
                                                  : Condition::TextOp::Missing;
    else
        ctx.fail(item.first, "unknown test '" + opField +
                                 "' (known: equals, one_of, not_one_of, contains, exists)");
    return c;
}

std::vector<Condition> parseZone(const Context& ctx, const YAML::Node& node,
                                 const std::string& field, const std::string& kind,
                                 const Vocabulary& vocabulary)
{
    requireMap(ctx, node, field);
    std::vector<Condition> out;
    for (const auto& item : node)
    {
        const std::string key = item.first.Scalar();
        const std::string sub = field + "." + key;
        if (key == "any_of")
        {
            if (!item.second.IsSequence() || item.second.size() == 0)
                ctx.fail(item.second, "field '" + sub + "' must be a list of condition maps");
            Condition c;
            c.type = Condition::Type::AnyOf;
            for (const auto& alternative : item.second)
                c.groups.push_back(parseZone(ctx, alternative, sub, kind, vocabulary));
            out.push_back(std::move(c));
        }
        else
            out.push_back(parseZoneAttribute(ctx, key, item.second, sub, kind, vocabulary));
    }
    return out;
}

// --- project conditions ---------------------------------------------------------------------

Condition parseProjectWord(const Context& ctx, const std::string& attribute, const YAML::Node& node,
                           const std::string& field, const std::set<std::string>& allowed)
{
    Condition c;
    c.type = Condition::Type::ProjectText;
    c.field = attribute;
    if (node.IsMap())
    {
        if (node.size() != 1)
            ctx.fail(node, "field '" + field + "' must hold exactly one test");
        const auto item = *node.begin();
        const std::string op = item.first.Scalar();
        if (op == "one_of")
            c.op = Condition::TextOp::OneOf;
        else if (op == "not_one_of")
            c.op = Condition::TextOp::NotOneOf;
        else
            ctx.fail(item.first,
                     "unknown test '" + field + "." + op + "' (known: one_of, not_one_of)");
        c.values = scalarList(ctx, item.second, field + "." + op);
        checkWords(ctx, item.second, field + "." + op, c.values, allowed);
        return c;
    }
    c.values = scalarList(ctx, node, field);
    checkWords(ctx, node, field, c.values, allowed);
    return c;
}

std::string industryCode(const Context& ctx, const YAML::Node& node, const std::string& field)
{
    const std::string text = scalar(ctx, node, field);
    const auto code = normalizeIndustryCode(text);
    if (!code)
        ctx.fail(node, "field '" + field + "': '" + text + "' is not a GB/T 4754 code prefix");
    return *code;
}

Condition parseIndustryCode(const Context& ctx, const YAML::Node& node, const std::string& field)
{
    Condition c;
    c.type = Condition::Type::IndustryCode;
    c.field = "industry_code";
    if (!node.IsMap())
    {
        if (node.IsSequence())
        {
            for (const auto& v : node)
                c.values.push_back(industryCode(ctx, v, field));
        }
        else
            c.values.push_back(industryCode(ctx, node, field));
        return c;
    }
    if (node.size() != 1)
        ctx.fail(node, "field '" + field + "' must hold exactly one test (prefix or range)");
    const auto item = *node.begin();
    const std::string op = item.first.Scalar();
    if (op == "prefix")
    {
        if (item.second.IsSequence())
        {
            for (const auto& v : item.second)
                c.values.push_back(industryCode(ctx, v, field + ".prefix"));
        }
        else
            c.values.push_back(industryCode(ctx, item.second, field + ".prefix"));
    }
    else if (op == "range")
    {
        if (!item.second.IsSequence() || item.second.size() != 2)
            ctx.fail(item.second, "field '" + field + ".range' must be [first, last]");
        c.range = std::make_pair(industryCode(ctx, item.second[0], field + ".range"),
                                 industryCode(ctx, item.second[1], field + ".range"));
        if (c.range->first > c.range->second)
            ctx.fail(item.second, "field '" + field + ".range': first code is after the last");
    }
    else
        ctx.fail(item.first, "unknown test '" + field + "." + op + "' (known: prefix, range)");
    return c;
}

std::vector<Condition> parseProject(const Context& ctx, const YAML::Node& node,
                                    const std::string& field, const Vocabulary& vocabulary)
{
    requireMap(ctx, node, field);
    std::vector<Condition> out;
    for (const auto& item : node)
    {
        const std::string key = item.first.Scalar();
        const std::string sub = field + "." + key;
        const YAML::Node& value = item.second;
        if (key == "project_type")
            out.push_back(parseProjectWord(ctx, key, value, sub, vocabulary.projectTypes));
        else if (key == "construction")
            out.push_back(parseProjectWord(ctx, key, value, sub, vocabulary.constructions));
        else if (key == "industry_code")
            out.push_back(parseIndustryCode(ctx, value, sub));
        else if (key == "zj_industrial_class")
        {
            Condition c;
            c.type = Condition::Type::IndustryClass;
            c.field = key;
            const auto add = [&](const YAML::Node& v)
            {
                const int cls = integer(ctx, v, sub);
                if (cls < 1 || cls > 3)
                    ctx.fail(v, "field '" + sub + "': " + std::to_string(cls) +
                                    " is not one of 1, 2, 3");
                c.classes.push_back(cls);
            };
            if (value.IsSequence())
            {
                for (const auto& v : value)
                    add(v);
            }
            else
                add(value);
            out.push_back(std::move(c));
        }
        else if (key == "geometry")
        {
            Condition c;
            c.type = Condition::Type::GeometryKind;
            c.field = key;
            c.values = scalarList(ctx, value, sub);
            checkWords(ctx, value, sub, c.values, {"point", "line", "area"});
            out.push_back(std::move(c));
        }
        else if (key == "any_of")
        {
            if (!value.IsSequence() || value.size() == 0)
                ctx.fail(value, "field '" + sub + "' must be a list of condition maps");
            Condition c;
            c.type = Condition::Type::AnyOf;
            for (const auto& alternative : value)
                c.groups.push_back(parseProject(ctx, alternative, sub, vocabulary));
            out.push_back(std::move(c));
        }
        else if (vocabulary.flags.count(key) != 0)
        {
            Condition c;
            c.type = Condition::Type::Flag;
            c.field = key;
            c.flagValue = boolean(ctx, value, sub);
            out.push_back(std::move(c));
        }
        else
            ctx.fail(item.first, "unknown project attribute '" + sub +
                                     "' (known: project_type, construction, industry_code, "
                                     "zj_industrial_class, geometry, any_of and the flags " +
                                     joined(vocabulary.flags) + ")");
    }
    return out;
}

// --- rules ----------------------------------------------------------------------------------

std::vector<RuleNote> parseNotes(const Context& ctx, const YAML::Node& node,
                                 const Vocabulary& vocabulary)
{
    if (!node.IsSequence() || node.size() == 0)
        ctx.fail(node, "field 'notes' must be a list of {when, zh, en}");
    std::vector<RuleNote> notes;
    for (const auto& item : node)
    {
        requireMap(ctx, item, "notes");
        RuleNote note;
        for (const auto& field : item)
        {
            const std::string key = field.first.Scalar();
            if (key == "when")
                note.when = parseProject(ctx, field.second, "notes.when", vocabulary);
            else if (key == "zh")
                note.zh = scalar(ctx, field.second, "notes.zh");
            else if (key == "en")
                note.en = scalar(ctx, field.second, "notes.en");
            else
                ctx.fail(field.first, "unknown field 'notes." + key + "' (known: when, zh, en)");
        }
        if (note.when.empty() || note.zh.empty() || note.en.empty())
            ctx.fail(item, "a note needs 'when' (project tests), 'zh' and 'en'");
        notes.push_back(std::move(note));
    }
    return notes;
}

const std::set<std::string> kRuleFields{"id",          "zone_kind", "zone",     "also_hit",
                                        "project",     "hit",       "verdict",  "verdict_from_kind",
                                        "reason_zh",   "reason_en", "citation", "confidence",
                                        "specificity", "fallback",  "notes"};

RuleRecord parseRule(const Context& fileCtx, const YAML::Node& node, std::size_t index,
                     const Vocabulary& vocabulary)
{
    Context ctx{fileCtx.source, "rule #" + std::to_string(index + 1)};
    if (!node.IsMap())
        ctx.fail(node, "a rule must be a mapping of field: value");
    RuleRecord r;
    r.index = index;
    r.line = node.Mark().line + 1;
    if (node["id"])
    {
        r.id = scalar(ctx, node["id"], "id");
        ctx.rule = "rule '" + r.id + "'";
    }
    else
        ctx.fail(node, "field 'id' is missing");

    for (const auto& item : node)
    {
        const std::string key = item.first.Scalar();
        if (kRuleFields.count(key) == 0)
            ctx.fail(item.first,
                     "unknown field '" + key + "' (known: " + joined(kRuleFields) + ")");
    }
    for (const char* required : {"zone_kind", "reason_zh", "reason_en", "confidence"})
    {
        if (!node[required])
            ctx.fail(node, std::string("field '") + required + "' is missing");
    }

    r.zoneKind = scalar(ctx, node["zone_kind"], "zone_kind");
    if (vocabulary.zoneKinds.count(r.zoneKind) == 0)
        ctx.fail(node["zone_kind"], "field 'zone_kind': unknown zone kind '" + r.zoneKind +
                                        "' (known: " + joined(vocabulary.zoneKinds) +
                                        "; declare others under zone_kinds)");
    if (node["zone"])
        r.zone = parseZone(ctx, node["zone"], "zone", r.zoneKind, vocabulary);
    if (const auto also = node["also_hit"])
    {
        if (also.IsSequence())
        {
            for (const auto& item : also)
                r.zone.push_back(parseAlsoHit(ctx, item, vocabulary));
        }
        else
            r.zone.push_back(parseAlsoHit(ctx, also, vocabulary));
    }
    if (node["project"])
        r.project = parseProject(ctx, node["project"], "project", vocabulary);

    if (const auto hit = node["hit"])
    {
        const std::string mode = scalar(ctx, hit, "hit");
        if (mode == "overlap")
            r.hit = HitMode::Overlap;
        else if (mode == "buffer")
            r.hit = HitMode::Buffer;
        else if (mode == "any")
            r.hit = HitMode::Any;
        else if (mode == "outside")
            r.hit = HitMode::Outside;
        else
            ctx.fail(hit,
                     "field 'hit': '" + mode + "' is not one of overlap, buffer, any, outside");
    }

    if (node["verdict"] && node["verdict_from_kind"])
        ctx.fail(node, "fields 'verdict' and 'verdict_from_kind' exclude each other");
    if (const auto verdict = node["verdict"])
    {
        const std::string text = scalar(ctx, verdict, "verdict");
        r.verdict = parseVerdict(text);
        if (!r.verdict)
            ctx.fail(verdict, "field 'verdict': '" + text +
                                  "' is not one of prohibited, restricted, needs_review, allowed");
    }
    else if (const auto from = node["verdict_from_kind"])
    {
        r.verdictFromKind = scalar(ctx, from, "verdict_from_kind");
        if (vocabulary.zoneKinds.count(r.verdictFromKind) == 0)
            ctx.fail(from, "field 'verdict_from_kind': unknown zone kind '" + r.verdictFromKind +
                               "' (known: " + joined(vocabulary.zoneKinds) + ")");
        if (r.verdictFromKind == r.zoneKind)
            ctx.fail(from, "field 'verdict_from_kind' must name another zone kind");
    }
    else
        ctx.fail(node, "field 'verdict' is missing");

    r.reasonZh = scalar(ctx, node["reason_zh"], "reason_zh");
    r.reasonEn = scalar(ctx, node["reason_en"], "reason_en");
    if (node["citation"])
        r.citation = scalar(ctx, node["citation"], "citation");
    r.confidence = scalar(ctx, node["confidence"], "confidence");
    if (r.confidence == "-")
        r.confidence.clear();
    else if (r.confidence != "V" && r.confidence != "P" && r.confidence != "U")
        ctx.fail(node["confidence"],
                 "field 'confidence': '" + r.confidence + "' is not one of V, P, U, -");

    if (const auto notes = node["notes"])
        r.notes = parseNotes(ctx, notes, vocabulary);
    if (node["fallback"])
        r.fallback = boolean(ctx, node["fallback"], "fallback");
    if (node["specificity"])
    {
        r.specificity = integer(ctx, node["specificity"], "specificity");
        r.specificityGiven = true;
    }
    else
        r.specificity = static_cast<int>(r.zone.size() + r.project.size());
    if (r.hit == HitMode::Outside && (!r.zone.empty() || !r.verdictFromKind.empty()))
        ctx.fail(node, "an 'outside' rule (site outside every zone of its kind) can have no zone "
                       "conditions and needs a fixed verdict");
    return r;
}

void extend(const Context& ctx, const YAML::Node& root, const char* field,
            std::set<std::string>& words)
{
    if (const auto node = root[field])
    {
        for (const auto& w : scalarList(ctx, node, field))
            words.insert(w);
    }
}

} // namespace

RuleFile parseRuleFile(const std::string& text, const std::string& sourceName)
{
    const Context ctx{sourceName, {}};
    YAML::Node root;
    try
    {
        root = YAML::Load(text);
    }
    catch (const YAML::ParserException& e)
    {
        throw ConfigError(sourceName + ":" + std::to_string(e.mark.line + 1) +
                          ": not valid YAML: " + e.msg);
    }
    if (!root.IsMap())
        ctx.fail(root, "a rule file must be a mapping with a 'rules' list");

    const std::set<std::string> known{
        "name",  "version",      "description", "zone_kinds",       "project_types",
        "flags", "opt_in_flags", "zone_values", "protective_kinds", "rules"};
    for (const auto& item : root)
    {
        const std::string key = item.first.Scalar();
        if (known.count(key) == 0)
            ctx.fail(item.first, "unknown field '" + key + "' (known: " + joined(known) + ")");
    }

    RuleFile file;
    file.name = root["name"] ? scalar(ctx, root["name"], "name") : sourceName;
    file.version = root["version"] ? scalar(ctx, root["version"], "version") : "1";
    if (root["description"])
        file.description = scalar(ctx, root["description"], "description");
    file.vocabulary = Vocabulary::builtin();
    extend(ctx, root, "zone_kinds", file.vocabulary.zoneKinds);
    extend(ctx, root, "project_types", file.vocabulary.projectTypes);
    extend(ctx, root, "flags", file.vocabulary.flags);
    extend(ctx, root, "opt_in_flags", file.vocabulary.optInFlags);
    extend(ctx, root, "protective_kinds", file.vocabulary.protectiveKinds);
    for (const auto& kind : file.vocabulary.protectiveKinds)
    {
        if (file.vocabulary.zoneKinds.count(kind) == 0)
            ctx.fail(root["protective_kinds"], "field 'protective_kinds': '" + kind +
                                                   "' is not one of the zone kinds " +
                                                   joined(file.vocabulary.zoneKinds));
    }
    if (const auto values = root["zone_values"])
    {
        requireMap(ctx, values, "zone_values");
        for (const auto& item : values)
        {
            const std::string domain = item.first.Scalar();
            static const std::set<std::string> kZoneDomains{
                "redline_type", "unit_type", "key_subtype", "level",
                "category",     "zoning",    "prohibition"};
            if (kZoneDomains.count(domain) == 0)
                ctx.fail(item.first, "field 'zone_values." + domain +
                                         "': not a zone-attribute domain (known: redline_type, "
                                         "unit_type, key_subtype, level, category, zoning, "
                                         "prohibition)");
            for (const auto& w : scalarList(ctx, item.second, "zone_values." + domain))
                file.vocabulary.zoneValues[domain].insert(w);
        }
    }
    for (const auto& flag : file.vocabulary.optInFlags)
    {
        if (file.vocabulary.flags.count(flag) == 0)
            ctx.fail(root["opt_in_flags"], "field 'opt_in_flags': '" + flag +
                                               "' is not one of the flags " +
                                               joined(file.vocabulary.flags));
    }

    const auto rules = root["rules"];
    if (!rules || !rules.IsSequence())
        ctx.fail(root, "field 'rules' must be a list of rule records");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < rules.size(); ++i)
    {
        RuleRecord r = parseRule(ctx, rules[i], i, file.vocabulary);
        if (!ids.insert(r.id).second)
            throw ConfigError(sourceName + ":" + std::to_string(r.line) + ": rule '" + r.id +
                              "': field 'id': duplicate rule id");
        file.rules.push_back(std::move(r));
    }
    return file;
}

} // namespace redline::detail
