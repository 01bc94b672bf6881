// Small helpers shared by the built-in check kinds (private to src/rules).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ehcp/core/money.hpp"
#include "ehcp/rules/check_kind.hpp"

namespace ehcp::checks {

inline std::string words(std::string_view snake) {
    std::string out(snake);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

inline std::string year_name(int year_group) {
    if (year_group == -2 || year_group == -1) return "Nursery";
    if (year_group == 0) return "Reception";
    return fmt::format("Year {}", year_group);
}

inline std::string years(double n) { return fmt::format("{} {}", format_number(n), n == 1 ? "year" : "years"); }
inline std::string months(double n) { return fmt::format("{} {}", format_number(n), n == 1 ? "month" : "months"); }

template <class E>
bool contains(const std::vector<E>& v, E e) {
    return std::find(v.begin(), v.end(), e) != v.end();
}

template <class E>
std::string join_words(const std::vector<E>& v, const char* last = "or") {
    std::vector<std::string> parts;
    for (auto e : v) parts.push_back(words(to_string(e)));
    if (parts.empty()) return "";
    if (parts.size() == 1) return parts[0];
    std::string out;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out + " " + last + " " + parts.back();
}

// "little or no progress" for {none, little}; otherwise "progress judged some or good".
inline std::string progress_phrase(const std::vector<Progress>& set) {
    bool none = contains(set, Progress::none), little = contains(set, Progress::little);
    if (set.size() == 2 && none && little) return "little or no progress";
    if (set.size() == 1 && none) return "no progress";
    return "progress judged " + join_words(set);
}

inline CheckOutcome outcome(Status s) {
    CheckOutcome o;
    o.status = s;
    return o;
}

// Whether something dated `d` is current: no more than `months` months before the as-of date
// (exactly `months` months is current; a day more is not). `months` <= 0: any age is current.
inline bool is_current(const Date& d, const Date& as_of, int months) { return months <= 0 || d >= as_of.plus_months(-months); }

// "3 months", "1 year 2 months", "3 years".
std::string age_of(int months_old);

// Figures for every attainment area with data: the report shows every gap, not only deciding
// ones. A measure older than `max_age_months` is shown with its age and the gap at its date.
void add_attainment_figures(const Facts& f, CheckOutcome& out, int max_age_months);

// The gap asking for current support to be reviewed, when the latest review is more than
// `months` months before the as-of date (nullopt when it is current or there is none).
std::optional<std::string> stale_review_gap(const Facts& f, int months);

std::string progress_word(Progress p);

// "4 years" (below), or "1.5 years above" for a negative gap.
std::string gap_years_words(double gap);

}  // namespace ehcp::checks
