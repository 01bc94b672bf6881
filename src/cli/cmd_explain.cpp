// `ehcp explain [ID]`: a criterion, check, indicator, evidence item, practice check or
// check kind of the pack, in full. Without an ID, a list of everything explainable.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/core/money.hpp"
#include "ehcp/render/format.hpp"

namespace ehcp::cli {

namespace {

std::string wrap(const std::string& text, const std::string& indent = "  ") { return wrap_text(text, 78, indent, indent) + "\n"; }

void collect_checks(const CheckNode& n, std::vector<const CheckNode*>& out) {
    if (!n.id.empty()) out.push_back(&n);
    for (const auto& c : n.children) collect_checks(c, out);
}

std::string describe_kind(const CheckKind& k) {
    std::string out = fmt::format("Check kind `{}`\n\n{}", k.name, wrap(k.summary));
    if (!k.params.empty()) {
        out += "\nParameters:\n";
        for (const auto& p : k.params) out += fmt::format("  {:<22} {:<28} {}\n", p.name, p.type, p.meaning);
    }
    return out;
}

std::string describe_check(const CheckNode& n, const Criterion* owner) {
    std::string out = fmt::format("Check `{}`{}\n\n", n.id, owner ? fmt::format(" (criterion `{}`)", owner->id) : "");
    if (!n.title.empty()) out += wrap(n.title);
    if (n.type == CheckNode::Type::leaf) {
        if (!n.params.empty()) {
            out += "\nThis pack sets:\n";
            for (const auto& [name, value] : n.params) out += fmt::format("  {:<22} {}\n", name, param_text(value));
        }
        if (const auto* k = builtin_checks().find(n.kind)) out += "\n" + describe_kind(*k);
    } else {
        out += fmt::format("\nCombines: {} of\n", n.type == CheckNode::Type::all_of ? "all" : n.type == CheckNode::Type::any_of ? "any" : "by phase");
        for (const auto& c : n.children) out += fmt::format("  - {} {}\n", c.id, c.title);
    }
    out += fmt::format("\nGaps from this check are ranked {} in the fix order (lower comes first).\n", n.fix_rank);
    return out;
}

std::string describe_criterion(const Criterion& c, const Pack& pack) {
    std::string out = fmt::format("Criterion {} `{}`: {}\n\nIn the words of {}:\n{}\nSource: {}\n\nHow this pack reads it:\n{}",
                                  c.number, c.id, c.title, pack.info.authority, wrap("\u201c" + c.source_wording + "\u201d"),
                                  c.cite, wrap(c.interpretation));
    if (c.applies_when) out += fmt::format("\nNot applicable when {}.\n", c.applies_when->description);
    std::vector<const CheckNode*> checks;
    collect_checks(c.check, checks);
    out += "\nChecks:\n";
    if (c.check.type == CheckNode::Type::by_phase) {
        for (std::size_t i = 0; i < c.check.children.size(); ++i)
            out += fmt::format("  {:<12} {} ({})\n", to_string(c.check.phases[i]), c.check.children[i].title, c.check.children[i].kind);
    } else {
        for (const auto* n : checks)
            out += fmt::format("  {:<28} {}\n", n->id, n->title);
        out += fmt::format("  combined as: {}\n", c.check.type == CheckNode::Type::all_of ? "all of these (an inner any_of needs one)" : "one of these");
    }
    out += fmt::format("\nEvidence {} usually looks for:\n", pack.info.authority);
    for (const auto& e : c.evidence_sought) out += "  - " + e + "\n";
    out += fmt::format("\nPack parameters the checks use: notional SEN budget {}. `ehcp explain CHECK-ID` shows each check's own.\n",
                       format_money(pack.parameters.notional_budget));
    return out;
}

std::string list_everything(const Pack& pack) {
    std::string out = fmt::format("{} ({} {})\n\nCriteria:\n", pack.info.title, pack.info.id, pack.info.version);
    for (const auto& c : pack.criteria) {
        out += fmt::format("  {:<28} {}\n", c.id, c.title);
        std::vector<const CheckNode*> checks;
        collect_checks(c.check, checks);
        for (const auto* n : checks) out += fmt::format("    {:<26} {}\n", n->id, n->title);
    }
    out += "\nIndicators of need:\n";
    for (const auto& i : pack.indicators)
        out += fmt::format("  {:<8} {}{}\n", i.id, i.text.size() > 66 ? i.text.substr(0, 63) + "..." : i.text,
                           i.compelling ? " [compelling]" : "");
    out += "\nEvidence checklist:\n";
    for (const auto& e : pack.evidence) out += fmt::format("  {:<28} {}\n", e.id, e.text);
    out += "\nPractice checks (warnings):\n";
    for (const auto& p : pack.practice) out += fmt::format("  {:<28} {}\n", p.id, p.title);
    out += "\nCheck kinds (C++, parameterised by packs):\n";
    for (const auto& k : builtin_checks().all()) out += fmt::format("  {}\n", k.name);
    out += "\nRun `ehcp explain ID` for any of these.\n";
    return out;
}

int run_explain(const std::string& id, const GlobalOptions& g) {
    Pack pack = load_selected_pack(g);
    if (id.empty()) {
        write_output(g, list_everything(pack));
        return exit_code::ready;
    }
    std::vector<std::string> known;
    for (const auto& c : pack.criteria) {
        if (c.id == id) return write_output(g, describe_criterion(c, pack)), exit_code::ready;
        known.push_back(c.id);
        std::vector<const CheckNode*> checks;
        collect_checks(c.check, checks);
        for (const auto* n : checks) {
            if (n->id == id) return write_output(g, describe_check(*n, &c)), exit_code::ready;
            known.push_back(n->id);
        }
    }
    for (const auto& i : pack.indicators) {
        if (i.id == id) {
            std::string out = fmt::format("Indicator `{}` ({}){}\n\n{}\nSource: {}\n", i.id, i.area,
                                          i.compelling ? " - compelling: always shown at the top of a report" : "",
                                          wrap("\u201c" + i.text + "\u201d"), i.cite);
            if (i.derive) {
                out += fmt::format("\nDerived from data by `{}`", i.derive->kind);
                if (const auto* k = builtin_checks().find(i.derive->kind)) out += ":\n" + wrap(k->summary);
            } else {
                out += "\nNot derivable from the record's data: it is reported when the school declares it (indicators:).\n";
            }
            write_output(g, out);
            return exit_code::ready;
        }
        known.push_back(i.id);
    }
    for (const auto& e : pack.evidence) {
        if (e.id == id) return write_output(g, fmt::format("Evidence item `{}`\n\n{}\n{}", e.id, wrap(e.text), describe_check(e.check, nullptr))), exit_code::ready;
        known.push_back(e.id);
    }
    for (const auto& p : pack.practice) {
        if (p.id == id)
            return write_output(g, fmt::format("Practice check `{}`: {}\n(a warning; never changes readiness)\n\nSource: {}\n\n{}", p.id,
                                               p.title, p.cite, describe_check(p.check, nullptr))),
                   exit_code::ready;
        known.push_back(p.id);
    }
    for (const auto& k : builtin_checks().all()) {
        if (k.name == id) return write_output(g, describe_kind(k)), exit_code::ready;
        known.push_back(k.name);
    }
    auto near = nearest_word(id, known);
    throw UsageError(fmt::format("`{}` is not a criterion, check, indicator, evidence item or check kind of pack `{}`{}; "
                                 "run `ehcp explain` for the list",
                                 id, pack.info.id, near.empty() ? "" : fmt::format("; did you mean `{}`?", near)),
                     exit_code::usage);
}

}  // namespace

Command explain_command() {
    return {"explain", "print a criterion, indicator or check of the rule pack in full", [](CLI::App& sub) {
                auto id = std::make_shared<std::string>();
                sub.add_option("id", *id, "criterion, check, indicator, evidence item or check kind id (none: list them)");
                return [id](const GlobalOptions& g) { return run_explain(*id, g); };
            }};
}

}  // namespace ehcp::cli
