// The xlsx writer of `ehcp screen`, through Debian's libxlsxwriter. Constant-memory
// mode: each row goes to a temporary file as soon as the next begins, so a workbook of
// 100,000 records needs no more memory than one of ten.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "ehcp/cli/common.hpp"
#include "ehcp/screen/screen.hpp"

namespace ehcp::screen {

namespace {

// Spreadsheet cells hold at most 32,767 characters and must be valid UTF-8.
std::string clean(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok && len == 1 && c < 0x20 && c != '\t' && c != '\n') ok = false;
        if (ok) out.append(s, i, len), i += len;
        else out += "\uFFFD", i += 1;
        if (out.size() > 32000) {
            out += "\u2026";
            break;
        }
    }
    return out;
}

// libxlsxwriter prints its own "[ERROR][file.c:123]: ..." lines on standard error before
// returning an error code; ehcp reports the code in its own words ("ehcp: cannot write
// the workbook ..."). Standard error goes to /dev/null while the library creates and
// closes the workbook (no other thread writes then: before and after the batch).
class LibraryQuiet {
public:
    LibraryQuiet() {
        std::fflush(stderr);
        saved_ = ::dup(STDERR_FILENO);
        int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (saved_ >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
        if (null >= 0) ::close(null);
    }
    ~LibraryQuiet() {
        std::fflush(stderr);
        if (saved_ >= 0) ::dup2(saved_, STDERR_FILENO), ::close(saved_);
    }
    LibraryQuiet(const LibraryQuiet&) = delete;
    LibraryQuiet& operator=(const LibraryQuiet&) = delete;

private:
    int saved_ = -1;
};

void check(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR) throw cli::OutputError(fmt::format("cannot write the workbook ({}): {}", what, lxw_strerror(e)));
}

class XlsxWriter : public Writer {
public:
    XlsxWriter(const std::string& path, const WriterContext& c) : c_(c), cols_(columns(*c.pack, c.redacted)) {
        lxw_workbook_options opts{};
        opts.constant_memory = LXW_TRUE;
        opts.use_zip64 = LXW_TRUE;
        LibraryQuiet quiet;  // until the workbook and its sheets' temporary files are made
        wb_ = workbook_new_opt(path.c_str(), &opts);
        if (!wb_) throw cli::OutputError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
        records_ = workbook_add_worksheet(wb_, "Records");
        summary_ = workbook_add_worksheet(wb_, "Summary");
        if (!records_ || !summary_)  // the library could not make a sheet's temporary file
            throw cli::OutputError(fmt::format("cannot write {}: no temporary file for the sheets (is TMPDIR writable?)", path));
        bold_ = workbook_add_format(wb_);
        format_set_bold(bold_);
        date_ = workbook_add_format(wb_);
        format_set_num_format(date_, "yyyy-mm-dd");
        money_ = workbook_add_format(wb_);
        format_set_num_format(money_, "\u00A3#,##0.00");
        wrap_ = workbook_add_format(wb_);
        format_set_text_wrap(wrap_);
    }
    ~XlsxWriter() override {
        if (wb_) {  // not closed by end(): an error; leave the temporary file to the caller
            LibraryQuiet quiet;
            workbook_close(wb_);
        }
    }
    void begin() override {
        for (std::size_t i = 0; i < cols_.size(); ++i) {
            auto col = static_cast<lxw_col_t>(i);
            lxw_format* f = cols_[i].kind == CellKind::date ? date_ : cols_[i].kind == CellKind::money ? money_ : nullptr;
            double width = std::max<double>(cols_[i].width, cols_[i].kind == CellKind::text ? 8 : cols_[i].name.size()) + 2;
            check(worksheet_set_column(records_, col, col, width, f), "column");
            check(worksheet_write_string(records_, 0, col, cols_[i].name.c_str(), bold_), "header");
        }
        worksheet_freeze_panes(records_, 1, 0);
    }
    void row(const Row& r) override {
        // A sheet holds 1,048,576 rows, the header included: say so at the first record
        // past it, not in a cryptic error from workbook_close at the end of the batch.
        if (row_ + 1 >= LXW_ROW_MAX)
            throw cli::OutputError(fmt::format("more than {} records: an xlsx sheet holds at most {} rows; use --format "
                                               "csv or jsonl, or screen the batch in parts",
                                               LXW_ROW_MAX - 1, LXW_ROW_MAX));
        ++row_;
        auto cs = cells(r, *c_.pack, c_.redacted);
        for (std::size_t i = 0; i < cs.size(); ++i) {
            const auto& cell = cs[i];
            if (cell.empty) continue;
            auto col = static_cast<lxw_col_t>(i);
            switch (cell.kind) {
                case CellKind::text: check(worksheet_write_string(records_, row_, col, clean(cell.text).c_str(), nullptr), "cell"); break;
                case CellKind::integer: check(worksheet_write_number(records_, row_, col, cell.number, nullptr), "cell"); break;
                case CellKind::money: check(worksheet_write_number(records_, row_, col, cell.number, money_), "cell"); break;
                case CellKind::boolean: check(worksheet_write_boolean(records_, row_, col, cell.number != 0, nullptr), "cell"); break;
                case CellKind::date: {
                    lxw_datetime d{cell.date.year(), static_cast<int>(cell.date.month()), static_cast<int>(cell.date.day()), 0, 0, 0};
                    check(worksheet_write_datetime(records_, row_, col, &d, date_), "cell");
                    break;
                }
            }
        }
    }
    void end(const Summary& s) override {
        check(worksheet_autofilter(records_, 0, 0, row_, static_cast<lxw_col_t>(cols_.size() - 1)), "filter");
        worksheet_set_column(summary_, 0, 0, 70, wrap_);
        worksheet_set_column(summary_, 1, 3, 12, nullptr);
        lxw_row_t r = 0;
        auto text = [&](lxw_col_t c, const std::string& t, lxw_format* f = nullptr) {
            check(worksheet_write_string(summary_, r, c, clean(t).c_str(), f), "summary");
        };
        auto num = [&](lxw_col_t c, double v) { check(worksheet_write_number(summary_, r, c, v, nullptr), "summary"); };
        auto verdicts = [](const std::map<Verdict, long>& m, Verdict v) {
            auto it = m.find(v);
            return it == m.end() ? 0L : it->second;
        };
        text(0, fmt::format("Screened as of {} against {} ({})", c_.as_of.iso(), c_.pack->info.title, c_.pack->info.version), bold_);
        r += 2;
        text(0, "Verdict", bold_), text(1, "Records", bold_), ++r;
        for (auto v : {Verdict::ready, Verdict::not_ready, Verdict::invalid})
            text(0, std::string(to_string(v))), num(1, static_cast<double>(verdicts(s.verdicts, v))), ++r;
        text(0, "all records"), num(1, static_cast<double>(s.records)), r += 2;
        text(0, "Criterion met", bold_), text(1, "Records", bold_), ++r;
        for (std::size_t i = 0; i < s.criterion_ids.size(); ++i)
            text(0, fmt::format("{} ({})", s.criterion_titles[i], s.criterion_ids[i])), num(1, static_cast<double>(s.criteria_met[i])), ++r;
        ++r;
        text(0, "Most common gaps", bold_), text(1, "Records", bold_), ++r;
        for (const auto& g : s.top_gaps(kTopGaps)) text(0, g.label), num(1, static_cast<double>(g.records)), ++r;
        ++r;
        text(0, "Primary need by area", bold_), text(1, "Records", bold_), ++r;
        for (const auto& [k, n] : s.needs) text(0, k), num(1, static_cast<double>(n)), ++r;
        ++r;
        text(0, "Setting / primary need", bold_), text(1, "Records", bold_), text(2, "Ready", bold_), text(3, "Not ready", bold_), ++r;
        for (const auto& [name, st] : s.settings) {
            text(0, name, bold_), num(1, static_cast<double>(st.records)), num(2, static_cast<double>(verdicts(st.verdicts, Verdict::ready))),
                num(3, static_cast<double>(verdicts(st.verdicts, Verdict::not_ready))), ++r;
            for (const auto& [k, n] : st.needs) text(0, "    " + k), num(1, static_cast<double>(n)), ++r;
        }
        ++r;
        if (s.packs.size() > 1) {  // records of several authorities, each checked against its own pack
            text(0, "Authority (rule pack)", bold_), text(1, "Records", bold_), text(2, "Ready", bold_), text(3, "Not ready", bold_), ++r;
            for (const auto& [id, pc] : s.packs)
                text(0, id.empty() ? "(none)" : id), num(1, static_cast<double>(pc.records)),
                    num(2, static_cast<double>(verdicts(pc.verdicts, Verdict::ready))),
                    num(3, static_cast<double>(verdicts(pc.verdicts, Verdict::not_ready))), ++r;
            ++r;
        }
        text(0, c_.pack->info.readiness_statement.empty() ? "This shows how ready the evidence is, not a decision."
                                                         : c_.pack->info.readiness_statement);
        lxw_workbook* wb = wb_;
        wb_ = nullptr;
        lxw_error closed;
        {
            LibraryQuiet quiet;
            closed = workbook_close(wb);
        }
        check(closed, "close");
    }

private:
    WriterContext c_;
    std::vector<Column> cols_;
    lxw_workbook* wb_ = nullptr;
    lxw_worksheet* records_ = nullptr;
    lxw_worksheet* summary_ = nullptr;
    lxw_format *bold_ = nullptr, *date_ = nullptr, *money_ = nullptr, *wrap_ = nullptr;
    lxw_row_t row_ = 0;
};

}  // namespace

std::unique_ptr<Writer> make_xlsx_writer(const std::string& path, const WriterContext& c) {
    return std::make_unique<XlsxWriter>(path, c);
}

}  // namespace ehcp::screen
