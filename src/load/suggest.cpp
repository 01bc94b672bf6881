#include "ehcp/load/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace ehcp {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rolling rows suffice: a transposition looks two rows back.
    const std::size_t n = b.size();
    std::vector<std::size_t> two_back(n + 1), previous(n + 1), current(n + 1);
    for (std::size_t j = 0; j <= n; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= n; ++j) {
            std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], two_back[j - 2] + 1);
        }
        std::swap(two_back, previous);
        std::swap(previous, current);
    }
    return previous[n];
}

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Case, spaces, hyphens, underscores and commas dropped, and the word "and": `DateOfBirth`
// and `date_of_birth` agree, as do "Social, Emotional and Mental Health" and
// `social_emotional_mental_health`.
std::string loose(std::string_view text) {
    std::string out;
    std::string word;
    auto flush = [&] {
        if (word != "and") out += word;
        word.clear();
    };
    for (char c : text) {
        if (c == '_' || c == '-' || c == ' ' || c == ',') flush();
        else word += lower(c);
    }
    flush();
    return out;
}

}  // namespace

std::string normalise_name(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::string out;
    for (char c : text) out += (c == ' ' || c == '-') ? '_' : lower(c);
    return out;
}

std::optional<Suggestion> closest_name(std::string_view text, const std::vector<std::string_view>& candidates) {
    const std::string wanted = loose(text);
    if (wanted.empty()) return std::nullopt;
    for (auto c : candidates)
        if (loose(c) == wanted) return Suggestion{std::string(c), Closeness::same_name};

    const std::string lowered = normalise_name(text);
    const std::size_t limit = lowered.size() <= 3 ? 1 : 2;
    std::size_t best = std::numeric_limits<std::size_t>::max();
    std::string_view best_name;
    for (auto c : candidates) {
        // The distance is at least the difference in length: skip hopeless candidates, so a
        // 100 KB key or value costs nothing (the full distance is quadratic in the lengths).
        std::size_t gap = lowered.size() > c.size() ? lowered.size() - c.size() : c.size() - lowered.size();
        if (gap > limit) continue;
        std::size_t d = edit_distance(lowered, c);
        if (d < best) best = d, best_name = c;
    }
    if (best > limit) return std::nullopt;
    return Suggestion{std::string(best_name), Closeness::close};
}

std::optional<Suggestion> only_close_name(std::string_view text, const std::vector<std::string_view>& candidates) {
    auto best = closest_name(text, candidates);
    if (!best) return std::nullopt;
    const std::string wanted = loose(text);
    if (best->closeness == Closeness::same_name) {
        for (auto c : candidates)
            if (c != best->name && loose(c) == wanted) return std::nullopt;
        return best;
    }
    const std::string lowered = normalise_name(text);
    const std::size_t d = edit_distance(lowered, best->name);
    for (auto c : candidates)
        if (c != best->name && edit_distance(lowered, c) <= d) return std::nullopt;
    return best;
}

}  // namespace ehcp
