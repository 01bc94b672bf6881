#include "text_checks.hpp"

#include <limits>
#include <vector>

#include <fmt/format.h>

namespace ehcp::detail {

namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (c == 0xED) n = 3, hi = 0x9F;  // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) n = 4, hi = 0x8F;  // up to U+10FFFF
    else return 0;
    if (i + n > text.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return n;
}

// Characters often typed in Windows-1252 (Excel's and Notepad's old default) whose byte
// is not UTF-8 on its own; empty for others.
std::string_view windows_1252(unsigned char c) {
    switch (c) {
        case 0x80: return "€";
        case 0x91: return "‘";
        case 0x92: return "’";
        case 0x93: return "“";
        case 0x94: return "”";
        case 0x96: return "–";
        case 0x97: return "—";
        case 0xA0: return "a no-break space";
        case 0xA3: return "£";
        case 0xB0: return "°";
        case 0xBD: return "½";
        default: return {};
    }
}

}  // namespace

std::optional<TextProblem> check_characters(std::string_view text) {
    int line = 0;
    std::size_t line_start = 0;
    auto at = [&](std::size_t i) { return TextPos{line, static_cast<int>(i - line_start)}; };
    // A UTF-16 file (with or without its byte order mark) is full of NUL bytes: say what it is.
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF') ||
                             (text[0] != '\0' && text[1] == '\0') || (text[0] == '\0' && text[1] != '\0')))
        return TextProblem{at(0), "text.encoding",
                           "the file is in UTF-16 (or another encoding with two bytes per character); ehcp reads "
                           "UTF-8 text",
                           "save the file as UTF-8 (in Excel: CSV UTF-8; in an editor: encoding UTF-8)"};
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            line_start = ++i;
            continue;
        }
        if (c == 0)
            return TextProblem{at(i), "text.nul",
                               "a NUL byte (character 0) is in the text; a record is plain text and cannot hold one",
                               "remove it; if the file came from another program, export it again as UTF-8 text"};
        if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))
            return TextProblem{at(i), "text.control",
                               "a carriage return (CR) is not followed by a line feed: the file may use old Mac line "
                               "endings",
                               "save the file with LF (Unix) or CRLF (Windows) line endings"};
        if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F)
            return TextProblem{at(i), "text.control",
                               fmt::format("a control character (U+{:04X}) is in the text; YAML does not allow it", c),
                               "remove it; it is often left by copying from another program"};
        std::size_t n = utf8_length(text, i);
        if (n == 0) {
            if (c >= 0xC2 && c <= 0xF4)
                return TextProblem{at(i), "text.encoding",
                                   fmt::format("a UTF-8 character is broken here: byte 0x{:02X} starts one, but the "
                                               "bytes after it do not continue it (the file may have been cut, or "
                                               "saved in another encoding such as Windows-1252)",
                                               c),
                                   "save the file as UTF-8, or retype the character"};
            std::string_view meant = windows_1252(c);
            return TextProblem{at(i), "text.encoding",
                               meant.empty()
                                   ? fmt::format("byte 0x{:02X} is not valid UTF-8; the file may be saved in another "
                                                 "encoding",
                                                 c)
                                   : fmt::format("byte 0x{:02X} is not valid UTF-8; the file seems to be saved as "
                                                 "Windows-1252, where it is `{}`",
                                                 c, meant),
                               "save the file as UTF-8, or retype the character"};
        }
        if (n == 3 && c == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBB &&
            static_cast<unsigned char>(text[i + 2]) == 0xBF && i != 0)
            return TextProblem{at(i), "text.bom",
                               "a byte order mark (U+FEFF) appears inside the text; it belongs only at the very "
                               "start of a file, as when two exported files are joined",
                               "remove it"};
        i += n;
    }
    return std::nullopt;
}

std::string_view rtrim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool opens_block_scalar(std::string_view line) {
    if (auto hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
    line = rtrim(line);
    while (!line.empty() && (line.back() == '-' || line.back() == '+' || (line.back() >= '0' && line.back() <= '9')))
        line.remove_suffix(1);
    if (line.empty() || (line.back() != '|' && line.back() != '>')) return false;
    line.remove_suffix(1);
    if (line.empty()) return true;
    if (line.back() != ' ' && line.back() != '\t') return false;  // `a|` is plain text, not a header
    line = rtrim(line);
    return line.empty() || line.back() == ':' || line.back() == '-' || line.back() == '?';
}

namespace {

// One pass over the text, as a YAML reader sees its structure: flow brackets and quotes
// outside comments, block levels by indentation, block scalar content skipped.
struct Scan {
    std::optional<DepthProblem> too_deep;
    std::optional<TextPos> open_quote;  // a quote still open at the end of the text
};

Scan scan(std::string_view text, int max_depth) {
    Scan out;
    std::vector<int> indents;  // block levels open, by indentation
    int flow = 0;              // open brackets
    char quote = 0;            // inside a quoted scalar: its quote
    TextPos quote_at;
    int block_indent = -1;     // indentation of the line that opened a block scalar; -1 outside one
    int line = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view s = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        std::size_t i = 0;
        while (i < s.size() && s[i] == ' ') ++i;
        const int spaces = static_cast<int>(i);
        const bool blank = rtrim(s).size() == i;
        if (block_indent >= 0 && quote == 0 && (blank || spaces > block_indent)) {
            // Block scalar content: text, not structure.
        } else {
            block_indent = -1;
            if (flow == 0 && quote == 0 && !blank && s[i] != '#') {
                // Block structure: indentation opens and closes levels.
                while (!indents.empty() && indents.back() > spaces) indents.pop_back();
                if (indents.empty() || indents.back() < spaces) indents.push_back(spaces);
            }
            int inline_levels = 0;  // `- - x` openers on this line
            for (; i < s.size(); ++i) {
                char c = s[i];
                if (quote) {
                    if (c == '\\' && quote == '"') ++i;
                    else if (c == quote) {
                        if (quote == '\'' && i + 1 < s.size() && s[i + 1] == '\'') ++i;
                        else quote = 0;
                    }
                    continue;
                }
                bool token_start = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '[' ||
                                   s[i - 1] == '{' || s[i - 1] == ',';
                if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) break;
                if ((c == '"' || c == '\'') && token_start) {
                    quote = c;
                    quote_at = TextPos{line, static_cast<int>(i)};
                } else if (c == '[' || c == '{') ++flow;
                else if ((c == ']' || c == '}') && flow > 0) --flow;
                else if (flow == 0 && c == '-' && token_start && (i + 1 == s.size() || s[i + 1] == ' ')) ++inline_levels;
                if (!out.too_deep && static_cast<int>(indents.size()) + flow + inline_levels > max_depth)
                    out.too_deep = DepthProblem{TextPos{line, static_cast<int>(i)}, max_depth};
            }
            if (quote == 0 && flow == 0 && opens_block_scalar(s)) block_indent = spaces;
        }
        if (out.too_deep) return out;
        if (end == std::string_view::npos) break;
        start = end + 1;
        ++line;
    }
    if (quote) out.open_quote = quote_at;
    return out;
}

}  // namespace

std::optional<DepthProblem> check_nesting(std::string_view text, int max_depth) { return scan(text, max_depth).too_deep; }

std::optional<TextPos> unclosed_quote(std::string_view text) {
    return scan(text, std::numeric_limits<int>::max()).open_quote;
}

std::string clip(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return fmt::format("{}… ({} bytes in all)", text.substr(0, cut), text.size());
}

}  // namespace ehcp::detail
