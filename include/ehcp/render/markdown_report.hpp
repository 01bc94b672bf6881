// The readiness report as Markdown, to paste into a case note, a ticket or a document:
// it reads as plain text and renders cleanly on GitHub and through pandoc. Same facts,
// in the same order, as the text report: verdict and the evidence-readiness statement
// first, then the criteria (a table, then each one's figures, reasoning, Coventry's
// wording quoted and cited), gaps as a numbered to-do list, indicators by area, the
// costed provision map, the evidence checklist, practice warnings and the statutory dates.
#pragma once

#include <string>
#include <string_view>

#include "ehcp/render/document_options.hpp"
#include "ehcp/rules/report.hpp"

namespace ehcp {

// Every record of the report, separated by a thematic break; ends with a newline.
std::string render_markdown(const Report& report, const DocumentOptions& options = {});

// Text made literal for Markdown (CommonMark, GitHub, pandoc), for use inline: in a
// paragraph, a list item, a heading or a table cell. Line breaks and runs of spaces
// become one space and the ends are trimmed; then a backslash goes only where Markdown
// would otherwise misread the text: always before ` * |; before < that could open HTML
// or an autolink; before [ ] when a link, image, span, footnote, link definition or
// task-list box could form; before ~ ^ $ when paired; before _ that is not inside a word; before & that starts a
// reference; and at the start before what would begin a block ("- ", "+ ", "# ", ">",
// "1. ", "1) ", "---"). So "reading gap: 4.5 years", "items[0]" and "[redacted]" stay as they are,
// and a pupil named `*Sam* | <b>` is shown as exactly that.
std::string markdown_escape(std::string_view text);

}  // namespace ehcp
