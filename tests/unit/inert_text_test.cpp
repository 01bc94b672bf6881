#include "ehcp/core/inert_text.hpp"

#include <doctest/doctest.h>

using namespace ehcp;

TEST_CASE("inert text: control characters are found with their offset and code point") {
    CHECK_FALSE(find_control("Zoë Ólafsdóttir-Ng 学生 🙂"));
    CHECK(find_control("a\x1b[31m")->offset == 1);
    CHECK(find_control("a\x1b[31m")->code == 0x1B);
    CHECK(find_control("x\xc2\x9b")->code == 0x9B);           // C1 control sequence introducer
    CHECK(find_control("ab\xe2\x80\xae")->code == 0x202E);    // right-to-left override
    CHECK(find_control("\xe2\x81\xa6")->code == 0x2066);      // left-to-right isolate
    CHECK(find_control("a\xe2\x80\xa8")->code == 0x2028);     // line separator
    CHECK(find_control("\x7f")->code == 0x7F);
    CHECK(find_control("a\xff")->code == 0xFFFD);             // not UTF-8
    // Line feed and tab: errors in one-line text, kept in multi-line text; CR never.
    CHECK(find_control("a\nb")->code == '\n');
    CHECK_FALSE(find_control("a\nb\tc", true));
    CHECK(find_control("a\r\nb", true)->code == '\r');
}

TEST_CASE("inert text: escaping writes each control character visibly and keeps the rest") {
    CHECK(escape_controls("plain £ text") == "plain £ text");
    CHECK(escape_controls("\x1b[2J\x07") == "\\u{1b}[2J\\u{7}");
    CHECK(escape_controls("Alex\nEvidence readiness: READY") == "Alex\\u{a}Evidence readiness: READY");
    CHECK(escape_controls("a\nb", true) == "a\nb");
    CHECK(escape_controls("x\xe2\x80\xaey") == "x\\u{202e}y");
    CHECK(escape_controls("bad\xc3") == "bad\\x{c3}");
    CHECK(describe_control(0x1B) == "U+001B (escape)");
}
