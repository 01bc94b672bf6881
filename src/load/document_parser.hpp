// Parses one document's text on its own with yaml-cpp and maps it onto a Record,
// turning every yaml-cpp exception into a diagnostic in plain words.
#pragma once

#include <optional>
#include <string_view>

#include "document_context.hpp"
#include "ehcp/load/record.hpp"

namespace ehcp::detail {

// `text` is the document's text (the same text `doc` was made with). `text_checked`:
// first_text_problem already found nothing, so the raw-text scans are not run again.
// Never throws.
std::optional<Record> parse_document(DocumentContext& doc, std::string_view text, bool text_checked = false);

struct TextPos {
    int line = 0;         // 0-based line of the text
    int byte_column = 0;  // 0-based
};

struct TextProblem;

// The first problem of the raw text that the YAML parser must not see, in the order
// they are looked for: characters that are not UTF-8 text, nesting deeper than
// `max_depth`, a quote never closed. Cheap enough for the thread that splits a stream,
// so the parsing thread need not repeat it (PendingRecord::text_checked).
std::optional<TextProblem> first_text_problem(std::string_view text, int max_depth);

// The first line whose indentation holds a tab, leaving out the content of block
// scalars (`|`, `>`), where a tab after the indentation is just text.
std::optional<TextPos> first_tab_indent(std::string_view text);

}  // namespace ehcp::detail
