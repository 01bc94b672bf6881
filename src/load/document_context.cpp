#include "document_context.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ehcp/core/inert_text.hpp"

namespace ehcp::detail {

DocumentContext::DocumentContext(std::string file, std::string_view text, int first_line, const LoadOptions& options,
                                 std::string base_dir)
    : file_(std::move(file)), text_(text), first_line_(first_line), options_(options), base_dir_(std::move(base_dir)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

SourcePos DocumentContext::position(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return {};
    return position(mark.line, mark.column);
}

SourcePos DocumentContext::position(int text_line, int byte_column) const {
    SourcePos pos{first_line_ + text_line, byte_column + 1};
    if (text_line < 0 || static_cast<std::size_t>(text_line) >= line_starts_.size()) return pos;
    // Editors count characters: skip UTF-8 continuation bytes. Positions come mostly in
    // order along a line, so carry on from the last one on the same line: a map of
    // thousands of keys on one line costs a pass over the line, not one per key.
    std::size_t start = line_starts_[static_cast<std::size_t>(text_line)];
    std::size_t end = std::min(text_.size(), start + static_cast<std::size_t>(byte_column));
    int column = 1;
    if (column_cache_.line == text_line && column_cache_.offset <= end && column_cache_.offset >= start) {
        start = column_cache_.offset;
        column = column_cache_.column;
    } else if (end - start > kCheckpointBytes) {
        // Going back on a long line: from the checkpoint before `end`, built once per line.
        if (checkpoint_line_ != text_line) {
            checkpoint_line_ = text_line;
            checkpoints_.assign(1, 1);
            std::size_t line_end = static_cast<std::size_t>(text_line) + 1 < line_starts_.size()
                                       ? line_starts_[static_cast<std::size_t>(text_line) + 1]
                                       : text_.size();
            int c = 1;
            for (std::size_t i = start; i < line_end; ++i) {
                if ((i - start) % kCheckpointBytes == 0 && i != start) checkpoints_.push_back(c);
                if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++c;
            }
        }
        std::size_t k = std::min((end - start) / kCheckpointBytes, checkpoints_.size() - 1);
        column = checkpoints_[k];
        start += k * kCheckpointBytes;
    }
    for (std::size_t i = start; i < end; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    column_cache_ = {text_line, end, column};
    pos.column = column;
    if (const auto* s = shift_of(text_line); s && static_cast<std::size_t>(byte_column) >= s->new_indent)
        pos.column -= s->delta;  // indentation is spaces and tabs: one byte, one column
    return pos;
}

SourcePos DocumentContext::position_of_offset(std::size_t offset) const {
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(after - line_starts_.begin()) - 1;
    return position(static_cast<int>(line), static_cast<int>(offset - line_starts_[line]));
}

std::optional<std::size_t> DocumentContext::last_content_before(std::size_t offset) const {
    std::size_t q = std::min(offset, text_.size());
    for (;;) {
        while (q > 0 && (text_[q - 1] == ' ' || text_[q - 1] == '\t' || text_[q - 1] == '\n' || text_[q - 1] == '\r')) --q;
        if (q == 0) return std::nullopt;
        // Drop a comment: the whole line, or the end of a line after ` #`.
        std::size_t line_start = text_.rfind('\n', q - 1);
        line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
        std::string_view line = text_.substr(line_start, q - line_start);
        std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] == '#') {
            q = line_start;
            continue;
        }
        if (auto hash = line.find(" #"); hash != std::string_view::npos) {
            q = line_start + hash;
            continue;
        }
        return q - 1;
    }
}

SourcePos DocumentContext::position_of_empty(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) return {};
    auto pos = static_cast<std::size_t>(mark.pos);
    std::string_view rest = pos < text_.size() ? text_.substr(pos) : std::string_view{};
    for (std::string_view null_word : {"~", "null", "Null", "NULL"})
        if (rest.substr(0, null_word.size()) == null_word) return position(mark);  // written out: the mark is right
    if (auto at = last_content_before(pos)) return position_of_offset(*at);
    return position(mark);
}

SourcePos DocumentContext::position_of_error(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) return {};
    auto pos = static_cast<std::size_t>(mark.pos);
    bool at_end = pos >= text_.size() || text_.substr(pos).find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (at_end)
        if (auto at = last_content_before(pos)) {
            SourcePos p = position_of_offset(*at);
            ++p.column;
            return p;
        }
    return position(mark);
}

bool DocumentContext::charge(std::size_t entries, SourcePos at) {
    if (over_budget_) return false;
    if (entries <= read_budget_ - std::min(read_budget_, read_so_far_)) {
        read_so_far_ += entries;
        return true;
    }
    over_budget_ = true;
    // The cause of whatever else was found, so kept even past the diagnostics limit.
    diagnostics_.push_back(Diagnostic{
        Severity::error, "yaml.alias_reuse",
          fmt::format("aliases (`*name`) make this record read the same lists or maps over and over: more than {} "
                      "entries for a document of far fewer values; it is not read further",
                      read_budget_),
        "", file_, at.line, at.column,
        "write the values out instead of using `&anchor` and `*alias`; a record has no need of aliases"});
    return false;
}

void DocumentContext::error(std::string code, std::string path, SourcePos at, std::string message, std::string fix,
                            std::optional<TextEdit> edit) {
    report(Severity::error, std::move(code), std::move(path), at, std::move(message), std::move(fix), std::move(edit));
}

void DocumentContext::warning(std::string code, std::string path, SourcePos at, std::string message, std::string fix,
                              std::optional<TextEdit> edit) {
    report(Severity::warning, std::move(code), std::move(path), at, std::move(message), std::move(fix), std::move(edit));
}

const DocumentContext::IndentShift* DocumentContext::shift_of(int text_line) const {
    for (const auto& s : shifts_)
        if (s.text_line == text_line) return &s;
    return nullptr;
}

void DocumentContext::reread(std::string_view text, std::vector<IndentShift> shifts) {
    text_ = text;
    shifts_ = std::move(shifts);
    line_starts_.assign(1, 0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    column_cache_ = {};
    checkpoint_line_ = -1;
}

std::optional<TextEdit> DocumentContext::replace_scalar(const YAML::Mark& mark, std::string_view value,
                                                        std::string replacement) const {
    if (mark.is_null() || mark.pos < 0 || mark.line < 0 || replacement.empty()) return std::nullopt;
    const auto pos = static_cast<std::size_t>(mark.pos);
    const auto line = static_cast<std::size_t>(mark.line);
    if (line >= line_starts_.size() || pos < line_starts_[line] || pos >= text_.size()) return std::nullopt;
    if (value.empty() || value.find_first_of("\n\r") != std::string_view::npos) return std::nullopt;
    std::string_view rest = text_.substr(pos);
    std::string_view source;
    const char first = rest[0];
    if (first == '"' || first == '\'') {
        // Quoted: the value must be there as written, with no escape inside.
        if (value.find(first) != std::string_view::npos || (first == '"' && value.find('\\') != std::string_view::npos))
            return std::nullopt;
        if (rest.size() < value.size() + 2 || rest.substr(1, value.size()) != value || rest[value.size() + 1] != first)
            return std::nullopt;
        source = rest.substr(0, value.size() + 2);
    } else {
        if (rest.substr(0, value.size()) != value) return std::nullopt;  // a tag, an anchor, a folded line
        source = rest.substr(0, value.size());
    }
    if (source == replacement) return std::nullopt;
    std::size_t byte = pos - line_starts_[line];
    if (const auto* s = shift_of(mark.line)) {
        if (byte < s->new_indent) return std::nullopt;
        byte = static_cast<std::size_t>(static_cast<long>(byte) - s->delta);
    }
    return TextEdit{first_line_ + mark.line, byte, std::string(source), std::move(replacement)};
}

void DocumentContext::report(Severity severity, std::string code, std::string path, SourcePos at, std::string message,
                             std::string fix, std::optional<TextEdit> edit) {
    // A damaged document can hold a problem per line; past a limit, count them instead.
    if (diagnostics_.size() >= kMaxDiagnostics) {
        ++suppressed_;
        if (severity == Severity::error) suppressed_error_ = true;
        return;
    }
    // Keys and values quoted in messages come from the record: escaped here once, so no
    // renderer (text, Markdown, HTML, JSON, screen) can print a raw control character.
    message = escape_controls(message);
    fix = escape_controls(fix);
    path = escape_controls(path);
    diagnostics_.push_back(Diagnostic{severity, std::move(code), std::move(message), std::move(path), file_, at.line,
                                      at.column, std::move(fix), std::move(edit)});
}

bool DocumentContext::has_errors() const { return suppressed_error_ || ehcp::has_errors(diagnostics_); }

std::vector<Diagnostic> DocumentContext::take_diagnostics() {
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (suppressed_ > 0) {
        diagnostics_.push_back(Diagnostic{suppressed_error_ ? Severity::error : Severity::warning, "diagnostics.limit",
                                          fmt::format("{} more problems in this document are not shown (only the "
                                                      "first {} found are)",
                                                      suppressed_, kMaxDiagnostics),
                                          "", file_, 0, 0, "fix the problems shown, then check again"});
        suppressed_ = 0;
    }
    return std::move(diagnostics_);
}

}  // namespace ehcp::detail
