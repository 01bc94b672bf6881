// Reads ehcp-record/1 documents from files, multi-document streams and standard input,
// one document at a time, into typed Records plus diagnostics.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ehcp/core/date.hpp"
#include "ehcp/core/diagnostic.hpp"
#include "ehcp/load/record.hpp"

namespace ehcp {

struct LoadOptions {
    // The date records are read as of: used for the out-of-cohort year group warning.
    Date as_of;
    // Indicator ids of the rule pack in use; `indicators[].id` must be one of them.
    // Empty: ids are not checked.
    std::vector<std::string> indicator_ids;
    // The rule pack in use (its id, for messages) and the document kinds it adds to the
    // built-in ones (e.g. Norfolk's indes). With a pack, a `documents[].kind` neither built
    // in nor declared is a warning naming the kinds it knows (an error when it is a near
    // miss of one, such as my_suport_plan). Without one (empty pack_id), any kind is read.
    std::string pack_id;
    std::vector<std::string> document_kinds;
    // Limits: input past them is reported, never read further.
    std::size_t max_file_bytes = 256u * 1024 * 1024;
    std::size_t max_record_bytes = 4u * 1024 * 1024;
    // Deepest nesting of lists and maps read (a record needs fewer than ten levels);
    // checked on the text before the YAML parser, whose recursion it bounds.
    int max_depth = 64;
    // Longest single value (text, date, number...) read; a longer one is an error.
    std::size_t max_value_bytes = 64u * 1024;
};

// Where a record came from: the file as named by the user ("-" for standard input),
// the 0-based index of the document in that file, and the line the document starts on.
struct SourceRef {
    std::string file;
    int document = 0;
    int line = 1;
};

struct LoadedRecord {
    SourceRef source;
    std::optional<Record> record;  // absent when the document has errors
    std::vector<Diagnostic> diagnostics;
    // The pupil's id when `pupil.id` itself could be read, even if other fields could
    // not: an unreadable record still says whose it is.
    std::string pupil_id;

    bool valid() const { return record.has_value(); }
};

// A document split from its stream but not yet parsed, so that parsing (the costly
// part) can run on another thread while the stream is read in order.
struct PendingRecord {
    SourceRef source;
    std::optional<LoadedRecord> decided;  // problems found while splitting (empty document, too large...)
    std::string text;                     // the document's lines
    int first_line = 1;                   // file line of text's first line
    std::string diagnostic_file;          // "<stdin>" for standard input
    std::string base_dir;
    // The splitter found the raw text safe to give the YAML parser (UTF-8 text, bounded
    // nesting, quotes closed), so the parse need not scan it again. When false the
    // parse runs the scans itself and reports what fails.
    bool text_checked = false;
};

// Parses a pending document (thread-safe: touches nothing shared).
LoadedRecord parse_pending(PendingRecord pending, const LoadOptions& options);

// Reads one file (or standard input, named "-") document by document, so memory
// does not grow with the number of records in a stream.
class RecordReader {
public:
    RecordReader(std::string display_name, std::unique_ptr<std::istream> in, std::string base_dir,
                 LoadOptions options);
    ~RecordReader();
    RecordReader(RecordReader&&) noexcept;
    RecordReader& operator=(RecordReader&&) noexcept;

    // Opens a path, or standard input for "-". A file that cannot be opened gives one
    // LoadedRecord with an error (never an exception).
    static RecordReader open(const std::string& path, const LoadOptions& options);

    // The next document, or nullopt at the end of input.
    std::optional<LoadedRecord> next();

    // The next document split but not parsed; parse it with parse_pending.
    std::optional<PendingRecord> next_pending();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Every record in one file or stream.
std::vector<LoadedRecord> load_records(const std::string& path, const LoadOptions& options);

// One YAML document given as text (tests, fuzzing). `base_dir` resolves documents[].file.
LoadedRecord load_record_text(std::string_view yaml, const SourceRef& source, const std::string& base_dir,
                              const LoadOptions& options);

}  // namespace ehcp
