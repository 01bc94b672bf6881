#include "ehcp/load/upn.hpp"

#include <doctest/doctest.h>

using namespace ehcp;

TEST_CASE("loader UPN: check letters of permanent UPNs") {
    // Sum over positions 2-13 of value * position, mod 23, indexes ABCDEFGHJKLMNPQRTUVWXYZ.
    CHECK(upn_check_letter("B801200005001") == 'B');  // 16+4+10+50+13 = 93; 93 mod 23 = 1 -> B (the spec's example)
    CHECK(upn_check_letter("R801200101001") == 'R');  // 16+4+10+8+10+13 = 61; 61 mod 23 = 15 -> R
    CHECK(upn_check_letter("D938412345678") == 'D');
    CHECK(upn_check_letter("P201512300042") == 'P');
    // A wrong first letter: the function still says which letter the digits call for.
    CHECK(upn_check_letter("A801200005001") == 'B');
    CHECK(upn_check_letter("B801200005002") == 'Q');  // 93 + 13 = 106; 106 mod 23 = 14 -> Q
}

TEST_CASE("loader UPN: temporary UPNs value their final letter by its index in the alphabet (A=0)") {
    CHECK(upn_check_letter("Y30500001234A") == 'Y');  // the final A adds 0 * 13: 136 mod 23 = 21 -> Y
    CHECK(upn_check_letter("B93841234567Z") == 'B');  // Z is 22: 22 * 13 = 286 of 645; 645 mod 23 = 1 -> B
    CHECK(upn_check_letter("C00000000000K") == 'C');  // K is 9: 9 * 13 = 117; 117 mod 23 = 2 -> C
    CHECK(upn_check_letter("c00000000000k") == 'C');  // case does not matter
    // I, O and S are not in the alphabet: no check letter can be worked out.
    CHECK_FALSE(upn_check_letter("C00000000000I").has_value());
}

TEST_CASE("loader UPN: only 13-character letter-digits values look like UPNs") {
    CHECK(looks_like_upn("B801200005001"));
    CHECK(looks_like_upn("Y30500001234A"));
    CHECK_FALSE(looks_like_upn("B80120000500"));    // 12 characters
    CHECK_FALSE(looks_like_upn("B8012000050012"));  // 14
    CHECK_FALSE(looks_like_upn("1801200005001"));   // no leading letter
    CHECK_FALSE(looks_like_upn("B80120000A001"));   // a letter in the middle
    CHECK_FALSE(looks_like_upn("SCH-000042"));
    CHECK_FALSE(upn_check_letter("SCH-000042").has_value());
}
