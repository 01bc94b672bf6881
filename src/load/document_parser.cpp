#include "document_parser.hpp"

#include <algorithm>
#include <new>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include "record_mapping.hpp"
#include "text_checks.hpp"
#include "yaml_tree.hpp"

namespace ehcp::detail {

namespace {

struct PlainWords {
    std::string message;
    std::string fix;
};

// yaml-cpp's messages, said the way a person filling in a record would understand.
PlainWords explain(const std::string& msg) {
    auto starts = [&](std::string_view prefix) { return msg.compare(0, prefix.size(), prefix) == 0; };
    if (starts("illegal map value"))
        return {"a `:` appears where a value cannot start (often wrong indentation, or text containing `: ` "
                "that needs quotes)",
                "check the indentation of this line and the one above, and quote text that contains `: `"};
    if (starts("end of map not found"))
        return {"the keys of a map do not line up", "indent every key of the same map by the same number of spaces"};
    if (starts("end of sequence not found"))
        return {"the entries of a list do not line up", "indent every `- ` entry of the same list by the same number of spaces"};
    if (starts("end of map flow not found")) return {"a `{` is not closed by a `}`", "close the map with `}`"};
    if (starts("end of sequence flow not found")) return {"a `[` is not closed by a `]`", "close the list with `]`"};
    if (starts("illegal flow end")) return {"a `]` or `}` has no matching `[` or `{`", "remove it or add the opening bracket"};
    if (starts("illegal block entry"))
        return {"a `- ` list entry appears where a list cannot start", "check the indentation of the `- ` line"};
    if (starts("illegal map key")) return {"a key appears where one cannot start", "check the indentation of this line"};
    if (starts("the referenced anchor is not defined"))
        return {"an alias `*name` refers to an anchor `&name` that is not defined above it",
                "define the anchor first, or write the value out"};
    if (starts("unknown escape character"))
        return {"a double-quoted text has a backslash escape YAML does not know (" + msg + ")",
                "use single quotes around the text, or write a backslash as `\\\\`"};
    if (starts("illegal EOF in scalar") || starts("end of string"))
        return {"a quoted text is not closed before the end of the document", "add the closing quote"};
    if (starts("illegal document indicator in scalar"))
        return {"a `---` or `...` line appears inside a quoted text", "close the quote before the line"};
    if (starts("YAML major version too large"))
        return {"the `%YAML` line at the top asks for a YAML version this reader does not know",
                "remove the `%YAML` line (records are YAML 1.2)"};
    if (starts("illegal tab when looking for indentation"))
        return {"a tab is used for indentation; YAML needs spaces", "replace the tab with spaces"};
    return {fmt::format("the YAML cannot be read here: {}", msg), "check the YAML syntax at this point"};
}

// yaml-cpp stops a plain key at 1024 characters (as YAML says) and then reports a `:`
// where it cannot be: say what is really wrong. The length in bytes of the text before
// the mark on its line, when that is over the limit.
std::optional<std::size_t> overlong_key(std::string_view text, const YAML::Mark& mark) {
    if (mark.is_null() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) > text.size()) return std::nullopt;
    std::size_t start = text.rfind('\n', mark.pos == 0 ? 0 : static_cast<std::size_t>(mark.pos) - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::size_t length = static_cast<std::size_t>(mark.pos) - std::min(start, static_cast<std::size_t>(mark.pos));
    if (length <= 1024) return std::nullopt;
    return length;
}


// ---- tabs in indentation ----------------------------------------------------------
//
// YAML forbids a tab in indentation, and yaml-cpp stops at the first one. Rather than
// hide every other problem behind it, the lines indented with the same tab run (a run:
// consecutive content lines with identical leading whitespace holding a tab) are read
// on as spaces when exactly one indentation makes sense of them, and that indentation is
// the fix. It makes sense when the YAML reads on past the run and the next line, and,
// after a key with no value (`pupil:`), only when the run sits inside that key (a tab
// there is meant as "one level in"); several widths that read differently leave the
// tab an error with no fix, and reading stops there as before.

struct Lines {
    std::vector<std::string_view> lines;
    explicit Lines(std::string_view text) {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
    }
};

bool is_content(std::string_view line) {
    auto first = line.find_first_not_of(" \t");
    return first != std::string_view::npos && line[first] != '#';
}

std::string_view leading_space(std::string_view line) {
    return line.substr(0, std::min(line.size(), line.find_first_not_of(" \t")));
}

// Where the line's key starts, past `- ` entry markers: `  - start: x` gives 4.
std::size_t key_indent(std::string_view line) {
    std::size_t i = line.find_first_not_of(' ');
    while (i != std::string_view::npos && i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ')
        i = line.find_first_not_of(' ', i + 1);
    return i == std::string_view::npos ? line.size() : i;
}

// `key:` or `- key:` with its value below (a comment may follow).
bool opens_block(std::string_view line) {
    if (auto hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
    line = rtrim(line);
    return !line.empty() && (line.back() == ':' || rtrim(line) == "-" || line.substr(line.size() >= 2 ? line.size() - 2 : 0) == " -");
}

bool parses_past(const std::string& text, int past_line) {
    try {
        YamlTree::parse(text);
        return true;
    } catch (const YAML::ParserException& e) {
        if (e.mark.is_null()) return false;
        if (e.mark.line > past_line) return true;  // a problem further on is not this run's
        // The next tab further on stops the parse too: the run itself read fine.
        auto tab = first_tab_indent(text);
        return tab && tab->line > past_line && tab->line <= e.mark.line;
    } catch (const std::exception&) {
        return false;
    }
}

struct TabRun {
    int first = 0, last = 0;  // 0-based lines
    std::string old_space;    // the leading whitespace they share
    std::optional<std::size_t> width;  // spaces that replace it, when only one reads right
};

// Reading on past tabs parses the document once per width tried: bounded, so that a
// hostile text (thousands of tab runs, indentation thousands of spaces deep) costs at
// most this many bytes of parsing before the tab is left as an error without a fix.
constexpr std::size_t kTabParseBudget = 16u * 1024 * 1024;
constexpr std::size_t kMaxTabWidth = 40;

TabRun tab_run(const std::string& text, int line, std::size_t& budget) {
    Lines l(text);
    TabRun run;
    run.first = run.last = line;
    run.old_space = std::string(leading_space(l.lines[static_cast<std::size_t>(line)]));
    const std::string_view rest = l.lines[static_cast<std::size_t>(line)].substr(run.old_space.size());
    if (rest.empty() || rest == "\r") {  // only blanks: no indentation at all reads the same
        run.width = 0;
        return run;
    }
    if (rest[0] == '#') {
        // A comment belongs to no key: any width reads the same. Line it up with the
        // next line of content (or the one before) when that is indented with spaces.
        run.width = 0;
        for (int step : {1, -1})
            for (int i = line + step; i >= 0 && static_cast<std::size_t>(i) < l.lines.size(); i += step) {
                std::string_view s = l.lines[static_cast<std::size_t>(i)];
                if (!is_content(s)) continue;
                if (leading_space(s).find('\t') == std::string_view::npos && run.width == 0)
                    run.width = leading_space(s).size();
                break;
            }
        if (*run.width > kMaxTabWidth) run.width = 0;
        return run;
    }
    int next = -1;  // the first content line after the run
    for (std::size_t i = static_cast<std::size_t>(line) + 1; i < l.lines.size(); ++i) {
        if (!is_content(l.lines[i])) continue;
        if (leading_space(l.lines[i]) == run.old_space) {
            run.last = static_cast<int>(i);
            continue;
        }
        next = static_cast<int>(i);
        break;
    }
    std::optional<std::string_view> previous;
    for (int i = line - 1; i >= 0; --i)
        if (is_content(l.lines[static_cast<std::size_t>(i)])) {
            previous = l.lines[static_cast<std::size_t>(i)];
            break;
        }
    std::size_t lowest = 0, highest = 0;
    bool inside = false;
    if (previous) {
        inside = opens_block(*previous);
        highest = key_indent(*previous) + 2;
        if (inside) {
            std::string_view first = rest;
            bool entry = first.size() >= 1 && first[0] == '-' && (first.size() == 1 || first[1] == ' ');
            lowest = leading_space(*previous).size() + (entry ? 0 : 1);
        }
    }
    if (next >= 0 && l.lines[static_cast<std::size_t>(next)].find('\t') > leading_space(l.lines[static_cast<std::size_t>(next)]).size())
        highest = std::max(highest, leading_space(l.lines[static_cast<std::size_t>(next)]).size());
    const int past = next >= 0 ? next : run.last;
    std::vector<std::size_t> fits;
    if (highest > kMaxTabWidth) return run;
    for (std::size_t width = lowest; width <= highest; ++width) {
        if (budget < text.size()) return run;
        budget -= text.size();
        std::string candidate;
        for (std::size_t i = 0; i < l.lines.size(); ++i) {
            std::string_view s = l.lines[i];
            if (static_cast<int>(i) >= run.first && static_cast<int>(i) <= run.last && leading_space(s) == run.old_space)
                candidate.append(width, ' ').append(s.substr(run.old_space.size()));
            else
                candidate.append(s);
            if (i + 1 < l.lines.size()) candidate += '\n';
        }
        if (parses_past(candidate, past)) fits.push_back(width);
    }
    if (fits.empty()) return run;
    if (fits.size() == 1 || inside) {
        // Inside a key every width past it reads the same: take the document's own step
        // (two more than the key), else the next line's, else the first that fits.
        std::size_t want = previous ? key_indent(*previous) + 2 : 0;
        if (!inside || std::find(fits.begin(), fits.end(), want) == fits.end()) want = fits.front();
        if (inside && next >= 0) {
            std::size_t n = leading_space(l.lines[static_cast<std::size_t>(next)]).size();
            if (n > lowest && std::find(fits.begin(), fits.end(), n) != fits.end() && n != want &&
                std::find(fits.begin(), fits.end(), key_indent(*previous) + 2) == fits.end())
                want = n;
        }
        run.width = want;
    }
    return run;
}

}  // namespace

std::optional<TextPos> first_tab_indent(std::string_view text) {
    int line_no = 0;
    int block_indent = -1;  // indentation of the line that opened a block scalar; -1 outside one
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        int spaces = 0;
        while (static_cast<std::size_t>(spaces) < line.size() && line[static_cast<std::size_t>(spaces)] == ' ') ++spaces;
        bool blank = rtrim(line).empty() && line.find('\t') == std::string_view::npos;
        bool in_block = block_indent >= 0 && (blank || spaces > block_indent);
        if (!in_block) {
            block_indent = -1;
            if (static_cast<std::size_t>(spaces) < line.size() && line[static_cast<std::size_t>(spaces)] == '\t')
                return TextPos{line_no, spaces};
            if (opens_block_scalar(line)) block_indent = spaces;
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
        ++line_no;
    }
    return std::nullopt;
}

std::optional<TextProblem> first_text_problem(std::string_view text, int max_depth) {
    if (auto bad = check_characters(text)) return bad;
    if (auto deep = check_nesting(text, max_depth))
        return TextProblem{deep->at, "yaml.too_deep",
                           fmt::format("the lists and maps nest more than {} levels deep here; a record needs only a few",
                                       deep->depth),
                           "check for runaway `[` or `{` brackets, or indentation that keeps growing"};
    if (auto quote = unclosed_quote(text)) {
        std::size_t line_start = 0;
        for (int l = 0; l < quote->line; ++l) line_start = text.find('\n', line_start) + 1;
        const char q = text[line_start + static_cast<std::size_t>(quote->byte_column)];
        return TextProblem{*quote, "yaml.unclosed_quote",
                           fmt::format("a quoted text opened here with {} is never closed, so everything after it "
                                       "would be read as part of this one value",
                                       q == '"' ? "a double quote `\"`" : "a single quote `'`"),
                           fmt::format("add the closing {} at the end of the text", q == '"' ? "`\"`" : "`'`")};
    }
    return std::nullopt;
}

std::optional<Record> parse_document(DocumentContext& doc, std::string_view text, bool text_checked) {
    try {
        // yaml-cpp trusts its input: give it only UTF-8 text it can parse with bounded recursion.
        if (auto bad = text_checked ? std::nullopt : first_text_problem(text, doc.options().max_depth)) {
            doc.error(bad->code, "", doc.position(bad->at.line, bad->at.byte_column), bad->message, bad->fix);
            return std::nullopt;
        }
        std::optional<YamlTree> tree;
        // Tab runs read on as spaces (see tab_run): the text as read, and where it moved.
        std::string untabbed;
        std::vector<DocumentContext::IndentShift> shifts;
        struct Restore {
            DocumentContext& doc;
            std::string_view text;
            bool active = false;
            ~Restore() {
                if (active) doc.reread(text, {});
            }
        } restore{doc, text};
        auto now = [&] { return shifts.empty() ? text : std::string_view(untabbed); };
        std::size_t tab_budget = kTabParseBudget;
        try {
            for (;;) {
                try {
                    tree = YamlTree::parse(now());
                    break;
                } catch (const YAML::ParserException& e) {
                    auto tab = first_tab_indent(now());
                    if (!tab || !(e.mark.is_null() || tab->line <= e.mark.line) || shifts.size() > 10000) throw;
                    if (shifts.empty()) untabbed = std::string(text);
                    TabRun run = tab_run(untabbed, tab->line, tab_budget);
                    if (!run.width) throw;  // reported below as a tab with no single fix
                    const std::string spaces(*run.width, ' ');
                    Lines l(untabbed);
                    std::string rebuilt;
                    std::vector<DocumentContext::IndentShift> added;
                    for (std::size_t i = 0; i < l.lines.size(); ++i) {
                        std::string_view line = l.lines[i];
                        const int n = static_cast<int>(i);
                        if (n >= run.first && n <= run.last && leading_space(line) == run.old_space) {
                            const bool blank = line.size() == run.old_space.size();
                            doc.error("yaml.tab", "", doc.position(n, static_cast<int>(line.find('\t'))),
                                      blank ? std::string("a tab on a line with nothing else; YAML does not allow "
                                                          "it where it reads indentation")
                                            : fmt::format("a tab is used for indentation; YAML needs spaces (read on "
                                                          "as {} space{}, the only indentation that fits the lines "
                                                          "around it)",
                                                          *run.width, *run.width == 1 ? "" : "s"),
                                      blank ? std::string("remove the tab")
                                            : fmt::format("replace the indentation with {} space{}", *run.width,
                                                          *run.width == 1 ? "" : "s"),
                                      TextEdit{doc.first_line() + n, 0, run.old_space, spaces});
                            added.push_back({n, *run.width,
                                             static_cast<int>(*run.width) - static_cast<int>(run.old_space.size())});
                            rebuilt.append(spaces).append(line.substr(run.old_space.size()));
                        } else {
                            rebuilt.append(line);
                        }
                        if (i + 1 < l.lines.size()) rebuilt += '\n';
                    }
                    untabbed = std::move(rebuilt);
                    shifts.insert(shifts.end(), added.begin(), added.end());
                    doc.reread(untabbed, shifts);
                    restore.active = true;
                }
            }
        } catch (const YAML::DeepRecursion& e) {
            // yaml-cpp says "bad file" here; the real problem is the nesting.
            doc.error("yaml.too_deep", "", doc.position(e.mark),
                      fmt::format("the YAML nests deeper than the reader allows ({} levels); a record needs only a few",
                                  e.depth()),
                      "check for runaway `[` or `{` brackets or indentation");
            return std::nullopt;
        } catch (const YAML::ParserException& e) {
            auto tab = first_tab_indent(now());
            if (tab && (e.mark.is_null() || tab->line <= e.mark.line)) {
                doc.error("yaml.tab", "", doc.position(tab->line, tab->byte_column),
                          "a tab is used for indentation; YAML needs spaces, and how many spaces it stands for here "
                          "is not clear, so the rest of the record is not read",
                          "replace the tab with spaces, as many as the key this line belongs with, then check again");
            } else if (auto key = overlong_key(now(), e.mark)) {
                doc.error("yaml.syntax", "", doc.position(e.mark.line, 0),
                          fmt::format("YAML syntax error: a key of {} characters; YAML allows a key of at most 1024 "
                                      "before its `:`",
                                      *key),
                          "shorten the key; long text belongs in a value");
            } else {
                PlainWords words = explain(e.msg);
                doc.error("yaml.syntax", "", doc.position_of_error(e.mark), "YAML syntax error: " + words.message, words.fix);
            }
            return std::nullopt;
        }
        // Without aliases the mapping reads each value at most once; leave room for a
        // few small aliases, not for re-reading a large map thousands of times.
        doc.set_read_budget(2 * tree->node_count() + 10000);
        return map_record(doc, tree->root());
    } catch (const YAML::Exception& e) {
        // BadConversion and friends: the mapping should never cause them, but a record
        // must never bring the batch down.
        doc.error("yaml.error", "", doc.position(e.mark), fmt::format("the YAML could not be read: {}", e.msg),
                  "check the YAML syntax at this point");
    } catch (const std::bad_alloc&) {
        doc.error("document.too_large", "", {}, "the document needs more memory than is available to read",
                  "split the document or lower its size");
    } catch (const std::exception& e) {
        doc.error("load.internal", "", {}, fmt::format("the document could not be read: {}", e.what()),
                  "report this as a bug in ehcp, with the document if you can");
    }
    return std::nullopt;
}

}  // namespace ehcp::detail
