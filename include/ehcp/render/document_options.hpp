// What the shareable documents (Markdown, HTML) include beyond the report itself.
#pragma once

namespace ehcp {

struct DocumentOptions {
    // The loader's warnings about the record (`check --with-warnings`). Left out by
    // default: the documents are shared with families and headteachers; the report says
    // how many were left out and how to see them. An invalid record's problems are always
    // shown.
    bool with_warnings = false;
};

}  // namespace ehcp
