// Parses one document's text on its own with yaml-cpp and maps it onto a Record,
// turning every yaml-cpp exception into a diagnostic in plain words.
#pragma once

#include <optional>
#include <string_view>

#include "document_context.hpp"
#include "ehcp/load/record.hpp"

namespace ehcp::detail {

// `text` is the document's text (the same text `doc` was made with). Never throws.
std::optional<Record> parse_document(DocumentContext& doc, std::string_view text);

struct TextPos {
    int line = 0;         // 0-based line of the text
    int byte_column = 0;  // 0-based
};

// The first line whose indentation holds a tab, leaving out the content of block
// scalars (`|`, `>`), where a tab after the indentation is just text.
std::optional<TextPos> first_tab_indent(std::string_view text);

}  // namespace ehcp::detail
