// `ehcp rules diff A B`: what each of two packs asks, side by side, so that an officer or
// a family can see what a request would need in the next authority. Rows are matched by
// id (a criterion, an evidence item, a parameter); a row one pack lacks shows "-".
#include "pack_diff.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ehcp/core/money.hpp"
#include "ehcp/render/format.hpp"

namespace ehcp::cli {

namespace {

// A leaf: "reviewed_cycles: min_cycles 3, progress [none, little], review_within_months 6".
std::string leaf_words(const CheckNode& n) {
    std::string out = n.kind;
    std::string params;
    // `kind` first (a document's kind is what the row is about), then the rest by name.
    std::vector<std::pair<std::string, const ParamValue*>> ordered;
    for (const auto& [name, value] : n.params) ordered.emplace_back(name, &value);
    std::stable_partition(ordered.begin(), ordered.end(), [](const auto& p) { return p.first == "kind"; });
    for (const auto& [name, v] : ordered) {
        const ParamValue& value = *v;
        // A sentence (a manual review's reason) is not a threshold: `ehcp explain` shows it.
        auto text = param_text(value);
        if (std::holds_alternative<std::string>(value.value) && text.size() > 40) text = "(a text)";
        params += fmt::format("{}{} {}", params.empty() ? "" : ", ", name, text);
    }
    return params.empty() ? out : out + ": " + params;
}

// The check tree as lines, indented by depth: "all of:", "any of:", "ks2:", leaves.
void tree_lines(const CheckNode& n, const std::string& indent, const std::string& label, std::vector<std::string>& out) {
    switch (n.type) {
        case CheckNode::Type::leaf:
            out.push_back(indent + label + leaf_words(n));
            return;
        case CheckNode::Type::all_of:
        case CheckNode::Type::any_of:
            if (n.children.size() == 1) return tree_lines(n.children.front(), indent, label, out);
            out.push_back(indent + label + (n.type == CheckNode::Type::all_of ? "all of:" : "any of:"));
            for (const auto& c : n.children) tree_lines(c, indent + "  ", "- ", out);
            return;
        case CheckNode::Type::by_phase:
            if (!label.empty()) out.push_back(indent + label + "by phase:");
            for (std::size_t i = 0; i < n.children.size(); ++i)
                tree_lines(n.children[i], label.empty() ? indent : indent + "  ",
                           std::string(phase_label(n.phases[i])) + ": ", out);
            return;
    }
}

// The readiness rule compactly: "all of: sen, existing-support, any of (...), evidence complete".
std::string rule_words(const ReadinessNode& n) {
    switch (n.type) {
        case ReadinessNode::Type::criterion: {
            std::string out = n.criterion;
            for (auto s : n.also_counts) out += fmt::format(" (or {})", status_words(s));
            return out;
        }
        case ReadinessNode::Type::evidence_complete: return "evidence complete";
        case ReadinessNode::Type::all_of:
        case ReadinessNode::Type::any_of: {
            std::string parts;
            for (const auto& c : n.children) parts += (parts.empty() ? "" : ", ") + rule_words(c);
            return fmt::format("{} ({})", n.type == ReadinessNode::Type::all_of ? "all of" : "any of", parts);
        }
    }
    return {};
}

std::vector<std::string> criterion_lines(const Criterion& c) {
    std::vector<std::string> out{fmt::format("{}. {}", c.number, c.title)};
    if (c.advisory) out.push_back("advisory: shown for information, never gating");
    if (c.applies_when) out.push_back("not applicable when " + c.applies_when->description);
    tree_lines(c.check, "", "", out);
    return out;
}

std::vector<std::string> evidence_lines(const EvidenceSpec& e) {
    std::vector<std::string> out{e.text};
    tree_lines(e.check, "", "", out);
    return out;
}

template <class T, class Id, class Lines>
void by_id(std::vector<PackDiffRow>& rows, const char* section, const std::vector<T>& a, const std::vector<T>& b, Id id,
           Lines lines) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> in_a, in_b;
    for (const auto& x : a) order.push_back(id(x)), in_a[id(x)] = lines(x);
    for (const auto& x : b) {
        if (!in_a.count(id(x))) order.push_back(id(x));
        in_b[id(x)] = lines(x);
    }
    for (const auto& key : order) {
        PackDiffRow row{section, key, std::nullopt, std::nullopt};
        if (auto it = in_a.find(key); it != in_a.end()) row.a = it->second;
        if (auto it = in_b.find(key); it != in_b.end()) row.b = it->second;
        rows.push_back(std::move(row));
    }
}

std::vector<std::string> one(std::string s) { return {std::move(s)}; }

}  // namespace

std::vector<PackDiffRow> pack_diff(const Pack& a, const Pack& b) {
    std::vector<PackDiffRow> rows;
    auto both = [&](const char* section, std::string key, std::vector<std::string> x, std::vector<std::string> y) {
        rows.push_back(PackDiffRow{section, std::move(key), std::move(x), std::move(y)});
    };
    both("Pack", "authority", one(a.info.authority.empty() ? "(any)" : a.info.authority),
         one(b.info.authority.empty() ? "(any)" : b.info.authority));
    both("Pack", "version", one(a.info.version), one(b.info.version));

    const auto& pa = a.parameters;
    const auto& pb = b.parameters;
    both("Parameters", "notional SEN budget", one(format_money(pa.notional_budget)), one(format_money(pb.notional_budget)));
    both("Parameters", "school weeks per year", one(format_number(pa.facts.school_weeks_per_year)),
         one(format_number(pb.facts.school_weeks_per_year)));
    auto timeline = [](const PackParameters& p) {
        return one(fmt::format("{}, {} and {} weeks", p.facts.assess_weeks, p.facts.issue_weeks, p.facts.final_plan_weeks));
    };
    both("Parameters", "statutory timeline", timeline(pa), timeline(pb));
    std::set<Deliverer> who;
    for (const auto& [d, rate] : pa.facts.default_hourly_rates) who.insert(d);
    for (const auto& [d, rate] : pb.facts.default_hourly_rates) who.insert(d);
    for (auto d : who) {
        auto rate = [&](const PackParameters& p) -> std::optional<std::vector<std::string>> {
            auto it = p.facts.default_hourly_rates.find(d);
            if (it == p.facts.default_hourly_rates.end()) return std::nullopt;
            return one(format_money(it->second) + " an hour");
        };
        std::string who_words(to_string(d));
        std::replace(who_words.begin(), who_words.end(), '_', ' ');
        rows.push_back(PackDiffRow{"Parameters", "default rate, " + who_words, rate(pa), rate(pb)});
    }

    both("Readiness rule", "ready when", one(rule_words(a.readiness)), one(rule_words(b.readiness)));

    // The document kinds a pack adds to the record format's (Norfolk's INDES, ...).
    auto kinds = [](const Pack& p) {
        std::vector<std::string> lines;
        for (const auto& k : p.document_kinds) lines.push_back(fmt::format("{}: {}", k.id, k.label));
        if (lines.empty()) lines.push_back("none");
        return lines;
    };
    both("Document kinds the pack adds", "document kinds", kinds(a), kinds(b));

    by_id(rows, "Criteria", a.criteria, b.criteria, [](const Criterion& c) { return c.id; }, criterion_lines);
    by_id(rows, "Evidence checklist", a.evidence, b.evidence, [](const EvidenceSpec& e) { return e.id; }, evidence_lines);
    by_id(rows, "Practice checks (never change readiness)", a.practice, b.practice,
          [](const PracticeSpec& p) { return p.id; }, [](const PracticeSpec& p) { return one(p.title); });
    auto indicators = [](const Pack& p) {
        std::string ids;
        for (const auto& i : p.indicators) ids += (ids.empty() ? "" : ", ") + i.id;
        return one(p.indicators.empty() ? "none" : fmt::format("{}: {}", p.indicators.size(), ids));
    };
    both("Indicators of need", "indicators", indicators(a), indicators(b));
    return rows;
}

std::string pack_diff_text(const Pack& a, const Pack& b, bool only_differences) {
    constexpr std::size_t key_width = 24, col = 35;
    std::string out = fmt::format("Rule packs side by side: A is `{}`, B is `{}`. Rows marked * differ.\n", a.info.id, b.info.id);
    out += wrap_text(fmt::format("A: {} ({} {}), {}", a.info.title, a.info.id, a.info.version, a.dir.string()), 100, "  ", "     ") + "\n";
    out += wrap_text(fmt::format("B: {} ({} {}), {}", b.info.title, b.info.id, b.info.version, b.dir.string()), 100, "  ", "     ") + "\n";
    std::string section;
    std::size_t shown = 0, differ = 0;
    for (const auto& row : pack_diff(a, b)) {
        if (!row.same()) ++differ;
        if (only_differences && row.same()) continue;
        ++shown;
        if (row.section != section) {
            section = row.section;
            out += fmt::format("\n{}\n  {}{}{}\n", section, pad_right("", key_width + 2), pad_right(a.info.id, col + 2), b.info.id);
        }
        auto cell = [&](const std::optional<std::vector<std::string>>& lines) {
            std::vector<std::string> out_lines;
            if (!lines) return std::vector<std::string>{"-"};
            for (const auto& l : *lines) {
                // Keep a line's indentation on every wrapped line of it.
                auto lead = l.find_first_not_of(' ');
                std::string indent(lead == std::string::npos ? 0 : lead, ' ');
                for (auto& w : wrap_lines(l.substr(indent.size()), col, indent, indent + "  ")) out_lines.push_back(w);
            }
            return out_lines;
        };
        // A key longer than its column (an id has no spaces to wrap at) is cut into pieces.
        std::vector<std::string> left;
        for (const auto& piece : wrap_lines(row.key, key_width))
            for (std::size_t at = 0; at < piece.size(); at += key_width) left.push_back(piece.substr(at, key_width));
        auto ca = cell(row.a), cb = cell(row.b);
        std::size_t n = std::max({left.size(), ca.size(), cb.size()});
        for (std::size_t i = 0; i < n; ++i) {
            std::string line = fmt::format("{} {}  {}  {}", i == 0 && !row.same() ? "*" : " ",
                                           pad_right(i < left.size() ? left[i] : "", key_width),
                                           pad_right(i < ca.size() ? ca[i] : "", col), i < cb.size() ? cb[i] : "");
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
        }
    }
    if (only_differences && shown == 0) out += "\nThe two packs ask the same on every row.\n";
    out += "\n" + wrap_text(fmt::format("{} of the rows differ. `ehcp rules show PACK` gives a pack's sources; `ehcp explain "
                                        "KIND` a check kind's parameters.",
                                        differ),
                            100) +
           "\n";
    return out;
}

std::string pack_diff_json(const Pack& a, const Pack& b, bool only_differences) {
    using nlohmann::ordered_json;
    auto pack_json = [](const Pack& p) {
        return ordered_json{{"id", p.info.id},
                            {"version", p.info.version},
                            {"title", p.info.title},
                            {"authority", p.info.authority},
                            {"folder", p.dir.string()}};
    };
    ordered_json rows = ordered_json::array();
    for (const auto& row : pack_diff(a, b)) {
        if (only_differences && row.same()) continue;
        auto lines = [](const std::optional<std::vector<std::string>>& l) { return l ? ordered_json(*l) : ordered_json(nullptr); };
        rows.push_back(ordered_json{{"section", row.section},
                                    {"key", row.key},
                                    {"a", lines(row.a)},
                                    {"b", lines(row.b)},
                                    {"same", row.same()}});
    }
    ordered_json out{{"format", "ehcp-rules-diff/1"}, {"a", pack_json(a)}, {"b", pack_json(b)}, {"rows", std::move(rows)}};
    return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace ehcp::cli
