#include "document_parser.hpp"

#include <new>
#include <string>

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
        try {
            tree = YamlTree::parse(text);
        } catch (const YAML::DeepRecursion& e) {
            // yaml-cpp says "bad file" here; the real problem is the nesting.
            doc.error("yaml.too_deep", "", doc.position(e.mark),
                      fmt::format("the YAML nests deeper than the reader allows ({} levels); a record needs only a few",
                                  e.depth()),
                      "check for runaway `[` or `{` brackets or indentation");
            return std::nullopt;
        } catch (const YAML::ParserException& e) {
            auto tab = first_tab_indent(text);
            if (tab && (e.mark.is_null() || tab->line <= e.mark.line)) {
                doc.error("yaml.tab", "", doc.position(tab->line, tab->byte_column),
                          "a tab is used for indentation; YAML needs spaces", "replace the tab with spaces");
            } else if (auto key = overlong_key(text, e.mark)) {
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
