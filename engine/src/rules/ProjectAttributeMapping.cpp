#include "redline/rules/ProjectAttributeMapping.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "redline/core/Error.hpp"
#include "redline/rules/Terms.hpp"

#include "LandUseClasses.hpp"

namespace redline
{
namespace
{

constexpr std::size_t kDbfNameBytes = 10; // dBASE field names: at most 10 bytes

// Field names applicants use for the project attributes besides the attribute's own name.
const std::map<std::string, std::vector<std::string>>& fieldAliases()
{
    static const std::map<std::string, std::vector<std::string>> kAliases = {
        {"project_type", {"项目类型", "项目类别", "建设项目类型", "XMLX"}},
        {"construction", {"建设性质", "JSXZ"}},
        {"industry_code", {"行业代码", "行业类别代码", "行业分类代码", "国民经济行业代码", "HYDM"}},
        {"zj_industrial_class", {"工业项目类别", "工业项目分类"}},
        {"discharges_pollutants", {"是否排放污染物", "是否排污", "排放污染物"}},
        {"sewage_outfall", {"是否设排污口", "是否设置排污口", "设排污口"}},
        {"increases_discharge", {"是否增加排污量", "增加排污量"}},
        {"heavy_water_polluter", {"是否严重污染水体", "严重污染水体"}},
        {"high_total_nitrogen", {"是否总氮排放量大", "总氮排放量大"}},
        {"new_construction_land", {"是否新增建设用地", "新增建设用地"}},
        {"unavoidable", {"是否无法避让", "是否必须且无法避让", "无法避让", "不可避让"}},
        {"in_county_plan",
         {"是否符合国土空间规划", "是否符合县级以上国土空间规划", "符合国土空间规划"}},
        {"national_major", {"是否国家重大项目", "国家重大项目"}},
        {"stores_solid_waste", {"是否堆放固体废物"}},
        {"hazardous_goods", {"是否涉及危险品"}},
        {"ship_washing", {"是否冲洗船舶"}},
        {"pollutant_wharf", {"是否设置污染物装卸码头"}},
        {"toxic_container_washing", {"是否清洗有毒容器"}},
        {"high_toxicity_pesticide", {"是否使用高毒农药"}},
        {"waste_dumping", {"是否倾倒垃圾污水"}},
        {"pollutes_or_damages", {"是否污染环境破坏资源"}},
    };
    return kAliases;
}

// Fields that hold a 界址点 list's land use (用地用海分类 code or name).
const std::vector<std::string> kLandUseFields = {"地块用途", "DKYT"};

std::string lowerAscii(std::string text)
{
    for (char& c : text)
    {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

std::size_t utf8Length(unsigned char lead)
{
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// The ways a name longer than 10 bytes comes back from a Shapefile: cut at byte 10 (GDAL cuts
// UTF-8 names mid-character), cut at the last whole UTF-8 character, or — for a GBK (.cpg 936)
// file, where a Chinese character takes 2 bytes — cut after the characters that fit.
std::vector<std::string> truncations(const std::string& name)
{
    std::vector<std::string> out;
    if (name.size() <= kDbfNameBytes)
        return out;
    out.push_back(name.substr(0, kDbfNameBytes));
    std::size_t utf8 = 0;
    std::size_t gbkBytes = 0;
    std::size_t gbk = 0;
    for (std::size_t i = 0; i < name.size();)
    {
        const std::size_t n = utf8Length(static_cast<unsigned char>(name[i]));
        if (i + n <= kDbfNameBytes)
            utf8 = i + n;
        gbkBytes += n == 1 ? 1 : 2;
        if (gbkBytes <= kDbfNameBytes)
            gbk = i + n;
        i += n;
    }
    out.push_back(name.substr(0, utf8));
    if (gbk < name.size())
        out.push_back(name.substr(0, gbk));
    return out;
}

// A field name for messages: GDAL cuts UTF-8 names mid-character, and outputs must stay valid
// UTF-8, so bytes that do not form a character are shown as U+FFFD.
std::string shown(const std::string& name)
{
    std::string out;
    for (std::size_t i = 0; i < name.size();)
    {
        const auto lead = static_cast<unsigned char>(name[i]);
        const std::size_t n = utf8Length(lead);
        bool whole = (lead < 0x80 || lead >= 0xC0) && i + n <= name.size();
        for (std::size_t k = 1; whole && k < n; ++k)
            whole = (static_cast<unsigned char>(name[i + k]) & 0xC0) == 0x80;
        if (whole)
            out.append(name, i, n);
        else
            out += "\xEF\xBF\xBD";
        i += whole ? n : 1;
    }
    return out;
}

bool isAscii(const std::string& text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::pair<std::string, std::string> splitAssignment(const std::string& item,
                                                    const std::string& option)
{
    const auto eq = item.find('=');
    const std::string name = eq == std::string::npos ? "" : trim(item.substr(0, eq));
    const std::string value = eq == std::string::npos ? "" : trim(item.substr(eq + 1));
    if (name.empty() || (option == "--fields" && value.empty()))
        throw ConfigError(option + ": '" + item +
                          "' is not NAME=" + (option == "--fields" ? "SOURCE" : "VALUE"));
    return {name, value};
}

std::string fieldList(const Layer& layer)
{
    std::string out;
    for (const auto& f : layer.fieldNames)
        out += (out.empty() ? "" : ", ") + shown(f);
    return out;
}

std::string layerLabel(const Layer& layer)
{
    return layer.source.empty() ? std::string("sites") : layer.source;
}

const AttributeValue* valueOf(const Feature& f, const std::string& field)
{
    return f.attributes.find(field);
}

bool blank(const AttributeValue* v)
{
    return !v || normalizeSpelling(toText(*v)).empty();
}

std::string siteLabel(const Feature& f)
{
    const auto id = f.attributes.text("site_id");
    const auto name = f.attributes.text("name");
    std::string label = id && !id->empty() ? *id : std::to_string(f.fid);
    if (name && !name->empty())
        label += " (" + *name + ")";
    return label;
}

} // namespace

std::vector<std::pair<std::string, std::string>> parseFieldMapping(const std::string& text)
{
    std::vector<std::string> items;
    std::error_code ec;
    if (text.find('=') == std::string::npos && std::filesystem::is_regular_file(text, ec))
    {
        std::ifstream in(text, std::ios::binary);
        if (!in)
            throw IoError(text + ": cannot open the --fields file");
        std::string line;
        while (std::getline(in, line))
        {
            if (line.rfind("\xEF\xBB\xBF", 0) == 0)
                line.erase(0, 3);
            line = trim(line.substr(0, line.find('#')));
            if (!line.empty())
                items.push_back(line);
        }
        if (in.bad())
            throw IoError(text + ": cannot read the --fields file");
    }
    else
    {
        std::stringstream in(text);
        std::string item;
        while (std::getline(in, item, ','))
        {
            if (!trim(item).empty())
                items.push_back(item);
        }
    }
    if (items.empty())
        throw ConfigError("--fields: '" + text + "' is neither a file nor NAME=SOURCE pairs");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& item : items)
        out.push_back(splitAssignment(item, "--fields"));
    return out;
}

std::string attributeNameZh(const std::string& attribute)
{
    const auto it = fieldAliases().find(attribute);
    if (it != fieldAliases().end())
        for (const std::string& alias : it->second)
            if (std::any_of(alias.begin(), alias.end(),
                            [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
                return alias;
    return attribute;
}

std::pair<std::string, std::string> parseSiteAttribute(const std::string& text)
{
    return splitAssignment(text, "--site-attr");
}

ProjectAttributeMapping::ProjectAttributeMapping(const Vocabulary& vocabulary,
                                                 ProjectAttributeOptions options)
{
    m_attributes = {"project_type", "construction", "industry_code", "zj_industrial_class"};
    m_attributes.insert(m_attributes.end(), vocabulary.flags.begin(), vocabulary.flags.end());
    for (const auto& attribute : m_attributes)
    {
        std::vector<std::string> names{attribute};
        if (const auto it = fieldAliases().find(attribute); it != fieldAliases().end())
            names.insert(names.end(), it->second.begin(), it->second.end());
        for (const auto& name : names)
        {
            m_aliases[lowerAscii(name)].insert(attribute);
            for (const auto& cut : truncations(name))
                m_aliases[lowerAscii(cut)].insert(attribute);
        }
    }

    const auto resolve = [&](const std::string& name, const std::string& option)
    {
        const std::string attribute = attributeFor(name);
        if (attribute.empty())
        {
            std::string known;
            for (const auto& a : m_attributes)
                known += (known.empty() ? "" : ", ") + a;
            throw ConfigError(option + ": '" + name +
                              "' is not a project attribute (known: " + known + ")");
        }
        return attribute;
    };
    for (auto& [name, source] : options.fields)
        name = resolve(name, "--fields");
    for (auto& [key, value] : options.siteAttributes)
        key = resolve(key, "--site-attr");
    m_options = std::move(options);
}

std::string ProjectAttributeMapping::attributeFor(const std::string& field) const
{
    const auto it = m_aliases.find(lowerAscii(field));
    if (it == m_aliases.end() || it->second.size() != 1)
        return {};
    return *it->second.begin();
}

void ProjectAttributeMapping::apply(Layer& sites) const
{
    const std::string where = layerLabel(sites);
    std::map<std::string, std::string> source; // attribute -> field it is read from
    std::set<std::string> used;

    for (const auto& [attribute, field] : m_options.fields)
    {
        auto it = std::find(sites.fieldNames.begin(), sites.fieldNames.end(), field);
        if (it == sites.fieldNames.end())
            it = std::find_if(sites.fieldNames.begin(), sites.fieldNames.end(),
                              [&wanted = field](const std::string& f)
                              { return lowerAscii(f) == lowerAscii(wanted); });
        if (it == sites.fieldNames.end())
            throw ConfigError(where + ": --fields " + attribute + "=" + field +
                              ": the sites have no field '" + field +
                              "' (fields: " + fieldList(sites) + ")");
        source[attribute] = *it;
        used.insert(*it);
    }

    // The attribute's own name first (in any letter case), then the aliases.
    std::vector<std::string> order;
    for (const bool exact : {true, false})
    {
        for (const auto& field : sites.fieldNames)
        {
            const std::string a = attributeFor(field);
            if ((!a.empty() && lowerAscii(field) == a) == exact)
                order.push_back(field);
        }
    }
    std::vector<std::string> aliasNotes;
    for (const auto& field : order)
    {
        if (used.count(field) != 0)
            continue;
        const auto candidates = m_aliases.find(lowerAscii(field));
        if (candidates == m_aliases.end())
            continue;
        if (candidates->second.size() > 1)
        {
            std::string names;
            for (const auto& a : candidates->second)
                names += (names.empty() ? "" : " or ") + a;
            sites.warnings.push_back(where + ": field '" + shown(field) + "' could be " + names +
                                     " (a name cut to 10 bytes); it is not read — map it with "
                                     "--fields ATTRIBUTE=" +
                                     shown(field));
            used.insert(field);
            continue;
        }
        const std::string& attribute = *candidates->second.begin();
        const auto taken = source.find(attribute);
        if (taken != source.end())
        {
            sites.warnings.push_back(where + ": fields '" + shown(taken->second) + "' and '" +
                                     shown(field) + "' both give " + attribute + "; '" +
                                     shown(taken->second) + "' is read");
            used.insert(field);
            continue;
        }
        source[attribute] = field;
        used.insert(field);
        if (field != attribute)
            aliasNotes.push_back(shown(field) + " → " + attribute);
    }
    if (!aliasNotes.empty())
    {
        std::string list;
        for (const auto& n : aliasNotes)
            list += (list.empty() ? "" : ", ") + n;
        sites.warnings.push_back(where + ": fields read as project attributes: " + list);
    }

    // Fields that look like a project attribute but are not read.
    for (const auto& field : sites.fieldNames)
    {
        if (used.count(field) != 0 ||
            std::find(kLandUseFields.begin(), kLandUseFields.end(), field) != kLandUseFields.end())
            continue;
        std::string stem = lowerAscii(field);
        const auto underscore = stem.find_last_of('_');
        if (underscore != std::string::npos && underscore + 1 < stem.size() &&
            std::all_of(stem.begin() + static_cast<std::ptrdiff_t>(underscore) + 1, stem.end(),
                        [](char c) { return c >= '0' && c <= '9'; }))
            stem.erase(underscore); // GDAL's suffix for a cut name that collided: discharg_1
        bool looksLike = false;
        if (isAscii(stem))
        {
            looksLike = stem.size() >= 4 &&
                        std::any_of(m_attributes.begin(), m_attributes.end(),
                                    [&](const std::string& a)
                                    { return a.rfind(stem, 0) == 0 || stem.rfind(a, 0) == 0; });
        }
        else
        {
            looksLike = stem.rfind("是否", 0) == 0 || stem.rfind("有无", 0) == 0 ||
                        std::any_of(m_aliases.begin(), m_aliases.end(),
                                    [&](const auto& alias)
                                    {
                                        return stem.size() >= 6 &&
                                               alias.first.size() > stem.size() &&
                                               alias.first.rfind(stem, 0) == 0;
                                    });
        }
        if (looksLike)
            sites.warnings.push_back(where + ": field '" + shown(field) +
                                     "' looks like a project attribute but is not one Redline "
                                     "reads; map it with --fields ATTRIBUTE=" +
                                     shown(field) + " if it is one");
    }

    const auto addField = [&](const std::string& attribute)
    {
        if (std::find(sites.fieldNames.begin(), sites.fieldNames.end(), attribute) ==
            sites.fieldNames.end())
            sites.fieldNames.push_back(attribute);
    };
    for (const auto& [attribute, field] : source)
    {
        if (field == attribute)
            continue;
        bool replaced = false;
        for (Feature& f : sites.features)
        {
            const AttributeValue* own = valueOf(f, attribute);
            replaced = replaced || !blank(own);
            const AttributeValue* v = valueOf(f, field);
            f.attributes.set(attribute, v ? *v : AttributeValue());
        }
        if (replaced)
            sites.warnings.push_back(where + ": " + attribute + " is read from field '" +
                                     shown(field) + "' (--fields), not from the sites' own " +
                                     attribute);
        addField(attribute);
    }

    for (const auto& [attribute, value] : m_options.siteAttributes)
    {
        std::string replacedExample;
        for (Feature& f : sites.features)
        {
            const AttributeValue* own = valueOf(f, attribute);
            if (replacedExample.empty() && !blank(own) &&
                normalizeSpelling(toText(*own)) != normalizeSpelling(value))
                replacedExample = siteLabel(f) + ": " + toText(*own);
            f.attributes.set(attribute, value);
        }
        if (!replacedExample.empty())
            sites.warnings.push_back(where + ": --site-attr " + attribute + "=" + value +
                                     " replaces what the sites give (e.g. site " + replacedExample +
                                     ")");
        addField(attribute);
    }

    // 界址点 lists: 地块用途 -> project_type through the 用地用海分类.
    const auto landUseField =
        std::find_if(sites.fieldNames.begin(), sites.fieldNames.end(),
                     [](const std::string& f) {
                         return std::find(kLandUseFields.begin(), kLandUseFields.end(), f) !=
                                kLandUseFields.end();
                     });
    if (landUseField == sites.fieldNames.end())
        return;
    const std::string landUse = *landUseField;
    std::map<std::string, std::vector<std::string>> problems; // message -> sites
    std::map<std::string, std::vector<std::string>> mapped; // "1001 工业用地 → industrial" -> sites
    for (Feature& f : sites.features)
    {
        const AttributeValue* use = valueOf(f, landUse);
        if (blank(use))
            continue;
        const detail::LandUseReading reading = detail::readLandUse(toText(*use));
        const AttributeValue* own = valueOf(f, "project_type");
        const std::string text = landUse + " '" + toText(*use) + "'";
        if (!blank(own))
        {
            const auto stated = canonicalValues("project_type", toText(*own));
            if (reading.projectType &&
                std::find(stated.begin(), stated.end(), *reading.projectType) == stated.end())
                problems[text + " (" + reading.landClass + ", " + *reading.projectType +
                         ") differs from the project_type given, " + toText(*own) +
                         "; project_type is used"]
                    .push_back(siteLabel(f));
            continue;
        }
        if (!reading.projectType)
        {
            problems[text + " gives no project type: " + reading.problem +
                     "; state it with --site-attr project_type=…"]
                .push_back(siteLabel(f));
            continue;
        }
        f.attributes.set("project_type", *reading.projectType);
        mapped[reading.landClass + " → " + *reading.projectType].push_back(siteLabel(f));
    }
    const auto sitesOf = [](const std::vector<std::string>& labels)
    {
        std::string out;
        for (const auto& l : labels)
            out += (out.empty() ? "" : ", ") + l;
        return out;
    };
    for (const auto& [what, labels] : mapped)
        sites.warnings.push_back(where + ": project_type taken from " + landUse +
                                 " (用地用海分类): " + what + " for site " + sitesOf(labels));
    for (const auto& [what, labels] : problems)
        sites.warnings.push_back(where + ": site " + sitesOf(labels) + ": " + what);
    if (!mapped.empty())
        addField("project_type");
}

} // namespace redline
