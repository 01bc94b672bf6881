# The packaged tool (included from tests/CMakeLists.txt): shell completions and the manual
# page written by the program, `cmake --install` and `cpack -G DEB`. Exit 77 is a skip (a
# shell or dpkg-dev missing; scripts/test.sh installs them).
set(EHCP_PACKAGE_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/package)
add_test(NAME "package: bash completion" COMMAND bash ${EHCP_PACKAGE_TESTS}/bash_completion_test.sh $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})
foreach(shell zsh fish)
  add_test(NAME "package: ${shell} completion" COMMAND bash ${EHCP_PACKAGE_TESTS}/shells_test.sh $<TARGET_FILE:ehcp> ${shell})
  set_tests_properties("package: ${shell} completion" PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
add_test(NAME "package: man page" COMMAND bash ${EHCP_PACKAGE_TESTS}/man_test.sh $<TARGET_FILE:ehcp>)
add_test(NAME "package: cmake --install and cpack -G DEB" COMMAND bash ${EHCP_PACKAGE_TESTS}/install_test.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties("package: cmake --install and cpack -G DEB" PROPERTIES SKIP_RETURN_CODE 77)
