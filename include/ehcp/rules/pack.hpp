// A rule pack: an authority's criteria as data (rules/<pack>/*.yaml), loaded and
// validated once into typed structs whose checks are ready to evaluate.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ehcp/core/diagnostic.hpp"
#include "ehcp/rules/check_kind.hpp"
#include "ehcp/rules/report.hpp"

namespace ehcp {

// A node of a check tree: a leaf of some kind, or a combinator over children.
struct CheckNode {
    enum class Type { leaf, all_of, any_of, by_phase };
    Type type = Type::leaf;
    std::string id;
    std::string title;
    std::string kind;  // leaf: the check kind's name
    int fix_rank = 50; // gaps from this check sort by it (lower: fix first)
    ParamMap params;   // leaf: the parameters as the pack gives them (shown by `ehcp explain`)
    // all_of only: when a child lacks evidence, say so even if another is not met
    // (a precondition such as "needs stated" decides before the rest).
    bool insufficient_first = false;
    CheckEvaluator evaluate;       // leaf only
    std::vector<CheckNode> children;
    std::vector<Phase> phases;     // by_phase: the phase of each child
};

// When a criterion applies at all; otherwise it is not_applicable.
struct Applicability {
    std::vector<AreaOfNeed> areas_of_need;  // primary or secondary is one of these
    bool wellbeing_evidence = false;        // or the record has wellbeing evidence
    std::optional<int> min_age;             // aged at least this on the as-of date
    std::string description;                // shown when it does not apply
};

struct Criterion {
    std::string id;
    int number = 0;
    std::string title;
    std::string source_wording;
    std::string cite;
    std::string interpretation;
    std::vector<std::string> evidence_sought;
    std::optional<Applicability> applies_when;
    std::string source;  // a pack source id: its address is shown beside the cite
    CheckNode check;
    bool advisory = false;  // evaluated and shown, never part of the readiness rule
};

struct IndicatorSpec {
    std::string id;
    std::string area;  // heading on the slide
    std::string text;
    bool compelling = false;
    std::optional<CheckNode> derive;  // how to derive it from data, if the pack can
    std::string cite;
    std::string derive_cite;  // the basis of the derivation's threshold, when not the slide's
};

struct EvidenceSpec {
    std::string id;
    std::string text;
    std::string cite;  // its real basis: Coventry's slides, the Code of Practice...
    std::string source;  // a pack source id: its address is shown beside the cite
    int fix_rank = 30;
    CheckNode check;  // met: present; not_met: absent; not_applicable: not needed here
};

struct PracticeSpec {
    std::string id;
    std::string title;
    std::string cite;
    CheckNode check;  // not_met: one warning per reason
};

struct ReadinessNode {
    enum class Type { criterion, evidence_complete, all_of, any_of };
    Type type = Type::criterion;
    std::string criterion;
    std::vector<Status> also_counts;  // criterion: statuses that count as well as met
    std::string note;                 // criterion: said when one of also_counts carried it
    std::vector<ReadinessNode> children;
};

struct RuleSource {
    std::string id;
    std::string file;     // where a maintainer finds the text (never shown in reports)
    std::string title;    // what reports call it
    std::string address;  // where a reader finds it, when it is public
};

// A document kind the pack adds to the record format's built-in ones (Norfolk's `indes`).
struct DocumentKindSpec {
    std::string id;     // the word a record writes in documents[].kind
    std::string label;  // what it is, in the authority's words
};

struct Pack {
    PackInfo info;
    std::filesystem::path dir;
    std::filesystem::path tests_dir;  // the pack's own test cases
    std::vector<RuleSource> sources;
    std::vector<DocumentKindSpec> document_kinds;  // kinds this pack adds (pack.yaml document_kinds)
    PackParameters parameters;
    std::vector<Criterion> criteria;
    std::vector<IndicatorSpec> indicators;
    std::vector<EvidenceSpec> evidence;
    std::vector<PracticeSpec> practice;
    ReadinessNode readiness;
    std::string readiness_text;  // the readiness rule in words
    std::string compelling_note; // why some indicators are marked compelling (the pack's emphasis)

    std::vector<std::string> indicator_ids() const;
    std::vector<std::string> document_kind_ids() const;
    const Criterion* criterion(const std::string& id) const;
    // The web address of the source with this id ("" when none or not given).
    std::string source_address(const std::string& id) const;
};

// Thrown only when a pack cannot be used; carries every diagnostic found.
struct PackError : std::runtime_error {
    explicit PackError(std::vector<Diagnostic> d);
    std::vector<Diagnostic> diagnostics;
};

// Finds a pack by name or folder: a folder holding pack.yaml is used as is; a name is
// looked up in $EHCP_RULES_PATH (colon-separated), the installed share/ehcp/rules beside
// the binary, then the source tree's rules/.
std::optional<std::filesystem::path> find_pack(const std::string& name_or_dir);
std::vector<std::filesystem::path> pack_search_path();

// Loads and validates a pack; throws PackError listing every problem.
Pack load_pack(const std::filesystem::path& dir);

}  // namespace ehcp
