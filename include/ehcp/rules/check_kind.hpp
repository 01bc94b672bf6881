// Check kinds: the small set of C++ checks that rule packs choose and parameterise.
// A kind validates its parameters into a typed struct once, when the pack loads,
// and returns an evaluator; a bad parameter is a pack error, not a runtime surprise.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ehcp/facts/facts.hpp"
#include "ehcp/rules/report.hpp"

namespace ehcp {

// A parameter value as written in a pack: a number, a word or text, a flag, or a list of words.
struct ParamValue {
    std::variant<double, std::string, bool, std::vector<std::string>> value;
    int line = 0;
    int column = 0;
};
using ParamMap = std::map<std::string, ParamValue>;

// A value as a pack would write it: 3, true, a word, [none, little] (for explain and rules diff).
std::string param_text(const ParamValue& v);

// Pack-wide parameters every check may read (e.g. the notional SEN budget).
struct PackParameters {
    double notional_budget = 6000;
    FactParameters facts;
};

struct CheckContext {
    const Facts& facts;
    const PackParameters& pack;
    const std::vector<Diagnostic>& record_diagnostics;  // loader warnings (practice checks read them)
    bool redact = false;

    // Record free text as it may appear in a message: quoted, or a marker when redacting.
    std::string quote(const std::string& free_text) const;
    // Identifying text shown as written (a service's name), or the marker when redacting.
    std::string quote_identifying(const std::string& text) const;
};

// What a leaf check concludes. Missing items become gaps, ranked by the check's fix rank.
struct CheckOutcome {
    Status status = Status::insufficient_evidence;
    std::vector<std::string> reasons;
    std::vector<std::string> missing;
    std::vector<Figure> figures;
    bool estimated = false;  // the result rests on the pack's default hourly rates
};

using CheckEvaluator = std::function<CheckOutcome(const CheckContext&)>;

// Reads and validates a kind's parameters; reports problems through `error`.
class ParamReader {
public:
    ParamReader(const ParamMap& params, std::function<void(const std::string& message, int line, int column)> error);
    ~ParamReader();

    double number(const std::string& name, std::optional<double> fallback = std::nullopt);
    int integer(const std::string& name, std::optional<int> fallback = std::nullopt);
    bool flag(const std::string& name, std::optional<bool> fallback = std::nullopt);
    // true or false when given, nullopt when the pack leaves it out (a condition not asked for).
    std::optional<bool> optional_flag(const std::string& name);
    std::string text(const std::string& name, std::optional<std::string> fallback = std::nullopt);
    std::vector<std::string> words(const std::string& name, std::optional<std::vector<std::string>> fallback = std::nullopt);

    // An enumeration value / list of values, checked against the enum's names.
    template <class E>
    E one_of(const std::string& name, std::optional<E> fallback = std::nullopt);
    template <class E>
    std::vector<E> list_of(const std::string& name, std::optional<std::vector<E>> fallback = std::nullopt);

    // Reports a parameter whose value the kind cannot use.
    void invalid(const std::string& name, const std::string& message) { fail(message, find(name)); }

    // Reports parameters given but never read (typos such as `min_cylces`).
    void finish();

private:
    const ParamValue* find(const std::string& name);
    void fail(const std::string& message, const ParamValue* at);
    const ParamMap& params_;
    std::function<void(const std::string&, int, int)> error_;
    std::vector<std::string> read_;
};

struct ParamDoc {
    std::string name;
    std::string type;
    std::string meaning;
};

struct CheckKind {
    std::string name;
    std::string summary;  // one line for `ehcp explain` and docs
    std::vector<ParamDoc> params;
    std::function<CheckEvaluator(ParamReader&)> compile;
};

// The registry of built-in kinds, explicit rather than self-registering.
class CheckKindRegistry {
public:
    void add(CheckKind kind);
    const CheckKind* find(const std::string& name) const;
    const std::vector<CheckKind>& all() const { return kinds_; }
    std::string nearest(const std::string& name) const;  // for "did you mean"

private:
    std::vector<CheckKind> kinds_;
};

void register_criterion_checks(CheckKindRegistry& registry);
void register_indicator_checks(CheckKindRegistry& registry);
void register_evidence_checks(CheckKindRegistry& registry);
void register_practice_checks(CheckKindRegistry& registry);
const CheckKindRegistry& builtin_checks();

// ---- template definitions ----

template <class E>
E ParamReader::one_of(const std::string& name, std::optional<E> fallback) {
    auto word = text(name, fallback ? std::optional<std::string>(std::string(to_string(*fallback))) : std::nullopt);
    if (auto e = parse_enum<E>(word)) return *e;
    fail("`" + name + "`: `" + word + "` is not one of: " + allowed_values<E>(), find(name));
    return fallback.value_or(E{});
}

template <class E>
std::vector<E> ParamReader::list_of(const std::string& name, std::optional<std::vector<E>> fallback) {
    std::optional<std::vector<std::string>> fb;
    if (fallback) {
        fb.emplace();
        for (auto e : *fallback) fb->push_back(std::string(to_string(e)));
    }
    std::vector<E> out;
    for (const auto& w : words(name, fb)) {
        if (auto e = parse_enum<E>(w))
            out.push_back(*e);
        else
            fail("`" + name + "`: `" + w + "` is not one of: " + allowed_values<E>(), find(name));
    }
    return out;
}

}  // namespace ehcp
