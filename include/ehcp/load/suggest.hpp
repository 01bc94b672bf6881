// "Did you mean ...?": the known name a misspelt key or enumeration value probably meant.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ehcp {

// Optimal string alignment distance: Levenshtein plus swaps of adjacent characters,
// so `reveiws` is one edit from `reviews`. Counts bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Lower-case, with spaces and hyphens as underscores and the ends trimmed: the form in
// which "Cognition and Learning" and `cognition_and_learning` agree.
std::string normalise_name(std::string_view text);

enum class Closeness { same_name, close };

struct Suggestion {
    std::string name;
    // same_name: only case, spaces, hyphens or underscores differ (certainly meant);
    // close: a small misspelling (probably meant).
    Closeness closeness = Closeness::close;
};

// The candidate `text` most probably meant, or nullopt when none is close: the same name
// apart from case, spaces, hyphens, underscores, commas and the word "and", else the
// nearest within 2 edits (1 for names
// of 3 characters or fewer, where 2 edits would match nearly anything).
std::optional<Suggestion> closest_name(std::string_view text, const std::vector<std::string_view>& candidates);

// closest_name, but only when no other candidate is as close: the one name `text` can
// have meant, safe to write in its place (`validate --fix`). `reeding` gives `reading`;
// a word two candidates are equally near gives nullopt.
std::optional<Suggestion> only_close_name(std::string_view text, const std::vector<std::string_view>& candidates);

}  // namespace ehcp
