// Issue 10: every number a record gives is bounded where it enters, dates stay in
// 1900-9999, and what is possible but suspicious is a warning, not silence.
#include <doctest/doctest.h>

#include "ehcp/core/money.hpp"
#include "load_support.hpp"

using namespace ehcp;
using namespace ehcp::test;

namespace {

// The one number.range (or number.negative) error for `field: value` in a provision entry.
Diagnostic provision_range(std::string_view field, std::string_view value) {
    auto r = load(with("provision:\n  - {name: Group, " + std::string(field) + ": " + std::string(value) + "}\n"));
    CHECK_FALSE(r.valid());
    return only(r, "number.range");
}

}  // namespace

TEST_CASE("bounds: each provision number has a plausible range") {
    CHECK(provision_range("session_minutes", "1e9").message == "`1e9` is out of range; `session_minutes` is from 0 to 600");
    CHECK(provision_range("sessions_per_week", "10000").message ==
          "`10000` is out of range; `sessions_per_week` is from 0 to 50");
    CHECK(provision_range("weeks", "1e308").message == "`1e308` is out of range; `weeks` is from 0 to 53");
    CHECK(provision_range("weeks", "1000000").fix == "use a number from 0 to 53");
    CHECK(provision_range("group_size", "1000").message == "`1000` is out of range; `group_size` is from 1 to 100");
    CHECK(provision_range("annual_cost", "100000000000000000").message ==
          "`100000000000000000` is out of range; `annual_cost` is from 0 to 10000000");
    CHECK(provision_range("hourly_rate", "20000000").path == "provision[0].hourly_rate");
    CHECK(provision_range("other_costs", "1e12").path == "provision[0].other_costs");
    // At the edges: accepted.
    auto edge = load(with("provision:\n  - {name: Group, session_minutes: 600, sessions_per_week: 50, group_size: 100, "
                          "weeks: 53, hourly_rate: 10, other_costs: 0}\n"));
    CHECK(edge.valid());
}

TEST_CASE("bounds: scores, months and percentages") {
    auto r = load(with("attainment:\n  - {area: reading, date: 2026-10-01, standardised_score: 1e308, "
                       "age_equivalent_months: 301}\ncognitive_assessments:\n  - {date: 2026-10-01, "
                       "standardised_score: 201}\n"));
    CHECK(first(r, "number.range").message == "`1e308` is out of range; `standardised_score` is from 0 to 200");
    int ranges = 0;
    for (const auto& d : r.diagnostics) ranges += d.code == "number.range";
    CHECK(ranges == 3);
}

TEST_CASE("bounds: dates before 1900 and year 0000 are errors; far ahead is a warning") {
    auto zero = load(with("support_cycles:\n  - {start: 0000-01-01}\n"));
    auto z = only(zero, "date.range");
    CHECK(z.message == "`0000-01-01` is not a real date: there is no year 0000");
    CHECK(z.path == "support_cycles[0].start");
    auto early = load(with("support_cycles:\n  - {start: 1066-10-14}\n"));
    CHECK(only(early, "date.range").message == "`1066-10-14` is before 1900; no date in a pupil's record is that early");
    auto later = load(with("documents:\n  - {kind: other, date: 2028-01-01}\n"));
    CHECK(later.valid());
    CHECK(only(later, "date.far_future").message == "`2028-01-01` is more than a year after the as-of date 2026-11-22");
    auto request = load(with("request:\n  date: 9999-05-19\n"));
    CHECK_FALSE(request.valid());
    CHECK(only(request, "date.future").path == "request.date");
}

TEST_CASE("bounds: plausible but suspicious values are warnings") {
    auto r = load(with("request:\n  date: 2015-01-05\nsupport_cycles:\n  - {start: 2025-09-15, review: 2025-06-05}\n"
                       "provision:\n  - {name: Placement, annual_cost: 150000}\n  - {name: Tutor, session_minutes: 600, "
                       "sessions_per_week: 50, weeks: 53, hourly_rate: 100}\n  - {name: Small, annual_cost: 100000}\n"));
    CHECK(r.valid());
    CHECK(only(r, "request.before_birth").message == "request date 2015-01-05 is before the date of birth 2016-05-14");
    CHECK(only(r, "support_cycle.review_before_start").path == "support_cycles[0].review");
    int costly = 0;
    for (const auto& d : r.diagnostics) costly += d.code == "provision.implausible_cost";
    CHECK(costly == 2);  // £150,000 and £265,000; exactly £100,000 is not flagged
    CHECK(first(r, "provision.implausible_cost").message ==
          "provision[0] costs £150,000.00 a year, more than £100,000.00 for one entry");
}

TEST_CASE("bounds: money formats any finite amount without overflow") {
    CHECK(format_money(1e17) == "£100,000,000,000,000,000.00");
    CHECK(format_money(-9.5e18) == "-£9,500,000,000,000,000,000.00");
    CHECK(format_money(1e308).substr(0, 7) == "£100,0");
    CHECK(format_money(1.0 / 0.0) == "£(not a finite amount)");
    CHECK(format_number(1e308).size() > 300);
}

TEST_CASE("bounds: control characters made by YAML escapes are text.control errors") {
    auto name = load(with("  name: \"Alex\\nEvidence readiness: READY\"\n"));
    auto n = only(name, "text.control");
    CHECK(n.path == "pupil.name");
    CHECK(n.message == "`name` holds a line break (character 5); it must be one line");
    auto esc = load(with("needs:\n  description: \"one\\ntwo \\e[31m\"\n"));
    auto e = only(esc, "text.control");
    CHECK(e.message.find("U+001B (escape) (character 9)") != std::string::npos);
    auto multi = load(with("needs:\n  description: \"one\\ntwo\\tthree\"\n"));
    CHECK(multi.valid());  // free text may keep line breaks and tabs
    auto key = load(with("\"\\e[2J\": 1\n"));
    CHECK(first(key, "field.unknown").message.find("\\u{1b}[2J") != std::string::npos);
    CHECK(first(key, "field.unknown").message.find('\x1b') == std::string::npos);
}
