// Text from records, packs and file names made inert for terminals and documents: control
// characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides
// are found and shown escaped, never written raw. The one place that decides what counts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ehcp {

// A character that must not reach an output raw: its byte offset and code point.
struct ControlChar {
    std::size_t offset = 0;
    char32_t code = 0;
};

// The first control character in `text`: C0 (U+0000-001F, except tab and line feed when
// `multi_line`), DEL, C1 (U+0080-009F), U+2028/2029 (line and paragraph separators) and
// the bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
// A byte that is not valid UTF-8 counts as one (code point 0xFFFD at its offset).
std::optional<ControlChar> find_control(std::string_view text, bool multi_line = false);

// "U+001B (escape)": how a message names one.
std::string describe_control(char32_t code);

// `text` with each control character written as `\u{1b}` (and each invalid byte as
// `\x{ff}`); tab and line feed are kept when `multi_line`. Everything else unchanged.
std::string escape_controls(std::string_view text, bool multi_line = false);

}  // namespace ehcp
