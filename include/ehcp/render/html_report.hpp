// The readiness report as one self-contained HTML file, to read on screen, print on A4
// or attach to a case: no scripts, no fonts, images or styles fetched (all CSS inline in
// one <style>, and a Content-Security-Policy that forbids loading anything), headings in
// order, tables with header cells, statuses in words as well as colour, lang="en-GB".
// Printed, every page carries a header with the pupil id, the as-of date and the rule
// pack's version, and each record starts on a new page. Same facts, in the same order,
// as the text report; several records give one file with a contents list.
#pragma once

#include <string>
#include <string_view>

#include "ehcp/render/document_options.hpp"
#include "ehcp/rules/report.hpp"

namespace ehcp {

// The whole document, <!DOCTYPE html> to </html>; ends with a newline.
std::string render_html(const Report& report, const DocumentOptions& options = {});

// Text made safe for HTML element content and quoted attribute values: & < > " ' become
// character references; control characters other than tab, line feed and carriage
// return become U+FFFD. Record text goes through this and nothing else.
std::string html_escape(std::string_view text);

}  // namespace ehcp
