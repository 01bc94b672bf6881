// Applying the loader's exact fixes (Diagnostic::edit) to a file's text, and showing the
// change as a unified diff: what `ehcp validate --fix` and `--diff` do. Pure text in and
// out; the command does the reading and the safe writing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ehcp/core/diagnostic.hpp"

namespace ehcp {

struct EditOutcome {
    bool applied = false;
    std::size_t offset = 0;  // byte offset in the original text (when applied)
    int column = 0;          // 1-based character column in its line (when applied)
    std::string reason;      // why it was not applied
};

struct EditResult {
    std::string text;                   // the text with every applicable edit made
    std::vector<EditOutcome> outcomes;  // one per edit, in the order given
    std::size_t applied = 0;
};

// Makes every edit whose `old_text` is found where it says, from the end of the text
// backwards, so no edit moves another. An edit is skipped (with a reason) when its line
// or bytes are not there, when it would cross a line break, when it overlaps an edit
// already made, or when it repeats one (the same edit found twice is made once). Only
// the edited bytes change: line endings (LF or CRLF), a byte order mark, comments and
// everything else stay as they are.
EditResult apply_edits(std::string_view text, const std::vector<TextEdit>& edits);

// A unified diff (`diff -u` style, 3 lines of context) of two texts with the same
// number of lines, as `apply_edits` gives; empty when they are equal. `label` names
// the file in the `---`/`+++` lines.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& label);

}  // namespace ehcp
