// Formatting shared by every renderer: prose wrapping, column padding, money (from core),
// and the words used for statuses, verdicts, year groups and key stages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ehcp/core/money.hpp"
#include "ehcp/facts/calendar.hpp"
#include "ehcp/rules/report.hpp"

namespace ehcp {

// Money: round_pence() and format_money() ("£1,170.00") live in core/money.hpp, shared
// with the facts that compute costs; included here so every renderer has them.

// Columns a string takes on a terminal: UTF-8 code points, not bytes; ANSI escape
// sequences (colours) take none. Every code point counts as one column.
std::size_t display_width(std::string_view text);

// `text` padded with spaces to `width` display columns (never truncated).
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// Greedy word wrap to `width` display columns. Runs of spaces and tabs collapse to one
// space; a newline in `text` starts a new line (an empty line is kept). The first line
// starts with `first_indent`, every later one with `rest_indent`. A word longer than
// the room left goes on a line of its own, unbroken. Returns at least one line.
std::vector<std::string> wrap_lines(std::string_view text, std::size_t width,
                                    std::string_view first_indent = {},
                                    std::string_view rest_indent = {});

// wrap_lines joined with '\n' (no newline after the last line).
std::string wrap_text(std::string_view text, std::size_t width, std::string_view first_indent = {},
                      std::string_view rest_indent = {});

// "Nursery 1" (-2), "Nursery 2" (-1), "Reception" (0), "Year 6", "Year 14".
std::string year_group_label(int year_group);

// "Early Years", "Key Stage 1" ... "Key Stage 4", "Post-16".
std::string_view phase_label(Phase phase);

// Lower-case words: "met", "not met", "insufficient evidence", "not applicable", "manual review".
std::string_view status_words(Status status);

// Upper-case tag words: "MET", "NOT MET", "INSUFFICIENT EVIDENCE", ...
std::string_view status_tag(Status status);

// "READY", "NOT READY", "INVALID".
std::string_view verdict_tag(Verdict verdict);
// The tag a reader sees: for a parent's or young person's own request, never "NOT READY".
std::string_view verdict_tag(const RecordReport& record);

}  // namespace ehcp
