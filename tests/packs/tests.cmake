# The Surrey and legal-test packs, `rules new` and `rules diff` (included from tests/CMakeLists.txt).

# Each pack's own test cases, from both sides of every threshold.
add_test(NAME "rules: surrey pack tests" COMMAND ehcp rules test surrey)
add_test(NAME "rules: legal-test pack tests" COMMAND ehcp rules test legal-test)

# `rules new`: a pack scaffolded into a temporary folder passes its own tests, shows and
# compares; the whole transcript is compared with packs/expected/rules-new.out.
add_test(NAME "packs: rules new scaffolds a pack that passes rules test"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/packs/rules_new_test.sh $<TARGET_FILE:ehcp>
          ${CMAKE_CURRENT_SOURCE_DIR}/packs/expected/rules-new.out)

# One record against coventry, norfolk, surrey and legal-test: every difference between the four
# reports traces to the packs' data.
add_test(NAME "packs: one record against four packs differs only as their data does"
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/packs/compare_test.py $<TARGET_FILE:ehcp> ${PROJECT_SOURCE_DIR})
