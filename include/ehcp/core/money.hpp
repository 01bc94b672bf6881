// Pounds sterling: rounding to pence and printing as a British reader expects.
#pragma once

#include <string>

namespace ehcp {

// Pounds rounded half away from zero to whole pence.
double round_pence(double pounds);

// "£1,170.00", "-£12.50", "£0.00".
std::string format_money(double pounds);

// A figure as a person writes it: "4.5", "4", "0.25" (at most 2 decimals, no trailing zeros).
std::string format_number(double value);

}  // namespace ehcp
