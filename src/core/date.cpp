#include "ehcp/core/date.hpp"

#include <charconv>
#include <ctime>

#include <fmt/format.h>

namespace ehcp {

namespace chr = std::chrono;

Date::Date(chr::year_month_day ymd) : days_(chr::sys_days{ymd}) {}

Date::Date(int year, unsigned month, unsigned day)
    : days_(chr::sys_days{chr::year{year} / chr::month{month} / chr::day{day}}) {}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (!y || !m || !d) return std::nullopt;
    chr::year_month_day ymd{chr::year{*y}, chr::month{static_cast<unsigned>(*m)}, chr::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

// Today in the machine's local time zone: a SENCO checking after midnight in British
// Summer Time means the new day, not yesterday in UTC.
Date Date::today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday)};
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

int Date::year() const { return static_cast<int>(ymd().year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd().month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd().day()); }

Date Date::plus_days(long n) const {
    Date out = *this;
    out.days_ += chr::days{n};
    return out;
}

Date Date::plus_months(int n) const {
    auto ymd0 = ymd();
    chr::year_month ym = chr::year_month{ymd0.year(), ymd0.month()} + chr::months{n};
    chr::day last = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
    chr::day d = ymd0.day() > last ? last : ymd0.day();
    return Date{chr::year_month_day{ym.year(), ym.month(), d}};
}

long Date::days_until(const Date& other) const { return (other.days_ - days_).count(); }

}  // namespace ehcp
