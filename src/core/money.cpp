#include "ehcp/core/money.hpp"

#include <cmath>

#include <fmt/format.h>

namespace ehcp {

double round_pence(double pounds) {
    // Scale with a tiny nudge so 0.005 (stored as 0.00499999...) rounds up as a person expects.
    double pence = std::round(pounds * 100.0 + (pounds >= 0 ? 1e-7 : -1e-7));
    double out = pence / 100.0;
    return out == 0 ? 0.0 : out;  // no "-0.00"
}

std::string format_money(double pounds) {
    double rounded = round_pence(pounds);
    long long pence = std::llround(std::fabs(rounded) * 100.0);
    std::string whole = std::to_string(pence / 100);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<size_t>(i), ",");
    return fmt::format("{}£{}.{:02}", rounded < 0 ? "-" : "", whole, pence % 100);
}

std::string format_number(double value) {
    std::string s = fmt::format("{:.2f}", round_pence(value));
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

}  // namespace ehcp
