#include "ehcp/load/suggest.hpp"

#include <doctest/doctest.h>

using namespace ehcp;

TEST_CASE("loader suggestions: edit distance counts an adjacent swap as one edit") {
    CHECK(edit_distance("reviews", "reviews") == 0);
    CHECK(edit_distance("reveiws", "reviews") == 1);
    CHECK(edit_distance("reveiws", "review") == 2);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment, not full Damerau
}

TEST_CASE("loader suggestions: the closest known name, or none") {
    std::vector<std::string_view> keys{"start", "review", "outcomes", "progress", "parents_involved"};
    auto s = closest_name("reveiws", keys);
    REQUIRE(s);
    CHECK(s->name == "review");
    CHECK(s->closeness == Closeness::close);

    auto same = closest_name("Parents-Involved", keys);
    REQUIRE(same);
    CHECK(same->name == "parents_involved");
    CHECK(same->closeness == Closeness::same_name);

    CHECK_FALSE(closest_name("colour", keys).has_value());
    // Short names need to be nearer: `by` is two edits from `id` but is not suggested.
    CHECK_FALSE(closest_name("by", std::vector<std::string_view>{"id"}).has_value());
    CHECK(closest_name("Cognition and Learning", std::vector<std::string_view>{"cognition_and_learning"})->closeness ==
          Closeness::same_name);
    CHECK(normalise_name("  Cognition and-Learning ") == "cognition_and_learning");
}
