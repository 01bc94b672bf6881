// The readiness report as Markdown, to paste into a case note, a ticket or a document:
// it reads as plain text and renders cleanly on GitHub and through pandoc. Same facts,
// in the same order, as the text report: verdict and the evidence-readiness statement
// first, then the criteria (a table, then each one's figures, reasoning, Coventry's
// wording quoted and cited), gaps as a numbered to-do list, indicators by area, the
// costed provision map, the evidence checklist, practice warnings and the statutory dates.
#pragma once

#include <string>
#include <string_view>

#include "ehcp/rules/report.hpp"

namespace ehcp {

// Every record of the report, separated by a thematic break; ends with a newline.
std::string render_markdown(const Report& report);

// Text made literal for Markdown (CommonMark, GitHub, pandoc), for use inline: in a
// paragraph, a list item, a heading or a table cell. Markup characters are backslash-
// escaped (\ ` * _ [ ] < > | $ ~ ^, & before an entity name, # + - = and "1." at the
// start), line breaks and runs of spaces become one space, and the ends are trimmed,
// so a pupil named `*Sam* | <b>` is shown as exactly that.
std::string markdown_escape(std::string_view text);

}  // namespace ehcp
