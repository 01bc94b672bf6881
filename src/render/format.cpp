#include "ehcp/render/format.hpp"

#include <fmt/format.h>

namespace ehcp {

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
            // CSI escape sequence: parameters, then one final byte in 0x40-0x7E.
            i += 2;
            while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7e)) ++i;
            continue;
        }
        if ((c & 0xC0) != 0x80) ++width;
    }
    return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
    std::string out(text);
    std::size_t w = display_width(text);
    if (w < width) out.append(width - w, ' ');
    return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
    std::size_t w = display_width(text);
    std::string out = w < width ? std::string(width - w, ' ') : std::string();
    out += text;
    return out;
}

namespace {

std::string rtrim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
}

std::vector<std::string_view> split_words(std::string_view paragraph) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < paragraph.size()) {
        while (i < paragraph.size() && (paragraph[i] == ' ' || paragraph[i] == '\t' || paragraph[i] == '\r')) ++i;
        std::size_t start = i;
        while (i < paragraph.size() && paragraph[i] != ' ' && paragraph[i] != '\t' && paragraph[i] != '\r') ++i;
        if (i > start) words.push_back(paragraph.substr(start, i - start));
    }
    return words;
}

}  // namespace

std::vector<std::string> wrap_lines(std::string_view text, std::size_t width, std::string_view first_indent,
                                    std::string_view rest_indent) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    bool first = true;
    while (true) {
        std::size_t nl = text.find('\n', pos);
        std::string_view paragraph = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        std::string line(first ? first_indent : rest_indent);
        first = false;
        std::size_t line_width = display_width(line);
        bool has_word = false;
        for (std::string_view word : split_words(paragraph)) {
            std::size_t word_width = display_width(word);
            if (!has_word) {
                line += word;
                line_width += word_width;
                has_word = true;
            } else if (line_width + 1 + word_width <= width) {
                line += ' ';
                line += word;
                line_width += 1 + word_width;
            } else {
                lines.push_back(rtrim(std::move(line)));
                line = std::string(rest_indent);
                line += word;
                line_width = display_width(rest_indent) + word_width;
            }
        }
        lines.push_back(rtrim(std::move(line)));
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return lines;
}

std::string wrap_text(std::string_view text, std::size_t width, std::string_view first_indent,
                      std::string_view rest_indent) {
    std::string out;
    bool first = true;
    for (const auto& line : wrap_lines(text, width, first_indent, rest_indent)) {
        if (!first) out += '\n';
        out += line;
        first = false;
    }
    return out;
}

std::string year_group_label(int year_group) {
    if (year_group == -2) return "Nursery 1";
    if (year_group == -1) return "Nursery 2";
    if (year_group == 0) return "Reception";
    return fmt::format("Year {}", year_group);
}

std::string_view phase_label(Phase phase) {
    switch (phase) {
        case Phase::early_years: return "Early Years";
        case Phase::ks1: return "Key Stage 1";
        case Phase::ks2: return "Key Stage 2";
        case Phase::ks3: return "Key Stage 3";
        case Phase::ks4: return "Key Stage 4";
        case Phase::post16: return "Post-16";
    }
    return "";
}

std::string_view status_words(Status status) {
    switch (status) {
        case Status::met: return "met";
        case Status::not_met: return "not met";
        case Status::insufficient_evidence: return "insufficient evidence";
        case Status::not_applicable: return "not applicable";
        case Status::manual_review: return "manual review";
    }
    return "";
}

std::string_view status_tag(Status status) {
    switch (status) {
        case Status::met: return "MET";
        case Status::not_met: return "NOT MET";
        case Status::insufficient_evidence: return "INSUFFICIENT EVIDENCE";
        case Status::not_applicable: return "NOT APPLICABLE";
        case Status::manual_review: return "MANUAL REVIEW";
    }
    return "";
}

std::string_view verdict_tag(const RecordReport& record) {
    // A parent's or young person's own request is never told it is "not ready": they may ask whatever the evidence.
    // Nor is any request under a pack that never says a request cannot be made (the legal test).
    if ((record.own_request || record.request_always_possible) && record.verdict == Verdict::not_ready)
        return "REQUEST CAN BE MADE";
    return verdict_tag(record.verdict);
}

std::string_view verdict_tag(Verdict verdict) {
    switch (verdict) {
        case Verdict::ready: return "READY";
        case Verdict::not_ready: return "NOT READY";
        case Verdict::invalid: return "INVALID";
    }
    return "";
}

}  // namespace ehcp
