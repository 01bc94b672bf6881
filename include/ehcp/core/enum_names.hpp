// Names of enumerations as they appear in records, packs and reports (lower-case snake_case).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ehcp {

// Specialise with `static constexpr std::array<std::string_view, N> names` in
// the enumerators' declaration order.
template <class E>
struct EnumNames;

template <class E>
constexpr std::string_view to_string(E e) {
    return EnumNames<E>::names[static_cast<std::size_t>(e)];
}

template <class E>
constexpr std::optional<E> parse_enum(std::string_view text) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

// "a, b, c" for messages that list the allowed values.
template <class E>
std::string allowed_values() {
    std::string out;
    for (auto n : EnumNames<E>::names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

}  // namespace ehcp
