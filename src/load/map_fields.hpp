// Schema-directed reading of one YAML map: each struct's mapping asks for its keys by
// name and type, and this layer does the rest the same way everywhere: required keys,
// null as absent, duplicate keys, unknown keys with "did you mean", type checks, and a
// diagnostic with path, line, column and fix for each problem. It only ever descends
// into keys it is asked for, so aliases (even cyclic ones) cannot make it loop.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "document_context.hpp"
#include "ehcp/core/date.hpp"
#include "ehcp/core/enum_names.hpp"
#include "ehcp/load/record.hpp"
#include "ehcp/load/scalar_text.hpp"
#include "yaml_tree.hpp"

namespace ehcp::detail {

// Limits on a number field, checked after the text reads as a number.
struct NumberRule {
    std::optional<double> min;  // inclusive; a min of 0 makes a negative value "number.negative"
    std::optional<double> max;  // inclusive
    NumberKind kind = NumberKind::plain;
};

// Every number a record gives has a plausible range (docs/record-format.md): a value
// outside it is a typing slip or damage, and bounding it here keeps every sum, product
// and conversion downstream finite and far from overflow.
inline constexpr NumberRule kAnyNumber{};
inline constexpr NumberRule kNonNegative{0.0, std::nullopt};
inline constexpr NumberRule kMoney{0.0, 10'000'000.0, NumberKind::money};  // pounds
inline constexpr NumberRule kPercent{0.0, 100.0};
inline constexpr NumberRule kYearScale{-2.0, 14.0};  // nursery (-2) to further education (14)
inline constexpr NumberRule kAtLeastOne{1.0, std::nullopt};
inline constexpr NumberRule kSessionMinutes{0.0, 600.0};  // ten hours in one session
inline constexpr NumberRule kSessionsPerWeek{0.0, 50.0};  // ten a day
inline constexpr NumberRule kGroupSize{1.0, 100.0};
inline constexpr NumberRule kWeeks{0.0, 53.0};  // weeks in a costing year
inline constexpr NumberRule kStandardisedScore{0.0, 200.0};  // mean 100, SD 15: 200 is +6.7 SD
inline constexpr NumberRule kAgeMonths{0.0, 300.0};  // 25 years

// One value to read: its node (never null), its field path and where to point.
struct Slot {
    YamlNode node;
    std::string path;
    std::string_view key;  // the field's own name, for messages
    SourcePos at;
};

// Scalar readers, one per field type; false (with a diagnostic) when the value is unusable.
bool read_value(DocumentContext& doc, const Slot& slot, std::string& out, const NumberRule& rule);
bool read_value(DocumentContext& doc, const Slot& slot, Date& out, const NumberRule& rule);
bool read_value(DocumentContext& doc, const Slot& slot, double& out, const NumberRule& rule);
bool read_value(DocumentContext& doc, const Slot& slot, int& out, const NumberRule& rule);
bool read_value(DocumentContext& doc, const Slot& slot, bool& out, const NumberRule& rule);

// The index of the enumeration name the value gives, or nullopt (with a diagnostic).
std::optional<std::size_t> read_enum_index(DocumentContext& doc, const Slot& slot,
                                           std::span<const std::string_view> names);

template <class E>
    requires std::is_enum_v<E>
bool read_value(DocumentContext& doc, const Slot& slot, E& out, const NumberRule&) {
    auto index = read_enum_index(doc, slot, EnumNames<E>::names);
    if (index) out = static_cast<E>(*index);
    return index.has_value();
}

// A list of scalars: calls `read_entry` with each entry's slot.
bool for_each_scalar(DocumentContext& doc, const Slot& slot, const std::function<void(const Slot&)>& read_entry);

// needs.sen_types: census codes in rank order. A code in the wrong case is read with a
// warning (and --fix writes it in capitals); an unknown code, a repeated one or more
// than two are errors.
inline constexpr std::size_t kMaxSenTypes = 2;  // the census ranks a primary (1) and a secondary (2) need
bool read_value(DocumentContext& doc, const Slot& slot, std::vector<SenType>& out, const NumberRule& rule);

template <class E>
    requires std::is_enum_v<E>
bool read_value(DocumentContext& doc, const Slot& slot, std::vector<E>& out, const NumberRule& rule) {
    bool ok = true;
    bool is_list = for_each_scalar(doc, slot, [&](const Slot& entry) {
        E value{};
        if (read_value(doc, entry, value, rule))
            out.push_back(value);
        else
            ok = false;
    });
    return is_list && ok;
}

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

// What a value of type T looks like, for "add `key: ...`" fixes.
template <class T>
std::string example_of() {
    if constexpr (std::is_same_v<T, Date>) return "YYYY-MM-DD";
    else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, int>) return "<number>";
    else if constexpr (std::is_same_v<T, bool>) return "true or false";
    else if constexpr (std::is_enum_v<T>) return "<one of: " + allowed_values<T>() + ">";
    else return "<text>";
}

class MapFields {
public:
    // `map` must be a YAML map; `path` is its field path ("" for the top level).
    MapFields(DocumentContext& doc, const YamlNode& map, std::string path);

    // Reads `key` into `out`. A plain T is required; std::optional<T> and std::vector<T>
    // are optional, and a null value counts as absent. True when a usable value was read.
    template <class T>
    bool read(std::string_view key, T& out, const NumberRule& rule = kAnyNumber);

    // A required text whose right value is known (`format`): when it is missing, the fix
    // says to write that value rather than `<text>`. Checking the value is the caller's.
    bool read_expected(std::string_view key, std::string& out, std::string_view expected);

    // A list of maps; `read_entry(MapFields&, T&)` fills one entry. Entries with a `pos`
    // member get their position.
    template <class T, class Fn>
    void list(std::string_view key, std::vector<T>& out, Fn read_entry);

    // A nested map; `read_section(MapFields&, T&)` fills it. Required unless `out` is optional.
    template <class T, class Fn>
    void section(std::string_view key, T& out, Fn read_section);

    // The key is given with a non-null value.
    bool has(std::string_view key) const;
    // Where the key's value is (the key itself when the value is null or has no mark).
    SourcePos value_pos(std::string_view key) const;
    std::string path_of(std::string_view key) const;
    const std::string& path() const { return path_; }
    SourcePos pos() const { return pos_; }
    DocumentContext& doc() { return doc_; }

    // Reports every key the mapping did not ask for. Call once, after all reads.
    void finish();

private:
    struct Entry {
        YamlNode key_node;
        YamlNode value;
        std::string key;  // empty when the key is not a plain name
        SourcePos key_pos;
        bool is_name = true;
        bool duplicate = false;
        bool asked = false;
    };

    const Entry* take(std::string_view key);
    const Entry* find(std::string_view key) const;
    static bool present(const Entry* e) { return e && !e->value.is_null(); }
    Slot slot(const Entry& e) const;
    void report_missing(std::string_view key, const std::string& example, const Entry* e);
    void report_empty(std::string_view key, const Entry& e);
    std::string where() const;
    void for_each_map_entry(const Entry& e, const std::function<void(MapFields&, SourcePos)>& read_entry);
    bool with_map(const Entry& e, const std::function<void(MapFields&)>& read_section);

    DocumentContext& doc_;
    std::string path_;
    SourcePos pos_;
    bool skipped_ = false;  // the document's read budget ran out: read nothing, report nothing
    std::vector<Entry> entries_;
    std::vector<std::string> known_;  // every key asked for: the candidates for "did you mean"
};

template <class T>
bool MapFields::read(std::string_view key, T& out, const NumberRule& rule) {
    const Entry* e = take(key);
    if constexpr (is_optional<T>::value) {
        if (!present(e)) return false;
        typename T::value_type value{};
        if (!read_value(doc_, slot(*e), value, rule)) return false;
        out = std::move(value);
        return true;
    } else if constexpr (is_vector<T>::value) {
        if (!present(e)) return false;
        return read_value(doc_, slot(*e), out, rule);
    } else {
        if (!present(e)) {
            report_missing(key, example_of<T>(), e);
            return false;
        }
        if (!read_value(doc_, slot(*e), out, rule)) return false;
        if constexpr (std::is_same_v<T, std::string>) {
            if (out.find_first_not_of(" \t\r\n") == std::string::npos) {
                report_empty(key, *e);
                return false;
            }
        }
        return true;
    }
}

template <class T, class Fn>
void MapFields::list(std::string_view key, std::vector<T>& out, Fn read_entry) {
    const Entry* e = take(key);
    if (!present(e)) return;
    for_each_map_entry(*e, [&](MapFields& fields, SourcePos at) {
        T item{};
        if constexpr (requires(T& t) { t.pos = at; }) item.pos = at;
        read_entry(fields, item);
        out.push_back(std::move(item));
    });
}

template <class T, class Fn>
void MapFields::section(std::string_view key, T& out, Fn read_section) {
    const Entry* e = take(key);
    if constexpr (is_optional<T>::value) {
        if (!present(e)) return;
        typename T::value_type value{};
        if (with_map(*e, [&](MapFields& fields) { read_section(fields, value); })) out = std::move(value);
    } else {
        if (!present(e)) {
            report_missing(key, "<a map>", e);
            return;
        }
        with_map(*e, [&](MapFields& fields) { read_section(fields, out); });
    }
}

}  // namespace ehcp::detail
