// Parses one document's text on its own with yaml-cpp and maps it onto a Record,
// turning every yaml-cpp exception into a diagnostic in plain words.
#pragma once

#include <optional>
#include <string_view>

#include "document_context.hpp"
#include "ehcp/load/record.hpp"

namespace ehcp::detail {

// `text` is the document's text (the same text `doc` was made with). `text_checked`:
// text_is_safe already said yes, so the scans are not run again. Never throws.
std::optional<Record> parse_document(DocumentContext& doc, std::string_view text, bool text_checked = false);

// The scans parse_document makes on the raw text before yaml-cpp sees it (characters,
// nesting depth, unclosed quotes) all pass. Cheap enough for the thread that splits a
// stream, so a parsing thread does not repeat them; a false answer is re-checked by
// parse_document, which says what is wrong and where.
bool text_is_safe(std::string_view text, int max_depth);

struct TextPos {
    int line = 0;         // 0-based line of the text
    int byte_column = 0;  // 0-based
};

// The first line whose indentation holds a tab, leaving out the content of block
// scalars (`|`, `>`), where a tab after the indentation is just text.
std::optional<TextPos> first_tab_indent(std::string_view text);

}  // namespace ehcp::detail
