// The screening row model, its columns and the summary.
#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ehcp/render/json_report.hpp"
#include "ehcp/screen/screen.hpp"

namespace ehcp::screen {

namespace fs = std::filesystem;

namespace {

bool is_record_name(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".yaml" || ext == ".yml";
}

// One folder, recursively (folders reached through symlinks are not followed: no loops).
void walk(const fs::path& dir, std::vector<std::string>& found, std::vector<SkippedEntry>& skipped, int depth) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        if (depth == 0) found.push_back(dir.string());  // a folder given by name: an invalid row says why
        else skipped.push_back({dir.string(), "the folder cannot be read: " + ec.message()});
        return;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            skipped.push_back({dir.string(), "the folder could not be read to the end: " + ec.message()});
            return;
        }
        const fs::path& p = it->path();
        // Hidden entries (.git, .Trash, macOS's ._x.yaml resource forks) are not records;
        // a hidden file named on the command line is still read (expand_paths keeps it).
        if (p.filename().string().rfind('.', 0) == 0) {
            skipped.push_back({p.string(), "hidden (the name starts with a dot)"});
            continue;
        }
        std::error_code e1, e2;
        fs::file_status link = it->symlink_status(e1);
        fs::file_status st = it->status(e2);
        if (fs::is_symlink(link) && (e2 || !fs::exists(st))) {
            skipped.push_back({p.string(), "a symlink to nothing (dangling)"});
        } else if (fs::is_directory(st)) {
            if (fs::is_symlink(link)) skipped.push_back({p.string(), "a symlink to a folder, not followed"});
            else if (depth >= 64) skipped.push_back({p.string(), "folders nest more than 64 deep here"});
            else walk(p, found, skipped, depth + 1);
        } else if (!is_record_name(p)) {
            skipped.push_back({p.string(), "not a .yaml or .yml file"});
        } else if (!fs::is_regular_file(st)) {
            skipped.push_back({p.string(), fs::is_fifo(st) ? "a FIFO, not a regular file"
                                           : fs::is_socket(st) ? "a socket, not a regular file"
                                                               : "a device, not a regular file"});
        } else {
            found.push_back(p.string());
        }
    }
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<SkippedEntry>* skipped) {
    std::vector<std::string> out;
    std::vector<SkippedEntry> ignored;
    for (const auto& p : paths) {
        std::error_code ec;
        if (p != "-" && fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            walk(p, found, skipped ? *skipped : ignored, 0);
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(p);
        }
    }
    if (skipped)
        std::sort(skipped->begin(), skipped->end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

namespace {

const CheckResult* find_check(const CheckResult& r, const std::string& id) {
    if (r.id == id) return &r;
    for (const auto& c : r.children)
        if (auto* f = find_check(c, id)) return f;
    return nullptr;
}

// What kind of gap this is, so that the summary can count records sharing it: the
// check (or criterion) it comes from, or for evidence the item named before the colon.
std::pair<std::string, std::string> gap_group(const Gap& g, const RecordReport& rep) {
    if (g.source == "evidence") {
        auto colon = g.text.find(':');
        std::string what = g.text.substr(0, colon);
        return {"evidence: " + what, what};
    }
    for (const auto& c : rep.criteria) {
        if (c.id == g.source) return {g.source, fmt::format("{} (criterion {})", c.title, c.number)};
        if (c.detail)
            if (const auto* r = find_check(*c.detail, g.source))
                return {g.source, fmt::format("{} (criterion {}, {})", r->title.empty() ? g.source : r->title, c.number, g.source)};
    }
    return {g.source, g.source};
}

// Where a gap comes from, for the spreadsheet's Gaps sheet: the criterion's title and the
// check's title (empty when the criterion gives it without a named check).
Row::GapDetail gap_detail(const Gap& g, const RecordReport& rep) {
    Row::GapDetail d;
    d.rank = g.rank;
    d.text = g.text;
    if (g.source == "evidence") {
        d.criterion = "Evidence checklist";
        d.check = g.text.substr(0, g.text.find(':'));
        return d;
    }
    for (const auto& c : rep.criteria) {
        if (c.id == g.source) {
            d.criterion = c.title;
            return d;
        }
        if (c.detail)
            if (const auto* r = find_check(*c.detail, g.source)) {
                d.criterion = c.title;
                d.check = r->title.empty() ? g.source : r->title;
                return d;
            }
    }
    d.criterion = g.source;
    return d;
}

}  // namespace

Row make_row(const RecordReport& rep, const Pack& pack, bool redacted) {
    Row row;
    row.file = rep.source.file;
    row.document = rep.source.document;
    row.line = rep.source.line;
    row.verdict = rep.verdict;
    row.pack = rep.pack;
    if (rep.verdict == Verdict::invalid || !rep.pupil) {
        row.verdict = Verdict::invalid;
        row.id = rep.pupil_id;  // whose record it is, when the id itself could be read
        for (const auto& d : rep.diagnostics)
            if (d.severity == Severity::error) {
                row.error = d.line > 0 ? fmt::format("line {}:{}: {}", d.line, d.column, d.message) : d.message;
                break;
            }
        if (row.error.empty()) row.error = "the record could not be read";
        return row;
    }
    const auto& p = *rep.pupil;
    row.id = p.id;
    row.made_by = std::string(to_string(rep.made_by));
    if (!redacted) row.name = p.name;
    row.setting = p.setting;
    row.year_group = p.year_group;
    row.key_stage = std::string(to_string(p.phase));
    for (const auto& c : pack.criteria) {
        std::optional<Status> s;
        for (const auto& r : rep.criteria)
            if (r.id == c.id) s = r.status;
        row.criteria.push_back(s);
    }
    row.gap_count = static_cast<int>(rep.gaps.size());
    for (std::size_t i = 0; i < rep.gaps.size() && i < kFirstGaps; ++i) row.first_gaps.push_back(rep.gaps[i].text);
    std::set<std::string> seen;
    for (const auto& g : rep.gaps) {
        auto grp = gap_group(g, rep);
        if (seen.insert(grp.first).second) row.gap_groups.push_back(std::move(grp));
    }
    if (rep.cost) row.provision_total = rep.cost->annual_total;
    row.compelling = rep.compelling;
    row.looked_after = p.looked_after;
    if (rep.timeline) {
        row.decide_to_assess_by = rep.timeline->decide_to_assess_by;
        row.decide_to_issue_by = rep.timeline->decide_to_issue_by;
        row.final_plan_by = rep.timeline->final_plan_by;
    }
    row.primary_need = p.primary_need;
    row.date_of_birth = p.date_of_birth;
    row.age_years = p.age_years;
    row.request_date = rep.request_date;
    for (const auto& d : rep.diagnostics)
        if (d.severity == Severity::warning) ++row.warnings;
    for (const auto& g : rep.gaps) row.all_gaps.push_back(gap_detail(g, rep));
    row.secondary_needs = p.secondary_needs;
    row.sen_types = p.sen_types;
    return row;
}

std::vector<Column> columns(const Pack& pack, bool redacted) {
    std::vector<Column> c{{"file", CellKind::text, 28}, {"document", CellKind::integer, 3}, {"id", CellKind::text, 13}};
    if (!redacted) c.push_back({"name", CellKind::text, 20});
    c.push_back({"setting", CellKind::text, 24});
    c.push_back({"year_group", CellKind::integer, 4});
    c.push_back({"key_stage", CellKind::text, 11});
    c.push_back({"verdict", CellKind::text, 9});
    c.push_back({"made_by", CellKind::text, 12});
    for (const auto& cr : pack.criteria) c.push_back({cr.id, CellKind::text, 13});
    c.push_back({"gaps", CellKind::integer, 4});
    c.push_back({"first_gaps", CellKind::text, 60});
    c.push_back({"provision_total", CellKind::money, 10});
    c.push_back({"compelling", CellKind::text, 12});
    c.push_back({"looked_after", CellKind::boolean, 5});
    c.push_back({"decide_to_assess_by", CellKind::date, 10});
    c.push_back({"decide_to_issue_by", CellKind::date, 10});
    c.push_back({"final_plan_by", CellKind::date, 10});
    c.push_back({"error", CellKind::text, 50});
    c.push_back({"pack", CellKind::text, 10});  // which rule pack (authority) checked the record
    return c;
}

namespace {

Cell text_cell(std::string s) {
    Cell c;
    c.empty = s.empty();
    c.text = std::move(s);
    return c;
}
Cell opt_text(const std::optional<std::string>& s) { return s ? text_cell(*s) : Cell{}; }
Cell int_cell(std::optional<long> v) {
    Cell c;
    c.kind = CellKind::integer;
    if (v) c.empty = false, c.number = static_cast<double>(*v), c.text = std::to_string(*v);
    return c;
}
Cell money_cell(std::optional<double> v) {
    Cell c;
    c.kind = CellKind::money;
    if (v) c.empty = false, c.number = *v, c.text = fmt::format("{:.2f}", *v);
    return c;
}
Cell bool_cell(std::optional<bool> v) {
    Cell c;
    c.kind = CellKind::boolean;
    if (v) c.empty = false, c.number = *v ? 1 : 0, c.text = *v ? "yes" : "no";
    return c;
}
Cell date_cell(const std::optional<Date>& d) {
    Cell c;
    c.kind = CellKind::date;
    if (d) c.empty = false, c.date = *d, c.text = d->iso();
    return c;
}

std::string join(const std::vector<std::string>& v, const char* sep) { return fmt::format("{}", fmt::join(v, sep)); }

}  // namespace

std::vector<Cell> cells(const Row& row, const Pack& pack, bool redacted) {
    std::vector<Cell> c{text_cell(row.file), int_cell(row.document), text_cell(row.id)};
    if (!redacted) c.push_back(opt_text(row.name));
    c.push_back(opt_text(row.setting));
    c.push_back(int_cell(row.year_group ? std::optional<long>(*row.year_group) : std::nullopt));
    c.push_back(text_cell(row.key_stage));
    c.push_back(text_cell(std::string(to_string(row.verdict))));
    c.push_back(text_cell(row.made_by));
    for (std::size_t i = 0; i < pack.criteria.size(); ++i) {
        if (i < row.criteria.size() && row.criteria[i]) c.push_back(text_cell(std::string(to_string(*row.criteria[i]))));
        else c.push_back(Cell{});
    }
    if (row.verdict == Verdict::invalid) c.push_back(int_cell(std::nullopt));
    else c.push_back(int_cell(row.gap_count));
    c.push_back(text_cell(join(row.first_gaps, " | ")));
    c.push_back(money_cell(row.provision_total));
    c.push_back(text_cell(join(row.compelling, " ")));
    c.push_back(bool_cell(row.looked_after));
    c.push_back(date_cell(row.decide_to_assess_by));
    c.push_back(date_cell(row.decide_to_issue_by));
    c.push_back(date_cell(row.final_plan_by));
    c.push_back(text_cell(row.error));
    c.push_back(text_cell(row.pack));
    return c;
}

Summary::Summary(const Pack& pack) {
    for (const auto& c : pack.criteria) {
        criterion_ids.push_back(c.id);
        criterion_titles.push_back(c.title);
    }
    criteria_met.assign(criterion_ids.size(), 0);
}

void Summary::add(const Row& row) {
    ++records;
    ++verdicts[row.verdict];
    auto& by_pack = packs[row.pack];
    ++by_pack.records;
    ++by_pack.verdicts[row.verdict];
    for (std::size_t i = 0; i < row.criteria.size() && i < criteria_met.size(); ++i)
        if (row.criteria[i] == Status::met) ++criteria_met[i];
    for (const auto& [key, label] : row.gap_groups) {
        auto& g = gaps[key];
        g.label = label;
        ++g.records;
    }
    if (row.verdict == Verdict::invalid) return;
    std::string need = row.primary_need.value_or("(not given)");
    ++needs[need];
    auto& s = settings[row.setting.value_or("(not given)")];
    ++s.records;
    ++s.verdicts[row.verdict];
    ++s.needs[need];
}

std::vector<Summary::GapCount> Summary::top_gaps(std::size_t n) const {
    std::vector<GapCount> all;
    for (const auto& [k, g] : gaps) all.push_back(g);
    std::stable_sort(all.begin(), all.end(), [](const GapCount& a, const GapCount& b) {
        return a.records != b.records ? a.records > b.records : a.label < b.label;
    });
    if (all.size() > n) all.resize(n);
    return all;
}

namespace {

long count(const std::map<Verdict, long>& m, Verdict v) {
    auto it = m.find(v);
    return it == m.end() ? 0 : it->second;
}

std::string needs_words(const std::map<std::string, long>& needs) {
    std::vector<std::pair<std::string, long>> v(needs.begin(), needs.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> parts;
    for (const auto& [k, n] : v) parts.push_back(fmt::format("{} {}", k, n));
    return join(parts, ", ");
}

}  // namespace

std::string ignored_line(const Summary& s) {
    std::vector<std::string> parts;
    for (const auto& [why, n] : s.ignored) parts.push_back(fmt::format("{} file{} ignored: {}", n, n == 1 ? "" : "s", why));
    return join(parts, "; ");
}

std::string summary_text(const Summary& s) {
    std::string out;
    auto line = [&](const std::string& l) { out += l + "\n"; };
    line(fmt::format("Screened {} record{}: {} ready, {} not ready, {} invalid", s.records, s.records == 1 ? "" : "s",
                     count(s.verdicts, Verdict::ready), count(s.verdicts, Verdict::not_ready),
                     count(s.verdicts, Verdict::invalid)));
    if (!s.ignored.empty()) line(ignored_line(s) + (s.ignored_listed ? "" : " (--verbose lists them)"));
    line("");
    line("Criteria met:");
    for (std::size_t i = 0; i < s.criterion_ids.size(); ++i)
        line(fmt::format("  {:>6}  {} ({})", s.criteria_met[i], s.criterion_titles[i], s.criterion_ids[i]));
    line("");
    auto top = s.top_gaps(kTopGaps);
    line(top.empty() ? "Most common gaps: none" : "Most common gaps (records):");
    for (const auto& g : top) line(fmt::format("  {:>6}  {}", g.records, g.label));
    line("");
    line(s.needs.empty() ? "Primary need by area: none" : "Primary need by area (records):");
    std::vector<std::pair<std::string, long>> needs(s.needs.begin(), s.needs.end());
    std::stable_sort(needs.begin(), needs.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [k, n] : needs) line(fmt::format("  {:>6}  {}", n, k));
    line("");
    line(s.settings.empty() ? "By setting: none" : "By setting (records: ready / not ready; primary needs):");
    for (const auto& [name, st] : s.settings)
        line(fmt::format("  {:>6}  {}: {} / {}; {}", st.records, name, count(st.verdicts, Verdict::ready),
                         count(st.verdicts, Verdict::not_ready), needs_words(st.needs)));
    if (s.packs.size() > 1) {
        // Records of several authorities: each was checked against its own pack.
        line("");
        line("By authority (rule pack; records: ready / not ready / invalid):");
        for (const auto& [id, pc] : s.packs)
            line(fmt::format("  {:>6}  {}: {} / {} / {}", pc.records, id.empty() ? "(none)" : id, count(pc.verdicts, Verdict::ready),
                             count(pc.verdicts, Verdict::not_ready), count(pc.verdicts, Verdict::invalid)));
    }
    line("");
    line("This shows how ready the evidence is, not a decision: the authority's panel decides.");
    return out;
}

std::string summary_json(const Summary& s) {
    nlohmann::ordered_json j;
    j["records"] = s.records;
    j["verdicts"] = {{"ready", count(s.verdicts, Verdict::ready)},
                     {"not_ready", count(s.verdicts, Verdict::not_ready)},
                     {"invalid", count(s.verdicts, Verdict::invalid)}};
    j["criteria_met"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < s.criterion_ids.size(); ++i)
        j["criteria_met"].push_back({{"id", s.criterion_ids[i]}, {"title", s.criterion_titles[i]}, {"records", s.criteria_met[i]}});
    j["top_gaps"] = nlohmann::ordered_json::array();
    for (const auto& g : s.top_gaps(kTopGaps)) j["top_gaps"].push_back({{"gap", g.label}, {"records", g.records}});
    j["needs"] = nlohmann::ordered_json::object();
    for (const auto& [k, n] : s.needs) j["needs"][k] = n;
    j["settings"] = nlohmann::ordered_json::array();
    for (const auto& [name, st] : s.settings) {
        nlohmann::ordered_json e{{"setting", name},
                                 {"records", st.records},
                                 {"ready", count(st.verdicts, Verdict::ready)},
                                 {"not_ready", count(st.verdicts, Verdict::not_ready)},
                                 {"needs", nlohmann::ordered_json::object()}};
        for (const auto& [k, n] : st.needs) e["needs"][k] = n;
        j["settings"].push_back(std::move(e));
    }
    j["packs"] = nlohmann::ordered_json::array();
    for (const auto& [id, pc] : s.packs)
        j["packs"].push_back({{"pack", id},
                              {"records", pc.records},
                              {"ready", count(pc.verdicts, Verdict::ready)},
                              {"not_ready", count(pc.verdicts, Verdict::not_ready)},
                              {"invalid", count(pc.verdicts, Verdict::invalid)}});
    // Entries of the folders that were not read, by why (added to the summary: issue 11).
    j["ignored"] = nlohmann::ordered_json::array();
    for (const auto& [why, n] : s.ignored) j["ignored"].push_back({{"why", why}, {"files", n}});
    return dump_json(j, -1);
}

}  // namespace ehcp::screen
