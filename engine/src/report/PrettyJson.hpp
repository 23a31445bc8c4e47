#pragma once
// Writes JSON laid out exactly as nlohmann::json's dump(indent) lays out a document whose objects
// are std::maps (keys in byte order, `indent` spaces per level, ": " after a key, "[]" and "{}"
// when empty; strings and numbers written by nlohmann itself), without building the document
// first: the screening report goes straight from the ScreeningReport to text (engine-internal).
// Keys must come in ascending byte order, as a std::map would hold them: a key out of order is a
// logic_error, so that the text can never differ from what the document would have printed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace redline::detail
{

class PrettyJson
{
  public:
    explicit PrettyJson(int indent) : m_indent(indent) { m_out.reserve(16384); }

    PrettyJson& beginObject();
    PrettyJson& endObject();
    PrettyJson& beginArray();
    PrettyJson& endArray();
    PrettyJson& key(std::string_view name);

    PrettyJson& string(const std::string& value);
    PrettyJson& number(double value);
    PrettyJson& integer(std::int64_t value);
    PrettyJson& boolean(bool value);
    PrettyJson& null();
    PrettyJson& strings(const std::vector<std::string>& values); // an array of strings
    PrettyJson& value(const nlohmann::json& value);              // any document, nested

    // The text written so far (the whole document once every level is closed).
    [[nodiscard]] std::string& text() { return m_out; }

  private:
    struct Level
    {
        bool object = false;
        std::size_t count = 0;
        std::string lastKey;
    };
    void beforeValue();
    void open(char bracket, bool object);
    void close(char bracket, bool object);
    void newLine(std::size_t depth);

    int m_indent;
    std::string m_out;
    std::vector<Level> m_levels;
};

} // namespace redline::detail
