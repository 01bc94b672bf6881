#include "ehcp/load/loader.hpp"
#include "ehcp/load/record_schema.hpp"
#include "ehcp/load/record_template.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using nlohmann::json;

namespace {

// The top-level keys of ehcp-record/1, in the order of docs/record-format.md.
constexpr std::array<std::string_view, 15> kTopLevelKeys{
    "format", "pupil", "request", "needs", "attainment", "cognitive_assessments", "functional_skills",
    "attendance", "support_cycles", "provision", "external_support", "indicators", "wellbeing", "post18",
    "documents"};

bool is_object_schema(const json& node) {
    auto type = node.find("type");
    if (type == node.end()) return false;
    if (type->is_string()) return *type == "object";
    return std::find(type->begin(), type->end(), "object") != type->end();
}

// Every object schema (one whose type admits an object) closes itself and describes each
// property. Subschemas that only constrain (the anyOf of attainment measures) are not objects.
void check_objects(const json& node, const std::string& where, int& objects_seen) {
    if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) check_objects(node[i], where + "[" + std::to_string(i) + "]", objects_seen);
        return;
    }
    if (!node.is_object()) return;
    if (is_object_schema(node)) {
        CHECK(node.contains("properties"));
        ++objects_seen;
        INFO("object schema at ", where);
        CHECK(node.value("additionalProperties", true) == false);
        for (const auto& [key, property] : node["properties"].items()) {
            INFO("property ", key);
            CHECK(property.contains("description"));
        }
    }
    for (const auto& [key, child] : node.items()) check_objects(child, where + "/" + key, objects_seen);
}

}  // namespace

TEST_CASE("the record schema is draft 2020-12 and names every top-level key") {
    const json schema = ehcp::record_json_schema({});
    CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    CHECK(schema.at("$id").get<std::string>().find(".invalid/") != std::string::npos);
    CHECK(schema.contains("$comment"));
    CHECK(schema.at("additionalProperties") == false);
    CHECK(schema.at("required") == json::array({"format", "pupil"}));
    CHECK(schema.at("properties").at("format").at("const") == "ehcp-record/1");

    const auto& properties = schema.at("properties");
    for (auto key : kTopLevelKeys) {
        INFO("top-level key ", key);
        CHECK(properties.contains(std::string(key)));
    }
    CHECK(properties.size() == kTopLevelKeys.size());
}

TEST_CASE("every object in the schema is closed and every property described") {
    int objects_seen = 0;
    check_objects(ehcp::record_json_schema({}), "#", objects_seen);
    CHECK(objects_seen >= 19);  // the record, its 7 map sections, 11 kinds of list entry
}

TEST_CASE("the schema's references all resolve to $defs") {
    const json schema = ehcp::record_json_schema({});
    std::vector<std::string> refs;
    auto collect = [&refs](const json& node, auto&& self) -> void {
        if (node.is_object()) {
            if (auto it = node.find("$ref"); it != node.end()) refs.push_back(it->get<std::string>());
            for (const auto& child : node) self(child, self);
        } else if (node.is_array()) {
            for (const auto& child : node) self(child, self);
        }
    };
    collect(schema, collect);
    REQUIRE_FALSE(refs.empty());
    for (const auto& ref : refs) {
        INFO("$ref ", ref);
        REQUIRE(ref.rfind("#/$defs/", 0) == 0);
        CHECK(schema.at("$defs").contains(ref.substr(8)));
    }
    const auto& date = schema.at("$defs").at("date");
    CHECK(date.at("type") == "string");
    CHECK(date.at("format") == "date");
    CHECK(date.at("pattern") == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
}

TEST_CASE("the rule pack's indicator ids become the enum of indicators[].id") {
    const std::vector<std::string> ids{"cl1", "cl2", "semh3", "other7"};
    const json schema = ehcp::record_json_schema(ids);
    const auto& id = schema.at("properties").at("indicators").at("items").at("properties").at("id");
    REQUIRE(id.contains("enum"));
    CHECK(id.at("enum") == json(ids));
    CHECK(id.contains("description"));

    const json without = ehcp::record_json_schema({});
    CHECK_FALSE(without.at("properties").at("indicators").at("items").at("properties").at("id").contains("enum"));
}

TEST_CASE("needs.sen_types in the schema: the loader's codes, at most two, all different") {
    const json schema = ehcp::record_json_schema({});
    const auto& sen_types = schema.at("properties").at("needs").at("properties").at("sen_types");
    std::vector<std::string> codes(ehcp::EnumNames<ehcp::SenType>::names.begin(),
                                   ehcp::EnumNames<ehcp::SenType>::names.end());
    CHECK(sen_types.at("items").at("enum") == json(codes));
    CHECK(sen_types.at("maxItems") == 2);
    CHECK(sen_types.at("uniqueItems") == true);
}

TEST_CASE("the schema text round-trips through a dump") {
    const json schema = ehcp::record_json_schema({"cl1"});
    CHECK(json::parse(schema.dump(2)) == schema);
}

TEST_CASE("the record template is YAML with every top-level section") {
    const std::string text = ehcp::record_template();
    YAML::Node doc;
    REQUIRE_NOTHROW(doc = YAML::Load(text));
    REQUIRE(doc.IsMap());

    std::set<std::string> keys;
    for (const auto& entry : doc) keys.insert(entry.first.as<std::string>());
    for (auto key : kTopLevelKeys) {
        INFO("section ", key);
        CHECK(keys.count(std::string(key)) == 1);
    }
    CHECK(keys.size() == kTopLevelKeys.size());

    CHECK(doc["format"].as<std::string>() == "ehcp-record/1");
    // Required values are left empty for the SENCO; optional sections are null (absent).
    CHECK(doc["pupil"]["id"].as<std::string>().empty());
    CHECK(doc["pupil"]["date_of_birth"].IsNull());
    CHECK(doc["attainment"].IsNull());
    CHECK(doc["request"].IsNull());
}

TEST_CASE("the record template says the tool reports readiness, not a decision") {
    const std::string text = ehcp::record_template();
    CHECK(text.find("does not make a decision") != std::string::npos);
    CHECK(text.find("REQUIRED") != std::string::npos);
    for (std::string_view id : {"cl1", "semh1", "ci1", "sp1", "other1"}) CHECK(text.find(id) != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') < 200);
}

namespace {

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
}

ehcp::LoadedRecord load_template_text(const std::string& text) {
    ehcp::LoadOptions options;
    options.as_of = ehcp::Date{2026, 11, 22};
    options.indicator_ids = {"cl1", "cl2", "semh1"};
    return ehcp::load_record_text(text, {"template.yaml", 0, 1}, ".", options);
}

}  // namespace

TEST_CASE("the loader reads the unfilled template with only the two required errors") {
    const auto loaded = load_template_text(ehcp::record_template());
    CHECK_FALSE(loaded.valid());
    std::set<std::string> error_paths;
    for (const auto& d : loaded.diagnostics) {
        INFO(ehcp::format_diagnostic(d));
        CHECK(d.severity == ehcp::Severity::error);
        CHECK(d.code == "field.required");
        error_paths.insert(d.path);
    }
    CHECK(error_paths == std::set<std::string>{"pupil.id", "pupil.date_of_birth"});
}

TEST_CASE("the loader reads the filled-in template without a problem") {
    std::string text = ehcp::record_template();
    text = replace_once(text, "  id: \"\"", "  id: \"T-000001\"");
    text = replace_once(text, "  date_of_birth:    ", "  date_of_birth: 2016-05-14");
    const auto loaded = load_template_text(text);
    std::string problems;
    for (const auto& d : loaded.diagnostics) problems += ehcp::format_diagnostic(d) + "\n";
    INFO(problems);
    CHECK(loaded.valid());
    CHECK(loaded.diagnostics.empty());
    REQUIRE(loaded.record.has_value());
    CHECK(loaded.record->pupil.id == "T-000001");
    CHECK_FALSE(loaded.record->request.has_value());  // an empty section is absent
    CHECK(loaded.record->attainment.empty());
}
