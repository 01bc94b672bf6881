// The text writers of `ehcp screen`: table, csv, jsonl and json. Each writes a row as
// soon as it is given one; nothing but the summary's counts is kept.
#include <fmt/format.h>
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

// Fixed column widths, so rows can be written as they come and still line up; a cell
// too long for its column is cut with an ellipsis (the csv, json and xlsx keep it whole).
class TableWriter : public Writer {
public:
    TableWriter(std::ostream& out, const WriterContext& c) : out_(out), c_(c) {
        cols_ = {{"source", false, 30}, {"id", false, 13}};
        if (!c.redacted) cols_.push_back({"name", false, 20});
        cols_.push_back({"setting", false, 24});
        cols_.push_back({"year", true, 4});
        cols_.push_back({"stage", false, 11});
        cols_.push_back({"verdict", false, 9});
        cols_.push_back({"made_by", false, 12});
        for (const auto& cr : c.pack->criteria) cols_.push_back({cr.id, false, std::max<std::size_t>(12, cr.id.size())});
        cols_.push_back({"gaps", true, 4});
        cols_.push_back({"provision", true, 10});
        cols_.push_back({"compelling", false, 10});
        cols_.push_back({"LAC", false, 3});
        cols_.push_back({"assess by", false, 10});
        cols_.push_back({"issue by", false, 10});
        cols_.push_back({"final by", false, 10});
        cols_.push_back({"first gap (or error)", false, 20});  // last: never cut
    }
    void begin() override {
        std::vector<std::string> head;
        for (const auto& col : cols_) head.push_back(col.name);
        line(head, false);
        std::vector<std::string> rule;
        for (const auto& col : cols_) rule.push_back(std::string(col.width, '-'));
        line(rule, false);
    }
    void row(const Row& r) override {
        auto opt = [](const auto& v, auto f) { return v ? f(*v) : std::string(); };
        auto date = [&](const std::optional<Date>& d) { return opt(d, [](const Date& x) { return x.iso(); }); };
        std::vector<std::string> t{fmt::format("{}#{}", r.file, r.document), r.id};
        if (!c_.redacted) t.push_back(r.name.value_or(""));
        t.push_back(r.setting.value_or(""));
        t.push_back(opt(r.year_group, [](int y) { return std::to_string(y); }));
        t.push_back(r.key_stage);
        t.push_back(std::string(to_string(r.verdict)));
        t.push_back(r.made_by);
        for (std::size_t i = 0; i < c_.pack->criteria.size(); ++i)
            t.push_back(i < r.criteria.size() && r.criteria[i] ? short_status(std::string(to_string(*r.criteria[i]))) : "");
        t.push_back(r.verdict == Verdict::invalid ? "" : std::to_string(r.gap_count));
        t.push_back(opt(r.provision_total, [](double v) { return fmt::format("{:.2f}", v); }));
        t.push_back(fmt::format("{}", fmt::join(r.compelling, " ")));
        t.push_back(opt(r.looked_after, [](bool b) { return std::string(b ? "yes" : "no"); }));
        t.push_back(date(r.decide_to_assess_by));
        t.push_back(date(r.decide_to_issue_by));
        t.push_back(date(r.final_plan_by));
        t.push_back(r.verdict == Verdict::invalid ? "error: " + r.error : r.first_gaps.empty() ? "" : r.first_gaps.front());
        line(t, true);
    }
    void end(const Summary& s) override {
        if (!c_.quiet) out_ << "\n" << summary_text(s) << request_note(c_);
    }

private:
    struct Col {
        std::string name;
        bool right;
        std::size_t width;
    };
    void line(const std::vector<std::string>& texts, bool values) {
        std::string out;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            std::string t = one_line(texts[i]);
            auto w = cols_[i].width;
            if (i == 0 && utf8_length(t) > w) t = keep_end(t, w);  // the source: keep the file name and #document
            if (i + 1 == texts.size() && values) {
                out += t;  // the last column is not padded
                break;
            }
            if (values && cols_[i].right && utf8_length(t) < w) t = std::string(w - utf8_length(t), ' ') + t;
            out += fit(t, w);
            if (i + 1 < texts.size()) out += "  ";
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out_ << out << "\n";
    }
    std::ostream& out_;
    WriterContext c_;
    std::vector<Col> cols_;
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
