// Checks on a document's raw text made before it reaches yaml-cpp, which does not defend
// itself: bytes that are not UTF-8 text (NUL, control characters, invalid UTF-8, a UTF-16
// file) and nesting deep enough to exhaust the parser's recursion. Each problem has the
// place it starts, so the message can point at it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "document_parser.hpp"

namespace ehcp::detail {

struct TextProblem {
    TextPos at;
    std::string code;
    std::string message;
    std::string fix;
};

// The first byte sequence that is not valid UTF-8 text YAML accepts: a NUL or other
// control character (tab, line feed and carriage return before a line feed are fine),
// a byte that starts no UTF-8 character, a truncated or overlong sequence, a surrogate.
std::optional<TextProblem> check_characters(std::string_view text);

// Where the nesting of the text first goes deeper than `max_depth` levels, counting
// flow brackets (`[`, `{`) outside quotes and comments, and block levels: deeper
// indentation, and `- ` or `key: ` openers that share a line. An approximation of
// YAML's structure that never under-counts brackets; a record needs fewer than ten.
struct DepthProblem {
    TextPos at;
    int depth = 0;
};
std::optional<DepthProblem> check_nesting(std::string_view text, int max_depth);

// Where a quoted text opens (at the start of a value, as YAML reads it) that is still open
// at the end of the text. yaml-cpp 0.7 reads such a quote to the end of the document and
// may say nothing, so the rest of the record would be lost inside one value.
std::optional<TextPos> unclosed_quote(std::string_view text);

// At most `max_bytes` of `text`, cut at a UTF-8 character boundary, with "…" when cut:
// for echoing a value in a message.
std::string clip(std::string_view text, std::size_t max_bytes = 60);

// Line helpers shared by the text scans: trailing spaces and tabs removed; and whether a
// line's value is a block scalar header (`key: |`, `- >-`, `notes: |2 # comment`).
std::string_view rtrim(std::string_view s);
bool opens_block_scalar(std::string_view line);

}  // namespace ehcp::detail
