#include "ehcp/rules/check_kind.hpp"

#include "ehcp/core/money.hpp"
#include "ehcp/load/suggest.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ehcp {

ParamReader::ParamReader(const ParamMap& params, std::function<void(const std::string&, int, int)> error)
    : params_(params), error_(std::move(error)) {}

ParamReader::~ParamReader() = default;

std::string param_text(const ParamValue& v) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, double>) return format_number(x);
            else if constexpr (std::is_same_v<T, bool>) return x ? "true" : "false";
            else if constexpr (std::is_same_v<T, std::string>) return x;
            else return "[" + fmt::format("{}", fmt::join(x, ", ")) + "]";
        },
        v.value);
}

const ParamValue* ParamReader::find(const std::string& name) {
    if (std::find(read_.begin(), read_.end(), name) == read_.end()) read_.push_back(name);
    auto it = params_.find(name);
    return it == params_.end() ? nullptr : &it->second;
}

void ParamReader::fail(const std::string& message, const ParamValue* at) {
    error_(message, at ? at->line : 0, at ? at->column : 0);
}

double ParamReader::number(const std::string& name, std::optional<double> fallback) {
    const auto* v = find(name);
    if (!v) {
        if (!fallback) fail(fmt::format("parameter `{}` is required (a number)", name), nullptr);
        return fallback.value_or(0);
    }
    if (const auto* d = std::get_if<double>(&v->value)) return *d;
    fail(fmt::format("parameter `{}` must be a number", name), v);
    return fallback.value_or(0);
}

int ParamReader::integer(const std::string& name, std::optional<int> fallback) {
    double d = number(name, fallback ? std::optional<double>(*fallback) : std::nullopt);
    if (d != std::floor(d)) fail(fmt::format("parameter `{}` must be a whole number", name), find(name));
    return static_cast<int>(d);
}

bool ParamReader::flag(const std::string& name, std::optional<bool> fallback) {
    const auto* v = find(name);
    if (!v) {
        if (!fallback) fail(fmt::format("parameter `{}` is required (true or false)", name), nullptr);
        return fallback.value_or(false);
    }
    if (const auto* b = std::get_if<bool>(&v->value)) return *b;
    fail(fmt::format("parameter `{}` must be true or false", name), v);
    return fallback.value_or(false);
}

std::optional<bool> ParamReader::optional_flag(const std::string& name) {
    if (!find(name)) return std::nullopt;
    return flag(name, false);
}

std::string ParamReader::text(const std::string& name, std::optional<std::string> fallback) {
    const auto* v = find(name);
    if (!v) {
        if (!fallback) fail(fmt::format("parameter `{}` is required (a word or text)", name), nullptr);
        return fallback.value_or("");
    }
    if (const auto* s = std::get_if<std::string>(&v->value)) return *s;
    fail(fmt::format("parameter `{}` must be a word or text", name), v);
    return fallback.value_or("");
}

std::vector<std::string> ParamReader::words(const std::string& name, std::optional<std::vector<std::string>> fallback) {
    const auto* v = find(name);
    if (!v) {
        if (!fallback) fail(fmt::format("parameter `{}` is required (a list)", name), nullptr);
        return fallback.value_or(std::vector<std::string>{});
    }
    if (const auto* l = std::get_if<std::vector<std::string>>(&v->value)) return *l;
    if (const auto* s = std::get_if<std::string>(&v->value)) return {*s};
    fail(fmt::format("parameter `{}` must be a list", name), v);
    return fallback.value_or(std::vector<std::string>{});
}

void ParamReader::finish() {
    for (const auto& [name, value] : params_)
        if (std::find(read_.begin(), read_.end(), name) == read_.end())
            fail(fmt::format("unknown parameter `{}`", name), &value);
}

void CheckKindRegistry::add(CheckKind kind) { kinds_.push_back(std::move(kind)); }

const CheckKind* CheckKindRegistry::find(const std::string& name) const {
    for (const auto& k : kinds_)
        if (k.name == name) return &k;
    return nullptr;
}

std::string CheckKindRegistry::nearest(const std::string& name) const {
    std::vector<std::string_view> names;
    for (const auto& k : kinds_) names.push_back(k.name);
    auto near = closest_name(name, names);
    return near ? near->name : std::string();
}

const CheckKindRegistry& builtin_checks() {
    static const CheckKindRegistry registry = [] {
        CheckKindRegistry r;
        register_criterion_checks(r);
        register_indicator_checks(r);
        register_evidence_checks(r);
        register_practice_checks(r);
        return r;
    }();
    return registry;
}

}  // namespace ehcp
