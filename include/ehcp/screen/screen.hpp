// Batch screening (`ehcp screen`): one row per record, a summary at the end.
// Paths -> RecordReader (split and scan the text, in order) -> workers (parse) ->
// writer (evaluate, make a row, emit in order; with more than two workers, idle
// workers evaluate ahead of it). Nothing here forks the loader or the engine; it only reads
// the RecordReport they give.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ehcp/core/date.hpp"
#include "ehcp/rules/pack.hpp"
#include "ehcp/rules/pack_set.hpp"
#include "ehcp/rules/report.hpp"

namespace ehcp::screen {

// ---- paths ---------------------------------------------------------------------------

// An entry of a folder that is not screened, and why (reported on standard error).
struct SkippedEntry {
    std::string path;
    std::string why;
};

// Files as given (in the order given), folders expanded recursively to their regular
// `*.yaml` and `*.yml` files (any case: `.YAML` too) in byte order of their paths, so the
// order is stable from run to run. A path that does not exist is kept: reading it gives
// an `invalid` row, never nothing. Every other entry of a folder (another extension, a
// dangling symlink, a FIFO or device, a symlink to a folder, an unreadable folder) is
// added to `skipped` when given.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<SkippedEntry>* skipped = nullptr);

// ---- the row model -------------------------------------------------------------------

struct Row {
    std::string file;
    int document = 0;
    int line = 1;
    Verdict verdict = Verdict::invalid;
    std::string made_by;  // who makes the request ("school" when the record does not say); empty when unreadable
    std::string id;
    std::optional<std::string> name;  // absent when redacted or unreadable
    std::optional<std::string> setting;
    std::optional<int> year_group;
    std::string key_stage;                // "ks2"; empty when unreadable
    std::vector<std::optional<Status>> criteria;  // in the pack's order; empty when unreadable
    int gap_count = 0;
    std::vector<std::string> first_gaps;  // at most kFirstGaps, in fix order
    std::optional<double> provision_total;
    std::vector<std::string> compelling;
    std::optional<bool> looked_after;
    std::optional<Date> decide_to_assess_by, decide_to_issue_by, final_plan_by;
    std::string error;  // an unreadable record's first error: "line L:C: message"
    std::string pack;   // the rule pack the record was checked against (request.authority or --rules)

    // For the summary only.
    std::optional<std::string> primary_need;
    std::vector<std::pair<std::string, std::string>> gap_groups;  // (key, label), one per distinct gap kind

    // The record's ehcp-report/1 object on one line (jsonl, json formats).
    std::string json_line;

    // A file that could not be read at all: its problems as one-line messages, which
    // `screen` also says on standard error (as `check` and `validate` do).
    std::vector<std::string> read_errors;

    // For the spreadsheet only (xlsx_columns, gap sheet).
    std::optional<Date> date_of_birth;
    std::optional<int> age_years;
    std::optional<Date> request_date;
    int warnings = 0;
    // For sen2-csv, which never invents a value: what the record itself gives (request.date,
    // request.made_by), unset when it does not say.
    std::optional<Date> given_request_date;
    bool made_by_given = false;
    struct GapDetail {
        int rank = 0;
        std::string criterion;  // the criterion's title, or "Evidence checklist"
        std::string check;      // the check's title (or id) the gap comes from; "" for the criterion itself
        std::string text;
    };
    std::vector<GapDetail> all_gaps;
    std::vector<std::string> secondary_needs;  // for the sen2-csv format (sen2_writer.cpp)
    std::vector<std::string> sen_types;        // needs.sen_types in rank order, for sen2-csv
};

inline constexpr std::size_t kFirstGaps = 3;

// The row for one evaluated record. `redacted`: no name.
Row make_row(const RecordReport& report, const Pack& pack, bool redacted);

// What a cell holds, so each writer can type it (xlsx: numbers, dates, money).
enum class CellKind { text, integer, money, date, boolean };

struct Column {
    std::string name;    // header, stable: file, document, id, name, ...
    CellKind kind = CellKind::text;
    int width = 10;      // table and xlsx width in characters
};

struct Cell {
    CellKind kind = CellKind::text;
    bool empty = true;
    std::string text;   // what a text format shows
    double number = 0;  // integer, money, boolean (0/1)
    Date date;
};

// The columns, in order; `name` is left out when redacted.
std::vector<Column> columns(const Pack& pack, bool redacted);
std::vector<Cell> cells(const Row& row, const Pack& pack, bool redacted);

// ---- the summary ---------------------------------------------------------------------

struct Summary {
    long records = 0;
    std::map<Verdict, long> verdicts;
    std::vector<std::string> criterion_ids;
    std::vector<std::string> criterion_titles;
    std::vector<long> criteria_met;  // records meeting each criterion
    struct GapCount { std::string label; long records = 0; };
    std::map<std::string, GapCount> gaps;  // by gap key
    std::map<std::string, long> needs;     // primary area of need -> records
    struct SettingCount {
        long records = 0;
        std::map<Verdict, long> verdicts;
        std::map<std::string, long> needs;
    };
    std::map<std::string, SettingCount> settings;
    // By rule pack (authority): records and verdicts, invalid ones included.
    struct PackCount {
        long records = 0;
        std::map<Verdict, long> verdicts;
    };
    std::map<std::string, PackCount> packs;
    // Entries of the folders given that were not read, counted by why (in the order first met).
    std::vector<std::pair<std::string, long>> ignored;
    bool ignored_listed = false;  // --verbose has named them: the summary gives no hint to

    explicit Summary(const Pack& pack);
    void add(const Row& row);
    // Most common gaps first (ties by label), at most n.
    std::vector<GapCount> top_gaps(std::size_t n) const;
};

inline constexpr std::size_t kTopGaps = 10;

// The summary in words, for a terminal or standard error.
std::string summary_text(const Summary& s);
// "2 files ignored: not a .yaml or .yml file" ("" when none was).
std::string ignored_line(const Summary& s);

// ---- writers -------------------------------------------------------------------------

class Writer {
public:
    virtual ~Writer() = default;
    virtual void begin() = 0;
    virtual void row(const Row& row) = 0;
    virtual void end(const Summary& summary) = 0;
};

struct WriterContext {
    const Pack* pack = nullptr;
    Date as_of;
    bool redacted = false;
    bool quiet = false;
    // The terminal table (table_columns): the columns to show (empty: the compact default),
    // the width to fit (0: no limit) and whether verdicts are coloured.
    std::vector<std::string> table_columns;
    int table_width = 0;
    bool color = false;
};

// Text formats write to `out`; `summary_out` takes the summary where the format has no
// place for it (csv, jsonl: standard error), nullptr for none.
std::unique_ptr<Writer> make_table_writer(std::ostream& out, const WriterContext& c);
// The names --columns takes, in the order `--columns wide` shows them, and the default.
std::vector<std::string> table_column_names(const Pack& pack);
std::vector<std::string> table_default_columns();
std::unique_ptr<Writer> make_csv_writer(std::ostream& out, std::ostream* summary_out, const WriterContext& c);
std::unique_ptr<Writer> make_jsonl_writer(std::ostream& out, std::ostream* summary_out, const WriterContext& c);
std::unique_ptr<Writer> make_json_writer(std::ostream& out, const WriterContext& c);
// The DfE SEN2 person-level shape (sen2_writer.cpp): one row per record keyed by UPN.
std::unique_ptr<Writer> make_sen2_csv_writer(std::ostream& out, std::ostream* summary_out, const WriterContext& c);
// A workbook at `path` (written whole by libxlsxwriter when end() runs).
std::unique_ptr<Writer> make_xlsx_writer(const std::string& path, const WriterContext& c);

// RFC 4180 cell: quoted when needed; a text cell a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe.
std::string csv_cell(const std::string& text, bool neutralise);

// The summary as JSON (the json format's "summary" object).
std::string summary_json(const Summary& s);

// ---- the pipeline --------------------------------------------------------------------

struct PipelineOptions {
    int jobs = 1;                 // parsing workers
    std::size_t window = 0;       // records in flight; 0: 64 per job
    bool redacted = false;
    bool want_json = false;       // fill Row::json_line
    Date as_of;
    LoadOptions load;
    // When set, each record is parsed and checked with the pack it names (request.authority),
    // unless the set was fixed by --rules; rows keep the columns of the pack given to run_pipeline.
    PackSet* packs = nullptr;
    // Called on the writer's thread as records are emitted: (records done, bytes read, total bytes).
    std::function<void(long, std::uint64_t, std::uint64_t)> progress;
};

struct PipelineResult {
    long records = 0;
    long invalid = 0;
};

// Reads every record in `files` (already expanded) in order, parses them on `jobs`
// threads, checks them, and hands rows to `emit` in input order on the calling thread. At most
// `window` records are held at any time, so memory does not grow with the batch.
PipelineResult run_pipeline(const std::vector<std::string>& files, const Pack& pack, const PipelineOptions& options,
                            const std::function<void(Row&&)>& emit);

}  // namespace ehcp::screen
