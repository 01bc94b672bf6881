# Tests of `ehcp screen` (included from tests/CMakeLists.txt).
set(EHCP_SCREEN_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/screen)

# Every text format's whole output (stdout, stderr, exit status) for a mixed batch: a
# stream and a folder with ready, not ready and invalid records, a name with a comma and
# quotes, a name starting with `=`, a setting starting with `-`, and non-ASCII names.
file(STRINGS ${EHCP_SCREEN_TESTS}/cases.txt EHCP_SCREEN_CASES REGEX "^[^#].*\\|")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${EHCP_SCREEN_TESTS}/cases.txt)
foreach(line ${EHCP_SCREEN_CASES})
  string(REGEX MATCH "^([^|]+)\\|(.*)$" _ "${line}")
  string(STRIP "${CMAKE_MATCH_1}" name)
  string(STRIP "${CMAKE_MATCH_2}" args)
  separate_arguments(args UNIX_COMMAND "${args}")
  add_test(NAME "screen: ${name}"
    COMMAND bash ${EHCP_RUN_CASE} $<TARGET_FILE:ehcp> ${EHCP_SCREEN_TESTS}/expected/${name}.out ${args})
endforeach()

# The xlsx workbook read back (python3's zipfile): cells, types, frozen header, filter, summary sheet.
add_test(NAME "screen: xlsx read back"
  COMMAND /usr/bin/python3 ${EHCP_SCREEN_TESTS}/xlsx_test.py $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})
# N records in, N rows out: streams, folders and mixtures, every format, one and two jobs.
add_test(NAME "screen: N records in, N rows out"
  COMMAND /usr/bin/python3 ${EHCP_SCREEN_TESTS}/count_test.py $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})
# -o: written through a temporary file renamed at the end; nothing left behind on failure.
add_test(NAME "screen: -o writes a whole file or none"
  COMMAND /usr/bin/python3 ${EHCP_SCREEN_TESTS}/output_test.py $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})
# What the file system can do (FIFOs, devices, symlinks, modes, an -o naming an input,
# SIGTERM, skipped entries, /dev/zero): issue 10.
add_test(NAME "screen: -o and folders meet FIFOs, devices, symlinks and signals"
  COMMAND /usr/bin/python3 ${EHCP_SCREEN_TESTS}/files_test.py $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})
