#include "ehcp/load/scalar_text.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "ehcp/core/money.hpp"  // format_number

namespace ehcp {

namespace {

namespace chr = std::chrono;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::optional<long> to_long(std::string_view digits) {
    long value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

// ---- dates ----------------------------------------------------------------

constexpr std::array<std::string_view, 12> kMonthNames{"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};

std::optional<unsigned> month_from_word(std::string_view word) {
    std::string w = lower(word);
    if (w == "sept") return 9u;
    for (unsigned m = 0; m < 12; ++m) {
        std::string full = lower(kMonthNames[m]);
        if (w == full || (w.size() == 3 && full.compare(0, 3, w) == 0)) return m + 1;
    }
    return std::nullopt;
}

std::optional<Date> make_date(long y, long m, long d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    chr::year_month_day ymd{chr::year{static_cast<int>(y)}, chr::month{static_cast<unsigned>(m)},
                            chr::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

std::string spoken(const Date& d) { return fmt::format("{} {} {}", d.day(), kMonthNames[d.month() - 1], d.year()); }

unsigned last_day(long y, long m) {
    return static_cast<unsigned>(
        chr::year_month_day_last{chr::year{static_cast<int>(y)}, chr::month_day_last{chr::month{static_cast<unsigned>(m)}}}
            .day());
}

ScalarReading<Date> date_problem(std::string code, std::string message, std::string fix,
                                 std::string replacement = {}) {
    return {std::nullopt, {std::move(code), std::move(message), std::move(fix), std::move(replacement)}};
}

constexpr std::string_view kIsoHint = "write the date as YYYY-MM-DD, e.g. 2016-05-14";

// YYYY-MM-DD in shape but not a real day: say which part is wrong.
ScalarReading<Date> impossible_iso(std::string_view text, long y, long m, long d) {
    if (m < 1 || m > 12)
        return date_problem("date.invalid", fmt::format("`{}` is not a real date: there is no month {:02}", text, m),
                            "use a month from 01 to 12");
    if (d < 1)
        return date_problem("date.invalid", fmt::format("`{}` is not a real date: there is no day 00", text),
                            "use a day from 01");
    unsigned last = last_day(y, m);
    return date_problem("date.invalid",
                        fmt::format("`{}` is not a real date: {} {} has {} days", text, kMonthNames[m - 1], y, last),
                        fmt::format("use a day from 01 to {}", last));
}

// A date written another way: show the ISO form when it is clear which date was meant
// (`certain`: the reading is the documented one, so --fix may write it).
ScalarReading<Date> other_spelling(std::string_view text, std::optional<Date> meant, std::string_view reading,
                                   bool certain = true) {
    if (!meant)
        return date_problem("date.format",
                            fmt::format("`{}` is not a date in the form YYYY-MM-DD, and is not a real date read {}", text,
                                        reading),
                            std::string(kIsoHint));
    return date_problem("date.format",
                        fmt::format("`{}` is not a date in the form YYYY-MM-DD; read {} it is {}", text, reading,
                                    spoken(*meant)),
                        fmt::format("use {}", meant->iso()), certain ? meant->iso() : std::string());
}

std::vector<std::string_view> date_parts(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    auto separator = [](char c) { return c == '/' || c == '.' || c == '-' || c == ' ' || c == ','; };
    while (i < text.size()) {
        while (i < text.size() && separator(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !separator(text[i])) ++i;
        if (i > start) parts.push_back(text.substr(start, i - start));
    }
    return parts;
}

// "14th" -> "14"
std::string_view without_ordinal(std::string_view day) {
    if (day.size() > 2) {
        std::string suffix = lower(day.substr(day.size() - 2));
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") day.remove_suffix(2);
    }
    return day;
}

}  // namespace

std::optional<Date> excel_serial_date(long serial) {
    if (serial < 1 || serial > 2958465 || serial == 60) return std::nullopt;
    const Date epoch = serial < 60 ? Date{1899, 12, 31} : Date{1899, 12, 30};
    return epoch.plus_days(serial);
}

ScalarReading<Date> read_date_text(std::string_view raw) {
    if (auto d = Date::parse_iso(raw)) return {d, {}};
    std::string_view text = trim(raw);
    if (auto d = Date::parse_iso(text)) return {d, {}};  // stray spaces: harmless

    // YYYY-MM-DD in shape only.
    if (text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
        all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2)))
        return impossible_iso(text, *to_long(text.substr(0, 4)), *to_long(text.substr(5, 2)), *to_long(text.substr(8, 2)));

    // A date and a time of day.
    if (text.size() > 10 && (text[10] == 'T' || text[10] == ' '))
        if (auto d = Date::parse_iso(text.substr(0, 10)))
            return date_problem("date.format",
                                fmt::format("`{}` has a time of day; a date is written YYYY-MM-DD", text),
                                fmt::format("use {}", d->iso()), d->iso());

    // A bare whole number: a year, or a spreadsheet's date serial number.
    if (all_digits(text)) {
        long n = to_long(text).value_or(0);
        if (text.size() == 4 && n >= 1900 && n <= 2100)
            return date_problem("date.format", fmt::format("`{}` is only a year; a full date is needed", text),
                                std::string(kIsoHint));
        if (auto d = excel_serial_date(n))
            return date_problem("date.format",
                                fmt::format("`{}` is a number, not a date; it looks like a spreadsheet date serial "
                                            "number, which is {}",
                                            text, spoken(*d)),
                                fmt::format("use {}", d->iso()), d->iso());
        return date_problem("date.format", fmt::format("`{}` is a number, not a date", text), std::string(kIsoHint));
    }

    auto parts = date_parts(text);
    if (parts.size() == 3) {
        auto a = parts[0], b = parts[1], c = parts[2];
        if (all_digits(a) && all_digits(b) && all_digits(c)) {
            long x = *to_long(a), y = *to_long(b), z = *to_long(c);
            if (a.size() == 4 && b.size() <= 2 && c.size() <= 2)
                return other_spelling(text, make_date(x, y, z), "as year/month/day");
            if (c.size() == 4 && a.size() <= 2 && b.size() <= 2) {
                // UK order first; a US month/day/year only when day-first cannot be a date.
                if (auto uk = make_date(z, y, x)) return other_spelling(text, uk, "as day/month/year");
                if (auto us = make_date(z, x, y)) return other_spelling(text, us, "as month/day/year", false);
                return other_spelling(text, std::nullopt, "as day/month/year");
            }
            if (c.size() == 2 && a.size() <= 2 && b.size() <= 2)
                return date_problem("date.format",
                                    fmt::format("`{}` has a two-digit year; a date is written YYYY-MM-DD", text),
                                    "write the year in full, as YYYY-MM-DD");
        }
        // 14 May 2016, 14th May 2016, 14-May-2016, May 14, 2016
        auto day_first = month_from_word(b);
        auto month_first = month_from_word(a);
        if (day_first && all_digits(without_ordinal(a)) && all_digits(c) && c.size() == 4)
            return other_spelling(text, make_date(*to_long(c), *day_first, *to_long(without_ordinal(a))), "as a day, month and year");
        if (month_first && all_digits(without_ordinal(b)) && all_digits(c) && c.size() == 4)
            return other_spelling(text, make_date(*to_long(c), *month_first, *to_long(without_ordinal(b))), "as a month, day and year");
    }
    return date_problem("date.format", fmt::format("`{}` is not a date in the form YYYY-MM-DD", text), std::string(kIsoHint));
}

// ---- numbers --------------------------------------------------------------

std::optional<double> parse_decimal(std::string_view text) {
    // Check the grammar first: from_chars alone would also take "inf", "nan" and hex floats.
    std::size_t i = 0;
    const std::size_t n = text.size();
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t int_digits = 0, frac_digits = 0;
    while (i < n && is_digit(text[i])) ++i, ++int_digits;
    if (i < n && text[i] == '.') {
        ++i;
        while (i < n && is_digit(text[i])) ++i, ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return std::nullopt;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < n && is_digit(text[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return std::nullopt;
    }
    if (i != n) return std::nullopt;

    std::string_view body = text[0] == '+' ? text.substr(1) : text;
    double value = 0;
    auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (ec != std::errc{} || end != body.data() + body.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

namespace {

ScalarReading<double> number_problem(std::string code, std::string message, std::string fix,
                                     std::string replacement = {}) {
    return {std::nullopt, {std::move(code), std::move(message), std::move(fix), std::move(replacement)}};
}

// Digits after the decimal point.
std::size_t decimals(std::string_view number) {
    auto point = number.find('.');
    return point == std::string_view::npos ? 0 : number.size() - point - 1;
}

// "1,250" or "12,345,678.5": commas only between groups of three digits.
std::optional<std::string> without_thousands_commas(std::string_view s) {
    std::size_t point = s.find('.');
    std::string_view whole = s.substr(0, point);
    std::size_t start = (!whole.empty() && (whole[0] == '-' || whole[0] == '+')) ? 1 : 0;
    std::string out(whole.substr(0, start));
    std::size_t group = 0;
    bool any_comma = false;
    for (std::size_t i = start; i < whole.size(); ++i) {
        if (whole[i] == ',') {
            if (group == 0 || (any_comma && group != 3) || (!any_comma && group > 3)) return std::nullopt;
            any_comma = true;
            group = 0;
        } else {
            out += whole[i];
            ++group;
        }
    }
    if (!any_comma || group != 3) return std::nullopt;
    if (point != std::string_view::npos) out += s.substr(point);
    return out;
}

}  // namespace

ScalarReading<double> read_number_text(std::string_view raw, NumberKind kind) {
    std::string_view text = trim(raw);
    if (auto v = parse_decimal(text)) return {v, {}};

    std::string lowered = lower(text);
    if (lowered == ".nan" || lowered == "nan" || lowered == ".inf" || lowered == "+.inf" || lowered == "-.inf" ||
        lowered == "inf" || lowered == "infinity")
        return number_problem("type.number", fmt::format("`{}` is not a finite number", text),
                              "give a plain decimal number such as 20 or 19.5");

    // A percentage with its sign.
    if (!text.empty() && text.back() == '%') {
        std::string_view digits = trim(text.substr(0, text.size() - 1));
        if (auto v = parse_decimal(digits))
            return number_problem("type.number",
                                  fmt::format("`{}` has a % sign; write the percentage as a plain number", text),
                                  fmt::format("use {}", format_number(*v)),
                                  std::string(digits[0] == '+' ? digits.substr(1) : digits));
    }

    // Money written the way a spreadsheet displays it: £, GBP, thousands commas.
    std::string_view amount = text;
    for (std::string_view prefix : {std::string_view("\xC2\xA3"), std::string_view("GBP"), std::string_view("$"),
                                    std::string_view("\xE2\x82\xAC")}) {
        if (amount.substr(0, prefix.size()) == prefix) {
            amount = trim(amount.substr(prefix.size()));
            break;
        }
    }
    std::optional<double> meant = parse_decimal(amount);
    std::string plain_text(amount);
    if (!meant)
        if (auto plain = without_thousands_commas(amount)) {
            meant = parse_decimal(*plain);
            plain_text = *plain;
        }
    if (meant) {  // the plain number was there, dressed up
        // The digits as written (19.50 stays 19.50). An amount with a fraction of a penny
        // (£1,250.505) is a slip whose meaning a person must settle: no replacement.
        if (plain_text[0] == '+') plain_text.erase(0, 1);
        const bool exact = kind != NumberKind::money || decimals(plain_text) <= 2;
        if (kind == NumberKind::money)
            return number_problem("money.format",
                                  fmt::format("`{}` is not a plain amount; money is a number of pounds without a "
                                              "currency sign or thousands commas",
                                              text),
                                  fmt::format("use {}", exact ? plain_text : format_number(*meant)),
                                  exact ? plain_text : std::string());
        return number_problem("type.number",
                              fmt::format("`{}` is not a plain number; write it without a currency sign or thousands "
                                          "commas",
                                          text),
                              fmt::format("use {}", plain_text), plain_text);
    }

    // A unit after the number: "20 minutes", "36 weeks". The field already says the unit.
    if (auto space = text.find(' '); space != std::string_view::npos && kind == NumberKind::plain) {
        std::string_view unit = trim(text.substr(space));
        bool words = !unit.empty();
        for (char c : unit) words = words && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '.');
        if (auto v = parse_decimal(text.substr(0, space)); v && words)
            return number_problem("type.number",
                                  fmt::format("`{}` has words after the number; give the number alone", text),
                                  fmt::format("use {}", format_number(*v)), format_number(*v));
    }

    // YAML 1.1 habits: 1_000, 0x14, 0o17.
    if (text.find('_') != std::string_view::npos) {
        std::string joined;
        for (char c : text)
            if (c != '_') joined += c;
        if (auto v = parse_decimal(joined))
            return number_problem("type.number", fmt::format("`{}` has underscores; write the digits together", text),
                                  fmt::format("use {}", format_number(*v)), format_number(*v));
    }
    if (lowered.size() > 2 && lowered[0] == '0' && (lowered[1] == 'x' || lowered[1] == 'o')) {
        long value = 0;
        auto digits = std::string_view(lowered).substr(2);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, lowered[1] == 'x' ? 16 : 8);
        if (ec == std::errc{} && end == digits.data() + digits.size())
            return number_problem("type.number", fmt::format("`{}` is not a decimal number", text),
                                  fmt::format("use {}", value), std::to_string(value));
    }
    if (kind == NumberKind::money)
        return number_problem("money.format", fmt::format("`{}` is not an amount of money", text),
                              "give a plain number of pounds such as 1250 or 19.50");
    return number_problem("type.number", fmt::format("`{}` is not a number", text),
                          "give a plain decimal number such as 20 or 19.5");
}

// ---- booleans -------------------------------------------------------------

ScalarReading<bool> read_bool_text(std::string_view raw) {
    std::string_view text = trim(raw);
    if (text == "true" || text == "True" || text == "TRUE") return {true, {}};
    if (text == "false" || text == "False" || text == "FALSE") return {false, {}};
    std::string l = lower(text);
    auto problem = [&](std::string fix, std::string replacement) {
        return ScalarReading<bool>{std::nullopt,
                                   {"type.bool", fmt::format("`{}` is not how this field says yes or no: it takes true (yes) or false (no)", text),
                                    std::move(fix), std::move(replacement)}};
    };
    if (l == "yes" || l == "y" || l == "on" || l == "1") return problem("use true", "true");
    if (l == "no" || l == "n" || l == "off" || l == "0") return problem("use false", "false");
    return problem("use true or false", {});
}

}  // namespace ehcp
