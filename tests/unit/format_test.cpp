#include "ehcp/render/format.hpp"

#include <cmath>

#include <doctest/doctest.h>

using namespace ehcp;

TEST_CASE("Render format: money in pounds and pence with thousands separators") {
    CHECK(format_money(1170) == "£1,170.00");
    CHECK(format_money(1170.5) == "£1,170.50");
    CHECK(format_money(0) == "£0.00");
    CHECK(format_money(-0.0) == "£0.00");
    CHECK(format_money(-0.001) == "£0.00");  // never "-£0.00"
    CHECK(format_money(-1170) == "-£1,170.00");
    CHECK(format_money(-12.5) == "-£12.50");
    CHECK(format_money(999.99) == "£999.99");
    CHECK(format_money(1000) == "£1,000.00");
    CHECK(format_money(1000000) == "£1,000,000.00");
    CHECK(format_money(1234567.891) == "£1,234,567.89");
    CHECK(format_money(12345678.9) == "£12,345,678.90");
}

TEST_CASE("Render format: money rounds half a penny away from zero, without binary noise") {
    CHECK(format_money(0.005) == "£0.01");
    CHECK(format_money(1.005) == "£1.01");    // stored as 1.00499999...
    CHECK(format_money(2.675) == "£2.68");    // stored as 2.67499999...
    CHECK(format_money(0.004) == "£0.00");
    CHECK(format_money(-0.005) == "-£0.01");
    CHECK(format_money(999.995) == "£1,000.00");
    CHECK(format_money(0.1 + 0.2) == "£0.30");
    CHECK(round_pence(0.1 + 0.2) == 0.3);
    CHECK(round_pence(1170.4999999999998) == 1170.5);
    CHECK_FALSE(std::signbit(round_pence(-0.001)));
}

TEST_CASE("Render format: display width counts code points and skips colour codes") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("£1,170.00") == 9);
    CHECK(display_width("66 ≤ 70") == 7);
    CHECK(display_width("\x1b[1;32mREADY\x1b[0m") == 5);
    CHECK(display_width("") == 0);
    CHECK(pad_right("£5", 4) == "£5  ");
    CHECK(pad_left("£5", 4) == "  £5");
    CHECK(pad_left("toolong", 3) == "toolong");
}

TEST_CASE("Render format: wrapping prose to a width with indents") {
    using V = std::vector<std::string>;
    CHECK(wrap_lines("the quick brown fox jumps over the lazy dog", 15) ==
          V{"the quick brown", "fox jumps over", "the lazy dog"});
    CHECK(wrap_lines("the quick brown fox", 12, "- ", "  ") == V{"- the quick", "  brown fox"});
    // A word longer than the line stands alone, unbroken.
    CHECK(wrap_lines("a supercalifragilistic b", 10) == V{"a", "supercalifragilistic", "b"});
    // Newlines are kept; runs of spaces collapse; no trailing spaces.
    CHECK(wrap_lines("one  two\n\nthree ", 20, "  ", "  ") == V{"  one two", "", "  three"});
    CHECK(wrap_lines("", 20, "  ") == V{""});
    // Width is measured in code points, not bytes: "£" and "—" are one column each.
    CHECK(wrap_lines("£1 — £2 — £3", 7) == V{"£1 — £2", "— £3"});
    CHECK(wrap_text("aa bb cc", 5) == "aa bb\ncc");
}

TEST_CASE("Render format: labels for year groups, key stages and statuses") {
    CHECK(year_group_label(-2) == "Nursery 1");
    CHECK(year_group_label(0) == "Reception");
    CHECK(year_group_label(6) == "Year 6");
    CHECK(phase_label(Phase::ks2) == "Key Stage 2");
    CHECK(phase_label(Phase::post16) == "Post-16");
    CHECK(status_tag(Status::insufficient_evidence) == "INSUFFICIENT EVIDENCE");
    CHECK(status_words(Status::not_met) == "not met");
    CHECK(verdict_tag(Verdict::not_ready) == "NOT READY");
}
