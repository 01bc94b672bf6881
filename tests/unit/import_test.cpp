// ehcp import (issue 13): the need type and SEN provision mappings both ways, the section
// splice that keeps every other line, and the CSV cell conversions the map allows.
#include "ehcp/import/import.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

using namespace ehcp;
using namespace ehcp::import;
namespace fs = std::filesystem;

namespace {

struct TempFiles {
    fs::path dir = fs::temp_directory_path() / ("ehcp-import-test-" + std::to_string(::getpid()));
    TempFiles() { fs::create_directories(dir); }
    ~TempFiles() { fs::remove_all(dir); }
    std::string put(const std::string& name, const std::string& text) {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    }
};

ImportMap provision_map(bool day_first, bool pounds) {
    ImportMap m;
    m.path = "map.yaml";
    m.section = "provision";
    m.day_first_dates = day_first;
    m.pounds = pounds;
    m.fields = {{"name", "Intervention"}, {"hourly_rate", "Rate"}, {"review_date", "Review"}, {"delivered_by", "Staff"}};
    m.values["delivered_by"]["TA"] = "teaching_assistant";
    return m;
}

}  // namespace

TEST_CASE("need types map to the four broad areas, and only SEMH maps back to one code") {
    CHECK(ctf_need_area("SPLD") == AreaOfNeed::cognition_and_learning);
    CHECK(ctf_need_area("MLD") == AreaOfNeed::cognition_and_learning);
    CHECK(ctf_need_area("SLD") == AreaOfNeed::cognition_and_learning);
    CHECK(ctf_need_area("PMLD") == AreaOfNeed::cognition_and_learning);
    CHECK(ctf_need_area("SEMH") == AreaOfNeed::social_emotional_mental_health);
    CHECK(ctf_need_area("SLCN") == AreaOfNeed::communication_and_interaction);
    CHECK(ctf_need_area("ASD") == AreaOfNeed::communication_and_interaction);
    for (auto code : {"HI", "VI", "MSI", "PD"}) CHECK(ctf_need_area(code) == AreaOfNeed::sensory_and_physical);
    for (auto code : {"OTH", "NSA", "DS", "BESD", "", "spld"}) CHECK_FALSE(ctf_need_area(code));
    // The other way: an area is a code only where one code stands for it.
    CHECK(area_sen_type(AreaOfNeed::social_emotional_mental_health) == "SEMH");
    CHECK(area_sen_type(AreaOfNeed::communication_and_interaction).empty());
    CHECK(area_sen_type(AreaOfNeed::cognition_and_learning).empty());
    CHECK(area_sen_type(AreaOfNeed::sensory_and_physical).empty());
    CHECK(ctf_need_area(area_sen_type(AreaOfNeed::social_emotional_mental_health)) == AreaOfNeed::social_emotional_mental_health);
}

TEST_CASE("SEN provision codes: E, K and N only") {
    CHECK(ctf_sen_status("E") == SenStatus::ehcp);
    CHECK(ctf_sen_status("K") == SenStatus::sen_support);
    CHECK(ctf_sen_status("N") == SenStatus::none);
    for (auto code : {"S", "A", "P", "", "k"}) CHECK_FALSE(ctf_sen_status(code));
}

TEST_CASE("splice: an absent section is appended, every other byte kept") {
    std::string rec = "# mine\nformat: ehcp-record/1\npupil:\n  id: X   # keep\n";
    auto r = splice_section(rec, "provision", "  - name: \"A\"\n", false);
    CHECK(r.kind == SpliceKind::appended);
    CHECK(r.text == rec + "provision:\n  - name: \"A\"\n");
    // No final newline: one is added before the section.
    auto r2 = splice_section("format: ehcp-record/1", "provision", "  - name: \"A\"\n", false);
    CHECK(r2.text == "format: ehcp-record/1\nprovision:\n  - name: \"A\"\n");
}

TEST_CASE("splice: an empty section is filled below its comments; the next section is untouched") {
    std::string rec = "format: ehcp-record/1\nprovision:   # list\n  # - name: example\n\n# about documents\ndocuments:\n  - kind: other\n";
    auto r = splice_section(rec, "provision", "  - name: \"A\"\n", false);
    CHECK(r.kind == SpliceKind::filled);
    CHECK(r.text == "format: ehcp-record/1\nprovision:   # list\n  # - name: example\n  - name: \"A\"\n\n# about documents\ndocuments:\n  - kind: other\n");
    // Re-running with the same block changes nothing.
    auto again = splice_section(r.text, "provision", "  - name: \"A\"\n", false);
    CHECK(again.kind == SpliceKind::unchanged);
    CHECK(again.text == r.text);
}

TEST_CASE("splice: entries are not replaced without replace; with it, only the section changes") {
    std::string rec = "format: ehcp-record/1\nprovision:\n  - name: Old\n    weeks: 3\nattendance:\n  percent: 90\n";
    CHECK_THROWS_AS(splice_section(rec, "provision", "  - name: \"New\"\n", false), ImportError);
    auto r = splice_section(rec, "provision", "  - name: \"New\"\n", true);
    CHECK(r.kind == SpliceKind::replaced);
    CHECK(r.text == "format: ehcp-record/1\nprovision:\n  - name: \"New\"\nattendance:\n  percent: 90\n");
}

TEST_CASE("splice: CRLF files stay CRLF, a BOM is kept, several records are refused") {
    std::string rec = "\xEF\xBB\xBF" "format: ehcp-record/1\r\nprovision: []\r\n";
    auto r = splice_section(rec, "provision", "  - name: \"A\"\n", false);
    CHECK(r.text == "\xEF\xBB\xBF" "format: ehcp-record/1\r\nprovision:\r\n  - name: \"A\"\r\n");
    CHECK_THROWS_AS(splice_section("format: a\n---\nformat: b\n", "provision", "  - name: \"A\"\n", false), ImportError);
    CHECK_THROWS_AS(splice_section("format: [\n", "provision", "  - name: \"A\"\n", false), ImportError);
}

TEST_CASE("CSV cells: dates day first and money in pounds only when the map says so") {
    TempFiles t;
    std::string csv = t.put("a.csv", "Intervention,Rate,Review,Staff\r\n\"Reading, daily\",\"£1,250.00\",10/07/2026,TA\r\n,,,\r\n");
    auto got = read_csv_entries(csv, provision_map(true, true), CsvLimits{});
    REQUIRE(got.bad.empty());
    REQUIRE(got.entries.size() == 1);
    CHECK(got.entries[0] == "  - name: \"Reading, daily\"\n    delivered_by: teaching_assistant\n    hourly_rate: 1250.00\n    review_date: 2026-07-10\n");
    CHECK(got.rows == std::vector<long>{2});
    CHECK(got.blank_rows == 1);

    auto strict = read_csv_entries(csv, provision_map(false, false), CsvLimits{});
    REQUIRE(strict.bad.size() == 2);
    CHECK(strict.bad[0].row == 2);
    CHECK(strict.bad[0].column == "Rate");
    CHECK(strict.bad[0].reason.find("money: pounds") != std::string::npos);
    CHECK(strict.bad[1].column == "Review");
    CHECK(strict.bad[1].reason.find("dates: dd/mm/yyyy") != std::string::npos);
}

TEST_CASE("CSV cells: thousands commas only in their places; impossible dates; unknown words") {
    TempFiles t;
    std::string csv = t.put("b.csv", "Intervention,Rate,Review,Staff\nA,\"£1,25.00\",31/02/2026,Helper\nB,£19.5,2026-07-10,teaching assistant\n");
    auto got = read_csv_entries(csv, provision_map(true, true), CsvLimits{});
    REQUIRE(got.bad.size() == 3);
    // In the record format's order of fields: delivered_by, hourly_rate, review_date.
    CHECK(got.bad[0].column == "Staff");
    CHECK(got.bad[0].reason.find("values: delivered_by:") != std::string::npos);
    CHECK(got.bad[1].column == "Rate");
    CHECK(got.bad[2].reason.find("not a real date") != std::string::npos);
    REQUIRE(got.entries.size() == 1);
    CHECK(got.entries[0].find("hourly_rate: 19.5\n") != std::string::npos);
    CHECK(got.entries[0].find("delivered_by: teaching_assistant\n") != std::string::npos);
}

TEST_CASE("CSV: a quoted cell with a line break is one row; text is quoted YAML, never evaluated") {
    TempFiles t;
    ImportMap m = provision_map(false, false);
    m.fields = {{"name", "Intervention"}, {"outcome", "Outcome"}};
    std::string csv = t.put("c.csv", "Intervention,Outcome\r\n=SUM(1),\"line one\r\nline \"\"two\"\"\"\r\nB,x\r\n");
    auto got = read_csv_entries(csv, m, CsvLimits{});
    REQUIRE(got.bad.empty());
    REQUIRE(got.entries.size() == 2);
    CHECK(got.entries[0] == "  - name: \"=SUM(1)\"\n    outcome: \"line one\\nline \\\"two\\\"\"\n");
    CHECK(got.rows == std::vector<long>{2, 3});
}

TEST_CASE("CSV limits: columns and cell size are capped") {
    TempFiles t;
    ImportMap m = provision_map(false, false);
    CsvLimits small;
    small.max_columns = 3;
    CHECK_THROWS_AS(read_csv_entries(t.put("d.csv", "a,b,c,d,e\n"), m, small), ImportError);
    m.fields = {{"name", "Intervention"}};
    CsvLimits tiny;
    tiny.max_field_bytes = 10;
    CHECK_THROWS_AS(read_csv_entries(t.put("e.csv", "Intervention\n\"" + std::string(100000, 'x') + "\"\n"), m, tiny), ImportError);
}

TEST_CASE("splice: a section given twice, or a value that goes on past its key line, is left for a person") {
    // yaml-cpp reads the first of two keys; the loader calls it key.duplicate. Neither is guessed at.
    CHECK_THROWS_AS(splice_section("provision:\n  # a\nprovision: []\n", "provision", "  - name: \"A\"\n", false), ImportError);
    // `provision: [` ... `]` on the next line: dropping the key line's value would break the file.
    CHECK_THROWS_AS(splice_section("format: x\nprovision: [\n]\n", "provision", "  - name: \"A\"\n", false), ImportError);
    // A one-line flow list is whole: replaced with --replace.
    auto r = splice_section("provision: [{name: a}]   # old\nformat: x\n", "provision", "  - name: \"A\"\n", true);
    CHECK(r.text == "provision:   # old\n  - name: \"A\"\nformat: x\n");
}
