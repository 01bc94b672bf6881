#include "ehcp/load/text_edits.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace ehcp {

namespace {

// Byte offsets where each line starts; the last entry is one past the end of the text.
std::vector<std::size_t> line_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts.push_back(i + 1);
    if (starts.back() != text.size()) starts.push_back(text.size());
    return starts;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size() - 1;
        lines.push_back(text.substr(start, end - start + 1));  // with its '\n', if any
        start = end + 1;
    }
    return lines;
}

}  // namespace

EditResult apply_edits(std::string_view text, const std::vector<TextEdit>& edits) {
    EditResult result;
    result.outcomes.resize(edits.size());
    const auto starts = line_starts(text);
    const std::size_t line_count = starts.size() - 1;

    // Where each edit goes, checked against the text.
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const TextEdit& e = edits[i];
        EditOutcome& out = result.outcomes[i];
        if (e.line < 1 || static_cast<std::size_t>(e.line) > line_count) {
            out.reason = fmt::format("line {} is not in the file", e.line);
            continue;
        }
        std::size_t begin = starts[static_cast<std::size_t>(e.line) - 1];
        std::size_t end = starts[static_cast<std::size_t>(e.line)];
        std::string_view line = text.substr(begin, end - begin);
        if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::size_t skip = line.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        if (e.old_text.empty() || e.old_text.find_first_of("\r\n") != std::string::npos ||
            e.new_text.find_first_of("\r\n") != std::string::npos) {
            out.reason = "the change would cross a line break";
            continue;
        }
        if (skip + e.byte + e.old_text.size() > line.size() || line.substr(skip + e.byte, e.old_text.size()) != e.old_text) {
            out.reason = fmt::format("`{}` is not at line {} any more", e.old_text, e.line);
            continue;
        }
        out.offset = begin + skip + e.byte;
        out.column = 1;
        for (std::size_t k = begin + skip; k < out.offset; ++k)
            if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++out.column;
        out.applied = true;
    }

    // From the end backwards; the first of two overlapping edits (in the order given) wins.
    std::vector<std::size_t> order(edits.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return result.outcomes[a].offset > result.outcomes[b].offset;
    });
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // [begin, end) of edits kept
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        EditOutcome& out = result.outcomes[i];
        if (!out.applied) continue;
        const std::size_t b = out.offset, en = out.offset + edits[i].old_text.size();
        for (std::size_t k : kept) {
            const auto& other = result.outcomes[k];
            const std::size_t ob = other.offset, oe = other.offset + edits[k].old_text.size();
            if (b == ob && en == oe && edits[i].new_text == edits[k].new_text) {
                out.applied = false;
                out.reason = "the same change is made once";
                break;
            }
            if (b < oe && ob < en) {
                out.applied = false;
                out.reason = fmt::format("it overlaps another change at line {}", edits[k].line);
                break;
            }
        }
        if (out.applied) kept.push_back(i);
    }
    std::string after(text);
    for (std::size_t i : order) {
        const EditOutcome& out = result.outcomes[i];
        if (!out.applied) continue;
        after.replace(out.offset, edits[i].old_text.size(), edits[i].new_text);
        ++result.applied;
    }
    result.text = std::move(after);
    return result;
}

std::string unified_diff(std::string_view before, std::string_view after, const std::string& label) {
    if (before == after) return {};
    const auto a = split_lines(before);
    const auto b = split_lines(after);
    const std::size_t n = std::max(a.size(), b.size());
    auto line_a = [&](std::size_t i) { return i < a.size() ? a[i] : std::string_view{}; };
    auto line_b = [&](std::size_t i) { return i < b.size() ? b[i] : std::string_view{}; };
    std::vector<std::size_t> changed;
    for (std::size_t i = 0; i < n; ++i)
        if (line_a(i) != line_b(i)) changed.push_back(i);

    auto emit = [](std::string& out, char sign, std::string_view line) {
        out += sign;
        out += line;
        if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
    };
    constexpr std::size_t kContext = 3;
    std::string out = fmt::format("--- a/{}\n+++ b/{}\n", label, label);
    std::size_t k = 0;
    while (k < changed.size()) {
        // A hunk: changed lines whose context touches, with kContext lines around them.
        std::size_t last = k;
        while (last + 1 < changed.size() && changed[last + 1] - changed[last] <= 2 * kContext + 1) ++last;
        const std::size_t from = changed[k] >= kContext ? changed[k] - kContext : 0;
        const std::size_t to = std::min(n, changed[last] + kContext + 1);  // exclusive
        std::string body;
        std::size_t count_a = 0, count_b = 0;
        std::size_t next = k;
        for (std::size_t i = from; i < to; ++i) {
            if (next <= last && changed[next] == i) {
                // A block of consecutive changed lines: its old lines, then its new ones.
                std::size_t end = i;
                while (next <= last && changed[next] == end) ++next, ++end;
                for (std::size_t j = i; j < end; ++j)
                    if (j < a.size()) emit(body, '-', a[j]), ++count_a;
                for (std::size_t j = i; j < end; ++j)
                    if (j < b.size()) emit(body, '+', b[j]), ++count_b;
                i = end - 1;
            } else {
                emit(body, ' ', a[i]);
                ++count_a, ++count_b;
            }
        }
        out += fmt::format("@@ -{},{} +{},{} @@\n", from + 1, count_a, from + 1, count_b);
        out += body;
        k = last + 1;
    }
    return out;
}

}  // namespace ehcp
