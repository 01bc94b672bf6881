#include "ehcp/core/inert_text.hpp"

#include <fmt/format.h>

namespace ehcp {

namespace {

// One UTF-8 sequence at `i`: its code point and length, or nullopt for an invalid byte.
std::optional<std::pair<char32_t, std::size_t>> decode(std::string_view s, std::size_t i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return std::make_pair(char32_t{c}, std::size_t{1});
    std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (c >= 0xF5 || len == 0 || i + len > s.size()) return std::nullopt;
    char32_t code = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return std::nullopt;
        code = (code << 6) | (b(i + k) & 0x3F);
    }
    bool overlong = (len == 3 && code < 0x800) || (len == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
    return std::make_pair(code, len);
}

bool is_control(char32_t c, bool multi_line) {
    if (c == '\t' || c == '\n') return !multi_line;
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::optional<ControlChar> find_control(std::string_view text, bool multi_line) {
    for (std::size_t i = 0; i < text.size();) {
        auto unit = decode(text, i);
        if (!unit) return ControlChar{i, 0xFFFD};
        if (is_control(unit->first, multi_line)) return ControlChar{i, unit->first};
        i += unit->second;
    }
    return std::nullopt;
}

std::string describe_control(char32_t code) {
    std::string_view name;
    switch (code) {
        case 0x00: name = "NUL"; break;
        case 0x07: name = "bell"; break;
        case 0x08: name = "backspace"; break;
        case 0x09: name = "tab"; break;
        case 0x0A: name = "line feed"; break;
        case 0x0D: name = "carriage return"; break;
        case 0x1B: name = "escape"; break;
        case 0x7F: name = "delete"; break;
        case 0x9B: name = "control sequence introducer"; break;
        case 0x2028: name = "line separator"; break;
        case 0x2029: name = "paragraph separator"; break;
        case 0xFFFD: name = "a byte that is not UTF-8"; break;
        default:
            name = code >= 0x202A && code <= 0x2069 ? "a bidirectional text control" : "a control character";
    }
    return fmt::format("U+{:04X} ({})", static_cast<unsigned>(code), name);
}

std::string escape_controls(std::string_view text, bool multi_line) {
    if (!find_control(text, multi_line)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        auto unit = decode(text, i);
        if (!unit) {
            out += fmt::format("\\x{{{:02x}}}", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (is_control(unit->first, multi_line))
            out += fmt::format("\\u{{{:x}}}", static_cast<unsigned>(unit->first));
        else
            out.append(text.substr(i, unit->second));
        i += unit->second;
    }
    return out;
}

}  // namespace ehcp
