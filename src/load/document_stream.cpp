#include "document_stream.hpp"

#include <new>

#include <fmt/format.h>

#include "ehcp/core/inert_text.hpp"

#include "document_context.hpp"
#include "document_parser.hpp"
#include "text_checks.hpp"

namespace ehcp::detail {

namespace {

bool starts_with_marker(const std::string& line, std::string_view marker) {
    if (line.compare(0, 3, marker) != 0) return false;
    return line.size() == 3 || line[3] == ' ' || line[3] == '\t';
}

bool is_blank_or_comment(std::string_view s) {
    auto first = s.find_first_not_of(" \t");
    return first == std::string_view::npos || s[first] == '#';
}

}  // namespace

DocumentStream::DocumentStream(std::string display_name, std::unique_ptr<std::istream> in, std::string base_dir,
                               LoadOptions options, int first_line, int first_document)
    : display_name_(escape_controls(display_name)),  // shown in reports and rows, never opened
      diagnostic_file_(display_name_ == "-" ? "<stdin>" : display_name_),
      base_dir_(std::move(base_dir)),
      options_(std::move(options)),
      in_(std::move(in)),
      // A line longer than a whole document cannot be read anyway; keep just enough to say so.
      reader_(*in_, options_.max_record_bytes + 1, options_.max_file_bytes),
      line_offset_(first_line - 1),
      next_document_(first_document) {}

SourceRef DocumentStream::source_at(int line) { return SourceRef{display_name_, next_document_++, line}; }

PendingRecord DocumentStream::problem(int document_line, std::string code, std::string message, std::string fix,
                                      int line, int column) {
    LoadedRecord out;
    out.source = source_at(document_line);
    out.diagnostics.push_back(Diagnostic{Severity::error, std::move(code), std::move(message), "", diagnostic_file_,
                                         line, line > 0 ? column : 0, std::move(fix)});
    ++produced_;
    PendingRecord pending;
    pending.source = out.source;
    pending.decided = std::move(out);
    return pending;
}

std::optional<LoadedRecord> DocumentStream::next() {
    auto pending = next_pending();
    if (!pending) return std::nullopt;
    return parse_pending(std::move(*pending), options_);
}

std::optional<PendingRecord> DocumentStream::next_pending() {
    if (done_) return std::nullopt;
    try {
        for (;;) {
            std::string line;
            int line_no = 0;
            bool truncated = false;
            if (pending_) {
                line = std::move(*pending_);
                pending_.reset();
                line_no = pending_line_;
            } else if (reader_.next(line)) {
                line_no = reader_.line_number() + line_offset_;
                truncated = reader_.truncated();
                if (reader_.runaway()) {
                    done_ = true;
                    return problem(chunk_.any_line ? chunk_.start_line : line_no, "document.too_large",
                                   fmt::format("line {} runs on for more than {} bytes without a line break: the "
                                               "record never ends (a device or a binary file?); reading stopped",
                                               line_no, options_.max_record_bytes * LineReader::kRunawayFactor),
                                   "give ehcp a file of YAML records", line_no);
                }
            } else {
                done_ = true;
                if (reader_.over_limit())
                    return problem(chunk_.any_line ? chunk_.first_line : reader_.line_number() + line_offset_ + 1,
                                   "file.too_large",
                                   fmt::format("the input is larger than the limit of {} bytes; reading stopped at "
                                               "line {}",
                                               options_.max_file_bytes, reader_.line_number() + line_offset_ + 1),
                                   "split the batch into smaller files", reader_.line_number() + line_offset_ + 1);
                if (reader_.failed())
                    return problem(1, "file.unreadable",
                                   fmt::format("reading {} failed after line {}",
                                               display_name_ == "-" ? "standard input" : display_name_,
                                               reader_.line_number() + line_offset_),
                                   "check the file can be read", 0);
                if (auto last = finish_chunk(End::end_of_input)) return last;
                if (produced_ == 0)
                    return problem(1, "file.empty",
                                   saw_text_ ? "the file holds no record, only comments or document markers"
                                             : "the file is empty",
                                   "write a record starting with `format: ehcp-record/1`", 0);
                return std::nullopt;
            }
            if (auto out = read_line(std::move(line), line_no, truncated)) return out;
            if (chunk_.too_large && chunk_.skipped_bytes / LineReader::kRunawayFactor > options_.max_record_bytes) {
                done_ = true;
                return problem(chunk_.start_line, "document.too_large",
                               fmt::format("the document at line {} runs on for more than {} bytes without a `---`: "
                                           "it never ends; reading stopped at line {}",
                                           chunk_.start_line, options_.max_record_bytes * LineReader::kRunawayFactor,
                                           line_no),
                               "check for missing `---` lines between records, or split the file", chunk_.start_line);
            }
        }
    } catch (const std::bad_alloc&) {
        done_ = true;
        return problem(chunk_.start_line, "document.too_large", "there is not enough memory to read the document",
                       "split the batch into smaller files", chunk_.start_line);
    } catch (const std::exception& e) {
        done_ = true;
        return problem(chunk_.start_line, "load.internal", fmt::format("reading stopped: {}", e.what()),
                       "report this as a bug in ehcp", chunk_.start_line);
    }
}

std::optional<PendingRecord> DocumentStream::read_line(std::string line, int line_no, bool truncated) {
    // Two exported files joined: the second one's byte order mark sits before its `---`.
    // It is a document marker all the same (a BOM elsewhere stays a text.bom error).
    if (line.compare(0, 3, "\xEF\xBB\xBF") == 0 && starts_with_marker(line.substr(3), "---"))
        line.erase(0, 3);
    if (line.find_first_not_of(" \t") != std::string::npos) saw_text_ = true;
    const bool marker = starts_with_marker(line, "---");
    const bool directive = !line.empty() && line[0] == '%';
    if (marker || directive) {
        if (chunk_.has_marker || chunk_.has_content) {
            // This line starts the next document: finish the current one first.
            pending_ = std::move(line);
            pending_line_ = line_no;
            auto out = finish_chunk(End::next_document);
            chunk_ = Chunk{};
            return out;
        }
        append(line, line_no, truncated);
        if (marker) {
            chunk_.has_marker = true;
            chunk_.start_line = line_no;
            if (!is_blank_or_comment(std::string_view(line).substr(3))) chunk_.has_content = true;  // `--- {a: 1}`
        }
        return std::nullopt;
    }
    append(line, line_no, truncated);
    if (starts_with_marker(line, "...")) {
        auto out = finish_chunk(End::dots);
        chunk_ = Chunk{};
        return out;
    }
    if (!is_blank_or_comment(line) && !chunk_.has_content) {
        chunk_.has_content = true;
        if (!chunk_.has_marker) chunk_.start_line = line_no;
    }
    return std::nullopt;
}

void DocumentStream::append(const std::string& line, int line_no, bool truncated) {
    if (!chunk_.any_line) {
        chunk_.any_line = true;
        chunk_.first_line = line_no;
    }
    if (chunk_.too_large) {
        chunk_.skipped_bytes += line.size() + 1;
        return;
    }
    if (truncated || chunk_.text.size() + line.size() + 1 > options_.max_record_bytes) {
        chunk_.too_large = true;
        std::string().swap(chunk_.text);  // give the memory back now
        return;
    }
    chunk_.text += line;
    chunk_.text += '\n';
}

std::optional<PendingRecord> DocumentStream::finish_chunk(End how) {
    if (!chunk_.has_content) {
        // Comments alone are no document; nor is the empty one after a final `---`.
        if (!chunk_.has_marker || how == End::end_of_input) return std::nullopt;
        return problem(chunk_.start_line, "document.empty",
                       fmt::format("empty document: the `---` on line {} starts a document with nothing in it",
                                   chunk_.start_line),
                       "remove the extra `---` line, or write the record below it", chunk_.start_line);
    }
    if (chunk_.too_large)
        return problem(chunk_.start_line, "document.too_large",
                       fmt::format("the document is larger than the limit of {} bytes and was not read",
                                   options_.max_record_bytes),
                       "check for a missing `---` between records, or split the document", chunk_.start_line);

    PendingRecord out;
    out.source = source_at(chunk_.start_line);
    out.text = std::move(chunk_.text);
    out.first_line = chunk_.first_line;
    out.diagnostic_file = diagnostic_file_;
    out.base_dir = base_dir_;
    out.text_checked = !first_text_problem(out.text, options_.max_depth);
    ++produced_;
    return out;
}

}  // namespace ehcp::detail

namespace ehcp {

LoadedRecord parse_pending(PendingRecord pending, const LoadOptions& options) {
    if (pending.decided) return std::move(*pending.decided);
    LoadedRecord out;
    out.source = pending.source;
    try {
        detail::DocumentContext doc(pending.diagnostic_file, pending.text, pending.first_line, options, pending.base_dir);
        out.record = detail::parse_document(doc, pending.text, pending.text_checked);
        out.diagnostics = doc.take_diagnostics();
        out.pupil_id = doc.pupil_id();
    } catch (const std::exception& e) {
        out.record.reset();
        out.diagnostics.push_back(Diagnostic{Severity::error, "load.internal", fmt::format("reading stopped: {}", e.what()),
                                             "", pending.diagnostic_file, pending.source.line, 1,
                                             "report this as a bug in ehcp"});
    }
    if (has_errors(out.diagnostics)) out.record.reset();
    return out;
}

}  // namespace ehcp
