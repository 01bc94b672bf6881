// Splits a stream into YAML documents line by line and reads each one on its own, so
// memory follows the largest document, not the size of the batch.
//
// A line `---` (or `--- ` / `---\t` followed by more) at column 0 starts a document;
// a line `...` ends one; `%` directive lines belong to the document that follows.
// Comments and blank lines before a document's `---` belong to it too.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "ehcp/load/loader.hpp"
#include "line_reader.hpp"

namespace ehcp::detail {

class DocumentStream {
public:
    // `first_line` and `first_document` number the stream's lines and documents (1 and 0
    // for a whole file; other values when the text is part of something larger).
    DocumentStream(std::string display_name, std::unique_ptr<std::istream> in, std::string base_dir,
                   LoadOptions options, int first_line = 1, int first_document = 0);

    // The next document, or nullopt at the end. Never throws.
    std::optional<LoadedRecord> next();

    // The next document split but not yet parsed. Never throws.
    std::optional<PendingRecord> next_pending();

private:
    struct Chunk {
        std::string text;      // its lines, each followed by '\n'; dropped once too large
        int first_line = 0;    // file line of the first line in text
        int start_line = 0;    // its `---` line, else its first line with content
        bool has_marker = false;
        bool has_content = false;  // anything but blank lines, comments, directives and markers
        bool too_large = false;
        bool any_line = false;
        std::size_t skipped_bytes = 0;  // read past the limit while too_large
    };
    enum class End { next_document, dots, end_of_input };

    std::optional<PendingRecord> read_line(std::string line, int line_no, bool truncated);
    void append(const std::string& line, int line_no, bool truncated);
    std::optional<PendingRecord> finish_chunk(End how);
    PendingRecord problem(int document_line, std::string code, std::string message, std::string fix, int line,
                         int column = 1);
    SourceRef source_at(int line);

    std::string display_name_;
    std::string diagnostic_file_;  // "<stdin>" for standard input
    std::string base_dir_;
    LoadOptions options_;
    std::unique_ptr<std::istream> in_;
    LineReader reader_;
    int line_offset_;
    int next_document_;
    Chunk chunk_;
    std::optional<std::string> pending_;  // a line that starts the next document
    int pending_line_ = 0;
    int produced_ = 0;
    bool saw_text_ = false;  // any non-blank line: "empty" versus "only comments"
    bool done_ = false;
};

}  // namespace ehcp::detail
