// Editing a record file without disturbing it: the imported section is written into the
// text as lines; every other line is kept byte for byte (comments, spacing, key order).
// yaml-cpp only answers whether the section is there and whether it holds anything.
#include <regex>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ehcp/import/import.hpp"

namespace ehcp::import {

namespace {

struct Line {
    std::size_t begin, end;  // [begin, end) without the line ending
    std::size_t next;        // start of the following line
};

std::vector<Line> split_lines(const std::string& text) {
    std::vector<Line> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::size_t end = nl == std::string::npos ? text.size() : nl;
        std::size_t stop = end > pos && text[end - 1] == '\r' ? end - 1 : end;
        out.push_back({pos, stop, nl == std::string::npos ? text.size() : nl + 1});
        pos = nl == std::string::npos ? text.size() : nl + 1;
    }
    return out;
}

// The value written on a `key:` line after the colon, without its comment.
std::string inline_value(const std::string& line, std::size_t colon) {
    std::string rest = line.substr(colon + 1);
    std::size_t hash = rest.find(" #");
    if (!rest.empty() && rest[0] == '#') hash = 0;
    if (hash != std::string::npos) rest = rest.substr(0, hash);
    auto b = rest.find_first_not_of(" \t");
    return b == std::string::npos ? std::string() : rest.substr(b, rest.find_last_not_of(" \t") - b + 1);
}

// The comment on a `key:` line, with the spaces before it ("   # List..."), or "".
std::string line_comment(const std::string& line, std::size_t colon) {
    std::string rest = line.substr(colon + 1);
    std::size_t hash = rest.find('#');
    if (hash == std::string::npos) return {};
    std::size_t start = hash;
    while (start > 0 && (rest[start - 1] == ' ' || rest[start - 1] == '\t')) --start;
    return start == 0 ? " " + rest.substr(hash) : rest.substr(start);
}

}  // namespace

SpliceResult splice_section(const std::string& original, const std::string& section, const std::string& block, bool replace) {
    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(original);
    } catch (const YAML::Exception& e) {
        throw ImportError(fmt::format("line {}:{}: the record is not valid YAML ({}), so it cannot be edited safely; fix: run "
                                      "`ehcp validate` on it and correct it first", e.mark.line + 1, e.mark.column + 1, e.msg));
    }
    if (docs.size() > 1)
        throw ImportError("the file holds several records (`---`); import into a file of one record");
    YAML::Node root = docs.empty() ? YAML::Node() : docs[0];
    if (root && !root.IsNull() && !root.IsMap())
        throw ImportError("the file is not a record (its top level is not a map of keys)");
    YAML::Node existing = root && root.IsMap() ? root[section] : YAML::Node();
    bool present = existing.IsDefined();
    bool has_entries = present && !existing.IsNull() && !(existing.IsSequence() && existing.size() == 0);

    std::string eol = original.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    std::string body = block;
    if (eol == "\r\n") {
        body.clear();
        for (char c : block) {
            if (c == '\n') body += '\r';
            body += c;
        }
    }

    auto lines = split_lines(original);
    static const std::regex key_re(R"(^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:([ \t].*|)$)");
    std::optional<std::size_t> key_line;
    std::size_t last_content = 0;
    bool in_section = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = original.substr(lines[i].begin, lines[i].end - lines[i].begin);
        if (i == 0 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        std::smatch m;
        bool top_key = std::regex_match(line, m, key_re);
        bool marker = line.rfind("---", 0) == 0 || line.rfind("...", 0) == 0;
        if (top_key && m[1] == section) {
            if (key_line)
                throw ImportError(fmt::format("`{}` is given twice in the record (lines {} and {}); nothing was changed; fix: run "
                                              "`ehcp validate` on it and keep one", section, *key_line + 1, i + 1));
            key_line = i;
            last_content = i;
            in_section = true;
        } else if (in_section) {
            if (top_key || marker) in_section = false;
            else if (!line.empty() && (line[0] == ' ' || line[0] == '\t' || line[0] == '-')) last_content = i;
        }
    }

    SpliceResult result;
    if (!present || !key_line) {
        if (present && !key_line)
            throw ImportError(fmt::format("`{}` is in the record but not as a plain `{}:` line at the left margin; fix: edit it by hand",
                                          section, section));
        result.kind = SpliceKind::appended;
        result.text = original;
        if (!result.text.empty() && result.text.back() != '\n') result.text += eol;
        result.text += section + ":" + eol + body;
        return result;
    }

    const Line& kl = lines[*key_line];
    std::string key_text = original.substr(kl.begin, kl.end - kl.begin);
    std::size_t colon = key_text.find(':');
    std::size_t region_end = lines[last_content].next;
    std::string region = original.substr(kl.begin, region_end - kl.begin);
    if (region.find(body) != std::string::npos) {
        result.kind = SpliceKind::unchanged;
        result.text = original;
        return result;
    }
    if (has_entries && !replace)
        throw ImportError(fmt::format("the record already has `{}` entries (line {}); nothing was changed; fix: add `--replace {}` "
                                      "to replace them (the old file is kept as a backup), or edit the section by hand",
                                      section, *key_line + 1, section));
    std::string new_key = key_text.substr(0, colon + 1) + line_comment(key_text, colon);
    std::string inline_text = inline_value(key_text, colon);
    bool rewrite_key = !inline_text.empty();
    if (rewrite_key) {
        // The value on the key line is dropped: only when it is whole there (`[]`, `~`, a
        // one-line flow list), never the start of something that goes on below.
        bool whole = false;
        try {
            YAML::Load(inline_text);
            whole = inline_text[0] != '|' && inline_text[0] != '>' && inline_text[0] != '&' && inline_text[0] != '!' &&
                    inline_text[0] != '*';
        } catch (const YAML::Exception&) {
        }
        if (!whole)
            throw ImportError(fmt::format("`{}` on line {} has a value that goes on past its line; nothing was changed; fix: "
                                          "edit the section by hand", section, *key_line + 1));
    }
    result.text = original.substr(0, kl.begin);
    result.text += rewrite_key ? new_key : key_text;
    result.text += original.substr(kl.end, kl.next - kl.end);  // its own line ending
    if (kl.next == original.size() && (kl.next == kl.end)) result.text += eol;  // a key on the last line, no ending
    if (has_entries) {
        result.kind = SpliceKind::replaced;
        result.text += body;
    } else {
        result.kind = SpliceKind::filled;
        result.text += original.substr(kl.next, region_end - kl.next);  // its comments, kept
        if (region_end == original.size() && region_end > kl.next && original.back() != '\n') result.text += eol;
        result.text += body;
    }
    result.text += original.substr(region_end);
    return result;
}

}  // namespace ehcp::import
