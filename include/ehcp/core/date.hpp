// A calendar date (proleptic Gregorian), parsed from and printed as ISO 8601 YYYY-MM-DD.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ehcp {

class Date {
public:
    Date() = default;
    explicit Date(std::chrono::year_month_day ymd);
    Date(int year, unsigned month, unsigned day);  // precondition: a real date

    // Strict YYYY-MM-DD; nullopt for anything else, including impossible dates.
    static std::optional<Date> parse_iso(std::string_view text);
    static Date today();

    std::string iso() const;
    int year() const;
    unsigned month() const;
    unsigned day() const;
    std::chrono::sys_days sys_days() const { return days_; }
    std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{days_}; }

    Date plus_days(long n) const;
    Date plus_weeks(long n) const { return plus_days(7 * n); }
    // Calendar months; a day past the end of the target month is clamped
    // (31 January + 1 month = 28/29 February).
    Date plus_months(int n) const;
    Date plus_years(int n) const { return plus_months(12 * n); }

    // Days from *this to other (negative when other is earlier).
    long days_until(const Date& other) const;

    auto operator<=>(const Date&) const = default;
    bool operator==(const Date&) const = default;

private:
    std::chrono::sys_days days_{};
};

}  // namespace ehcp
