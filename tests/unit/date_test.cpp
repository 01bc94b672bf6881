#include "ehcp/core/date.hpp"

#include <doctest/doctest.h>

using ehcp::Date;

TEST_CASE("Date parses strict ISO 8601 calendar dates only") {
    CHECK(Date::parse_iso("2016-05-14")->iso() == "2016-05-14");
    CHECK(Date::parse_iso("2024-02-29").has_value());
    CHECK_FALSE(Date::parse_iso("2025-02-29").has_value());
    CHECK_FALSE(Date::parse_iso("2025-02-30").has_value());
    CHECK_FALSE(Date::parse_iso("14/05/2016").has_value());
    CHECK_FALSE(Date::parse_iso("2016-5-14").has_value());
    CHECK_FALSE(Date::parse_iso("2016-05-14 ").has_value());
    CHECK_FALSE(Date::parse_iso("2016-13-01").has_value());
    CHECK_FALSE(Date::parse_iso("").has_value());
}

TEST_CASE("Date arithmetic in days, weeks and clamped months") {
    Date d{2026, 11, 20};
    CHECK(d.plus_weeks(6).iso() == "2027-01-01");
    CHECK(d.plus_weeks(16).iso() == "2027-03-12");
    CHECK(d.plus_weeks(20).iso() == "2027-04-09");
    CHECK(Date(2025, 1, 31).plus_months(1).iso() == "2025-02-28");
    CHECK(Date(2024, 1, 31).plus_months(1).iso() == "2024-02-29");
    CHECK(Date(2024, 2, 29).plus_years(1).iso() == "2025-02-28");
    CHECK(Date(2026, 11, 22).plus_months(-12).iso() == "2025-11-22");
    CHECK(Date(2026, 1, 1).days_until(Date(2026, 1, 31)) == 30);
    CHECK(Date(2026, 1, 31).days_until(Date(2026, 1, 1)) == -30);
}
