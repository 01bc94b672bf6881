#include "ehcp/facts/calendar.hpp"

#include <doctest/doctest.h>

using namespace ehcp;

TEST_CASE("age in years: birthday boundaries and 29 February") {
    CHECK(age_in_years(Date(2016, 5, 14), Date(2026, 5, 13)) == 9);
    CHECK(age_in_years(Date(2016, 5, 14), Date(2026, 5, 14)) == 10);
    CHECK(age_in_years(Date(2008, 2, 29), Date(2026, 2, 28)) == 17);
    CHECK(age_in_years(Date(2008, 2, 29), Date(2026, 3, 1)) == 18);
    CHECK(age_in_years(Date(2008, 2, 29), Date(2028, 2, 29)) == 20);
    CHECK(age_in_years(Date(2020, 1, 1), Date(2020, 1, 1)) == 0);
}

TEST_CASE("age in months counts completed months, clamping to short months") {
    CHECK(age_in_months(Date(2022, 3, 15), Date(2026, 3, 14)) == 47);
    CHECK(age_in_months(Date(2022, 3, 15), Date(2026, 3, 15)) == 48);
    CHECK(age_in_months(Date(2022, 1, 31), Date(2022, 2, 28)) == 1);
    CHECK(age_in_months(Date(2022, 1, 31), Date(2022, 2, 27)) == 0);
    CHECK(age_in_months(Date(2020, 2, 29), Date(2021, 2, 28)) == 12);
    CHECK(age_in_months(Date(2022, 1, 31), Date(2022, 4, 30)) == 3);
}

TEST_CASE("year group from date of birth with the 31 August cut-off") {
    Date as_of{2026, 11, 22};
    // Spec example: born 2016-05-14, age 10 on 31 August 2026: Year 6.
    CHECK(year_group_for(Date(2016, 5, 14), as_of) == 6);
    // Born 31 August: youngest in the year; born 1 September: oldest in the next.
    CHECK(year_group_for(Date(2016, 8, 31), as_of) == 6);
    CHECK(year_group_for(Date(2016, 9, 1), as_of) == 5);
    CHECK(year_group_for(Date(2015, 9, 1), as_of) == 6);
    // 29 February birthdays.
    CHECK(year_group_for(Date(2016, 2, 29), as_of) == 6);
    CHECK(year_group_for(Date(2012, 2, 29), Date(2025, 2, 28)) == 8);
    // Reception and nursery years.
    CHECK(year_group_for(Date(2022, 8, 31), as_of) == 0);
    CHECK(year_group_for(Date(2022, 9, 1), as_of) == -1);
    CHECK(year_group_for(Date(2023, 9, 1), as_of) == -2);
}

TEST_CASE("as-of on 31 August and 1 September changes the school year") {
    Date dob{2016, 5, 14};
    CHECK(school_year_start(Date(2026, 8, 31)) == 2025);
    CHECK(school_year_start(Date(2026, 9, 1)) == 2026);
    CHECK(year_group_for(dob, Date(2026, 8, 31)) == 5);
    CHECK(year_group_for(dob, Date(2026, 9, 1)) == 6);
    // Born on the cut-off itself, checked on the cut-off.
    CHECK(year_group_for(Date(2016, 8, 31), Date(2026, 8, 31)) == 5);
    CHECK(year_group_for(Date(2016, 8, 31), Date(2026, 9, 1)) == 6);
}

TEST_CASE("phase and key stage from year group") {
    CHECK(phase_for(-2) == Phase::early_years);
    CHECK(phase_for(0) == Phase::early_years);
    CHECK(phase_for(1) == Phase::ks1);
    CHECK(phase_for(2) == Phase::ks1);
    CHECK(phase_for(3) == Phase::ks2);
    CHECK(phase_for(6) == Phase::ks2);
    CHECK(phase_for(7) == Phase::ks3);
    CHECK(phase_for(9) == Phase::ks3);
    CHECK(phase_for(10) == Phase::ks4);
    CHECK(phase_for(11) == Phase::ks4);
    CHECK(phase_for(12) == Phase::post16);
    CHECK(phase_for(14) == Phase::post16);
    CHECK(to_string(Phase::ks2) == "ks2");
}

TEST_CASE("over 18 on the birthday itself") {
    CHECK_FALSE(is_over_18(Date(2008, 11, 23), Date(2026, 11, 22)));
    CHECK(is_over_18(Date(2008, 11, 22), Date(2026, 11, 22)));
}

TEST_CASE("costing year is the 12 months up to the as-of date") {
    auto year = costing_year(Date(2026, 11, 22));
    CHECK(year.first.iso() == "2025-11-23");
    CHECK(year.last.iso() == "2026-11-22");
    CHECK(year.days() == 365);
    CHECK(costing_year(Date(2024, 6, 30)).days() == 366);  // spans 29 February 2024
}

TEST_CASE("statutory timeline: 6, 16 and 20 weeks from the request") {
    auto t = statutory_timeline(Date(2026, 11, 20), 6, 16, 20);
    CHECK(t.decide_to_assess_by.iso() == "2027-01-01");
    CHECK(t.decide_to_issue_by.iso() == "2027-03-12");
    CHECK(t.final_plan_by.iso() == "2027-04-09");
}
