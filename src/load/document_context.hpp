// One YAML document being read: where its text sits in the file, the options it is read
// with, and the problems found so far. Turns yaml-cpp's chunk-relative, 0-based byte
// marks into the file's 1-based lines and character columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

#include "ehcp/core/diagnostic.hpp"
#include "ehcp/load/loader.hpp"
#include "ehcp/load/record.hpp"

namespace ehcp::detail {

class DocumentContext {
public:
    // `text` is the document's own text, whose first line is line `first_line` of `file`.
    DocumentContext(std::string file, std::string_view text, int first_line, const LoadOptions& options,
                    std::string base_dir);

    // 1-based file line and column (in characters, not bytes) of a yaml-cpp mark;
    // {0, 0} for a mark yaml-cpp did not set.
    SourcePos position(const YAML::Mark& mark) const;
    // 1-based file position of a 0-based line and byte column of the document's text.
    SourcePos position(int text_line, int byte_column) const;
    // Where an empty value (a bare `-` entry) is. yaml-cpp marks it at the next token,
    // maybe lines later, so step back to the `-` or `:` that introduced it.
    SourcePos position_of_empty(const YAML::Mark& mark) const;
    // Where a parse error is. yaml-cpp marks a problem found at the end of the text past
    // its last line; point just after the last thing written instead.
    SourcePos position_of_error(const YAML::Mark& mark) const;

    void error(std::string code, std::string path, SourcePos at, std::string message, std::string fix = {},
               std::optional<TextEdit> edit = {});
    void warning(std::string code, std::string path, SourcePos at, std::string message, std::string fix = {},
                 std::optional<TextEdit> edit = {});

    // The edit that replaces a scalar's whole source text (quotes included) with
    // `replacement`, in file lines and bytes: only for a one-line scalar whose source is
    // its value as written (plain, or quoted without escapes); nullopt otherwise.
    std::optional<TextEdit> replace_scalar(const YAML::Mark& mark, std::string_view value,
                                           std::string replacement) const;

    // The text being read is `text` from now on: the same lines, except that the lines
    // named in `shifts` had their indentation rewritten (a tab made spaces), which moved
    // their content `delta` bytes right. Positions and edits are still given in the
    // original file's columns and bytes.
    struct IndentShift {
        int text_line = 0;
        std::size_t new_indent = 0;  // bytes of indentation in `text`
        int delta = 0;               // new indentation bytes minus old
    };
    void reread(std::string_view text, std::vector<IndentShift> shifts);

    bool has_errors() const;
    // The problems found, in the order they appear in the file.
    std::vector<Diagnostic> take_diagnostics();

    // Reading a map's or a list's entries costs one unit an entry. A document without
    // aliases costs at most its number of values; aliases (`*name`) can make the
    // mapping read one large map thousands of times over. Past the budget the document
    // gets one error at `at` and nothing more is read (charge is false from then on).
    void set_read_budget(std::size_t entries) { read_budget_ = entries; }
    bool charge(std::size_t entries, SourcePos at);
    bool over_read_budget() const { return over_budget_; }

    // The pupil's id, noted as soon as it is read, whatever else goes wrong later.
    void note_pupil_id(std::string id) { pupil_id_ = std::move(id); }
    const std::string& pupil_id() const { return pupil_id_; }

    const LoadOptions& options() const { return options_; }
    int first_line() const { return first_line_; }  // file line of the text's first line
    const std::string& base_dir() const { return base_dir_; }

private:
    void report(Severity severity, std::string code, std::string path, SourcePos at, std::string message,
                std::string fix, std::optional<TextEdit> edit);
    const IndentShift* shift_of(int text_line) const;
    std::vector<IndentShift> shifts_;

    std::string file_;
    std::string_view text_;
    int first_line_;
    const LoadOptions& options_;
    std::string base_dir_;
    std::string pupil_id_;
    std::size_t read_budget_ = SIZE_MAX;
    std::size_t read_so_far_ = 0;
    bool over_budget_ = false;
    // Byte offset of the last character before `offset` that is not blank or a comment.
    std::optional<std::size_t> last_content_before(std::size_t offset) const;
    SourcePos position_of_offset(std::size_t offset) const;

    std::vector<std::size_t> line_starts_;  // byte offset of each line of text_
    struct ColumnCache {
        int line = -1;
        std::size_t offset = 0;  // byte offset in text_
        int column = 1;          // its 1-based character column
    };
    mutable ColumnCache column_cache_;  // the last position computed
    // For one long line (a minified JSON record): the column at every kCheckpointBytes
    // bytes, so positions asked out of order (values after keys, in the schema's order)
    // cost at most kCheckpointBytes each, not a scan from the line's start.
    static constexpr std::size_t kCheckpointBytes = 4096;
    mutable int checkpoint_line_ = -1;
    mutable std::vector<int> checkpoints_;
    std::vector<Diagnostic> diagnostics_;
    static constexpr std::size_t kMaxDiagnostics = 200;
    std::size_t suppressed_ = 0;     // problems past kMaxDiagnostics, counted, not kept
    bool suppressed_error_ = false;  // one of them is an error
};

}  // namespace ehcp::detail
