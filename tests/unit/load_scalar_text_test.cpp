#include "ehcp/load/scalar_text.hpp"

#include <doctest/doctest.h>

using namespace ehcp;

namespace {

ScalarProblem date_problem(std::string_view text) {
    auto r = read_date_text(text);
    REQUIRE_FALSE(r.value.has_value());
    return r.problem;
}

ScalarProblem number_problem(std::string_view text, NumberKind kind = NumberKind::plain) {
    auto r = read_number_text(text, kind);
    REQUIRE_FALSE(r.value.has_value());
    return r.problem;
}

}  // namespace

TEST_CASE("loader scalars: ISO dates are read, other spellings get the ISO form as the fix") {
    CHECK(read_date_text("2016-05-14").value == Date{2016, 5, 14});

    for (auto text : {"14/05/2016", "14-05-2016", "14.05.2016", "2016/05/14", "2016.05.14", "2016-5-14", "14 May 2016",
                      "14th May 2016", "14-May-2016", "May 14, 2016", "2016-05-14T09:30:00", "2016-05-14 09:30"}) {
        CAPTURE(text);
        auto p = date_problem(text);
        CHECK(p.code == "date.format");
        CHECK(p.fix == "use 2016-05-14");
    }
    // Day first, as in the UK...
    CHECK(date_problem("04/05/2016").fix == "use 2016-05-04");
    CHECK(date_problem("04/05/2016").message ==
          "`04/05/2016` is not a date in the form YYYY-MM-DD; read as day/month/year it is 4 May 2016");
    // ...unless only month first makes a date.
    auto us = date_problem("05/14/2016");
    CHECK(us.fix == "use 2016-05-14");
    CHECK(us.message == "`05/14/2016` is not a date in the form YYYY-MM-DD; read as month/day/year it is 14 May 2016");
    CHECK(date_problem("31/31/2016").fix == "write the date as YYYY-MM-DD, e.g. 2016-05-14");
    CHECK(date_problem("14/05/16").fix == "write the year in full, as YYYY-MM-DD");
    CHECK(date_problem("2016").message == "`2016` is only a year; a full date is needed");
    CHECK(date_problem("last Tuesday").code == "date.format");
}

TEST_CASE("loader scalars: impossible dates are date.invalid and say which part is wrong") {
    auto feb = date_problem("2025-02-30");
    CHECK(feb.code == "date.invalid");
    CHECK(feb.message == "`2025-02-30` is not a real date: February 2025 has 28 days");
    CHECK(feb.fix == "use a day from 01 to 28");
    CHECK(date_problem("2024-02-30").fix == "use a day from 01 to 29");
    CHECK(date_problem("2025-13-01").message == "`2025-13-01` is not a real date: there is no month 13");
    CHECK(date_problem("2025-04-00").code == "date.invalid");
}

TEST_CASE("loader scalars: spreadsheet serial numbers in date fields are converted in the fix") {
    // 1899-12-30 + serial from 61 on (Excel's phantom 29 February 1900 is serial 60).
    CHECK(excel_serial_date(45292) == Date{2024, 1, 1});
    CHECK(excel_serial_date(45566) == Date{2024, 10, 1});
    CHECK(excel_serial_date(45567) == Date{2024, 10, 2});
    CHECK(excel_serial_date(1) == Date{1900, 1, 1});
    CHECK(excel_serial_date(59) == Date{1900, 2, 28});
    CHECK_FALSE(excel_serial_date(60).has_value());
    CHECK(excel_serial_date(61) == Date{1900, 3, 1});
    CHECK(excel_serial_date(2958465) == Date{9999, 12, 31});
    CHECK_FALSE(excel_serial_date(0).has_value());

    auto p = date_problem("45567");
    CHECK(p.code == "date.format");
    CHECK(p.fix == "use 2024-10-02");
    CHECK(p.message ==
          "`45567` is a number, not a date; it looks like a spreadsheet date serial number, which is 2 October 2024");
}

TEST_CASE("loader scalars: decimal numbers only, read in full") {
    CHECK(parse_decimal("012") == 12.0);  // decimal, never octal
    CHECK(parse_decimal("19.50") == 19.5);
    CHECK(parse_decimal("-2") == -2.0);
    CHECK(parse_decimal("+3") == 3.0);
    CHECK(parse_decimal(".5") == 0.5);
    CHECK(parse_decimal("5.") == 5.0);
    CHECK(parse_decimal("1e3") == 1000.0);
    for (auto bad : {"", "-", ".", "1.2.3", "12a", " 12", ".nan", ".inf", "inf", "nan", "0x1A", "1e", "1,250", "e5"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_decimal(bad).has_value());
    }
    CHECK(read_number_text(" 20 ").value == 20.0);
}

TEST_CASE("loader scalars: money, percentages and other dressed-up numbers") {
    auto pounds = number_problem("\xC2\xA3" "1,250", NumberKind::money);  // £1,250
    CHECK(pounds.code == "money.format");
    CHECK(pounds.fix == "use 1250");
    CHECK(number_problem("1,250.50", NumberKind::money).fix == "use 1250.50");  // the digits as written
    CHECK(number_problem("GBP 19.50", NumberKind::money).fix == "use 19.50");
    CHECK(number_problem("twenty pounds", NumberKind::money).code == "money.format");

    auto commas = number_problem("1,250");
    CHECK(commas.code == "type.number");
    CHECK(commas.fix == "use 1250");
    CHECK(number_problem("1,25").fix == "give a plain decimal number such as 20 or 19.5");

    auto percent = number_problem("85%");
    CHECK(percent.code == "type.number");
    CHECK(percent.message == "`85%` has a % sign; write the percentage as a plain number");
    CHECK(percent.fix == "use 85");

    CHECK(number_problem("1_000").fix == "use 1000");
    CHECK(number_problem("20 minutes").fix == "use 20");
    CHECK(number_problem("36 weeks").message == "`36 weeks` has words after the number; give the number alone");
    CHECK(number_problem("0x14").fix == "use 20");
    CHECK(number_problem(".nan").message == "`.nan` is not a finite number");
    CHECK(number_problem(".inf").code == "type.number");
}

TEST_CASE("loader scalars: booleans are true or false only") {
    CHECK(read_bool_text("true").value == true);
    CHECK(read_bool_text("True").value == true);
    CHECK(read_bool_text("TRUE").value == true);
    CHECK(read_bool_text("false").value == false);
    CHECK(read_bool_text("FALSE").value == false);
    for (auto yes : {"yes", "Yes", "y", "on", "ON"}) {
        auto r = read_bool_text(yes);
        CHECK_FALSE(r.value.has_value());
        CHECK(r.problem.code == "type.bool");
        CHECK(r.problem.fix == "use true");
    }
    for (auto no : {"no", "N", "off"}) CHECK(read_bool_text(no).problem.fix == "use false");
    CHECK(read_bool_text("tRuE").problem.fix == "use true or false");
}
