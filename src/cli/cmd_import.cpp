// `ehcp import ctf` (a Common Transfer File -> one record per pupil) and `ehcp import csv`
// (a spreadsheet export -> one section of a record). Both write through OutputFile (a
// temporary file renamed into place); neither overwrites what it was not asked to.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/cli/output_file.hpp"
#include "ehcp/core/inert_text.hpp"
#include "ehcp/import/import.hpp"
#include "ehcp/load/upn.hpp"

namespace ehcp::cli {

namespace fs = std::filesystem;

namespace {

struct CtfOptions {
    std::string file;
    bool all = false;
    bool force = false;
};

struct CsvOptions {
    std::string file;
    std::string map;
    std::string into;
    std::string replace;
    bool skip_bad_rows = false;
};

void say(const GlobalOptions& g, const std::string& line) {
    if (!g.quiet) std::cerr << line << "\n";
}

// A problem (a pupil or row not imported) is said even under -q: quiet hides progress, not errors.
void problem(const std::string& line) { std::cerr << line << "\n"; }

// Keeps the file about to be overwritten as PATH.bak, or PATH.bak.N when that is taken;
// returns the backup's name.
std::string keep_backup(const std::string& path, const std::string& text) {
    std::string backup = path + ".bak";
    for (int i = 1; fs::exists(fs::symlink_status(backup)); ++i) backup = fmt::format("{}.bak.{}", path, i);
    OutputFile keep(backup, {});
    keep.write(text);
    keep.commit();
    return backup;
}

std::string read_record(const std::string& path);

int run_ctf(const CtfOptions& o, const GlobalOptions& g) {
    import::CtfFile ctf;
    try {
        ctf = import::read_ctf(o.file, g.max_file_bytes ? g.max_file_bytes : import::kDefaultMaxXmlBytes);
    } catch (const import::ImportError& e) {
        std::cerr << "ehcp: " << escape_controls(e.what()) << "\n";
        return exit_code::invalid;
    }
    fs::path dir = g.output.empty() || g.output == "-" ? fs::path(".") : fs::path(g.output);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (fs::exists(dir, ec))
            throw UsageError(fmt::format("-o {}: is not a folder; `import ctf` writes one file per pupil into a folder", g.output),
                             exit_code::usage);
        fs::create_directories(dir, ec);
        if (ec) throw OutputError(fmt::format("cannot create the folder {}: {}", dir.string(), ec.message()));
    }
    static const std::regex safe_name("^[A-Za-z0-9]{1,32}$");
    std::set<std::string> seen;
    long written = 0, kept = 0, skipped = 0, problems = 0;
    std::string source = fs::path(o.file).filename().string();
    for (const auto& p : ctf.pupils) {
        std::string where = fmt::format("{}:{}", o.file, p.line);
        if (p.upn.empty()) {
            problem(fmt::format("ehcp: {}: a pupil with no UPN was not imported; fix: add the UPN in the MIS and export again", where));
            ++problems;
            continue;
        }
        if (!std::regex_match(p.upn, safe_name)) {
            problem(fmt::format("ehcp: {}: the UPN `{}` is not letters and digits, so it cannot name a file; the pupil was not imported",
                               where, escape_controls(p.upn)));
            ++problems;
            continue;
        }
        if (!seen.insert(p.upn).second) {
            problem(fmt::format("ehcp: {}: UPN {} is given twice in the file; only the first was imported", where, p.upn));
            ++problems;
            continue;
        }
        bool with_sen = p.sen_provision == "K" || p.sen_provision == "E";
        if (!with_sen && !o.all) {
            ++skipped;
            continue;
        }
        fs::path target = dir / (p.upn + ".yaml");
        if (fs::exists(fs::symlink_status(target, ec)) && !o.force) {
            say(g, fmt::format("{}: already there, left as it is (--force replaces it)", target.string()));
            ++kept;
            continue;
        }
        std::vector<std::string> notes;
        std::string text = import::ctf_record_text(p, ctf, source, notes);
        std::string backup;
        if (fs::exists(fs::symlink_status(target, ec))) {
            if (!fs::is_regular_file(fs::symlink_status(target, ec)))
                throw OutputError(fmt::format("{}: is not a plain file, so it is not replaced", target.string()));
            try {
                backup = keep_backup(target.string(), read_record(target.string()));
            } catch (const import::ImportError& e) {
                throw OutputError(fmt::format("{}; it is not replaced", e.what()));
            }
        }
        OutputFile out(target.string(), {o.file});
        out.write(text);
        out.commit();
        ++written;
        say(g, fmt::format("{}: {}{}", target.string(), backup.empty() ? "written" : "replaced; the old file is kept as " + backup,
                           looks_like_upn(p.upn) ? "" : " (the UPN does not have a UPN's shape)"));
        for (const auto& n : notes) say(g, "  to settle: " + n);
    }
    say(g, fmt::format("{} pupil{} in {} (CTF version {}): {} record{} written, {} already there, {} without SEN support or an "
                       "EHC plan not imported{}{}.",
                       ctf.pupils.size(), ctf.pupils.size() == 1 ? "" : "s", o.file,
                       ctf.version.empty() ? "not given" : escape_controls(ctf.version), written, written == 1 ? "" : "s", kept,
                       skipped, o.all ? "" : " (--all imports them)",
                       problems ? fmt::format(", {} with problems", problems) : ""));
    if (written) say(g, fmt::format("Next: fill in each record, then run: ehcp check {}", (dir / "*.yaml").string()));
    return problems ? exit_code::invalid : exit_code::ready;
}

std::string read_record(const std::string& path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec) throw import::ImportError(fmt::format("{}: cannot read the record: {}", path, ec.message()));
    if (size > (std::uintmax_t{16} << 20))
        throw import::ImportError(fmt::format("{}: the record is {} bytes; a record is a few KiB; fix: check it is the right file", path, size));
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw import::ImportError(fmt::format("{}: cannot read the record", path));
    return text;
}

std::string rows_text(const std::vector<long>& rows) {
    std::string out;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += j == i ? std::to_string(rows[i]) : fmt::format("{}-{}", rows[i], rows[j]);
        i = j + 1;
    }
    return out;
}

std::string folded(std::string s) {
    auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

// With the map's pupil_column: every row must name the record's pupil (pupil.name or
// pupil.id, in any case), so that one pupil's rows never land in another's record.
void check_pupil_column(const CsvOptions& o, const import::ImportMap& map, const std::vector<std::string>& pupils,
                        const std::string& record_text) {
    std::string name, id;
    try {
        YAML::Node root = YAML::Load(record_text);
        if (root.IsMap() && root["pupil"] && root["pupil"].IsMap()) {
            auto p = root["pupil"];
            if (p["name"] && p["name"].IsScalar()) name = p["name"].Scalar();
            if (p["id"] && p["id"].IsScalar()) id = p["id"].Scalar();
        }
    } catch (const YAML::Exception&) {
    }
    if (name.empty() && id.empty())
        throw import::ImportError(fmt::format("{}: the map {} says `pupil_column: {}`, but the record gives no pupil.name or "
                                              "pupil.id to match the rows against; fix: fill in the pupil first",
                                              o.into, o.map, map.pupil_column));
    for (const auto& v : pupils) {
        if (folded(v) == folded(name) || folded(v) == folded(id)) continue;
        throw import::ImportError(fmt::format("{}: a row names `{}` in column `{}`, but {} is for {}; fix: export this pupil's "
                                              "rows only, or import into that pupil's record",
                                              o.file, v, map.pupil_column, o.into,
                                              name.empty() ? "`" + id + "`" : "`" + name + "`" + (id.empty() ? "" : " (" + id + ")")));
    }
}

int run_csv(const CsvOptions& o, const GlobalOptions& g) {
    try {
        auto map = import::load_map(o.map);
        if (!o.replace.empty() && o.replace != map.section)
            throw UsageError(fmt::format("--replace {}: the map {} imports `{}`; give --replace {}", o.replace, o.map, map.section,
                                         map.section), exit_code::usage);
        import::CsvLimits limits;
        if (g.max_file_bytes) limits.max_file_bytes = g.max_file_bytes;
        auto got = import::read_csv_entries(o.file, map, limits);
        for (const auto& b : got.bad)
            std::cerr << escape_controls(fmt::format("ehcp: {}: row {}{}: {}", o.file, b.row,
                                                     b.column.empty() ? "" : ", column `" + b.column + "`", b.reason))
                      << (o.skip_bad_rows ? " (skipped)" : "") << "\n";
        std::set<long> bad_rows;
        for (const auto& b : got.bad) bad_rows.insert(b.row);
        if (!bad_rows.empty() && !o.skip_bad_rows) {
            std::cerr << fmt::format("ehcp: nothing imported: {} row{} of {} cannot be read, and a section is imported whole or not "
                                     "at all; fix: correct the rows, or add --skip-bad-rows to import the others\n",
                                     bad_rows.size(), bad_rows.size() == 1 ? "" : "s", o.file);
            return exit_code::invalid;
        }
        if (got.entries.empty()) {
            std::cerr << fmt::format("ehcp: {}: no rows to import{}; nothing changed\n", o.file,
                                     bad_rows.empty() ? "" : " (every row was skipped)");
            return exit_code::invalid;
        }
        std::string block = fmt::format("  # imported by `ehcp import csv` from {} with the map {}: rows {}{}\n",
                                        escape_controls(fs::path(o.file).filename().string()),
                                        escape_controls(fs::path(o.map).filename().string()), rows_text(got.rows),
                                        bad_rows.empty() ? "" : fmt::format(" (rows {} skipped)",
                                                                            rows_text(std::vector<long>(bad_rows.begin(), bad_rows.end()))));
        for (const auto& e : got.entries) block += e;
        std::string original = read_record(o.into);
        if (!map.pupil_column.empty()) check_pupil_column(o, map, got.pupils, original);
        auto result = import::splice_section(original, map.section, block, !o.replace.empty());
        std::string n = fmt::format("{} {} entr{}", got.entries.size(), map.section, got.entries.size() == 1 ? "y" : "ies");
        if (result.kind == import::SpliceKind::unchanged) {
            say(g, fmt::format("{}: already holds these {} from {}; nothing changed", o.into, n, o.file));
            return exit_code::ready;
        }
        if (result.kind == import::SpliceKind::replaced) {
            std::string backup = keep_backup(o.into, original);
            say(g, fmt::format("{}: the old file is kept as {}", o.into, backup));
        }
        OutputFile out(o.into, {o.file, o.map});
        out.write(result.text);
        out.commit();
        const char* how = result.kind == import::SpliceKind::replaced ? "replaced the section with"
                          : result.kind == import::SpliceKind::filled ? "filled the empty section with"
                                                                       : "added";
        say(g, fmt::format("{}: {} {} from {} (rows {}); every other line is as it was. Next: ehcp check {}", o.into, how, n,
                           o.file, rows_text(got.rows), o.into));
        return exit_code::ready;
    } catch (const import::ImportError& e) {
        std::cerr << "ehcp: " << escape_controls(e.what()) << "\n";
        return exit_code::invalid;
    }
}

}  // namespace

Command import_command() {
    return {"import", "make records from a Common Transfer File (ctf) or add spreadsheet rows to one (csv)", [](CLI::App& sub) {
                sub.require_subcommand(1);
                sub.fallthrough(true);
                auto co = std::make_shared<CtfOptions>();
                auto* ctf = sub.add_subcommand("ctf", "one record per pupil with SEN support or an EHC plan, named by UPN, "
                                                      "into the folder -o DIR names (default: the current one)");
                ctf->fallthrough(true);
                ctf->add_option("file", co->file, "the Common Transfer File (XML)")->required();
                ctf->add_flag("--all", co->all, "every pupil, not only those with SEN support (K) or an EHC plan (E)");
                ctf->add_flag("--force", co->force, "replace record files that are already there (the old one is kept as .bak)");
                auto vo = std::make_shared<CsvOptions>();
                auto* csv = sub.add_subcommand("csv", "add a spreadsheet's rows to one section of a record (provision, "
                                                      "attainment or support_cycles), as a map says");
                csv->fallthrough(true);
                csv->add_option("file", vo->file, "the CSV file")->required();
                csv->add_option("--map", vo->map, "the map: which column feeds which field (see docs/import.md)")
                    ->required()
                    ->option_text("MAP.yaml");
                csv->add_option("--into", vo->into, "the record to add the section to (edited in place)")
                    ->required()
                    ->option_text("RECORD.yaml");
                csv->add_option("--replace", vo->replace, "replace this section if the record already has entries in it (a backup is kept)")
                    ->option_text("SECTION");
                csv->add_flag("--skip-bad-rows", vo->skip_bad_rows, "import the rows that can be read, and list those skipped");
                return [ctf, co, vo](const GlobalOptions& g) { return ctf->parsed() ? run_ctf(*co, g) : run_csv(*vo, g); };
            }};
}

}  // namespace ehcp::cli
