#include "ehcp/facts/calendar.hpp"

#include <chrono>

namespace ehcp {

namespace {

unsigned last_day_of(int year, unsigned month) {
    using namespace std::chrono;
    return static_cast<unsigned>(year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}}.day());
}

// Has the birthday (month, day) come by `on` in its year? 29 February counts
// from 1 March in a common year, which the plain (month, day) comparison gives.
bool birthday_reached(const Date& dob, const Date& on) {
    if (on.month() != dob.month()) return on.month() > dob.month();
    return on.day() >= dob.day();
}

}  // namespace

int age_in_years(const Date& dob, const Date& on) {
    int years = on.year() - dob.year();
    if (!birthday_reached(dob, on)) --years;
    return years;
}

int age_in_months(const Date& dob, const Date& on) {
    int months = (on.year() - dob.year()) * 12 + static_cast<int>(on.month()) - static_cast<int>(dob.month());
    unsigned needed = std::min(dob.day(), last_day_of(on.year(), on.month()));
    if (on.day() < needed) --months;
    return months;
}

int school_year_start(const Date& on) { return on.month() >= 9 ? on.year() : on.year() - 1; }

int year_group_for(const Date& dob, const Date& as_of) {
    Date cutoff{school_year_start(as_of), 8, 31};
    return age_in_years(dob, cutoff) - 4;
}

Phase phase_for(int year_group) {
    if (year_group <= 0) return Phase::early_years;
    if (year_group <= 2) return Phase::ks1;
    if (year_group <= 6) return Phase::ks2;
    if (year_group <= 9) return Phase::ks3;
    if (year_group <= 11) return Phase::ks4;
    return Phase::post16;
}

bool is_over_18(const Date& dob, const Date& as_of) { return age_in_years(dob, as_of) >= 18; }

DateRange costing_year(const Date& as_of) { return DateRange{as_of.plus_months(-12).plus_days(1), as_of}; }

Timeline statutory_timeline(const Date& request, int assess_weeks, int issue_weeks, int final_weeks) {
    return Timeline{request, request.plus_weeks(assess_weeks), request.plus_weeks(issue_weeks),
                    request.plus_weeks(final_weeks)};
}

}  // namespace ehcp
