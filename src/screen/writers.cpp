// The text writers of `ehcp screen`: table, csv, jsonl and json. Each writes a row as
// soon as it is given one; nothing but the summary's counts is kept.
#include <functional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "ehcp/render/json_report.hpp"
#include "ehcp/screen/screen.hpp"

namespace ehcp::screen {

namespace {

// Under a pack that never says a request cannot be made (the legal test), the summary's
// "not ready" is about the evidence, never the request: said after the summary.
std::string request_note(const WriterContext& c) {
    if (!c.pack || !c.pack->info.request_always_possible) return {};
    return "Under this rule pack a request can always be made: \"not ready\" means only that the evidence does not "
           "yet show what the pack checks, and such a request can still be made.\n";
}

std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// At most `width` code points, the last one an ellipsis when cut.
std::string fit(const std::string& s, std::size_t width) {
    if (utf8_length(s) <= width) return s + std::string(width - utf8_length(s), ' ');
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (n == width - 1) break;
            ++n;
        }
        out += s[i];
    }
    return out + "\u2026";
}

// The last `width` code points, the first of them an ellipsis.
std::string keep_end(const std::string& s, std::size_t width) {
    std::size_t n = 0, i = s.size();
    while (i > 0 && n < width - 1) {
        --i;
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    }
    return "\u2026" + s.substr(i);
}

std::string one_line(std::string s) {
    for (auto& ch : s)
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    return s;
}

std::string short_status(const std::string& s) {
    if (s == "not_met") return "not met";
    if (s == "insufficient_evidence") return "insufficient";
    if (s == "not_applicable") return "n/a";
    if (s == "manual_review") return "manual";
    return s;
}

// The terminal table's columns: what --columns names, the header, the width and how a
// row fills the cell. Widths are fixed, so rows can be written as they come and still
// line up; a cell too long for its column is cut with an ellipsis (the csv, json and xlsx
// keep it whole).
struct TableColumn {
    std::string name;    // as --columns names it
    std::string header;  // as the table heads it
    bool right = false;
    std::size_t width = 10;
    std::function<std::string(const Row&)> value;
};

std::vector<TableColumn> table_column_set(const Pack& pack, bool redacted) {
    auto opt_date = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    std::vector<TableColumn> c;
    c.push_back({"source", "source", false, 30, [](const Row& r) { return fmt::format("{}#{}", r.file, r.document); }});
    c.push_back({"id", "id", false, 13, [](const Row& r) { return r.id; }});
    if (!redacted) c.push_back({"name", "name", false, 20, [](const Row& r) { return r.name.value_or(""); }});
    c.push_back({"setting", "setting", false, 24, [](const Row& r) { return r.setting.value_or(""); }});
    c.push_back({"year_group", "year", true, 4,
                 [](const Row& r) { return r.year_group ? std::to_string(*r.year_group) : std::string(); }});
    c.push_back({"key_stage", "stage", false, 11, [](const Row& r) { return r.key_stage; }});
    c.push_back({"verdict", "verdict", false, 9, [](const Row& r) { return std::string(to_string(r.verdict)); }});
    c.push_back({"made_by", "made_by", false, 12, [](const Row& r) { return r.made_by; }});
    for (std::size_t i = 0; i < pack.criteria.size(); ++i)
        c.push_back({pack.criteria[i].id, pack.criteria[i].id, false, std::max<std::size_t>(12, pack.criteria[i].id.size()),
                     [i](const Row& r) {
                         return i < r.criteria.size() && r.criteria[i] ? short_status(std::string(to_string(*r.criteria[i])))
                                                                       : std::string();
                     }});
    c.push_back({"gaps", "gaps", true, 4,
                 [](const Row& r) { return r.verdict == Verdict::invalid ? std::string() : std::to_string(r.gap_count); }});
    c.push_back({"provision_total", "provision", true, 10, [](const Row& r) {
                     return r.provision_total ? fmt::format("{:.2f}", *r.provision_total) : std::string();
                 }});
    c.push_back({"compelling", "compelling", false, 10, [](const Row& r) { return fmt::format("{}", fmt::join(r.compelling, " ")); }});
    c.push_back({"looked_after", "LAC", false, 3,
                 [](const Row& r) { return r.looked_after ? std::string(*r.looked_after ? "yes" : "no") : std::string(); }});
    c.push_back({"decide_to_assess_by", "assess by", false, 10, [=](const Row& r) { return opt_date(r.decide_to_assess_by); }});
    c.push_back({"decide_to_issue_by", "issue by", false, 10, [=](const Row& r) { return opt_date(r.decide_to_issue_by); }});
    c.push_back({"final_plan_by", "final by", false, 10, [=](const Row& r) { return opt_date(r.final_plan_by); }});
    c.push_back({"first_gap", "first gap (or error)", false, 20, [](const Row& r) {
                     return r.verdict == Verdict::invalid ? "error: " + r.error : r.first_gaps.empty() ? "" : r.first_gaps.front();
                 }});
    c.push_back({"pack", "pack", false, 10, [](const Row& r) { return r.pack; }});
    return c;
}

// The columns a table shows by default: where the record is, whose, the verdict, who asks,
// how many gaps and the first of them.
const std::vector<std::string> kCompactColumns{"source", "id", "name", "verdict", "made_by", "gaps", "first_gap"};

std::vector<TableColumn> chosen_columns(const Pack& pack, const WriterContext& c) {
    auto all = table_column_set(pack, c.redacted);
    std::vector<std::string> names = c.table_columns;
    if (names.empty()) names = kCompactColumns;
    if (names.size() == 1 && names[0] == "wide") return all;
    std::vector<TableColumn> out;
    for (const auto& n : names)
        for (const auto& col : all)
            if (col.name == n) out.push_back(col);  // an unknown name was refused by the command; `name` under --redact is left out
    return out;
}

const char* verdict_colour(Verdict v) {
    switch (v) {
        case Verdict::ready: return "\033[32m";
        case Verdict::not_ready: return "\033[33m";
        default: return "\033[31m";
    }
}

class TableWriter : public Writer {
public:
    TableWriter(std::ostream& out, const WriterContext& c) : out_(out), c_(c), cols_(chosen_columns(*c.pack, c)) {
        // A narrow terminal: give back room from the widest text columns (the source keeps
        // its end, names and settings their start) so that the last column keeps some.
        if (c.table_width <= 0 || cols_.empty()) return;
        auto needed = [&] {
            std::size_t n = 0;
            for (std::size_t i = 0; i + 1 < cols_.size(); ++i) n += cols_[i].width + 2;
            return n + 24;
        };
        const std::size_t limit = static_cast<std::size_t>(c.table_width);
        for (auto [name, least] : {std::pair<const char*, std::size_t>{"setting", 12}, {"source", 16}, {"name", 10}, {"made_by", 8}})
            for (std::size_t i = 0; i + 1 < cols_.size(); ++i)
                if (cols_[i].name == name && needed() > limit)
                    cols_[i].width -= std::min(cols_[i].width - least, needed() - limit);
    }
    void begin() override {
        std::vector<std::string> head, rule;
        for (const auto& col : cols_) head.push_back(col.header), rule.push_back(std::string(col.width, '-'));
        line(head, false, nullptr);
        line(rule, false, nullptr);
    }
    void row(const Row& r) override {
        std::vector<std::string> t;
        for (const auto& col : cols_) t.push_back(col.value(r));
        line(t, true, &r);
    }
    void end(const Summary& s) override {
        if (!c_.quiet) out_ << "\n" << summary_text(s) << request_note(c_);
    }

private:
    void line(const std::vector<std::string>& texts, bool values, const Row* r) {
        // Each cell padded to its column; the last is not padded, and the line is cut at the
        // terminal's width (table_width) with an ellipsis rather than wrapped.
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            std::string t = one_line(texts[i]);
            auto w = cols_[i].width;
            if (cols_[i].name == "source" && utf8_length(t) > w) t = keep_end(t, w);  // keep the file name and #document
            if (i + 1 == texts.size() && values) {
                cells.push_back(t);
                break;
            }
            if (values && cols_[i].right && utf8_length(t) < w) t = std::string(w - utf8_length(t), ' ') + t;
            cells.push_back(fit(t, w));
        }
        std::string out;
        std::size_t used = 0;
        const std::size_t limit = c_.table_width > 0 ? static_cast<std::size_t>(c_.table_width) : 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            std::string cell = (i ? "  " : "") + cells[i];
            std::size_t len = utf8_length(cell);
            bool cut = limit && used + len > limit;
            if (cut) {
                std::size_t room = limit - used;
                if (room == 0) break;
                cell = fit(cell, room);
                len = room;
            }
            bool paint = c_.color && r && cols_[i].name == "verdict";
            if (paint) {
                auto end = cell.find_last_not_of(' ');
                std::string body = end == std::string::npos ? cell : cell.substr(0, end + 1);
                std::string pad = end == std::string::npos ? "" : cell.substr(end + 1);
                std::size_t lead = body.find_first_not_of(' ');
                if (lead != std::string::npos)
                    cell = body.substr(0, lead) + verdict_colour(r->verdict) + body.substr(lead) + "\033[0m" + pad;
            }
            out += cell;
            used += len;
            if (cut) break;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out_ << out << "\n";
    }
    std::ostream& out_;
    WriterContext c_;
    std::vector<TableColumn> cols_;
};

// A format with no place for the summary (csv, jsonl): rows to `out`, the summary in
// words to `summary_out` (standard error) unless quiet.
class RowsOnlyWriter : public Writer {
public:
    RowsOnlyWriter(std::ostream& out, std::ostream* summary_out, const WriterContext& c)
        : out_(out), summary_out_(summary_out), c_(c) {}
    void end(const Summary& s) override {
        if (summary_out_ && !c_.quiet) *summary_out_ << summary_text(s) << request_note(c_);
    }

protected:
    std::ostream& out_;
    std::ostream* summary_out_;
    WriterContext c_;
};

class CsvWriter : public RowsOnlyWriter {
public:
    using RowsOnlyWriter::RowsOnlyWriter;
    void begin() override {
        out_ << "\xEF\xBB\xBF";  // UTF-8 byte order mark: Excel then reads the file as UTF-8
        bool first = true;
        for (const auto& col : columns(*c_.pack, c_.redacted)) {
            out_ << (first ? "" : ",") << csv_cell(col.name, true);
            first = false;
        }
        out_ << "\r\n";
    }
    void row(const Row& r) override {
        bool first = true;
        for (const auto& cell : cells(r, *c_.pack, c_.redacted)) {
            out_ << (first ? "" : ",") << csv_cell(cell.text, cell.kind == CellKind::text);
            first = false;
        }
        out_ << "\r\n";
    }
};

class JsonlWriter : public RowsOnlyWriter {
public:
    using RowsOnlyWriter::RowsOnlyWriter;
    void begin() override {}
    void row(const Row& r) override { out_ << r.json_line << '\n'; }
};

// One ehcp-report/1 object, as `check --format json` prints, with "summary" added after
// "records". Records are written as they come, one per line.
class JsonWriter : public Writer {
public:
    JsonWriter(std::ostream& out, const WriterContext& c) : out_(out), c_(c) {
        Report empty;
        empty.pack = c.pack->info;
        empty.as_of = c.as_of;
        empty.redacted = c.redacted;
        head_ = report_to_json(empty, ToolInfo{});
    }
    void begin() override {
        out_ << "{\n";
        for (auto it = head_.begin(); it != head_.end(); ++it) {
            if (it.key() == "records") break;
            out_ << "  " << dump_json(it.key(), -1) << ": " << dump_json(it.value(), -1) << ",\n";
        }
        out_ << "  \"records\": [";
    }
    void row(const Row& r) override {
        out_ << (first_ ? "\n    " : ",\n    ") << r.json_line;
        first_ = false;
    }
    void end(const Summary& s) override {
        out_ << (first_ ? "],\n" : "\n  ],\n");
        out_ << "  \"summary\": " << summary_json(s);
        bool after = false;
        for (auto it = head_.begin(); it != head_.end(); ++it) {
            if (after) out_ << ",\n  " << dump_json(it.key(), -1) << ": " << dump_json(it.value(), -1);
            if (it.key() == "records") after = true;
        }
        out_ << "\n}\n";
    }

private:
    std::ostream& out_;
    WriterContext c_;
    nlohmann::ordered_json head_;
    bool first_ = true;
};

}  // namespace

std::string csv_cell(const std::string& text, bool neutralise) {
    std::string t = text;
    if (neutralise && !t.empty() && (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@' || t[0] == '\t' || t[0] == '\r'))
        t = "'" + t;
    if (t.find_first_of(",\"\r\n") == std::string::npos && (t.empty() || (t.front() != ' ' && t.back() != ' '))) return t;
    std::string out = "\"";
    for (char ch : t) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

std::vector<std::string> table_column_names(const Pack& pack) {
    std::vector<std::string> out;
    for (const auto& c : table_column_set(pack, false)) out.push_back(c.name);
    return out;
}

std::vector<std::string> table_default_columns() { return kCompactColumns; }

std::unique_ptr<Writer> make_table_writer(std::ostream& out, const WriterContext& c) {
    return std::make_unique<TableWriter>(out, c);
}
std::unique_ptr<Writer> make_csv_writer(std::ostream& out, std::ostream* summary_out, const WriterContext& c) {
    return std::make_unique<CsvWriter>(out, summary_out, c);
}
std::unique_ptr<Writer> make_jsonl_writer(std::ostream& out, std::ostream* summary_out, const WriterContext& c) {
    return std::make_unique<JsonlWriter>(out, summary_out, c);
}
std::unique_ptr<Writer> make_json_writer(std::ostream& out, const WriterContext& c) {
    return std::make_unique<JsonWriter>(out, c);
}

}  // namespace ehcp::screen
