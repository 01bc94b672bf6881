// Costing a provision-map line: weeks derived from start/end, the 38-of-52 scaling,
// group size, default rates, other costs and the costing-year boundaries.
#include <doctest/doctest.h>

#include "ehcp/facts/calendar.hpp"
#include "ehcp/facts/facts.hpp"

using namespace ehcp;

namespace {

FactParameters params() {
    FactParameters p;
    p.school_weeks_per_year = 38;
    p.default_hourly_rates[Deliverer::teaching_assistant] = 19.50;
    return p;
}

// 60 minutes once a week at £52/h: the cost in pounds is the school weeks.
ProvisionEntry hour_a_week() {
    ProvisionEntry e;
    e.name = "one hour a week";
    e.session_minutes = 60;
    e.sessions_per_week = 1;
    e.hourly_rate = 52;
    return e;
}

const DateRange kYear = costing_year(Date(2026, 11, 22));  // 2025-11-23 .. 2026-11-22

}  // namespace

TEST_CASE("Costing: the costing year is the 12 months up to the as-of date") {
    CHECK(kYear.first == Date(2025, 11, 23));
    CHECK(kYear.last == Date(2026, 11, 22));
}

TEST_CASE("Costing: a line running the whole costing year gives exactly 38 school weeks") {
    auto e = hour_a_week();
    e.start = Date(2025, 9, 1);   // began before the costing year
    e.end = Date(2027, 7, 20);    // ends after it
    auto line = cost_provision(e, kYear, params());
    CHECK(line.cost == doctest::Approx(52.0 * 38));
    CHECK_FALSE(line.incomplete);

    // A leap costing year (366 days) gives no more.
    auto leap = costing_year(Date(2028, 6, 30));  // 2027-07-01 .. 2028-06-30, 366 days
    CHECK(leap.days() == 366);
    e.end = Date(2028, 12, 31);
    CHECK(cost_provision(e, leap, params()).cost == doctest::Approx(52.0 * 38));
}

TEST_CASE("Costing: one calendar week is 38/52 of a school week; days count inclusively") {
    auto e = hour_a_week();
    e.start = Date(2026, 3, 2);
    e.end = Date(2026, 3, 8);  // 7 days
    CHECK(cost_provision(e, kYear, params()).cost == doctest::Approx(38.0));
    e.end = Date(2026, 3, 2);  // 1 day
    CHECK(cost_provision(e, kYear, params()).cost == 5.43 /* 38/7 = 5.428..., to the penny */);
}

TEST_CASE("Costing: only the part inside the costing year counts") {
    auto e = hour_a_week();
    e.start = Date(2025, 11, 17);
    e.end = Date(2025, 11, 23);  // only the last day is inside
    CHECK(cost_provision(e, kYear, params()).cost == 5.43 /* 38/7 = 5.428..., to the penny */);
    e.end = Date(2025, 11, 22);  // entirely before
    auto before = cost_provision(e, kYear, params());
    CHECK(before.cost == 0);
    CHECK(before.basis.find("outside the costing year") != std::string::npos);
}

TEST_CASE("Costing: given weeks win over start/end; group size divides; other costs add") {
    auto e = hour_a_week();
    e.weeks = 10;
    e.start = Date(2025, 1, 1);
    e.end = Date(2026, 11, 1);
    CHECK(cost_provision(e, kYear, params()).cost == doctest::Approx(520));
    e.group_size = 4;
    CHECK(cost_provision(e, kYear, params()).cost == doctest::Approx(130));
    e.other_costs = 70.25;
    CHECK(cost_provision(e, kYear, params()).cost == doctest::Approx(200.25));
}

TEST_CASE("Costing: the pack's default rate stands in for a missing hourly rate, and says so") {
    auto e = hour_a_week();
    e.hourly_rate.reset();
    e.weeks = 38;
    e.delivered_by = Deliverer::teaching_assistant;
    auto line = cost_provision(e, kYear, params());
    CHECK(line.cost == doctest::Approx(19.50 * 38));
    CHECK(line.default_rate);

    e.delivered_by.reset();  // no rate and nobody to take a default from
    auto unknown = cost_provision(e, kYear, params());
    CHECK(unknown.incomplete);
    CHECK_FALSE(unknown.default_rate);
}

TEST_CASE("Costing: an annual cost is taken as given") {
    ProvisionEntry e;
    e.name = "specialist software";
    e.annual_cost = 1250.50;
    auto line = cost_provision(e, kYear, params());
    CHECK(line.cost == doctest::Approx(1250.50));
    CHECK_FALSE(line.incomplete);
}
