// `ehcp import csv`: rows of a spreadsheet export become entries of one record section.
// libcsv (Debian libcsv-dev) does the RFC 4180 parsing (quotes, commas and line breaks in
// quoted fields, CRLF); it is fed the file in 64 KiB chunks, and the columns, the field
// size and the rows are capped, so memory stays bounded whatever the file holds. The map
// (a small YAML file) says which column feeds which field and how dates and money are
// written: nothing is guessed.
#include "import_text.hpp"
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iconv.h>
#include <regex>
#include <set>
#include <sys/stat.h>

#include <csv.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ehcp/core/inert_text.hpp"
#include "ehcp/import/import.hpp"

namespace ehcp::import {

namespace {

enum class Kind { line, text, number, integer, money, date, boolean, area, deliverer, attainment_area, progress };

struct FieldSpec {
    const char* name;
    Kind kind;
    bool required = false;
    double min = 0, max = 0;
};

// The fields a CSV may fill, per section, in the record format's order (docs/record-format.md).
const std::vector<FieldSpec>& specs(const std::string& section) {
    static const std::vector<FieldSpec> provision{
        {"name", Kind::line, true},
        {"area", Kind::area},
        {"delivered_by", Kind::deliverer},
        {"session_minutes", Kind::number, false, 0, 600},
        {"sessions_per_week", Kind::number, false, 0, 50},
        {"group_size", Kind::integer, false, 1, 100},
        {"weeks", Kind::number, false, 0, 53},
        {"start", Kind::date},
        {"end", Kind::date},
        {"hourly_rate", Kind::money, false, 0, 1e7},
        {"annual_cost", Kind::money, false, 0, 1e7},
        {"other_costs", Kind::money, false, 0, 1e7},
        {"outcome", Kind::text},
        {"review_date", Kind::date},
    };
    static const std::vector<FieldSpec> attainment{
        {"area", Kind::attainment_area, true},
        {"date", Kind::date, true},
        {"working_at_year", Kind::number, false, -2, 14},
        {"age_equivalent_months", Kind::number, false, 0, 300},
        {"standardised_score", Kind::number, false, 0, 200},
        {"percentile", Kind::number, false, 0, 100},
        {"assessment", Kind::line},
    };
    static const std::vector<FieldSpec> cycles{
        {"start", Kind::date, true},
        {"review", Kind::date},
        {"progress", Kind::progress},
        {"parents_involved", Kind::boolean},
        {"pupil_views_sought", Kind::boolean},
        {"notes", Kind::text},
    };
    static const std::vector<FieldSpec> none;
    if (section == "provision") return provision;
    if (section == "attainment") return attainment;
    if (section == "support_cycles") return cycles;
    return none;
}

template <class E>
std::vector<std::string> enum_words() {
    std::vector<std::string> out;
    for (auto n : EnumNames<E>::names) out.emplace_back(n);
    return out;
}

std::vector<std::string> words_of(Kind k) {
    switch (k) {
        case Kind::area: return enum_words<AreaOfNeed>();
        case Kind::deliverer: return enum_words<Deliverer>();
        case Kind::attainment_area: return enum_words<AttainmentArea>();
        case Kind::progress: return enum_words<Progress>();
        case Kind::boolean: return {"true", "false"};
        default: return {};
    }
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

using text::trim;

std::string list(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& w : v) out += (out.empty() ? "" : ", ") + w;
    return out;
}

std::string where(const YAML::Node& n) {
    return fmt::format("{}:{}", n.Mark().line + 1, n.Mark().column + 1);
}

// A number as written in a record: digits, one optional point, an optional minus sign.
std::optional<std::string> plain_number(const std::string& s, bool allow_negative) {
    static const std::regex re(R"(^-?(\d+(\.\d*)?|\.\d+)$)");
    if (!std::regex_match(s, re)) return std::nullopt;
    if (!allow_negative && s[0] == '-') return std::nullopt;
    return s;
}

struct Converted {
    std::optional<std::string> yaml;  // the value as written in the record
    std::string why;                  // when not
};

Converted convert(const FieldSpec& f, const std::string& cell, const ImportMap& map) {
    auto range_check = [&](const std::string& t) -> Converted {
        double v = std::stod(t);
        if (v < f.min || v > f.max)
            return {std::nullopt, fmt::format("`{}` is out of range; `{}` is from {:g} to {:g}", t, f.name, f.min, f.max)};
        return {t, {}};
    };
    if (cell.find('\0') != std::string::npos) return {std::nullopt, "the cell holds a NUL byte"};
    switch (f.kind) {
        case Kind::line:
        case Kind::text: {
            std::string t = cell;
            // Line breaks inside a quoted cell: CRLF and CR become LF.
            std::string norm;
            for (std::size_t i = 0; i < t.size(); ++i) {
                if (t[i] == '\r') {
                    norm += '\n';
                    if (i + 1 < t.size() && t[i + 1] == '\n') ++i;
                } else {
                    norm += t[i];
                }
            }
            if (norm.find('\0') != std::string::npos) return {std::nullopt, "the cell holds a NUL byte"};
            if (auto c = find_control(norm, f.kind == Kind::text)) {
                if (c->code == '\n') return {std::nullopt, fmt::format("`{}` takes one line, but the cell holds a line break", f.name)};
                return {std::nullopt, fmt::format("the cell holds the control character {}", describe_control(c->code))};
            }
            if (norm.size() > 65536) return {std::nullopt, "the cell is longer than the 65536 bytes a text can be"};
            return {yaml_quote(norm), {}};
        }
        case Kind::number:
        case Kind::integer: {
            auto n = plain_number(cell, f.min < 0);
            if (!n) {
                if (plain_number(cell, true)) return {std::nullopt, fmt::format("`{}` is negative; `{}` cannot be less than {:g}", cell, f.name, f.min)};
                return {std::nullopt, fmt::format("`{}` is not a plain number", escape_controls(cell))};
            }
            if (f.kind == Kind::integer && n->find('.') != std::string::npos) {
                auto v = std::stod(*n);
                if (v != static_cast<double>(static_cast<long>(v))) return {std::nullopt, fmt::format("`{}` is not a whole number", cell)};
                *n = std::to_string(static_cast<long>(v));
            }
            return range_check(*n);
        }
        case Kind::money: {
            std::string t = cell;
            if (map.pounds) {
                static const std::regex re(R"(^(£|GBP ?)?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$)");
                if (!std::regex_match(t, re))
                    return {std::nullopt, fmt::format("`{}` is not an amount of pounds such as £1,250.00", escape_controls(cell))};
                std::string out;
                std::size_t i = t.rfind("£", 0) == 0 ? 2 : t.rfind("GBP", 0) == 0 ? 3 : 0;
                for (; i < t.size(); ++i)
                    if (t[i] != ',' && t[i] != ' ') out += t[i];
                return range_check(out);
            }
            auto n = plain_number(t, false);
            if (!n) {
                if (t.find("£") != std::string::npos || t.find(',') != std::string::npos)
                    return {std::nullopt, fmt::format("`{}` has a pound sign or thousands commas; fix: add `money: pounds` to the map "
                                                      "if the sheet writes money that way", escape_controls(cell))};
                return {std::nullopt, fmt::format("`{}` is not a plain amount of pounds", escape_controls(cell))};
            }
            return range_check(*n);
        }
        case Kind::date: {
            if (auto d = Date::parse_iso(cell)) return {d->iso(), {}};
            static const std::regex dmy(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)");
            std::smatch m;
            if (std::regex_match(cell, m, dmy)) {
                if (!map.day_first_dates)
                    return {std::nullopt, fmt::format("`{}` is not a date in the form YYYY-MM-DD; fix: if the sheet writes dates day "
                                                      "first, add `dates: dd/mm/yyyy` to the map", cell)};
                std::string iso = fmt::format("{}-{:0>2}-{:0>2}", m[3].str(), m[2].str(), m[1].str());
                if (auto d = Date::parse_iso(iso)) return {d->iso(), {}};
                return {std::nullopt, fmt::format("`{}` is not a real date (read day first)", cell)};
            }
            return {std::nullopt, fmt::format("`{}` is not a date{}", escape_controls(cell),
                                              map.day_first_dates ? " in the form dd/mm/yyyy or YYYY-MM-DD" : " in the form YYYY-MM-DD")};
        }
        case Kind::boolean:
        case Kind::area:
        case Kind::deliverer:
        case Kind::attainment_area:
        case Kind::progress: {
            auto words = words_of(f.kind);
            auto vm = map.values.find(f.name);
            if (vm != map.values.end()) {
                for (const auto& [from, to] : vm->second)
                    if (lower(from) == lower(cell)) return {to, {}};
            }
            // The record's own word, in any case, with spaces or hyphens for underscores.
            std::string norm = lower(cell);
            for (auto& c : norm)
                if (c == ' ' || c == '-') c = '_';
            if (std::find(words.begin(), words.end(), norm) != words.end()) return {norm, {}};
            return {std::nullopt, fmt::format("`{}` is not one of the words `{}` takes ({}); fix: add it under values: {}: in the map",
                                              escape_controls(cell), f.name, list(words), f.name)};
        }
    }
    return {std::nullopt, "unknown field"};
}

// ---- reading the CSV -----------------------------------------------------------------

struct Reader {
    const ImportMap* map = nullptr;
    const CsvLimits* limits = nullptr;
    const std::string* path = nullptr;
    CsvEntries* out = nullptr;
    long row = 0;                         // rows ended so far (the one being read is row + 1)
    std::vector<std::string> fields;      // of the current row, at most max_columns
    std::size_t field_count = 0;
    bool too_many_columns = false;
    bool have_header = false;
    std::vector<int> column_of;           // per spec field: index into the row, -1 when not mapped
    std::vector<std::string> headings;
    std::string error;                    // an error that stops the import
    int pupil_column = -1;                // an unmapped Pupil/Name/Student/UPN column, if any
    std::vector<std::string> pupils;      // its distinct non-empty values, in order

    void field(void* data, std::size_t len) {
        ++field_count;
        if (field_count > limits->max_columns) {
            too_many_columns = true;
            return;
        }
        fields.emplace_back(static_cast<const char*>(data), len);
    }

    void end_row() {
        ++row;
        if (!error.empty()) return;
        if (too_many_columns) {
            error = fmt::format("{}: row {} has {} columns or more, more than the {} allowed; fix: check it is the right file "
                                "(a spreadsheet export has a few dozen at most)", *path, row, field_count, limits->max_columns);
            return;
        }
        bool blank = std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return trim(f).empty(); });
        if (blank) {
            if (have_header) ++out->blank_rows;
        } else if (!have_header) {
            header();
        } else {
            entry();
        }
        fields.clear();
        field_count = 0;
    }

    void header() {
        have_header = true;
        if (!fields.empty() && fields[0].rfind("\xEF\xBB\xBF", 0) == 0) fields[0].erase(0, 3);
        for (auto& f : fields) headings.push_back(trim(f));
        const auto& sp = specs(map->section);
        column_of.assign(sp.size(), -1);
        for (std::size_t i = 0; i < sp.size(); ++i) {
            for (const auto& [field, heading] : map->fields) {
                if (field != sp[i].name) continue;
                int found = -1, count = 0;
                for (std::size_t c = 0; c < headings.size(); ++c)
                    if (lower(headings[c]) == lower(heading)) {
                        if (found < 0) found = static_cast<int>(c);
                        ++count;
                    }
                if (found < 0) {
                    std::vector<std::string> quoted;
                    for (const auto& h : headings) quoted.push_back("`" + escape_controls(h) + "`");
                    error = fmt::format("{}: the map {} takes `{}` from the column `{}`, but row {} (the headings) has no such column; "
                                        "its headings are: {}; fix: correct the heading in the map",
                                        *path, map->path, field, heading, row, list(quoted));
                    return;
                }
                if (count > 1) {
                    error = fmt::format("{}: the heading `{}` is given to {} columns in row {}, so `{}` could come from either; fix: "
                                        "rename one of the columns", *path, heading, count, row, field);
                    return;
                }
                column_of[i] = found;
            }
        }
        // A tracker export often holds a whole class: a column naming the pupil that the map
        // does not use tells whose rows these are.
        if (!map->pupil_column.empty()) {
            for (std::size_t c = 0; c < headings.size() && pupil_column < 0; ++c)
                if (lower(headings[c]) == lower(map->pupil_column)) pupil_column = static_cast<int>(c);
            if (pupil_column < 0)
                error = fmt::format("{}: the map {} says `pupil_column: {}`, but row {} (the headings) has no such column; fix: "
                                    "correct the heading in the map", *path, map->path, map->pupil_column, row);
            return;
        }
        static const std::vector<std::string> pupil_headings{"pupil", "name", "student", "upn", "pupil name"};
        for (std::size_t c = 0; c < headings.size() && pupil_column < 0; ++c) {
            if (std::find(pupil_headings.begin(), pupil_headings.end(), lower(headings[c])) == pupil_headings.end()) continue;
            if (std::find(column_of.begin(), column_of.end(), static_cast<int>(c)) != column_of.end()) continue;
            pupil_column = static_cast<int>(c);
        }
    }

    void note_pupil() {
        if (pupil_column < 0 || static_cast<std::size_t>(pupil_column) >= fields.size()) return;
        std::string v = trim(fields[static_cast<std::size_t>(pupil_column)]);
        if (v.empty() || !pupil_set.insert(v).second) return;
        pupils.push_back(v);
    }
    std::set<std::string> pupil_set;  // bounded by max_rows

    void entry() {
        note_pupil();
        if (out->entries.size() >= limits->max_rows) {
            error = fmt::format("{}: more than {} rows to import; a record's section needs a few dozen at most; fix: check it is "
                                "the right file", *path, limits->max_rows);
            return;
        }
        const auto& sp = specs(map->section);
        std::string text;
        std::vector<BadRow> bad;
        bool any_measure = false;
        for (std::size_t i = 0; i < sp.size(); ++i) {
            if (column_of[i] < 0) continue;
            std::size_t c = static_cast<std::size_t>(column_of[i]);
            std::string heading = headings[c];
            std::string cell = c < fields.size() ? fields[c] : std::string();
            if (sp[i].kind != Kind::text) cell = trim(cell);
            if (cell.empty()) {
                if (sp[i].required) bad.push_back({row, heading, fmt::format("the cell is empty, but every entry needs `{}`", sp[i].name)});
                continue;
            }
            auto conv = convert(sp[i], cell, *map);
            if (!conv.yaml) {
                bad.push_back({row, heading, conv.why});
                continue;
            }
            if (map->section == "attainment" && sp[i].kind == Kind::number) any_measure = true;
            text += fmt::format("{}{}: {}\n", text.empty() ? "  - " : "    ", sp[i].name, *conv.yaml);
        }
        for (std::size_t i = 0; i < sp.size(); ++i)
            if (sp[i].required && column_of[i] < 0 && bad.empty())
                bad.push_back({row, "", fmt::format("the map gives no column for `{}`, which every entry needs", sp[i].name)});
        if (map->section == "attainment" && bad.empty() && !any_measure)
            bad.push_back({row, "", "no measure: an attainment entry needs at least one of working_at_year, age_equivalent_months, "
                                    "standardised_score, percentile"});
        if (!bad.empty()) {
            out->bad.insert(out->bad.end(), bad.begin(), bad.end());
            return;
        }
        out->entries.push_back(text);
        out->rows.push_back(row);
    }
};

void on_field(void* data, std::size_t len, void* reader) { static_cast<Reader*>(reader)->field(data, len); }
void on_row(int, void* reader) { static_cast<Reader*>(reader)->end_row(); }

// Windows-1252 to UTF-8 through iconv (glibc). Single bytes, so chunks convert alone.
std::string from_1252(const std::string& in) {
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw ImportError("cannot convert from Windows-1252: iconv has no such conversion");
    std::string out(in.size() * 3 + 4, '\0');
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    char* dst = out.data();
    std::size_t dst_left = out.size();
    while (src_left > 0) {
        if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
            if (errno == EILSEQ) {  // a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
                ++src, --src_left;
                const char repl[] = "\xEF\xBF\xBD";
                std::memcpy(dst, repl, 3);
                dst += 3, dst_left -= 3;
                continue;
            }
            iconv_close(cd);
            throw ImportError(fmt::format("cannot convert from Windows-1252: {}", std::strerror(errno)));
        }
    }
    iconv_close(cd);
    out.resize(out.size() - dst_left);
    return out;
}

std::string describe_1252(unsigned char byte) {
    std::string one(1, static_cast<char>(byte));
    try {
        std::string u = from_1252(one);
        if (u != "\xEF\xBF\xBD") return fmt::format(" (in Windows-1252, `{}`)", u);
    } catch (...) {
    }
    return "";
}

}  // namespace

ImportMap load_map(const std::string& path) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        throw ImportError(fmt::format("{}: cannot read the map file", path));
    } catch (const YAML::Exception& e) {
        throw ImportError(fmt::format("{}:{}:{}: the map is not valid YAML: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg));
    }
    if (!root.IsMap()) throw ImportError(fmt::format("{}: a map file is a YAML map with format, section and columns; see docs/import.md", path));
    ImportMap m;
    m.path = path;
    auto scalar = [&](const char* key) -> std::string {
        auto n = root[key];
        if (!n) return {};
        if (!n.IsScalar()) throw ImportError(fmt::format("{}:{}: `{}` should be a single value", path, where(n), key));
        return n.Scalar();
    };
    static const std::vector<std::string> keys{"format", "section", "dates", "money", "encoding", "delimiter", "columns", "values",
                                                 "pupil_column"};
    for (const auto& kv : root) {
        std::string k = kv.first.Scalar();
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
            throw ImportError(fmt::format("{}:{}: unknown key `{}` in the map; it takes: {}", path, where(kv.first), escape_controls(k), list(keys)));
    }
    std::string format = scalar("format");
    if (format != "ehcp-import-map/1")
        throw ImportError(fmt::format("{}: `format` should be ehcp-import-map/1 (it is `{}`); fix: add `format: ehcp-import-map/1`",
                                      path, escape_controls(format)));
    m.section = scalar("section");
    if (specs(m.section).empty())
        throw ImportError(fmt::format("{}:{}: `section` is `{}`; a CSV can fill provision, attainment or support_cycles", path,
                                      where(root["section"]), escape_controls(m.section)));
    std::string dates = scalar("dates");
    if (dates == "dd/mm/yyyy") m.day_first_dates = true;
    else if (!dates.empty() && dates != "yyyy-mm-dd")
        throw ImportError(fmt::format("{}:{}: `dates` is `{}`; it takes yyyy-mm-dd (the default) or dd/mm/yyyy", path,
                                      where(root["dates"]), escape_controls(dates)));
    std::string money = scalar("money");
    if (money == "pounds") m.pounds = true;
    else if (!money.empty() && money != "plain")
        throw ImportError(fmt::format("{}:{}: `money` is `{}`; it takes plain (the default: 1250.50) or pounds (£1,250.50)", path,
                                      where(root["money"]), escape_controls(money)));
    std::string encoding = lower(scalar("encoding"));
    if (encoding == "windows-1252" || encoding == "cp1252") m.windows_1252 = true;
    else if (!encoding.empty() && encoding != "utf-8")
        throw ImportError(fmt::format("{}:{}: `encoding` is `{}`; it takes utf-8 (the default) or windows-1252", path,
                                      where(root["encoding"]), escape_controls(encoding)));
    m.pupil_column = scalar("pupil_column");
    auto columns = root["columns"];
    if (!columns || !columns.IsMap() || columns.size() == 0)
        throw ImportError(fmt::format("{}: `columns` should map each record field to its column heading, e.g. `name: Intervention`", path));
    const auto& sp = specs(m.section);
    std::vector<std::string> allowed;
    for (const auto& f : sp) allowed.emplace_back(f.name);
    for (const auto& kv : columns) {
        std::string field = kv.first.Scalar();
        if (std::find(allowed.begin(), allowed.end(), field) == allowed.end())
            throw ImportError(fmt::format("{}:{}: `{}` is not a field of {}; the fields a CSV can fill are: {}", path, where(kv.first),
                                          escape_controls(field), m.section, list(allowed)));
        if (!kv.second.IsScalar() || kv.second.Scalar().empty())
            throw ImportError(fmt::format("{}:{}: `{}` should name one column heading", path, where(kv.first), field));
        m.fields.emplace_back(field, kv.second.Scalar());
    }
    auto values = root["values"];
    if (values) {
        if (!values.IsMap()) throw ImportError(fmt::format("{}:{}: `values` should be a map of fields", path, where(values)));
        for (const auto& kv : values) {
            std::string field = kv.first.Scalar();
            auto it = std::find_if(sp.begin(), sp.end(), [&](const FieldSpec& f) { return field == f.name; });
            auto words = it == sp.end() ? std::vector<std::string>{} : words_of(it->kind);
            if (words.empty())
                throw ImportError(fmt::format("{}:{}: `values` can translate only fields that take fixed words; `{}` does not", path,
                                              where(kv.first), escape_controls(field)));
            if (!kv.second.IsMap()) throw ImportError(fmt::format("{}:{}: values.{} should map cell texts to words", path, where(kv.second), field));
            for (const auto& tr : kv.second) {
                std::string to = tr.second.IsScalar() ? tr.second.Scalar() : "";
                if (std::find(words.begin(), words.end(), to) == words.end())
                    throw ImportError(fmt::format("{}:{}: `{}` is not one of the words `{}` takes: {}", path, where(tr.second),
                                                  escape_controls(to), field, list(words)));
                m.values[field][tr.first.Scalar()] = to;
            }
        }
    }
    std::string delimiter = scalar("delimiter");
    if (!delimiter.empty() && delimiter != "," )
        throw ImportError(fmt::format("{}: `delimiter` other than a comma is not supported yet; save the sheet as CSV (comma delimited)", path));
    return m;
}

CsvEntries read_csv_entries(const std::string& path, const ImportMap& map, const CsvLimits& limits) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw ImportError(fmt::format("{}: cannot read the file: {}", path, std::strerror(errno)));
    if (S_ISDIR(st.st_mode)) throw ImportError(fmt::format("{}: is a folder, not a CSV file", path));
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > limits.max_file_bytes)
        throw ImportError(fmt::format("{}: the file is {} bytes, more than the {} bytes allowed; a record's rows need far less; "
                                      "fix: check it is the right file, or raise the limit with --max-file-size",
                                      path, static_cast<std::uint64_t>(st.st_size), limits.max_file_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError(fmt::format("{}: cannot read the file", path));

    CsvEntries out;
    Reader r;
    r.map = &map;
    r.limits = &limits;
    r.path = &path;
    r.out = &out;
    csv_parser p{};
    if (csv_init(&p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0) throw ImportError("cannot start the CSV parser");
    struct Free {
        csv_parser* p;
        ~Free() { csv_free(p); }
    } guard{&p};

    std::vector<char> buf(1 << 16);
    std::size_t total = 0;
    bool first = true;
    std::string carry;  // an incomplete UTF-8 sequence at the end of a chunk
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
        std::string chunk = carry + std::string(buf.data(), static_cast<std::size_t>(in.gcount()));
        carry.clear();
        total += static_cast<std::size_t>(in.gcount());
        if (total > limits.max_file_bytes)
            throw ImportError(fmt::format("{}: the file is more than the {} bytes allowed; fix: check it is the right file, "
                                          "or raise the limit with --max-file-size", path, limits.max_file_bytes));
        if (first) {
            first = false;
            if (chunk.rfind("\xFF\xFE", 0) == 0 || chunk.rfind("\xFE\xFF", 0) == 0)
                throw ImportError(fmt::format("{}: the file is UTF-16 (Excel's \"Unicode Text\"); fix: save it from Excel as "
                                              "\"CSV UTF-8 (Comma delimited)\"", path));
            if (chunk.rfind("\xEF\xBB\xBF", 0) == 0) chunk.erase(0, 3);
        }
        if (map.windows_1252) {
            chunk = from_1252(chunk);
        } else {
            // Hold back a UTF-8 sequence cut by the chunk's end.
            std::size_t k = chunk.size(), back = 0;
            while (k > 0 && back < 3 && (static_cast<unsigned char>(chunk[k - 1]) & 0xC0) == 0x80) --k, ++back;
            if (k > 0 && (static_cast<unsigned char>(chunk[k - 1]) & 0xC0) == 0xC0) {
                unsigned char lead = static_cast<unsigned char>(chunk[k - 1]);
                std::size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
                if (back < need) {
                    carry = chunk.substr(k - 1);
                    chunk.resize(k - 1);
                }
            }
            // The first byte that is not UTF-8 (find_control reports one as U+FFFD; other
            // control characters, such as the CR of CRLF, are stepped over here).
            std::optional<std::size_t> invalid;
            for (std::size_t off = 0; off < chunk.size();) {
                auto c = find_control(std::string_view(chunk).substr(off), true);
                if (!c) break;
                if (c->code == 0xFFFD) {
                    invalid = off + c->offset;
                    break;
                }
                unsigned char lead = static_cast<unsigned char>(chunk[off + c->offset]);
                off += c->offset + (lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4);
            }
            if (invalid) {
                unsigned char byte = static_cast<unsigned char>(chunk[*invalid]);
                long row = r.row + 1 + static_cast<long>(std::count(chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(*invalid), '\n'));
                throw ImportError(fmt::format("{}: near row {}: byte 0x{:02X}{} is not UTF-8; Excel's plain \"CSV\" writes Windows-1252; "
                                              "fix: save it from Excel as \"CSV UTF-8 (Comma delimited)\", or add `encoding: windows-1252` "
                                              "to the map", path, row, byte, describe_1252(byte)));
            }
        }
        if (csv_parse(&p, chunk.data(), chunk.size(), on_field, on_row, &r) != chunk.size()) {
            if (!r.error.empty()) throw ImportError(r.error);
            throw ImportError(fmt::format("{}: row {}: a double quote `\"` in the wrong place: inside a cell that does not start "
                                          "with one, or followed by more text after a quoted cell closes (write a quote inside a "
                                          "quoted cell as `\"\"`); fix: check the file, or save it from the spreadsheet again",
                                          path, r.row + 1));
        }
        if (!r.error.empty()) throw ImportError(r.error);
        if (p.entry_pos > limits.max_field_bytes)
            throw ImportError(fmt::format("{}: row {}: a cell is longer than {} bytes, more than any cell of a record's row needs "
                                          "(perhaps a quote that is never closed); fix: check the file", path, r.row + 1,
                                          limits.max_field_bytes));
        if (r.field_count > limits.max_columns) {
            throw ImportError(fmt::format("{}: row {} has more than {} columns; fix: check it is the right file", path, r.row + 1,
                                          limits.max_columns));
        }
    }
    if (!carry.empty())
        throw ImportError(fmt::format("{}: the file ends in the middle of a UTF-8 character; fix: save it again as \"CSV UTF-8\"", path));
    if (csv_fini(&p, on_field, on_row, &r) != 0)
        throw ImportError(fmt::format("{}: row {}: a quoted cell is never closed: its opening `\"` has no closing one before the end "
                                      "of the file; fix: check the file, or save it from the spreadsheet again", path, r.row + 1));
    if (!r.error.empty()) throw ImportError(r.error);
    if (!r.have_header) throw ImportError(fmt::format("{}: the file has no rows: a heading row is needed", path));
    if (!map.pupil_column.empty()) {
        out.pupils = r.pupils;  // the caller matches them against the record's pupil
    } else if (r.pupil_set.size() > 1) {
        std::size_t c = static_cast<std::size_t>(r.pupil_column);
        throw ImportError(fmt::format("{}: rows for {} pupils in column `{}` (`{}`, `{}`, ...); fix: export one pupil's rows, or "
                                      "filter the sheet first", path, r.pupil_set.size(), escape_controls(r.headings[c]),
                                      escape_controls(r.pupils[0]), escape_controls(r.pupils[1])));
    }
    return out;
}

}  // namespace ehcp::import
