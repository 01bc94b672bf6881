// `ehcp rules list|show|test|new|diff`: the rule packs found, one pack's contents, its test
// cases, a new pack to fill in, and two packs side by side.
#include <filesystem>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/core/money.hpp"
#include "ehcp/render/format.hpp"
#include "ehcp/rules/pack_tests.hpp"
#include "pack_diff.hpp"
#include "pack_scaffold.hpp"

namespace ehcp::cli {

namespace fs = std::filesystem;

namespace {

int run_list(const GlobalOptions& g) {
    std::string out;
    std::set<std::string> seen;
    for (const auto& dir : pack_search_path()) {
        std::error_code ec;
        std::vector<fs::path> packs;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (fs::is_regular_file(e.path() / "pack.yaml", ec)) packs.push_back(e.path());
        std::sort(packs.begin(), packs.end());
        for (const auto& p : packs) {
            auto name = p.filename().string();
            if (!seen.insert(name).second) continue;  // an earlier folder in the search path wins
            try {
                Pack pack = load_pack(p);
                out += fmt::format("{:<16} {:<12} {}\n{:<16} {}\n", pack.info.id, pack.info.version, pack.info.title, "", p.string());
            } catch (const PackError& e) {
                out += fmt::format("{:<16} {:<12} BROKEN: {}\n{:<16} {}\n", name, "-", e.what(), "", p.string());
            }
        }
    }
    if (out.empty()) out = "No rule packs found. Set EHCP_RULES_PATH or pass --rules FOLDER.\n";
    write_output(g, out);
    return exit_code::ready;
}

int run_show(const std::string& name, GlobalOptions g) {
    if (!name.empty()) g.rules = name;
    Pack pack = load_selected_pack(g);
    std::string out = fmt::format("{}\n  id {}, version {}, authority {}\n  folder {}\n\nSources:\n", pack.info.title, pack.info.id,
                                  pack.info.version, pack.info.authority, pack.dir.string());
    for (const auto& s : pack.sources) {
        out += fmt::format("  {:<16} {}\n", s.id, s.title);
        if (!s.address.empty()) out += fmt::format("  {:<16} {}\n", "", s.address);
    }
    if (!pack.document_kinds.empty()) {
        out += "\nDocument kinds this pack adds (documents[].kind):\n";
        for (const auto& k : pack.document_kinds) out += fmt::format("  {:<26} {}\n", k.id, k.label);
    }
    out += fmt::format("\nParameters:\n  notional SEN budget      {}\n  school weeks per year    {}\n  statutory timeline       {}, {} and {} weeks\n",
                       format_money(pack.parameters.notional_budget), format_number(pack.parameters.facts.school_weeks_per_year),
                       pack.parameters.facts.assess_weeks, pack.parameters.facts.issue_weeks, pack.parameters.facts.final_plan_weeks);
    out += "  default hourly rates (replace with the school's own):\n";
    for (const auto& [who, rate] : pack.parameters.facts.default_hourly_rates)
        out += fmt::format("    {:<34} {}\n", to_string(who), format_money(rate));
    out += "\nCriteria:\n";
    for (const auto& c : pack.criteria)
        out += fmt::format("  {}. {:<20} {}{}\n", c.number, c.id, c.title, c.advisory ? " (advisory: never changes readiness)" : "");
    out += fmt::format("\nReadiness rule:\n  {}\n", pack.readiness_text);
    out += fmt::format("\n{} indicators, {} evidence items, {} practice checks. `ehcp explain` lists them.\n", pack.indicators.size(),
                       pack.evidence.size(), pack.practice.size());
    write_output(g, out);
    return exit_code::ready;
}

int run_test(const std::string& name, GlobalOptions g) {
    if (!name.empty()) g.rules = name;
    Pack pack = load_selected_pack(g);
    auto results = run_pack_tests(pack);
    int failed = 0;
    std::string out;
    for (const auto& r : results) {
        if (r.failures.empty()) {
            if (!g.quiet) out += fmt::format("ok    {}{}\n", r.name, r.description.empty() ? "" : "  (" + r.description + ")");
        } else {
            ++failed;
            out += fmt::format("FAIL  {}\n", r.name);
            for (const auto& f : r.failures) out += "      " + f + "\n";
        }
    }
    if (results.empty()) out += fmt::format("pack `{}` has no test cases in {}\n", pack.info.id, pack.tests_dir.string());
    out += fmt::format("{} passed, {} failed\n", results.size() - failed, failed);
    // A pack from `ehcp rules new` works before it is filled in: say what still is to be.
    if (auto todo = still_to_fill_in(pack.dir); !todo.empty() && !g.quiet) {
        out += fmt::format("\nStill to fill in: {} FILL IN (the pack works, but its reports would show these words):\n",
                           todo.size() == 1 ? std::string("1 place says") : fmt::format("{} places say", todo.size()));
        for (const auto& t : todo) out += "  " + t + "\n";
    }
    write_output(g, out);
    return failed || results.empty() ? exit_code::not_ready : exit_code::ready;
}

int run_new(const std::string& name, const std::string& dir, const GlobalOptions& g) {
    fs::path parent = dir.empty() ? fs::path(".") : fs::path(dir);
    auto files = scaffold_pack(name, parent);
    fs::path made = parent / name;
    std::string out = fmt::format("Created the rule pack `{}` in {}:\n", name, made.string());
    for (const auto& f : files) out += "  " + f + "\n";
    out += wrap_text(fmt::format("Next: fill in every FILL IN from the council's published documents (README.md says "
                                 "what each part is for), then run `ehcp rules test {}`.",
                                 made.string()),
                     78) +
           "\n";
    if (!g.quiet) write_output(g, out);  // -q: the exit status tells
    return exit_code::ready;
}

int run_diff(const std::string& first, const std::string& second, const std::string& format, bool only_differences,
             GlobalOptions g) {
    g.rules = first;
    Pack a = load_selected_pack(g);
    g.rules = second;
    Pack b = load_selected_pack(g);
    write_output(g, format == "json" ? pack_diff_json(a, b, only_differences) : pack_diff_text(a, b, only_differences));
    return exit_code::ready;
}

}  // namespace

Command rules_command() {
    return {"rules", "list the rule packs found, show one, run its test cases, write a new one, or compare two",
            [](CLI::App& sub) {
                auto which = std::make_shared<std::function<int(const GlobalOptions&)>>();
                auto pack = std::make_shared<std::string>();
                sub.require_subcommand(1);
                sub.add_subcommand("list", "list the rule packs found")->callback([which] { *which = run_list; });
                auto* show = sub.add_subcommand("show", "show a pack's sources, parameters, criteria and readiness rule");
                show->add_option("pack", *pack, "pack name or folder (default: --rules)");
                show->callback([which, pack] { *which = [pack](const GlobalOptions& g) { return run_show(*pack, g); }; });
                auto* test = sub.add_subcommand("test", "run the pack's own test cases (exit 0 when all pass)");
                test->add_option("pack", *pack, "pack name or folder (default: --rules)");
                test->callback([which, pack] { *which = [pack](const GlobalOptions& g) { return run_test(*pack, g); }; });
                auto* make = sub.add_subcommand("new", "write a new rule pack to fill in (never overwrites a folder)");
                auto dir = std::make_shared<std::string>();
                make->add_option("name", *pack, "the pack's name: lower-case letters, digits and hyphens")->required();
                make->add_option("--dir", *dir, "the folder to create the pack in (default: the current folder)")->option_text("DIR");
                make->callback([which, pack, dir] {
                    *which = [pack, dir](const GlobalOptions& g) { return run_new(*pack, *dir, g); };
                });
                auto* diff = sub.add_subcommand("diff", "put two packs' parameters, criteria and evidence side by side");
                auto second = std::make_shared<std::string>();
                auto format = std::make_shared<std::string>("text");
                auto only = std::make_shared<bool>(false);
                diff->add_option("a", *pack, "the first pack: a name or a folder")->required();
                diff->add_option("b", *second, "the second pack: a name or a folder")->required();
                diff->add_option("--format", *format, "text or json")->option_text("FORMAT")->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case));
                diff->add_flag("--differences", *only, "show only the rows that differ");
                diff->callback([which, pack, second, format, only] {
                    *which = [=](const GlobalOptions& g) { return run_diff(*pack, *second, *format, *only, g); };
                });
                return [which](const GlobalOptions& g) { return (*which)(g); };
            }};
}

}  // namespace ehcp::cli
