#include "ehcp/load/upn.hpp"

#include <cctype>

namespace ehcp {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

}  // namespace

bool looks_like_upn(std::string_view id) {
    if (id.size() != 13 || !is_letter(id[0])) return false;
    for (std::size_t i = 1; i < 12; ++i)
        if (!is_digit(id[i])) return false;
    return is_digit(id[12]) || is_letter(id[12]);
}

std::optional<char> upn_check_letter(std::string_view id) {
    if (!looks_like_upn(id)) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 1; i < 13; ++i) {
        int position = static_cast<int>(i) + 1;
        int value = 0;
        if (is_digit(id[i])) {
            value = id[i] - '0';
        } else {
            auto index = kUpnLetters.find(upper(id[i]));
            if (index == std::string_view::npos) return std::nullopt;
            value = static_cast<int>(index);
        }
        sum += value * position;
    }
    return kUpnLetters[static_cast<std::size_t>(sum % 23)];
}

}  // namespace ehcp
