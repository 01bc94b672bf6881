# The Markdown and HTML reports (included from tests/CMakeLists.txt).

# Properties of both documents on every example and on a hostile record: escaping,
# heading order, header cells, nothing fetched, a page per record.
add_executable(ehcp_report_tests ${CMAKE_CURRENT_SOURCE_DIR}/reports/main.cpp
                                 ${CMAKE_CURRENT_SOURCE_DIR}/reports/documents_test.cpp)
target_link_libraries(ehcp_report_tests PRIVATE ehcp_core doctest::doctest)
target_compile_definitions(ehcp_report_tests PRIVATE
  EHCP_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}"
  EHCP_EXAMPLES_DIR="${PROJECT_SOURCE_DIR}/examples"
  EHCP_RULES_DIR="${PROJECT_SOURCE_DIR}/rules")
doctest_discover_tests(ehcp_report_tests TEST_PREFIX "reports: ")

# --redact: no free-text value of the record appears in any format of check or screen.
add_test(NAME "reports: --redact leaves every free-text value out of every format"
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/reports/redaction_test.py $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})

# The HTML as a person sees it, in headless Chromium: printed to PDF, screenshot, no
# network. Skipped (77) where chromium or poppler-utils is not installed.
add_test(NAME "reports: HTML in headless Chromium, printed to A4 PDF"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/reports/browser_test.sh $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})
set_tests_properties("reports: HTML in headless Chromium, printed to A4 PDF" PROPERTIES SKIP_RETURN_CODE 77)

# The Markdown as GitHub renders it (cmark-gfm). Skipped (77) where cmark-gfm is not installed.
add_test(NAME "reports: Markdown rendered by cmark-gfm, as on GitHub"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/reports/markdown_render_test.sh $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})
set_tests_properties("reports: Markdown rendered by cmark-gfm, as on GitHub" PROPERTIES SKIP_RETURN_CODE 77)

# No control character from a record or a file name reaches any output raw (issue 10).
add_test(NAME "reports: control characters never reach any output raw"
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/reports/inert_text_test.py $<TARGET_FILE:ehcp>)
