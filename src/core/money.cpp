#include "ehcp/core/money.hpp"

#include <cmath>

#include <fmt/format.h>

namespace ehcp {

double round_pence(double pounds) {
    // Past 2^53 pence a double has no fraction to round, and scaling could overflow.
    if (!std::isfinite(pounds) || std::fabs(pounds) >= 1e15) return pounds;
    // Scale with a tiny nudge so 0.005 (stored as 0.00499999...) rounds up as a person expects.
    double pence = std::round(pounds * 100.0 + (pounds >= 0 ? 1e-7 : -1e-7));
    double out = pence / 100.0;
    return out == 0 ? 0.0 : out;  // no "-0.00"
}

std::string format_money(double pounds) {
    if (!std::isfinite(pounds)) return "£(not a finite amount)";
    double rounded = round_pence(pounds);
    // Digits from the double itself, never through an integer of pence: any finite amount
    // prints (a conversion to long long overflowed past £92 trillion, undefined behaviour).
    std::string digits = fmt::format("{:.2f}", std::fabs(rounded));
    std::size_t point = digits.find('.');
    std::string whole = digits.substr(0, point);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<size_t>(i), ",");
    return fmt::format("{}£{}{}", rounded < 0 ? "-" : "", whole, digits.substr(point));
}

std::string format_number(double value) {
    std::string s = fmt::format("{:.2f}", round_pence(value));
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

}  // namespace ehcp
