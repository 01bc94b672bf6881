// How the text of one YAML scalar reads as a date, a number or a boolean; when it does
// not, why not and what to write instead. Pure text in, no YAML: easy to test and reuse.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ehcp/core/date.hpp"

namespace ehcp {

struct ScalarProblem {
    std::string code;     // diagnostic code, e.g. "date.format"
    std::string message;  // what is wrong, without the field's path
    std::string fix;      // e.g. "use 2016-05-14"
    // The exact text to write instead, when only one value can have been meant (what
    // `validate --fix` writes); empty when the fix needs a person (an impossible date,
    // a two-digit year, a US-style date, a fraction of a penny).
    std::string replacement;
};

template <class T>
struct ScalarReading {
    std::optional<T> value;
    ScalarProblem problem;  // set when value is absent
};

// Strict YYYY-MM-DD. Other spellings of a date (14/05/2016 read day-first as in the UK,
// 2016/05/14, 14 May 2016, a spreadsheet serial number) are problems whose fix gives the
// ISO form, also as the replacement; an impossible date (2025-02-30) is "date.invalid".
// A slash date read month-first (only when day-first is no date) and a two-digit year
// have a suggestion but no replacement: a person must say which date was meant.
ScalarReading<Date> read_date_text(std::string_view text);

// Money fields name their own problem ("money.format") for "£1,250"-style text.
enum class NumberKind { plain, money };

// A decimal number. "£1,250", "1,250.50", "85%" or "0x14" are problems whose fix gives the
// plain number; ".nan" and ".inf" are rejected.
ScalarReading<double> read_number_text(std::string_view text, NumberKind kind = NumberKind::plain);

// true/True/TRUE/false/False/FALSE only (YAML 1.2 core). yes/no/on/off/y/n are problems
// whose fix says which of true or false to write, so a value has only one meaning.
ScalarReading<bool> read_bool_text(std::string_view text);

// The decimal form YAML 1.2 and spreadsheets agree on: [+-]digits[.digits][(e|E)[+-]digits]
// (also ".5" and "5."). Leading zeros are decimal (012 is 12). No NaN, infinity, hex or octal.
std::optional<double> parse_decimal(std::string_view text);

// A date from Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 the
// 29 February 1900 that Excel wrongly believes in, so from 61 on the date is
// 1899-12-30 plus the serial. nullopt for 60 and outside 1..2958465 (9999-12-31).
std::optional<Date> excel_serial_date(long serial);

}  // namespace ehcp
