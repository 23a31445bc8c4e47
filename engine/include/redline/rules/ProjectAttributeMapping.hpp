#pragma once
// Project attributes as applicants send them (issue 9): gives the loaded sites layer the
// attribute names the rules read (project_type, construction, industry_code,
// zj_industrial_class and the yes/no flags of the rule set's vocabulary), from
//  - the user's mapping (`--fields NAME=SOURCE,…` or a file of NAME=SOURCE lines), first;
//  - the attribute's own name, in any letter case;
//  - known aliases: the name cut to 10 bytes by the Shapefile format (project_ty, constructi,
//    discharges…; Chinese names cut in UTF-8 or GBK too), Chinese field names (项目类型, 建设性质,
//    是否设排污口, 行业代码 …) and their pinyin initials (XMLX, JSXZ, HYDM). An alias two
//    attributes share (a cut name that could be either) is not used: the field is named in a
//    warning;
//  - `--site-attr KEY=VALUE`, set on every site (for 界址点 lists and --site-wkt, which carry
//    no project attributes), replacing what the sites say;
//  - the 界址点 list's 地块用途, for sites without a project_type, through the national 用地用海
//    分类 (自然资源部 2023) where the land-use class names one project type (see LandUseClasses);
//    other land uses are a warning, never a guess.
// The value of each attribute is copied to a field with the attribute's name (the source field
// stays); values are read later through the vocabulary table (民宿, 新建, 是 …). A field that looks
// like a project attribute but is not read is a warning naming the field. Warnings go to the
// layer's `warnings`, each naming the sites file.
//
// The CLI builds the options from `redline screen --fields/--site-attr`; any other front end
// (the service's screening requests, the viewer) fills the same ProjectAttributeOptions.
// Immutable after construction; apply() may run concurrently on different layers.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "redline/data/Layer.hpp"
#include "redline/rules/Vocabulary.hpp"

namespace redline
{

struct ProjectAttributeOptions
{
    std::vector<std::pair<std::string, std::string>> fields;         // NAME -> SOURCE field
    std::vector<std::pair<std::string, std::string>> siteAttributes; // KEY -> VALUE
};

// One `--fields` value: the path of an existing file of NAME=SOURCE lines (UTF-8, `#` comments),
// or NAME=SOURCE[,NAME=SOURCE…]. Throws ConfigError (IoError for an unreadable file).
[[nodiscard]] std::vector<std::pair<std::string, std::string>>
parseFieldMapping(const std::string& text);
// One `--site-attr` value KEY=VALUE. Throws ConfigError.
[[nodiscard]] std::pair<std::string, std::string> parseSiteAttribute(const std::string& text);
// The Chinese name of a project attribute, for messages and reports: its first Chinese field name
// (是否排放污染物, 项目类型 …); the attribute itself when it has none.
[[nodiscard]] std::string attributeNameZh(const std::string& attribute);

class ProjectAttributeMapping
{
  public:
    // Throws ConfigError when a --fields NAME or --site-attr KEY is not a project attribute of
    // the vocabulary (its aliases are accepted: 项目类型=XMLB).
    ProjectAttributeMapping(const Vocabulary& vocabulary, ProjectAttributeOptions options);

    // Throws ConfigError when a --fields SOURCE is not a field of the layer.
    void apply(Layer& sites) const;

    // The project attribute a field name stands for: "" when none or when ambiguous.
    [[nodiscard]] std::string attributeFor(const std::string& field) const;
    // Every project attribute the vocabulary reads.
    [[nodiscard]] const std::vector<std::string>& attributes() const { return m_attributes; }

  private:
    std::vector<std::string> m_attributes;
    std::map<std::string, std::set<std::string>> m_aliases; // folded alias -> attributes
    ProjectAttributeOptions m_options;                      // NAMEs / KEYs resolved
};

} // namespace redline
