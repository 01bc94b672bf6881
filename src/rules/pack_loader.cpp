// Loads rules/<pack>/*.yaml into a validated Pack. Every problem is a diagnostic with
// file, line and column; a pack with errors is not used (PackError).
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <algorithm>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "ehcp/core/diagnostic.hpp"
#include "ehcp/core/inert_text.hpp"
#include "ehcp/load/suggest.hpp"
#include "ehcp/rules/pack.hpp"

namespace ehcp {

namespace fs = std::filesystem;

PackError::PackError(std::vector<Diagnostic> d)
    : std::runtime_error(d.empty() ? "rule pack error" : format_diagnostic(d.front())), diagnostics(std::move(d)) {}

std::vector<std::string> Pack::indicator_ids() const {
    std::vector<std::string> ids;
    for (const auto& i : indicators) ids.push_back(i.id);
    return ids;
}

std::vector<std::string> Pack::document_kind_ids() const {
    std::vector<std::string> ids;
    for (const auto& k : document_kinds) ids.push_back(k.id);
    return ids;
}

std::string Pack::source_address(const std::string& id) const {
    for (const auto& s : sources)
        if (s.id == id) return s.address;
    return {};
}

const Criterion* Pack::criterion(const std::string& id) const {
    for (const auto& c : criteria)
        if (c.id == id) return &c;
    return nullptr;
}

std::vector<fs::path> pack_search_path() {
    std::vector<fs::path> out;
    if (const char* env = std::getenv("EHCP_RULES_PATH")) {
        std::string s = env;
        std::size_t pos = 0;
        while (pos <= s.size()) {
            auto next = s.find(':', pos);
            auto part = s.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
            if (!part.empty()) out.emplace_back(part);
            if (next == std::string::npos) break;
            pos = next + 1;
        }
    }
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // <prefix>/bin/ehcp -> <prefix>/share/ehcp/rules
        out.push_back(exe.parent_path().parent_path() / EHCP_INSTALL_RULES_RELATIVE);
    }
    out.emplace_back(EHCP_SOURCE_RULES_DIR);
    return out;
}

std::optional<fs::path> find_pack(const std::string& name_or_dir) {
    std::error_code ec;
    fs::path given{name_or_dir};
    if (fs::is_regular_file(given / "pack.yaml", ec)) return given;
    if (given.filename() == "pack.yaml" && fs::is_regular_file(given, ec)) return given.parent_path();
    if (name_or_dir.find('/') != std::string::npos) return std::nullopt;
    for (const auto& dir : pack_search_path())
        if (fs::is_regular_file(dir / name_or_dir / "pack.yaml", ec)) return dir / name_or_dir;
    return std::nullopt;
}

namespace {

// A pack is untrusted input like a record: a pack file is at most this big, nests at most
// this deep, and uses no aliases (an alias cycle would make every walk of the tree endless).
constexpr std::size_t kMaxPackFileBytes = 4u << 20;
constexpr int kMaxPackDepth = 32;

// The first alias or the first place nesting passes kMaxPackDepth, found from the parser's
// events before any tree is built (yaml-cpp's own tree would share the cycle).
class PackShapeScan : public YAML::EventHandler {
public:
    std::optional<std::pair<YAML::Mark, std::string>> problem;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        note(mark, "a rule pack cannot use aliases (`*name`); write the values out");
    }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(mark);
    }
    void OnSequenceEnd() override { --depth_; }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(mark);
    }
    void OnMapEnd() override { --depth_; }

private:
    void open(const YAML::Mark& mark) {
        if (++depth_ > kMaxPackDepth)
            note(mark, fmt::format("the lists and maps nest more than {} levels deep here", kMaxPackDepth));
    }
    void note(const YAML::Mark& mark, std::string message) {
        if (!problem) problem = std::make_pair(mark, std::move(message));
    }
    int depth_ = 0;
};

// Reads one pack file, remembering where each problem is.
class PackReader {
public:
    explicit PackReader(std::vector<Diagnostic>& diags) : diags_(diags) {}

    // The file's top-level map, or nullopt with a pack error: a pack file that is a scalar,
    // a list or empty cannot be read further.
    std::optional<YAML::Node> open(const fs::path& file) {
        file_ = file.string();
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            error(fmt::format("cannot read rule pack file {}: {}", file_,
                              fs::exists(file, ec) ? "it is not a regular file" : "it does not exist"),
                  "", 0, 0, "check the pack folder is complete");
            return std::nullopt;
        }
        std::ifstream in(file, std::ios::binary);
        std::string text(kMaxPackFileBytes + 1, '\0');
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
        if (in.bad()) {
            error(fmt::format("cannot read rule pack file {}", file_), "", 0, 0, "check the pack folder is complete");
            return std::nullopt;
        }
        if (text.size() > kMaxPackFileBytes) {
            error(fmt::format("rule pack file {} is larger than {} bytes", file_, kMaxPackFileBytes), "", 1, 1,
                  "a pack file is a few kilobytes of YAML; check it is the right file");
            return std::nullopt;
        }
        try {
            {
                std::istringstream events(text);
                YAML::Parser parser(events);
                PackShapeScan scan;
                parser.HandleNextDocument(scan);
                if (scan.problem) {
                    error(scan.problem->second, "", scan.problem->first.line + 1, scan.problem->first.column + 1, "");
                    return std::nullopt;
                }
            }
            YAML::Node root = YAML::Load(text);
            if (!root.IsMap()) {
                error(root.IsNull() || !root.IsDefined() ? "the rule pack file is empty"
                      : root.IsSequence()               ? "the rule pack file is a list; it must be a map of keys"
                                                        : "the rule pack file is a single value; it must be a map of keys",
                      "", root.IsNull() ? 1 : root.Mark().line + 1, root.IsNull() ? 1 : root.Mark().column + 1,
                      "see docs/rule-packs.md for the keys of each pack file");
                return std::nullopt;
            }
            return root;
        } catch (const YAML::Exception& e) {
            error(fmt::format("not valid YAML: {}", e.msg), "", e.mark.line + 1, e.mark.column + 1, "");
        }
        return std::nullopt;
    }

    void error(const std::string& message, const std::string& path, int line, int column, const std::string& fix) {
        diags_.push_back(Diagnostic{Severity::error, "pack.invalid", message, path, file_, line, column, fix});
    }
    void error_at(const YAML::Node& node, const std::string& path, const std::string& message, const std::string& fix = "") {
        auto m = node.Mark();
        error(message, path, m.line + 1, m.column + 1, fix);
    }

    // Every key of a map must be one we read; the rest are pack errors, not surprises.
    void only_keys(const YAML::Node& map, const std::string& path, std::initializer_list<const char*> keys) {
        if (!map.IsMap()) return;
        for (auto it = map.begin(); it != map.end(); ++it) {
            auto key = it->first.Scalar();
            bool known = false;
            for (auto k : keys) known = known || key == k;
            if (!known) {
                std::string list;
                for (auto k : keys) list += std::string(list.empty() ? "" : ", ") + k;
                error_at(it->first, path, fmt::format("unknown key `{}`", key), "use one of: " + list);
            }
        }
    }

    std::string text(const YAML::Node& map, const std::string& key, const std::string& path, bool required = true) {
        auto n = map[key];
        if (!n || n.IsNull()) {
            if (required) error_at(map, path + "." + key, fmt::format("`{}` is required", key));
            return {};
        }
        if (!n.IsScalar()) {
            error_at(n, path + "." + key, fmt::format("`{}` must be text", key));
            return {};
        }
        // Pack texts are printed in every report: no terminal escapes, no bidi overrides.
        if (auto c = find_control(n.Scalar(), true)) {
            error_at(n, path + "." + key, fmt::format("`{}` holds the control character {}", key, describe_control(c->code)),
                     "remove it");
            return {};
        }
        return n.Scalar();
    }

    // A number from `min` to `max` (and a whole one when `whole`): everything computed from a
    // pack parameter stays finite and far from overflow because of these bounds.
    std::optional<double> number(const YAML::Node& map, const std::string& key, const std::string& path,
                                 double min = -1e9, double max = 1e9, bool whole = false) {
        auto n = map[key];
        if (!n) return std::nullopt;
        double v = 0;
        try {
            v = n.as<double>();
        } catch (const YAML::Exception&) {
            error_at(n, path + "." + key, fmt::format("`{}` must be a number", key));
            return std::nullopt;
        }
        if (!std::isfinite(v) || v < min || v > max || (whole && v != std::floor(v))) {
            error_at(n, path + "." + key,
                     fmt::format("`{}` is `{}`; it must be a {} from {} to {}", key, n.Scalar(),
                                 whole ? "whole number" : "number", min, max),
                     fmt::format("give `{}` a value from {} to {}", key, min, max));
            return std::nullopt;
        }
        return v;
    }

    // true/false only: a pack is read strictly, so `yes please` is an error, not false.
    bool flag(const YAML::Node& map, const std::string& key, const std::string& path) {
        auto n = map[key];
        if (!n) return false;
        if (n.IsScalar() && (n.Scalar() == "true" || n.Scalar() == "false")) return n.Scalar() == "true";
        error_at(n, path + "." + key, fmt::format("`{}` must be true or false", key), "use true or false");
        return false;
    }

    // The list under `key`, or an empty one with a pack error when it is something else
    // (a map or a single value would be indexed as if it were a list).
    YAML::Node list_of(const YAML::Node& map, const std::string& key) {
        auto n = map[key];
        if (!n || n.IsNull() || n.IsSequence()) return n && n.IsSequence() ? n : YAML::Node(YAML::NodeType::Sequence);
        error_at(n, key, fmt::format("`{}` must be a list of entries, each starting with `- `", key));
        return YAML::Node(YAML::NodeType::Sequence);
    }

    // Each id used once within its list.
    void unique_id(std::vector<std::string>& seen, const std::string& id, const YAML::Node& at, const std::string& path) {
        if (std::find(seen.begin(), seen.end(), id) != seen.end())
            error_at(at, path + ".id", fmt::format("id `{}` is used twice", id), "give each entry its own id");
        seen.push_back(id);
    }

    const std::string& file() const { return file_; }
    void set_file(std::string file) { file_ = std::move(file); }

private:
    std::vector<Diagnostic>& diags_;
    std::string file_;
};

ParamMap read_params(PackReader& r, const YAML::Node& node, const std::string& path) {
    ParamMap out;
    if (!node) return out;
    if (!node.IsMap()) {
        r.error_at(node, path, "`params` must be a map of parameter names to values");
        return out;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        YAML::Node v = it->second;  // a copy: `it->` returns a proxy that dies with the statement
        ParamValue pv;
        pv.line = v.Mark().line + 1;
        pv.column = v.Mark().column + 1;
        if (v.IsSequence()) {
            std::vector<std::string> words;
            for (const auto& w : v) words.push_back(w.Scalar());
            pv.value = words;
        } else if (v.IsScalar()) {
            const auto& s = v.Scalar();
            char* end = nullptr;
            double d = std::strtod(s.c_str(), &end);
            if (v.Tag() != "!" && !s.empty() && end == s.c_str() + s.size() && !(std::isfinite(d) && std::fabs(d) <= 1e9)) {
                // inf, nan, 1e999 or 1e300: no threshold is that, and check kinds convert to int.
                r.error_at(v, path + "." + it->first.Scalar(),
                           fmt::format("parameter `{}` is `{}`, not a finite number from -1e9 to 1e9", it->first.Scalar(), s),
                           "give a plain number such as 70 or 1.5");
                continue;
            }
            if (v.Tag() != "!" && !s.empty() && end == s.c_str() + s.size())
                pv.value = d;
            else if (v.Tag() != "!" && (s == "true" || s == "false"))
                pv.value = (s == "true");
            else
                pv.value = s;
        } else {
            r.error_at(v, path + "." + it->first.Scalar(), "a parameter must be a number, a word, true/false or a list");
            continue;
        }
        out[it->first.Scalar()] = pv;
    }
    return out;
}

std::optional<Phase> phase_named(const std::string& s) { return parse_enum<Phase>(s); }

CheckNode read_check(PackReader& r, const YAML::Node& node, const std::string& path, const CheckKindRegistry& kinds) {
    CheckNode out;
    if (!node.IsMap()) {
        r.error_at(node, path, "a check must be a map with `check:` (a kind), `all_of:`, `any_of:` or `by_phase:`");
        return out;
    }
    if (node["all_of"] || node["any_of"]) {
        bool all = static_cast<bool>(node["all_of"]);
        auto list = all ? node["all_of"] : node["any_of"];
        out.type = all ? CheckNode::Type::all_of : CheckNode::Type::any_of;
        out.id = r.text(node, "id", path, false);
        out.title = r.text(node, "title", path, false);
        out.insufficient_first = r.flag(node, "insufficient_first", path);
        r.only_keys(node, path, {"all_of", "any_of", "id", "title", "insufficient_first"});
        if (!list.IsSequence() || list.size() == 0) {
            r.error_at(list, path, fmt::format("`{}` must be a non-empty list of checks", all ? "all_of" : "any_of"));
            return out;
        }
        for (std::size_t i = 0; i < list.size(); ++i)
            out.children.push_back(read_check(r, list[i], fmt::format("{}.{}[{}]", path, all ? "all_of" : "any_of", i), kinds));
        return out;
    }
    if (node["by_phase"]) {
        out.type = CheckNode::Type::by_phase;
        out.id = r.text(node, "id", path, false);
        out.title = r.text(node, "title", path, false);
        r.only_keys(node, path, {"by_phase", "id", "title"});
        auto phases = node["by_phase"];
        std::set<Phase> seen;
        for (auto it = phases.begin(); it != phases.end(); ++it) {
            auto name = it->first.Scalar();
            auto phase = phase_named(name);
            if (!phase) {
                r.error_at(it->first, path + ".by_phase", fmt::format("`{}` is not a phase", name),
                           "use one of: " + allowed_values<Phase>());
                continue;
            }
            seen.insert(*phase);
            out.phases.push_back(*phase);
            out.children.push_back(read_check(r, it->second, path + ".by_phase." + name, kinds));
        }
        if (seen.size() != EnumNames<Phase>::names.size())
            r.error_at(phases, path + ".by_phase", "`by_phase` must give a check for every phase",
                       "give all of: " + allowed_values<Phase>());
        return out;
    }
    r.only_keys(node, path, {"id", "check", "title", "fix_rank", "params"});
    out.type = CheckNode::Type::leaf;
    out.id = r.text(node, "id", path, false);
    out.title = r.text(node, "title", path, false);
    out.kind = r.text(node, "check", path);
    if (auto rank = r.number(node, "fix_rank", path, 0, 1000, true)) out.fix_rank = static_cast<int>(*rank);
    const CheckKind* kind = kinds.find(out.kind);
    if (!kind) {
        if (!out.kind.empty())
            r.error_at(node["check"], path + ".check", fmt::format("unknown check kind `{}`", out.kind),
                       kinds.nearest(out.kind).empty() ? "run `ehcp explain` for the list of check kinds"
                                                       : fmt::format("did you mean `{}`?", kinds.nearest(out.kind)));
        return out;
    }
    auto params = read_params(r, node["params"], path + ".params");
    out.params = params;
    auto params_node = node["params"] ? node["params"] : node;
    std::string file = r.file();
    ParamReader reader(params, [&](const std::string& message, int line, int column) {
        if (line == 0) {
            line = params_node.Mark().line + 1;
            column = params_node.Mark().column + 1;
        }
        r.error(fmt::format("check `{}` ({}): {}", out.id.empty() ? out.kind : out.id, out.kind, message), path + ".params",
                line, column, "see `ehcp explain " + out.kind + "` for its parameters");
    });
    out.evaluate = kind->compile(reader);
    reader.finish();
    return out;
}

// The `document` check's kinds (`kind`, `also_kinds`) must be built in or declared by the
// pack (pack.yaml document_kinds): a misspelt kind would otherwise never be found.
void check_document_kinds(PackReader& r, const CheckNode& n, const std::vector<DocumentKindSpec>& declared, const std::string& path) {
    for (const auto& c : n.children) check_document_kinds(r, c, declared, path);
    if (n.type != CheckNode::Type::leaf || n.kind != "document") return;
    std::vector<std::string> known;
    for (auto k : EnumNames<DocumentKind>::names) known.emplace_back(k);
    for (const auto& k : declared) known.push_back(k.id);
    auto check_word = [&](const std::string& word, const ParamValue& at) {
        if (std::find(known.begin(), known.end(), word) != known.end()) return;
        std::vector<std::string_view> candidates(known.begin(), known.end());
        std::string listed;
        for (const auto& k : known) listed += (listed.empty() ? "" : ", ") + k;
        auto close = closest_name(word, candidates);
        std::string near = close ? close->name : std::string();
        r.error(fmt::format("check `{}` (document): `{}` is not a document kind of this pack; the kinds are: {}",
                            n.id.empty() ? n.kind : n.id, word, listed),
                path + ".params", at.line, at.column,
                near.empty() ? "declare it in pack.yaml under `document_kinds:` with an id and a label"
                             : fmt::format("did you mean `{}`? Or declare it in pack.yaml under `document_kinds:`", near));
    };
    for (const auto& [name, value] : n.params) {
        if (name != "kind" && name != "also_kinds") continue;
        if (const auto* w = std::get_if<std::string>(&value.value)) check_word(*w, value);
        if (const auto* ws = std::get_if<std::vector<std::string>>(&value.value))
            for (const auto& w : *ws) check_word(w, value);
    }
}

ReadinessNode read_readiness(PackReader& r, const YAML::Node& node, const std::string& path) {
    ReadinessNode out;
    // `criterion: ID` may say which other statuses also count (`also_counts: [manual_review]`)
    // and what the report says when one does (`note:`).
    bool criterion_with_options = node.IsMap() && node["criterion"] && node.size() <= 3;
    if (criterion_with_options) {
        r.only_keys(node, path, {"criterion", "also_counts", "note"});
        if (auto statuses = node["also_counts"]) {
            for (std::size_t i = 0; i < statuses.size(); ++i) {
                auto st = statuses[i].IsScalar() ? parse_enum<Status>(statuses[i].Scalar()) : std::nullopt;
                if (!st || *st == Status::met)
                    r.error_at(statuses[i], path + ".also_counts", "`also_counts` lists statuses other than met: not_met, "
                               "insufficient_evidence, not_applicable, manual_review");
                else
                    out.also_counts.push_back(*st);
            }
        }
        out.note = r.text(node, "note", path, false);
    }
    if (!node.IsMap() || (node.size() != 1 && !criterion_with_options)) {
        r.error_at(node, path, "each readiness rule is one of `criterion: ID`, `evidence_complete: true`, `all_of: [...]`, `any_of: [...]`");
        return out;
    }
    if (node["evidence_complete"] && !r.flag(node, "evidence_complete", path))
        r.error_at(node, path, "`evidence_complete` can only be true here", "remove the rule, or write `evidence_complete: true`");
    if (node["criterion"]) {
        out.type = ReadinessNode::Type::criterion;
        out.criterion = node["criterion"].Scalar();
    } else if (node["evidence_complete"]) {
        out.type = ReadinessNode::Type::evidence_complete;
    } else if (node["all_of"] || node["any_of"]) {
        bool all = static_cast<bool>(node["all_of"]);
        out.type = all ? ReadinessNode::Type::all_of : ReadinessNode::Type::any_of;
        auto list = all ? node["all_of"] : node["any_of"];
        for (std::size_t i = 0; i < list.size(); ++i)
            out.children.push_back(read_readiness(r, list[i], fmt::format("{}[{}]", path, i)));
    } else {
        r.error_at(node, path, "a readiness rule is `criterion: ID`, `evidence_complete: true`, `all_of: [...]` or `any_of: [...]`");
    }
    return out;
}

void check_readiness_ids(PackReader& r, const ReadinessNode& n, const Pack& pack, const YAML::Node& at) {
    const Criterion* named = n.type == ReadinessNode::Type::criterion ? pack.criterion(n.criterion) : nullptr;
    if (n.type == ReadinessNode::Type::criterion && !named)
        r.error_at(at, "readiness", fmt::format("readiness names criterion `{}`, which the pack does not define", n.criterion));
    if (named && named->advisory)
        r.error_at(at, "readiness",
                   fmt::format("readiness names criterion `{}`, which is advisory (shown for information, never gating)", n.criterion),
                   fmt::format("remove `criterion: {}` from the readiness rule, or remove `advisory: true` from the criterion", n.criterion));
    for (const auto& c : n.children) check_readiness_ids(r, c, pack, at);
}

std::vector<std::string> string_list(PackReader& r, const YAML::Node& node, const std::string& path) {
    std::vector<std::string> out;
    if (!node) return out;
    if (!node.IsSequence()) {
        r.error_at(node, path, "must be a list");
        return out;
    }
    for (const auto& n : node) out.push_back(n.Scalar());
    return out;
}

// A part's path (criteria:, tests: ...) names a file inside the pack's folder: relative,
// without `..`, and not a symlink that leads out of it, so a pack cannot read other files.
bool inside_pack(PackReader& r, const fs::path& dir, const std::string& name, const YAML::Node& at, const char* key) {
    fs::path given{name};
    bool climbs = false;
    for (const auto& part : given) climbs = climbs || part == "..";
    std::string why;
    if (given.is_absolute()) why = "is an absolute path";
    else if (climbs) why = "climbs out with `..`";
    else {
        std::error_code ec1, ec2;
        fs::path base = fs::weakly_canonical(dir, ec1);
        fs::path real = fs::weakly_canonical(dir / given, ec2);
        auto [b, p] = std::mismatch(base.begin(), base.end(), real.begin(), real.end());
        if (ec1 || ec2 || b != base.end() || p == real.end()) why = "leads outside the pack's folder (through a symlink)";
    }
    if (why.empty()) return true;
    r.error_at(at, key, fmt::format("`{}: {}` {}; a pack's files must be inside its own folder", key, name, why),
               "give a path relative to the pack's folder, such as `criteria.yaml`");
    return false;
}

Pack load_pack_from(const fs::path& dir, std::vector<Diagnostic>& diags, PackReader& r);

}  // namespace

Pack load_pack(const fs::path& dir) {
    std::vector<Diagnostic> diags;
    PackReader r(diags);
    try {
        return load_pack_from(dir, diags, r);
    } catch (const YAML::Exception& e) {
        // A shape the reader did not expect (a list where a map belongs...): a pack error
        // at the place yaml-cpp knows, never an internal error.
        int line = e.mark.is_null() ? 0 : e.mark.line + 1, column = e.mark.is_null() ? 0 : e.mark.column + 1;
        diags.push_back(Diagnostic{Severity::error, "pack.invalid",
                                   fmt::format("the pack cannot be read: {} (a value of the wrong kind: a list, a map "
                                               "or a single value where another is expected)",
                                               e.msg),
                                   "", r.file(), line, column, "see docs/rule-packs.md for the shape of each pack file"});
        throw PackError(diags);
    }
}

namespace {

Pack load_pack_from(const fs::path& dir, std::vector<Diagnostic>& diags, PackReader& r) {
    const auto& kinds = builtin_checks();
    Pack pack;
    pack.dir = dir;

    auto root = r.open(dir / "pack.yaml");
    if (!root) throw PackError(diags);
    r.only_keys(*root, "", {"pack", "id", "version", "title", "authority", "sources", "statement", "legal_test",
                            "readiness_caveat", "own_request", "rights", "criteria_name", "request_always_possible",
                            "document_kinds", "parameters", "readiness", "criteria", "indicators", "evidence", "practice", "tests"});
    if (r.text(*root, "pack", "") != "ehcp-pack/1")
        r.error_at(*root, "pack", "this is not an ehcp-pack/1 rule pack", "start pack.yaml with `pack: ehcp-pack/1`");
    pack.info.id = r.text(*root, "id", "");
    pack.info.version = r.text(*root, "version", "");
    pack.info.title = r.text(*root, "title", "");
    pack.info.authority = r.text(*root, "authority", "");
    pack.info.readiness_statement = r.text(*root, "statement", "");
    pack.info.legal_test = r.text(*root, "legal_test", "");
    pack.info.readiness_caveat = r.text(*root, "readiness_caveat", "", false);
    pack.info.own_request = r.text(*root, "own_request", "", false);
    pack.info.rights = r.text(*root, "rights", "", false);
    pack.info.criteria_name = r.text(*root, "criteria_name", "", false);
    pack.info.request_always_possible = r.flag(*root, "request_always_possible", "");
    auto sources = (*root)["sources"];
    for (std::size_t i = 0; i < sources.size(); ++i) {
        auto path = fmt::format("sources[{}]", i);
        r.only_keys(sources[i], path, {"id", "file", "title", "address"});
        pack.sources.push_back(RuleSource{r.text(sources[i], "id", path), r.text(sources[i], "file", path, false), r.text(sources[i], "title", path),
                                          r.text(sources[i], "address", path, false)});
        // An address is printed as a link in Markdown and HTML: a web address, one word.
        const auto& address = pack.sources.back().address;
        bool web = address.rfind("https://", 0) == 0 || address.rfind("http://", 0) == 0;
        if (!address.empty() && (!web || address.find_first_of(" \t\"<>`") != std::string::npos))
            r.error_at(sources[i]["address"], path + ".address",
                       fmt::format("source address `{}` is not a web address", address),
                       "give the page's address as it appears in a browser, starting with https://");
        for (std::size_t j = 0; j + 1 < pack.sources.size(); ++j)
            if (pack.sources[j].id == pack.sources.back().id)
                r.error_at(sources[i], path + ".id", fmt::format("source id `{}` is used twice", pack.sources.back().id));
        pack.info.sources.push_back({pack.sources.back().id, pack.sources.back().title, address});
    }
    // `source: ID` on a criterion or an evidence item names one of these, so that the
    // report can give the cited document's address beside its cite.
    auto source_ref = [&](const YAML::Node& n, const std::string& path) -> std::string {
        auto id = r.text(n, "source", path, false);
        if (id.empty()) return id;
        for (const auto& s : pack.sources)
            if (s.id == id) return id;
        std::string listed;
        for (const auto& s : pack.sources) listed += (listed.empty() ? "" : ", ") + s.id;
        r.error_at(n["source"], path + ".source", fmt::format("source `{}` is not one of the pack's sources", id),
                   listed.empty() ? "list the document under `sources:` in pack.yaml" : "use one of: " + listed);
        return {};
    };

    // Document kinds the pack adds: a lower-case word each, not a built-in kind, used once.
    auto doc_kinds = r.list_of(*root, "document_kinds");
    for (std::size_t i = 0; i < doc_kinds.size(); ++i) {
        auto path = fmt::format("document_kinds[{}]", i);
        r.only_keys(doc_kinds[i], path, {"id", "label"});
        DocumentKindSpec k{r.text(doc_kinds[i], "id", path), r.text(doc_kinds[i], "label", path)};
        bool word = !k.id.empty() && std::all_of(k.id.begin(), k.id.end(), [](unsigned char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }) && k.id.front() >= 'a' && k.id.front() <= 'z';
        if (!k.id.empty() && !word)
            r.error_at(doc_kinds[i]["id"], path + ".id",
                       fmt::format("document kind `{}` must be a lower-case word of letters, digits and underscores", k.id),
                       "write it as a record would, e.g. `family_conversation_form`");
        else if (parse_enum<DocumentKind>(k.id))
            r.error_at(doc_kinds[i]["id"], path + ".id",
                       fmt::format("document kind `{}` is built into the record format already", k.id),
                       "remove it from document_kinds; the built-in kinds are: " + allowed_values<DocumentKind>());
        for (const auto& other : pack.document_kinds)
            if (other.id == k.id) r.error_at(doc_kinds[i], path + ".id", fmt::format("document kind `{}` is declared twice", k.id));
        pack.document_kinds.push_back(std::move(k));
    }

    auto params = (*root)["parameters"];
    r.only_keys(params, "parameters", {"notional_budget", "school_weeks_per_year", "timeline_weeks", "default_hourly_rates"});
    // Ranges (docs/rule-packs.md): the same bounds as a record's money and weeks.
    if (auto v = r.number(params, "notional_budget", "parameters", 0, 10'000'000)) pack.parameters.notional_budget = *v;
    if (auto v = r.number(params, "school_weeks_per_year", "parameters", 1, 53)) pack.parameters.facts.school_weeks_per_year = *v;
    auto tl = params["timeline_weeks"];
    r.only_keys(tl, "parameters.timeline_weeks", {"decide_to_assess", "decide_to_issue", "final_plan"});
    if (auto v = r.number(tl, "decide_to_assess", "parameters.timeline_weeks", 1, 104, true)) pack.parameters.facts.assess_weeks = static_cast<int>(*v);
    if (auto v = r.number(tl, "decide_to_issue", "parameters.timeline_weeks", 1, 104, true)) pack.parameters.facts.issue_weeks = static_cast<int>(*v);
    if (auto v = r.number(tl, "final_plan", "parameters.timeline_weeks", 1, 104, true)) pack.parameters.facts.final_plan_weeks = static_cast<int>(*v);
    auto rates = params["default_hourly_rates"];
    for (auto it = rates.begin(); it != rates.end(); ++it) {
        auto who = parse_enum<Deliverer>(it->first.Scalar());
        if (!who) {
            r.error_at(it->first, "parameters.default_hourly_rates", fmt::format("`{}` is not a kind of deliverer", it->first.Scalar()),
                       "use one of: " + allowed_values<Deliverer>());
            continue;
        }
        if (auto v = r.number(rates, it->first.Scalar(), "parameters.default_hourly_rates", 0, 10'000))
            pack.parameters.facts.default_hourly_rates[*who] = *v;
    }

    // criteria.yaml
    std::string main_file = r.file();
    auto part = [&](const char* key) -> std::optional<YAML::Node> {
        auto name = r.text(*root, key, "");
        if (name.empty()) return std::nullopt;
        r.set_file(main_file);
        if (!inside_pack(r, dir, name, (*root)[key], key)) return std::nullopt;
        return r.open(dir / name);
    };
    auto criteria_doc = part("criteria");
    if (auto& doc = criteria_doc) {
        r.only_keys(*doc, "", {"criteria"});
        auto list = r.list_of(*doc, "criteria");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto n = list[i];
            auto path = fmt::format("criteria[{}]", i);
            r.only_keys(n, path, {"id", "number", "title", "cite", "source_wording", "interpretation", "evidence_sought",
                                  "applies_when", "check", "advisory", "source"});
            Criterion c;
            c.advisory = r.flag(n, "advisory", path);
            c.id = r.text(n, "id", path);
            c.number = static_cast<int>(r.number(n, "number", path, 1, 1000, true).value_or(static_cast<double>(i + 1)));
            c.title = r.text(n, "title", path);
            c.cite = r.text(n, "cite", path);
            c.source = source_ref(n, path);
            c.source_wording = r.text(n, "source_wording", path);
            c.interpretation = r.text(n, "interpretation", path);
            c.evidence_sought = string_list(r, n["evidence_sought"], path + ".evidence_sought");
            if (auto a = n["applies_when"]) {
                r.only_keys(a, path + ".applies_when", {"areas_of_need", "wellbeing_evidence", "min_age", "description"});
                Applicability app;
                for (const auto& w : string_list(r, a["areas_of_need"], path + ".applies_when.areas_of_need")) {
                    if (auto e = parse_enum<AreaOfNeed>(w)) app.areas_of_need.push_back(*e);
                    else r.error_at(a["areas_of_need"], path + ".applies_when.areas_of_need", fmt::format("`{}` is not an area of need", w),
                                    "use one of: " + allowed_values<AreaOfNeed>());
                }
                app.wellbeing_evidence = r.flag(a, "wellbeing_evidence", path + ".applies_when");
                if (auto m = r.number(a, "min_age", path + ".applies_when", 0, 30, true)) app.min_age = static_cast<int>(*m);
                app.description = r.text(a, "description", path + ".applies_when");
                c.applies_when = app;
            }
            c.check = read_check(r, n["check"], path + ".check", kinds);
            check_document_kinds(r, c.check, pack.document_kinds, path + ".check");
            for (const auto& other : pack.criteria)
                if (other.id == c.id) r.error_at(n, path + ".id", fmt::format("criterion id `{}` is used twice", c.id));
            pack.criteria.push_back(std::move(c));
        }
    }
    if (auto doc = part("indicators")) {
        r.only_keys(*doc, "", {"cite", "compelling_note", "indicators"});
        auto cite = r.text(*doc, "cite", "", false);
        pack.compelling_note = r.text(*doc, "compelling_note", "", false);
        auto list = r.list_of(*doc, "indicators");
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto n = list[i];
            auto path = fmt::format("indicators[{}]", i);
            r.only_keys(n, path, {"id", "area", "text", "compelling", "derive", "derive_cite"});
            IndicatorSpec s;
            s.id = r.text(n, "id", path);
            r.unique_id(ids, s.id, n, path);
            s.area = r.text(n, "area", path);
            s.text = r.text(n, "text", path);
            s.compelling = r.flag(n, "compelling", path);
            s.cite = cite;
            s.derive_cite = r.text(n, "derive_cite", path, false);
            if (n["derive"]) s.derive = read_check(r, n["derive"], path + ".derive", kinds);
            pack.indicators.push_back(std::move(s));
        }
    }
    if (auto doc = part("evidence")) {
        r.only_keys(*doc, "", {"cite", "source", "evidence"});
        auto evidence_cite = r.text(*doc, "cite", "", false);
        auto evidence_source = source_ref(*doc, "");
        auto list = r.list_of(*doc, "evidence");
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto n = list[i];
            auto path = fmt::format("evidence[{}]", i);
            EvidenceSpec e;
            e.id = r.text(n, "id", path);
            r.unique_id(ids, e.id, n, path);
            e.text = r.text(n, "text", path);
            e.cite = r.text(n, "cite", path, false);
            e.source = source_ref(n, path);
            if (e.cite.empty()) e.cite = evidence_cite, e.source = e.source.empty() ? evidence_source : e.source;
            if (auto rank = r.number(n, "fix_rank", path, 0, 1000, true)) e.fix_rank = static_cast<int>(*rank);
            YAML::Node leaf = YAML::Clone(n);
            leaf.remove("text");
            leaf.remove("cite");
            leaf.remove("source");
            e.check = read_check(r, leaf, path, kinds);
            e.check.fix_rank = e.fix_rank;
            check_document_kinds(r, e.check, pack.document_kinds, path);
            pack.evidence.push_back(std::move(e));
        }
    }
    if (auto doc = part("practice")) {
        r.only_keys(*doc, "", {"practice"});
        auto list = r.list_of(*doc, "practice");
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto n = list[i];
            auto path = fmt::format("practice[{}]", i);
            PracticeSpec p;
            p.id = r.text(n, "id", path);
            r.unique_id(ids, p.id, n, path);
            p.title = r.text(n, "title", path);
            p.cite = r.text(n, "cite", path);
            YAML::Node leaf = YAML::Clone(n);
            leaf.remove("cite");
            p.check = read_check(r, leaf, path, kinds);
            pack.practice.push_back(std::move(p));
        }
    }
    {
        PackReader again(diags);
        again.open(dir / "pack.yaml");
        auto rd = (*root)["readiness"];
        if (!rd) {
            again.error_at(*root, "readiness", "the pack needs a `readiness` rule");
        } else {
            pack.readiness_text = again.text(rd, "text", "readiness", false);
            pack.info.readiness_rule = pack.readiness_text;
            YAML::Node rule = YAML::Clone(rd);
            rule.remove("text");
            pack.readiness = read_readiness(again, rule, "readiness");
            // Without its criteria file (already an error) every name would look undefined.
            if (criteria_doc) check_readiness_ids(again, pack.readiness, pack, rd);
        }
    }
    pack.info.compelling_note = pack.compelling_note;
    r.set_file(main_file);
    std::string tests = (*root)["tests"] ? r.text(*root, "tests", "") : std::string("tests");
    if (!tests.empty() && (*root)["tests"] && !inside_pack(r, dir, tests, (*root)["tests"], "tests")) tests.clear();
    pack.tests_dir = dir / (tests.empty() ? std::string("tests") : tests);
    if (has_errors(diags)) throw PackError(diags);
    return pack;
}

}  // namespace

}  // namespace ehcp
