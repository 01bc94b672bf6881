#include "map_fields.hpp"

#include <algorithm>

#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "ehcp/core/inert_text.hpp"
#include "ehcp/core/money.hpp"  // format_number
#include "ehcp/load/suggest.hpp"
#include "text_checks.hpp"

namespace ehcp::detail {

namespace {

std::string kind_of(const YamlNode& node) {
    if (node.is_map()) return "a map";
    if (node.is_sequence()) return "a list";
    if (node.is_null()) return "nothing";
    return "a single value";
}

// A scalar from a quoted (or !!str-tagged) YAML scalar: the writer said "this is text".
bool is_quoted(const YamlNode& node) {
    return node.tag() == YamlNode::Tag::quoted || node.tag() == YamlNode::Tag::str;
}

// The scalar's text, or nullopt with a diagnostic naming what was expected instead.
std::optional<std::string> scalar_text(DocumentContext& doc, const Slot& slot, std::string_view code,
                                       std::string_view expected, std::string fix) {
    if (slot.node.is_scalar()) {
        std::string_view text = slot.node.scalar();
        // A value this long is damage (a missing quote swallowing the file, a paste gone
        // wrong), never evidence; and a date or number is never more than a few characters.
        std::size_t limit = expected == "text" ? doc.options().max_value_bytes : std::size_t{200};
        if (text.size() > limit) {
            doc.error("value.too_long", slot.path, slot.at,
                      fmt::format("the value of `{}` is {} bytes long, more than the {} bytes {} can be; it starts "
                                  "`{}`",
                                  slot.key, text.size(), limit, expected == "text" ? "a text" : "such a value",
                                  clip(text, 40)),
                      "check for a missing closing quote or a paste that went wrong, and shorten the value");
            return std::nullopt;
        }
        return std::string(text);
    }
    doc.error(std::string(code), slot.path, slot.at,
              fmt::format("`{}` should be {}, but it is {}", slot.key, expected, kind_of(slot.node)), std::move(fix));
    return std::nullopt;
}

std::string range_words(const NumberRule& rule) {
    auto n = [](double v) { return format_number(v); };
    if (rule.min && rule.max) return fmt::format("from {} to {}", n(*rule.min), n(*rule.max));
    if (rule.min) return fmt::format("{} or more", n(*rule.min));
    if (rule.max) return fmt::format("{} or less", n(*rule.max));
    return "any number";
}

bool check_range(DocumentContext& doc, const Slot& slot, double value, std::string_view text, const NumberRule& rule) {
    if (rule.min && *rule.min == 0 && value < 0) {
        doc.error("number.negative", slot.path, slot.at,
                  fmt::format("`{}` is negative; `{}` cannot be less than 0", text, slot.key), "give a number of 0 or more");
        return false;
    }
    if ((rule.min && value < *rule.min) || (rule.max && value > *rule.max)) {
        doc.error("number.range", slot.path, slot.at,
                  fmt::format("`{}` is out of range; `{}` is {}", text, slot.key, range_words(rule)),
                  fmt::format("use a number {}", range_words(rule)));
        return false;
    }
    return true;
}

// `replace`: the problem's replacement may be written in place of the value (--fix).
void report_problem(DocumentContext& doc, const Slot& slot, const ScalarProblem& problem, bool replace = true) {
    std::optional<TextEdit> edit;
    if (replace && !problem.replacement.empty())
        edit = doc.replace_scalar(slot.node.mark(), slot.node.scalar(), problem.replacement);
    doc.error(problem.code, slot.path, slot.at, problem.message, problem.fix, std::move(edit));
}

// Whether the number a problem's replacement gives is one the field takes: a fix never
// writes a value that is out of range (101%), nor a fraction where a whole number goes.
bool replacement_fits(const ScalarProblem& problem, const NumberRule& rule, bool whole) {
    if (problem.replacement.empty()) return false;
    auto v = parse_decimal(problem.replacement);
    if (!v) return false;
    if (whole && *v != std::floor(*v)) return false;
    return !(rule.min && *v < *rule.min) && !(rule.max && *v > *rule.max);
}

// A percentage sign is dropped only where the field is a percentage (0 to 100).
bool is_percent_field(const NumberRule& rule) { return rule.min == 0.0 && rule.max == 100.0; }

void warn_quoted(DocumentContext& doc, const Slot& slot, std::string_view what, std::string_view text,
                 std::string_view read_as, std::string plain = {}) {
    doc.warning("type.quoted", slot.path, slot.at, fmt::format("quoted {} \"{}\" read as {}", what, text, read_as),
                "remove the quotes", doc.replace_scalar(slot.node.mark(), slot.node.scalar(), std::move(plain)));
}

}  // namespace

// ---- scalar readers -------------------------------------------------------

// Text fields that are one line by nature: a line break in a name could print a line of
// its own in a report ("Evidence readiness: READY"), so it is refused, not escaped.
bool is_one_line_field(std::string_view key) {
    for (std::string_view k : {"format", "id", "name", "setting", "service", "title", "file", "condition", "by",
                               "assessment"})
        if (key == k) return true;
    return false;
}

bool read_value(DocumentContext& doc, const Slot& slot, std::string& out, const NumberRule&) {
    // A number or boolean is fine as text (a name may be 1234); only maps and lists are not.
    auto text = scalar_text(doc, slot, "type.string", "text",
                            "write it as a single value; put quotes around text that starts with [ or { or holds `: `");
    if (!text) return false;
    // The raw bytes were checked before parsing; a double-quoted YAML escape ("\e[31m",
    // "\x07", "\u202E", "\n") makes control characters only now. Text is reported, never
    // obeyed: a terminal must not receive them, and one-line fields hold no line break.
    const bool one_line = is_one_line_field(slot.key);
    if (auto c = find_control(*text, !one_line)) {
        std::size_t chars = 0;
        for (std::size_t i = 0; i < c->offset; ++i) chars += (static_cast<unsigned char>((*text)[i]) & 0xC0) != 0x80;
        const bool line_break = c->code == '\n' || c->code == '\r' || c->code == 0x2028 || c->code == 0x2029;
        doc.error("text.control", slot.path, slot.at,
                  line_break ? fmt::format("`{}` holds a line break (character {}); it must be one line", slot.key,
                                           chars + 1)
                             : fmt::format("`{}` holds the control character {} (character {}), which a terminal "
                                           "or viewer would obey rather than show",
                                           slot.key, describe_control(c->code), chars + 1),
                  line_break ? "write it on one line" : "remove it; it is usually an escape (\\e, \\x, \\u) in a double-quoted value");
        return false;
    }
    out = std::move(*text);
    return true;
}

bool read_value(DocumentContext& doc, const Slot& slot, Date& out, const NumberRule&) {
    auto text = scalar_text(doc, slot, "date.format", "a date (YYYY-MM-DD)", "use one date written YYYY-MM-DD");
    if (!text) return false;
    auto reading = read_date_text(*text);
    if (!reading.value) {
        report_problem(doc, slot, reading.problem);
        return false;
    }
    // Years outside 1900-9999 are typing slips (0000, 1016 for 2016) that the calendar
    // would carry into ages of 1,000 years and statutory dates past 9999.
    if (reading.value->year() < 1900) {
        doc.error("date.range", slot.path, slot.at,
                  reading.value->year() == 0
                      ? fmt::format("`{}` is not a real date: there is no year 0000", *text)
                      : fmt::format("`{}` is before 1900; no date in a pupil's record is that early", *text),
                  "check the year");
        return false;
    }
    // Far ahead is possible (a planned review) but usually a slip of the year; the date of
    // birth and the request date have their own, stricter checks.
    const Date& as_of = doc.options().as_of;
    if (slot.key != "date_of_birth" && slot.path != "request.date" && *reading.value > as_of.plus_years(1))
        doc.warning("date.far_future", slot.path, slot.at,
                    fmt::format("`{}` is more than a year after the as-of date {}", *text, as_of.iso()),
                    "check the year");
    out = *reading.value;
    return true;
}

bool read_value(DocumentContext& doc, const Slot& slot, double& out, const NumberRule& rule) {
    auto text = scalar_text(doc, slot, rule.kind == NumberKind::money ? "money.format" : "type.number", "a number",
                            "use one plain number such as 20 or 19.5");
    if (!text) return false;
    auto reading = read_number_text(*text, rule.kind);
    if (!reading.value) {
        const bool percent_sign = !text->empty() && rule.kind == NumberKind::plain &&
                                  std::string_view(*text).find('%') != std::string_view::npos;
        report_problem(doc, slot, reading.problem,
                       replacement_fits(reading.problem, rule, false) && (!percent_sign || is_percent_field(rule)));
        return false;
    }
    if (is_quoted(slot.node))
        warn_quoted(doc, slot, "number", *text, fmt::format("{}", *reading.value),
                    parse_decimal(*text) ? *text : std::string());
    if (!check_range(doc, slot, *reading.value, *text, rule)) return false;
    out = *reading.value;
    return true;
}

bool read_value(DocumentContext& doc, const Slot& slot, int& out, const NumberRule& rule) {
    auto text = scalar_text(doc, slot, "type.integer", "a whole number", "use one whole number such as 5");
    if (!text) return false;
    auto reading = read_number_text(*text);
    if (!reading.value) {
        ScalarProblem problem = reading.problem;
        problem.code = "type.integer";
        report_problem(doc, slot, problem,
                       replacement_fits(problem, rule, true) &&
                           std::string_view(*text).find('%') == std::string_view::npos);
        return false;
    }
    double value = *reading.value;
    if (value != std::floor(value)) {
        doc.error("type.integer", slot.path, slot.at, fmt::format("`{}` is not a whole number", *text),
                  fmt::format("use a whole number such as {}", format_number(std::round(value))));
        return false;
    }
    if (is_quoted(slot.node))
        warn_quoted(doc, slot, "number", *text, fmt::format("{}", value), parse_decimal(*text) ? *text : std::string());
    if (!check_range(doc, slot, value, *text, rule)) return false;
    if (std::fabs(value) > 1e9) {  // beyond any count a record holds; keeps the conversion to int defined
        doc.error("number.range", slot.path, slot.at, fmt::format("`{}` is far too large for `{}`", *text, slot.key),
                  "check the number");
        return false;
    }
    out = static_cast<int>(value);
    return true;
}

bool read_value(DocumentContext& doc, const Slot& slot, bool& out, const NumberRule&) {
    auto text = scalar_text(doc, slot, "type.bool", "true or false", "use true or false");
    if (!text) return false;
    auto reading = read_bool_text(*text);
    if (!reading.value) {
        report_problem(doc, slot, reading.problem);
        return false;
    }
    if (is_quoted(slot.node))
        warn_quoted(doc, slot, "yes-or-no value", *text, *reading.value ? "true" : "false", *reading.value ? "true" : "false");
    out = *reading.value;
    return true;
}

std::optional<std::size_t> read_enum_index(DocumentContext& doc, const Slot& slot,
                                           std::span<const std::string_view> names) {
    std::string allowed;
    for (auto n : names) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
    auto text = scalar_text(doc, slot, "enum.invalid", "one of: " + allowed, "use one of: " + allowed);
    if (!text) return std::nullopt;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == *text) return i;

    std::string fix = "use one of: " + allowed;
    std::optional<TextEdit> edit;
    const std::vector<std::string_view> candidates(names.begin(), names.end());
    if (auto s = closest_name(*text, candidates)) {
        fix = s->closeness == Closeness::same_name ? fmt::format("use {}", s->name)
                                                   : fmt::format("did you mean `{}`?", s->name);
        // Written in its place only when no other allowed word is as near; otherwise
        // every word that is as near is named, for a person to choose.
        if (only_close_name(*text, candidates)) {
            edit = doc.replace_scalar(slot.node.mark(), slot.node.scalar(), s->name);
        } else if (s->closeness == Closeness::close) {
            const std::string lowered = normalise_name(*text);
            const std::size_t d = edit_distance(lowered, s->name);
            std::vector<std::string_view> near;
            for (auto c : candidates)
                if (edit_distance(lowered, c) == d) near.push_back(c);
            if (near.size() > 1) {
                fix = "did you mean ";
                for (std::size_t i = 0; i < near.size(); ++i)
                    fix += fmt::format("{}`{}`", i == 0 ? "" : i + 1 == near.size() ? " or " : ", ", near[i]);
                fix += "?";
            }
        }
    }
    doc.error("enum.invalid", slot.path, slot.at,
              fmt::format("`{}` is not an allowed value; `{}` takes one of: {}", *text, slot.key, allowed), fix,
              std::move(edit));
    return std::nullopt;
}

bool read_value(DocumentContext& doc, const Slot& slot, std::vector<SenType>& out, const NumberRule&) {
    const auto& names = EnumNames<SenType>::names;
    const std::string allowed = allowed_values<SenType>();
    // closest_name compares in lower case: the candidates as lower-case words, mapped back.
    std::vector<std::string> lower_names;
    for (auto n : names) lower_names.push_back(normalise_name(n));
    const std::vector<std::string_view> candidates(lower_names.begin(), lower_names.end());
    auto code_of = [&](std::string_view lower) {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (lower_names[i] == lower) return names[i];
        return std::string_view{};
    };
    bool ok = true;
    bool is_list = for_each_scalar(doc, slot, [&](const Slot& entry) {
        auto text = scalar_text(doc, entry, "enum.invalid", "one census SEN type code (" + allowed + ")",
                                "write the code alone, e.g. SPLD");
        if (!text) {
            ok = false;
            return;
        }
        std::optional<SenType> code;
        for (std::size_t i = 0; i < names.size() && !code; ++i)
            if (names[i] == *text) code = static_cast<SenType>(i);
        if (!code) {
            const std::string lowered = normalise_name(*text);
            for (std::size_t i = 0; i < names.size() && !code; ++i)
                if (lower_names[i] == lowered) {
                    code = static_cast<SenType>(i);
                    doc.warning("sen_type.case", entry.path, entry.at,
                                fmt::format("`{}` is read as the census code {}; the codes are written in capitals",
                                            clip(*text, 40), names[i]),
                                fmt::format("write {}", names[i]),
                                doc.replace_scalar(entry.node.mark(), entry.node.scalar(), std::string(names[i])));
                }
        }
        if (!code) {
            std::string fix = "use one of: " + allowed;
            std::optional<TextEdit> edit;
            if (auto s = closest_name(*text, candidates)) {
                std::string_view name = code_of(s->name);
                fix = fmt::format("did you mean `{}`? The codes are: {}", name, allowed);
                if (only_close_name(*text, candidates))
                    edit = doc.replace_scalar(entry.node.mark(), entry.node.scalar(), std::string(name));
            }
            doc.error("enum.invalid", entry.path, entry.at,
                      fmt::format("`{}` is not a census SEN type code; `{}` takes codes from: {}", clip(*text, 40),
                                  slot.key, allowed),
                      fix, std::move(edit));
            ok = false;
            return;
        }
        auto earlier = std::find(out.begin(), out.end(), *code);
        if (earlier != out.end()) {
            doc.error("sen_type.duplicate", entry.path, entry.at,
                      fmt::format("{} is given twice in `{}`; the census ranks two different need types",
                                  to_string(*code), slot.key),
                      fmt::format("remove the second {}, or give the secondary need's own code", to_string(*code)));
            ok = false;
            return;
        }
        out.push_back(*code);
    });
    if (is_list && slot.node.child_count() > kMaxSenTypes) {
        doc.error("sen_type.too_many", slot.path, slot.at,
                  fmt::format("`{}` gives {} need types; the school census and SEN2 rank at most {} (the primary "
                              "need, then the secondary one)",
                              slot.key, slot.node.child_count(), kMaxSenTypes),
                  "keep the primary and the secondary need types, in rank order, and describe any other need in "
                  "needs.description");
        ok = false;
    }
    return is_list && ok;
}

bool for_each_scalar(DocumentContext& doc, const Slot& slot, const std::function<void(const Slot&)>& read_entry) {
    if (!slot.node.is_sequence()) {
        std::string fix = slot.node.is_scalar() ? fmt::format("use [{}]", slot.node.scalar())
                                               : std::string("write the values as a list: [first, second]");
        doc.error("type.list", slot.path, slot.at,
                  fmt::format("`{}` should be a list, but it is {}", slot.key, kind_of(slot.node)), fix);
        return false;
    }
    if (!doc.charge(slot.node.child_count(), slot.at)) return false;
    for (std::size_t i = 0; i < slot.node.child_count(); ++i) {
        YamlNode item = slot.node.child(i);
        Slot entry{item, fmt::format("{}[{}]", slot.path, i), slot.key,
                   item.is_null() ? doc.position_of_empty(item.mark()) : doc.position(item.mark())};
        if (entry.at.line == 0) entry.at = slot.at;
        if (item.is_null()) {
            doc.error("list.empty_entry", entry.path, entry.at, fmt::format("entry {} of `{}` is empty", i, slot.key),
                      "give a value or remove the entry");
            continue;
        }
        read_entry(entry);
    }
    return true;
}

// ---- maps -----------------------------------------------------------------

MapFields::MapFields(DocumentContext& doc, const YamlNode& map, std::string path)
    : doc_(doc), path_(std::move(path)), pos_(doc.position(map.mark())) {
    if (!doc_.charge(map.child_count() / 2, pos_)) {
        skipped_ = true;
        return;
    }
    std::unordered_map<std::string, std::size_t> first_of;  // key -> index of its first entry
    entries_.reserve(map.child_count() / 2);
    for (std::size_t i = 0; i + 1 < map.child_count(); i += 2) {
        Entry e{map.child(i), map.child(i + 1), {}, {}};
        e.key_pos = doc_.position(e.key_node.mark());
        if (e.key_pos.line == 0) e.key_pos = pos_;
        e.is_name = e.key_node.is_scalar();
        if (e.is_name) e.key = e.key_node.scalar();
        // yaml-cpp keeps every pair and lets the first win: a second one is an error, not a silent loss.
        if (e.is_name) {
            auto [first, inserted] = first_of.try_emplace(e.key, entries_.size());
            if (!inserted) {
                const Entry& earlier = entries_[first->second];
                e.duplicate = true;
                doc_.error("key.duplicate", path_of(clip(e.key)), e.key_pos,
                           fmt::format("duplicate key `{}` {}; it was first given on line {}", clip(e.key), where(),
                                       earlier.key_pos.line),
                           fmt::format("keep only one `{}` (lines {} and {}){}", clip(e.key), earlier.key_pos.line,
                                       e.key_pos.line,
                                       path_.empty() && e.key == "format"
                                           ? "; if a second record starts here, put a `---` line before it"
                                           : ""));
            }
        }
        entries_.push_back(std::move(e));
    }
}

const MapFields::Entry* MapFields::find(std::string_view key) const {
    for (const Entry& e : entries_)
        if (e.is_name && !e.duplicate && e.key == key) return &e;
    return nullptr;
}

const MapFields::Entry* MapFields::take(std::string_view key) {
    known_.emplace_back(key);
    for (Entry& e : entries_)
        if (e.is_name && e.key == key) e.asked = true;  // duplicates too: already reported
    return find(key);
}

bool MapFields::has(std::string_view key) const { return present(find(key)); }

SourcePos MapFields::value_pos(std::string_view key) const {
    const Entry* e = find(key);
    if (!e) return pos_;
    return slot(*e).at;
}

std::string MapFields::path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

std::string MapFields::where() const { return path_.empty() ? "at the top level" : "in " + path_; }

Slot MapFields::slot(const Entry& e) const {
    Slot s{e.value, path_of(e.key), {}, e.key_pos};
    s.key = e.key;
    // A null value's mark points past it (at the next token), so point at the key instead.
    if (!e.value.is_null()) {
        SourcePos at = doc_.position(e.value.mark());
        if (at.line != 0) s.at = at;
    }
    return s;
}

bool MapFields::read_expected(std::string_view key, std::string& out, std::string_view expected) {
    if (present(find(key))) return read(key, out);
    report_missing(key, std::string(expected), take(key));
    return false;
}

void MapFields::report_missing(std::string_view key, const std::string& example, const Entry* e) {
    if (skipped_) return;
    const bool is_map = example == "<a map>";
    if (e) {
        doc_.error("field.required", path_of(key), e->key_pos,
                   fmt::format("`{}` {} has no value; it is required", key, where()),
                   is_map ? fmt::format("give `{}` its keys, indented below it", key)
                          : fmt::format("give a value: `{}: {}`", key, example));
        return;
    }
    doc_.error("field.required", path_of(key), pos_, fmt::format("`{}` is required {}", key, where()),
               is_map ? fmt::format("add a `{}:` map", key) : fmt::format("add `{}: {}`", key, example));
}

void MapFields::report_empty(std::string_view key, const Entry& e) {
    if (skipped_) return;
    doc_.error("field.required", path_of(key), slot(e).at, fmt::format("`{}` {} is empty; it is required", key, where()),
               fmt::format("give `{}` a value", key));
}

void MapFields::for_each_map_entry(const Entry& e, const std::function<void(MapFields&, SourcePos)>& read_entry) {
    Slot s = slot(e);
    if (!e.value.is_sequence()) {
        doc_.error("type.list", s.path, s.at, fmt::format("`{}` should be a list of entries, but it is {}", e.key,
                                                          kind_of(e.value)),
                   "start each entry on its own line with `- `");
        return;
    }
    if (!doc_.charge(e.value.child_count(), s.at)) return;
    for (std::size_t i = 0; i < e.value.child_count(); ++i) {
        YamlNode item = e.value.child(i);
        std::string path = fmt::format("{}[{}]", s.path, i);
        SourcePos at = item.is_null() ? doc_.position_of_empty(item.mark()) : doc_.position(item.mark());
        if (at.line == 0) at = s.at;
        if (item.is_null()) {
            doc_.error("list.empty_entry", path, at, fmt::format("entry {} of `{}` is empty", i, e.key),
                       "fill in the entry or remove its `-` line");
            continue;
        }
        if (!item.is_map()) {
            doc_.error("type.map", path, at,
                       fmt::format("each entry of `{}` should be a map of keys, but entry {} is {}", e.key, i,
                                   kind_of(item)),
                       "write the entry as `- key: value` lines or `- {key: value, ...}`");
            continue;
        }
        MapFields fields(doc_, item, path);
        read_entry(fields, at);
        fields.finish();
    }
}

bool MapFields::with_map(const Entry& e, const std::function<void(MapFields&)>& read_section) {
    Slot s = slot(e);
    if (!e.value.is_map()) {
        doc_.error("type.map", s.path, s.at,
                   fmt::format("`{}` should be a map of keys, but it is {}", e.key, kind_of(e.value)),
                   fmt::format("write `{}:` on its own line with its keys indented below it", e.key));
        return false;
    }
    MapFields fields(doc_, e.value, s.path);
    read_section(fields);
    fields.finish();
    return true;
}

void MapFields::finish() {
    std::vector<std::string_view> candidates(known_.begin(), known_.end());
    for (const Entry& e : entries_) {
        if (e.asked || e.duplicate) continue;
        if (!e.is_name) {
            doc_.warning("field.unknown", path_, e.key_pos,
                         fmt::format("a key {} is {}, not a name; it is not read", where(), kind_of(e.key_node)),
                         "remove it");
            continue;
        }
        if (e.key == "<<") {
            doc_.warning("field.unknown", path_of(clip(e.key)), e.key_pos,
                         fmt::format("a YAML merge key `<<` {}: merge keys are not part of YAML 1.2 and its keys "
                                     "are not read",
                                     where()),
                         "write the keys out in full");
        } else if (auto s = closest_name(e.key, candidates)) {
            // A near miss of a key that is allowed here and absent (`reveiw` with no `review`) is an
            // error: read past, the value would be lost and the verdict change without anyone noticing.
            bool intended_given = std::any_of(entries_.begin(), entries_.end(), [&](const Entry& other) {
                return other.is_name && other.asked && other.key == s->name;
            });
            if (intended_given)
                doc_.warning("field.unknown", path_of(clip(e.key)), e.key_pos,
                             fmt::format("unknown key `{}` {}; did you mean `{}`? (`{}` is also given)", clip(e.key), where(),
                                         s->name, s->name),
                             fmt::format("remove `{}` or merge it into `{}`", clip(e.key), s->name));
            else
                doc_.error("field.misspelt", path_of(clip(e.key)), e.key_pos,
                           fmt::format("unknown key `{}` {} is a near miss of `{}`, which is not given; its value "
                                       "would not be read",
                                       clip(e.key), where(), s->name),
                           fmt::format("rename `{}` to `{}`", clip(e.key), s->name),
                           only_close_name(e.key, candidates)
                               ? doc_.replace_scalar(e.key_node.mark(), e.key_node.scalar(), s->name)
                               : std::nullopt);
        } else {
            std::string keys;
            for (auto k : candidates) keys += (keys.empty() ? "" : ", ") + std::string(k);
            doc_.warning("field.unknown", path_of(clip(e.key)), e.key_pos,
                         fmt::format("unknown key `{}` {}; it is not read", clip(e.key), where()),
                         fmt::format("remove it or check its spelling; the keys here are: {}", keys));
        }
    }
}

}  // namespace ehcp::detail
