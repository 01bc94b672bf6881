# Tests of `ehcp import` and `ehcp screen --format sen2-csv` (included from tests/CMakeLists.txt).
set(EHCP_IMPORT_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/import)

# Whole outputs of imports that are refused (hostile XML, damaged CSV, bad maps) and of
# the SEN2-shaped screen: import/cases.txt.
file(STRINGS ${EHCP_IMPORT_TESTS}/cases.txt EHCP_IMPORT_CASES REGEX "^[^#].*\\|")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${EHCP_IMPORT_TESTS}/cases.txt)
foreach(line ${EHCP_IMPORT_CASES})
  string(REGEX MATCH "^([^|]+)\\|(.*)$" _ "${line}")
  string(STRIP "${CMAKE_MATCH_1}" name)
  string(STRIP "${CMAKE_MATCH_2}" args)
  separate_arguments(args UNIX_COMMAND "${args}")
  add_test(NAME "import: ${name}"
    COMMAND bash ${EHCP_RUN_CASE} $<TARGET_FILE:ehcp> ${EHCP_IMPORT_TESTS}/expected/${name}.out ${args})
endforeach()

# The imports that write: records from a CTF, a CSV into a record (every Excel quirk),
# nothing lost or overwritten, idempotence, the round trip to the same report as a
# hand-written record, and hostile inputs made at test time (XML 100,000 deep, a 1 GB
# CSV, 100,000 columns, a long CSV in bounded memory).
add_test(NAME "import: writes, round trip and hostile inputs"
  COMMAND /usr/bin/python3 ${EHCP_IMPORT_TESTS}/import_test.py $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR}
          $<$<BOOL:${EHCP_SANITIZE}>:--sanitized>)
