// The school calendar in England: ages, year groups (31 August cut-off), key stages,
// the costing year and the statutory 6/16/20-week timeline.
#pragma once

#include <string_view>

#include "ehcp/core/date.hpp"
#include "ehcp/core/enum_names.hpp"

namespace ehcp {

// Phase of education from the year group; the key stage names used in reports.
enum class Phase { early_years, ks1, ks2, ks3, ks4, post16 };
template <> struct EnumNames<Phase> { static constexpr std::array<std::string_view, 6> names{"early_years", "ks1", "ks2", "ks3", "ks4", "post16"}; };

// Completed years of age on `on`. A child born on 29 February turns a year older
// on 1 March in a common year (the English convention).
int age_in_years(const Date& date_of_birth, const Date& on);

// Completed months of age on `on`; a month is completed on the same day of the
// month, or on the last day of a shorter month.
int age_in_months(const Date& date_of_birth, const Date& on);

// Calendar year in which the school year containing `on` began (it begins 1 September).
int school_year_start(const Date& on);

// National Curriculum year group from the date of birth: age on 31 August of the
// school year's starting year, minus 4 (Reception is 0, nursery -1 and -2).
int year_group_for(const Date& date_of_birth, const Date& as_of);

Phase phase_for(int year_group);

bool is_over_18(const Date& date_of_birth, const Date& as_of);

// The 12 months up to and including the as-of date: (as_of - 12 months, as_of].
struct DateRange {
    Date first;  // inclusive
    Date last;   // inclusive
    long days() const { return first.days_until(last) + 1; }
};
DateRange costing_year(const Date& as_of);

// Statutory deadlines counted in weeks from the date of the request.
struct Timeline {
    Date request;
    Date decide_to_assess_by;
    Date decide_to_issue_by;
    Date final_plan_by;
};
Timeline statutory_timeline(const Date& request, int assess_weeks, int issue_weeks, int final_weeks);

}  // namespace ehcp
