// `ehcp validate --fix` and `--diff`: the loader's exact fixes (Diagnostic::edit) made
// in place, or shown as a unified diff. Kept apart from cmd_validate.cpp, which only
// hands over to run_validate_fix.
#include "ehcp/cli/validate_fix.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/cli/output_file.hpp"
#include "ehcp/core/inert_text.hpp"
#include "ehcp/load/text_edits.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/rules/engine.hpp"

namespace ehcp::cli {

namespace fs = std::filesystem;

namespace {

std::string directory_of(const std::string& path) {
    fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

std::vector<LoadedRecord> load_text(const std::string& name, const std::string& text, const LoadOptions& options) {
    RecordReader reader(name, std::make_unique<std::istringstream>(text), directory_of(name), options);
    std::vector<LoadedRecord> out;
    while (auto r = reader.next()) out.push_back(std::move(*r));
    return out;
}

std::optional<std::string> read_whole(const std::string& path, std::size_t limit) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    auto size = fs::file_size(path, ec);
    if (ec || size > limit) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    if (!in && !in.eof()) return std::nullopt;
    return s.str();
}

// FILE.bak, or FILE.bak.1, FILE.bak.2, ... when that exists: a backup is never
// overwritten. Created exclusively with the original's permissions.
std::string write_backup(const std::string& path, const std::string& text) {
    struct stat st {};
    unsigned mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 0777) : 0600;
    for (int n = 0; n < 1000; ++n) {
        std::string name = n == 0 ? path + ".bak" : fmt::format("{}.bak.{}", path, n);
        int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd < 0) {
            if (errno == EEXIST) continue;
            throw OutputError(fmt::format("cannot write the backup {}: {}", name, std::strerror(errno)));
        }
        std::size_t done = 0;
        while (done < text.size()) {
            ssize_t k = ::write(fd, text.data() + done, text.size() - done);
            if (k < 0 && errno == EINTR) continue;
            if (k <= 0) {
                int e = errno;
                ::close(fd);
                ::unlink(name.c_str());
                throw OutputError(fmt::format("cannot write the backup {}: {}", name, std::strerror(e)));
            }
            done += static_cast<std::size_t>(k);
        }
        if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0 || ::close(fd) != 0)
            throw OutputError(fmt::format("cannot write the backup {}: {}", name, std::strerror(errno)));
        return name;
    }
    throw OutputError(fmt::format("cannot write a backup of {}: {}.bak to {}.bak.999 all exist", path, path, path));
}

std::string shown(const std::string& text) { return escape_controls(text); }

// A change's old or new text as a person reads it: indentation in words ("a tab",
// "2 spaces"), anything else between backquotes.
std::string quoted(const std::string& text) {
    if (text.empty()) return "nothing";
    if (text.find_first_not_of(" \t") != std::string::npos) return "`" + shown(text) + "`";
    auto count = [&](char c) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), c)); };
    std::string out;
    auto add = [&](std::size_t n, std::string_view one, std::string_view many) {
        if (n == 0) return;
        if (!out.empty()) out += " and ";
        out += n == 1 ? std::string(one) : fmt::format("{} {}", n, many);
    };
    add(count('\t'), "a tab", "tabs");
    add(count(' '), "1 space", "spaces");
    return out;
}

}  // namespace

int run_validate_fix(const std::vector<std::string>& files, bool diff_only, bool json, const GlobalOptions& g,
                     const LoadOptions& options) {
    for (const auto& f : files)
        if (f == "-")
            throw UsageError(fmt::format("{} standard input cannot be changed in place\nfix: save the record to a "
                                         "file and give its name",
                                         diff_only ? "--diff shows how --fix would change a file;" : "--fix changes files;"),
                             exit_code::usage);

    std::string diff_text;
    std::string out;   // standard output (or -o): the changes made, or the diff
    std::string note;  // standard error with --diff: what is left
    std::string remaining;
    int total = 0, invalid = 0, warnings = 0;
    std::size_t changes = 0;
    nlohmann::ordered_json json_records = nlohmann::ordered_json::array();
    nlohmann::ordered_json json_changes = nlohmann::ordered_json::array();

    // Makes (or, with --diff, shows) the fixes of one file's records; `records` become
    // the file's records as they are after fixing.
    auto fix_file = [&](const std::string& file, std::vector<LoadedRecord>& records) {
        auto edits_of = [](const std::vector<LoadedRecord>& rs, std::vector<TextEdit>& edits,
                           std::vector<Diagnostic>& sources) {
            edits.clear();
            sources.clear();
            for (const auto& r : rs)
                for (const auto& d : r.diagnostics)
                    if (d.edit) {
                        edits.push_back(*d.edit);
                        sources.push_back(d);
                    }
        };
        std::vector<TextEdit> edits;
        std::vector<Diagnostic> sources;
        edits_of(records, edits, sources);
        if (edits.empty()) return;
        std::optional<std::string> text = read_whole(file, options.max_file_bytes);
        if (!text) {
            (diff_only ? note : out) += fmt::format("{}: not fixed: the file could not be read again as a whole (not "
                                                    "a regular file, or larger than the size limit)\n",
                                                    shown(file));
            return;
        }
        std::string said;  // each change, or why it was not made
        std::string current = *text;
        std::size_t applied = 0;
        // A fix can reveal another (a key renamed, its value is read at last): fix again
        // until nothing is left to fix, a few rounds at most.
        for (int round = 0; round < 5 && !edits.empty(); ++round) {
            EditResult result = apply_edits(current, edits);
            for (std::size_t i = 0; i < edits.size(); ++i) {
                const TextEdit& e = edits[i];
                const EditOutcome& o = result.outcomes[i];
                const Diagnostic& d = sources[i];
                if (o.applied) {
                    ++changes;
                    // --redact: the place and the kind of change, not the values.
                    if (g.redact)
                        said += fmt::format("{}:{}:{}: fixed [{}]\n", shown(d.file), e.line, o.column, d.code);
                    else
                        said += fmt::format("{}:{}:{}: fixed: {} → {}: {}\n", shown(d.file), e.line, o.column,
                                            quoted(e.old_text), quoted(e.new_text), shown(d.message));
                    nlohmann::ordered_json c{{"file", d.file}, {"line", e.line}, {"column", o.column}, {"code", d.code}};
                    if (!g.redact) {
                        c["old"] = e.old_text;
                        c["new"] = e.new_text;
                        c["why"] = d.message;
                    }
                    json_changes.push_back(std::move(c));
                } else if (o.reason != "the same change is made once") {
                    said += fmt::format("{}:{}:{}: not fixed: {}\n", shown(d.file), d.line, d.column, o.reason);
                }
            }
            if (result.applied == 0) break;
            applied += result.applied;
            current = std::move(result.text);
            records = load_text(file, current, options);
            edits_of(records, edits, sources);
        }
        if (applied > 0) {
            if (diff_only) {
                diff_text += unified_diff(*text, current, file);
            } else {
                std::string backup = write_backup(file, *text);
                OutputFile target(file, {});
                target.write(current);
                target.commit();
                said += fmt::format("{}: {} change{} written; the original is kept as {}\n", shown(file), applied,
                                    applied == 1 ? "" : "s", shown(backup));
            }
        }
        // With --diff, what would change and why goes to standard error.
        (diff_only ? note : out) += said;
    };
    for (const auto& argument : files) {
        // An argument may name one file or (with folder input) several: the records of
        // each file come together, and each file is fixed on its own.
        std::vector<LoadedRecord> loaded = load_all({argument}, options);
        std::vector<LoadedRecord> records;
        for (std::size_t first = 0; first < loaded.size();) {
            const std::string file = loaded[first].source.file;
            std::size_t end = first;
            while (end < loaded.size() && loaded[end].source.file == file) ++end;
            std::vector<LoadedRecord> of_file(std::make_move_iterator(loaded.begin() + static_cast<std::ptrdiff_t>(first)),
                                              std::make_move_iterator(loaded.begin() + static_cast<std::ptrdiff_t>(end)));
            first = end;
            fix_file(file, of_file);
            for (auto& r : of_file) records.push_back(std::move(r));
        }
        for (const auto& r : records) {
            ++total;
            if (!r.valid()) ++invalid;
            const auto diagnostics =
                g.redact ? redact_diagnostics(r.diagnostics, r.record ? &*r.record : nullptr) : r.diagnostics;
            nlohmann::ordered_json diags = nlohmann::ordered_json::array();
            for (const auto& d : diagnostics) {
                if (d.severity == Severity::warning) ++warnings;
                if (!(g.quiet && d.severity == Severity::warning)) remaining += format_diagnostic(d) + "\n";
                diags.push_back({{"severity", to_string(d.severity)}, {"code", d.code}, {"message", d.message},
                                 {"path", d.path}, {"line", d.line}, {"column", d.column}, {"fix", d.fix}});
            }
            json_records.push_back(
                {{"source", {{"file", r.source.file}, {"document", r.source.document}, {"line", r.source.line}}},
                 {"valid", r.valid()},
                 {"diagnostics", diags}});
        }
    }

    const std::string summary = fmt::format(
        "{} record{} read{}: {} valid, {} invalid, {} warning{}\n", total, total == 1 ? "" : "s",
        changes == 0 ? "" : diff_only ? (total == 1 ? " as it would be after fixing" : " as they would be after fixing") : " after fixing", total - invalid, invalid,
        warnings, warnings == 1 ? "" : "s");
    std::string stdout_text;
    if (json) {
        // ehcp-validation/1 of the records as they are (or would be) after fixing, with the changes.
        stdout_text = dump_json(nlohmann::ordered_json{{"format", "ehcp-validation/1"},
                                                       {"records", json_records},
                                                       {"changes", json_changes}},
                                2) +
                      "\n";
        if (diff_only) note.clear();
    } else if (diff_only) {
        // Standard output is the diff alone (for `patch`); the changes and what is left go
        // to standard error.
        stdout_text = diff_text;
        if (changes == 0 && !g.quiet) note += "no changes to make\n";
        note += remaining;
        if (!g.quiet) note += summary;
    } else {
        stdout_text = out;
        if (changes == 0 && !g.quiet) stdout_text += "no changes to make\n";
        stdout_text += remaining;
        if (!g.quiet) stdout_text += summary;
    }
    write_output(g, stdout_text, files);
    if (!note.empty()) std::cerr << note << std::flush;
    return invalid ? exit_code::invalid : exit_code::ready;
}

}  // namespace ehcp::cli
