// `ehcp import`: records from what schools already hold. A Common Transfer File (the
// DfE's XML a pupil's data moves in between schools) becomes one commented record per
// pupil; rows of a spreadsheet export (CSV) become one section of an existing record.
// Nothing is guessed: a code with no clear meaning is kept as a note for the SENCO, a date
// is read day first only when the map says so. See docs/import.md.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ehcp/core/date.hpp"
#include "ehcp/load/record.hpp"

namespace ehcp::import {

// A file that cannot be imported at all: the message names the file, the place and the fix.
struct ImportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// ---- Common Transfer File ------------------------------------------------------------

inline constexpr std::size_t kDefaultMaxXmlBytes = std::size_t{64} << 20;  // 64 MiB
inline constexpr int kMaxXmlDepth = 64;

struct CtfNeed {
    int rank = 0;          // SENtypeRank: 1 primary, 2 secondary (0 when not given)
    std::string code;      // SENtype as written: SLCN, ASD, OTH...
};

struct CtfPupil {
    long line = 0;                   // of its <Pupil> element
    std::string upn, surname, forename;
    std::string dob_text;            // DOB as written
    std::optional<Date> dob;
    std::string sex;                 // Sex (newer files) or Gender (older): read, not written to the record
    int sen_entries = 0;             // <SEN> entries in its SENhistory
    std::string sen_provision;       // of the entry with the latest StartDate: E, K, N...
    std::optional<Date> sen_start;
    std::vector<CtfNeed> needs;      // by rank
    std::optional<double> attendance_percent;  // from the latest year's sessions
    std::string attendance_year;
};

struct CtfFile {
    std::string version;             // Header/CTFversion as written
    std::string source_school;       // "LEA/Estab name", as written
    std::vector<CtfPupil> pupils;
};

// Reads a CTF. Refuses (ImportError) a file over `max_bytes`, one with a DOCTYPE or an
// ENTITY declaration (a CTF has none; no DTD is ever read), elements nested more than
// kMaxXmlDepth deep, and XML that does not parse, before anything is built from it.
CtfFile read_ctf(const std::string& path, std::size_t max_bytes);

// The broad area of need (SEND Code of Practice 6.28-6.35) a census SENtype belongs to;
// nullopt for OTH, NSA, DS and any code without one clear area (never guessed).
std::optional<AreaOfNeed> ctf_need_area(std::string_view code);
// The words for a need type code: "Specific learning difficulty"; empty when unknown.
std::string_view ctf_need_words(std::string_view code);
// E -> ehcp, K -> sen_support, N -> none; nullopt for anything else.
std::optional<SenStatus> ctf_sen_status(std::string_view provision);
// The single census/SEN2 SENtype an area stands for, where there is exactly one
// (social_emotional_mental_health -> SEMH); empty otherwise.
std::string_view area_sen_type(AreaOfNeed area);

// The record for one pupil: the commented template with what the CTF holds filled in.
// `notes` receives what the SENCO must settle (also written as comments in the record).
std::string ctf_record_text(const CtfPupil& p, const CtfFile& file, const std::string& source_name,
                            std::vector<std::string>& notes);

// ---- CSV rows into a record section --------------------------------------------------

struct ImportMap {
    std::string path;
    std::string section;                 // provision, attainment or support_cycles
    bool day_first_dates = false;        // dates: dd/mm/yyyy
    bool pounds = false;                 // money: "£1,250.00" (sign and thousands commas removed)
    bool windows_1252 = false;           // encoding: windows-1252 (converted to UTF-8)
    std::vector<std::pair<std::string, std::string>> fields;  // record field -> column heading, in map order
    std::map<std::string, std::map<std::string, std::string>> values;  // field -> cell text -> record word
    std::string pupil_column;            // pupil_column: the heading naming each row's pupil (checked against the record)
};

// Reads a map file (YAML, format ehcp-import-map/1). ImportError names the place and fix.
ImportMap load_map(const std::string& path);

struct CsvLimits {
    std::size_t max_file_bytes = std::size_t{64} << 20;  // 64 MiB
    std::size_t max_columns = 1024;
    std::size_t max_field_bytes = 64 * 1024;
    std::size_t max_rows = 10000;
};

struct BadRow {
    long row = 0;             // spreadsheet row: the heading is row 1
    std::string column;       // the heading; empty for the row as a whole
    std::string reason;
};

struct CsvEntries {
    std::vector<std::string> entries;  // YAML text of each entry, "  - key: value\n    key: value\n"
    std::vector<long> rows;            // the row each came from
    std::vector<BadRow> bad;
    long blank_rows = 0;
    std::vector<std::string> pupils;   // with the map's pupil_column: its distinct non-empty values, in order
};

// Streams the CSV (libcsv) in chunks, so memory is bounded by the limits, not by the file.
// ImportError for a file that cannot be read at all (too large, wrong encoding, a column
// of the map missing from the heading row, too many columns).
CsvEntries read_csv_entries(const std::string& path, const ImportMap& map, const CsvLimits& limits);

// ---- editing a record file -----------------------------------------------------------

enum class SpliceKind { appended, filled, replaced, unchanged };

struct SpliceResult {
    SpliceKind kind = SpliceKind::unchanged;
    std::string text;
};

// `original` with `block` (entry lines, each ending "\n") as the content of top-level
// `section`. Every other line is kept byte for byte: an absent section is appended; an
// empty one (only comments, `[]` or `~`) is filled below its comments; a section with
// entries is left alone and ImportError thrown unless `replace`. When the section
// already holds `block` exactly, nothing changes (a re-run is idempotent). Line endings
// follow the file's (CRLF stays CRLF).
SpliceResult splice_section(const std::string& original, const std::string& section, const std::string& block,
                            bool replace);

// YAML double-quoted text.
std::string yaml_quote(std::string_view text);

}  // namespace ehcp::import
