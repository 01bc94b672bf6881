// `ehcp rules new NAME`: the files of a new rule pack that a council officer fills in.
// The pack works as written (its one test case passes) and every text the officer must
// write says FILL IN; `ehcp rules test` lists those places (still_to_fill_in below).
#include "pack_scaffold.hpp"

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "ehcp/cli/exit_codes.hpp"

namespace ehcp::cli {

namespace fs = std::filesystem;

namespace {

struct ScaffoldFile {
    const char* path;  // inside the new pack's folder
    const char* text;  // @NAME@ stands for the pack's name
};

// The scaffold. Keep it passing `ehcp rules test` (tests/e2e: rules-new-*), and every
// text an officer must write marked FILL IN outside comments.
constexpr ScaffoldFile kFiles[] = {
    {"pack.yaml", R"pack(# @NAME@: an EHC needs assessment rule pack, scaffolded by `ehcp rules new`.
# Every text marked FILL IN is yours to write from the council's own published
# documents; README.md in this folder says what each part is for, and
# `ehcp rules test --rules <this folder>` runs the test cases and lists each place
# still to fill in. The whole format: docs/rule-packs.md in the ehcp source.
pack: ehcp-pack/1
# The pack's name: the folder's name, used as `--rules @NAME@` (and `request.authority`).
id: @NAME@
# The pack's own version: change it whenever a criterion, threshold or text changes.
version: "0.1.0"
title: "FILL IN: the council's name, EHC needs assessment criteria"
# Named in the report's words: "the evidence meets <authority>'s criteria".
authority: "FILL IN: the council's name, e.g. Example County Council"

# The documents the pack cites, by their published title and web address. Reports
# name these titles; every `cite` in the other files should name one of them.
sources:
  - id: criteria
    title: "FILL IN: the title of the council's published criteria for an EHC needs assessment"
    # FILL-IN: the web address of that page or document (https://...).
    address: https://www.example.gov.uk/FILL-IN-the-address-of-that-page
  - id: code-of-practice
    title: Special educational needs and disability code of practice, 0 to 25 years (DfE and DHSC, 2015)
    address: https://www.gov.uk/government/publications/send-code-of-practice-0-to-25
  - id: act
    title: Children and Families Act 2014
    address: https://www.legislation.gov.uk/ukpga/2014/6/contents

# Documents the council asks for that the record format does not know (optional):
# declare them here, then use them in evidence.yaml (`kind: example_form`).
# document_kinds:
#   - {id: example_form, label: "the council's own request form, completed"}

# Shown on every report: evidence readiness, never a decision; who decides; that
# parents and young people may always ask.
statement: >-
  This report shows how ready the evidence is, not a decision. FILL IN: who at the
  council decides whether to carry out an EHC needs assessment (its panel or team).
  Parents, and young people aged 16 to 25, may always ask for an assessment
  themselves, whatever this report says.
# The statutory test, shown apart from the criteria. It is the same in every authority.
legal_test: >-
  The legal test (Children and Families Act 2014, section 36(8)) is lower than any
  local criteria: the council must assess where the child or young person has or may
  have special educational needs and it may be necessary for special educational
  provision to be made through an EHC plan.
# Beside the verdict: say whether the council publishes how its criteria combine.
readiness_caveat: >-
  How the criteria combine into this verdict is this pack's reading. FILL IN: say
  whether the council publishes a rule for combining its criteria.
# Leads the report when a parent or the young person makes the request.
own_request: >-
  A parent, or a young person aged 16 to 25, has the right to ask the council for an
  EHC needs assessment, whatever the evidence below shows (Children and Families Act
  2014, section 36(1)). This request can be made now. What follows shows what the
  evidence shows against the council's criteria, and what the school or services
  could add to strengthen the request.
# Ends every report: appeal, mediation and free advice.
rights: >-
  If the council decides not to carry out an assessment, it must write to say why and
  explain the right of appeal. The parent, or the young person, can appeal to the
  First-tier Tribunal (Special Educational Needs and Disability), after first
  considering mediation. FILL IN: the name of the council's SEND Information, Advice
  and Support Service (SENDIASS), which gives free, impartial and confidential advice.

parameters:
  # The notional SEN budget in pounds (element two of a school's SEN funding), used by
  # the check kind `costed_provision_over_budget` and shown beside the costed provision.
  notional_budget: 6000
  # Weeks counted from a provision entry's start and end are scaled to term time.
  school_weeks_per_year: 38
  # The statutory timeline from the date of the request (SEND Regulations 2014).
  timeline_weeks:
    decide_to_assess: 6
    decide_to_issue: 16
    final_plan: 20
  # Used only when a provision entry gives no hourly_rate: estimates, in pounds.
  default_hourly_rates:
    teacher: 45.00
    teaching_assistant: 19.50
    other: 20.00

# The readiness rule: which criteria must be met for the evidence to be `ready`.
# `criterion: ID` (that criterion is met), `evidence_complete: true`, `all_of: [...]`,
# `any_of: [...]`. Write `text` in words a parent can read.
readiness:
  text: >-
    Ready when the special educational needs are described, at least two reviewed
    support cycles show little or no progress, and the evidence checklist is complete.
  all_of:
    - criterion: sen
    - criterion: existing-support
    - evidence_complete: true

# The other parts of the pack, each in its own file.
criteria: criteria.yaml
indicators: indicators.yaml
evidence: evidence.yaml
practice: practice.yaml
tests: tests
)pack"},
    {"criteria.yaml", R"pack(# The council's criteria, in its own order. Two starting points are given; change
# them, or replace them, to match the council's published criteria. For each:
#   id              a short stable name (used in the readiness rule and `ehcp explain`)
#   title           the council's heading
#   cite            the document (a title from pack.yaml's sources) and the page or heading
#   source_wording  the council's own words, quoted
#   interpretation  how this pack reads them: say plainly where it is the pack's reading
#   check           built-in check kinds and their thresholds: `ehcp explain` lists
#                   the kinds, `ehcp explain KIND` their parameters
#   advisory: true  (optional) shown for information, never part of the readiness rule
#   source          (optional) the id of one of pack.yaml's sources: its address is shown
criteria:
  - id: sen
    number: 1
    title: Special educational needs
    cite: "FILL IN: the document's title, and the page or heading this criterion stands under"
    source_wording: >-
      FILL IN: the council's own words for this criterion.
    interpretation: >-
      Met when the record states a primary area of need and describes the needs, and
      either a diagnosed condition has its impact described or a professional has
      written a report.
    check:
      all_of:
        - id: sen.needs-stated
          check: needs_stated
          title: The needs are described, with a primary area of need
          fix_rank: 10
        - id: sen.impact-or-report
          check: condition_impact_or_report
          title: A diagnosis with its impact described, or a professional's report
          fix_rank: 20

  - id: existing-support
    number: 2
    title: Support already given
    cite: "FILL IN: the document's title, and the page or heading this criterion stands under"
    source_wording: >-
      FILL IN: the council's own words for this criterion.
    interpretation: >-
      Met when the two most recent reviewed support cycles both show little or no
      progress, and the latest review is no more than 6 months old. FILL IN: change
      the number of cycles and the months to the council's own, and say so here.
    check:
      id: existing-support.cycles
      check: reviewed_cycles
      title: The two most recent reviewed support cycles show little or no progress
      fix_rank: 70
      # The thresholds: min_cycles (how many cycles), progress (which judgements count),
      # review_within_months (how old the latest review may be).
      params: {min_cycles: 2, progress: [none, little], review_within_months: 6}
)pack"},
    {"indicators.yaml", R"pack(# Indicators of need the council publishes, if any, worded as it words them. Each:
#   - id: cl1
#     area: Cognition and Learning
#     text: "the council's wording"
#     compelling: true        (optional: shown at the top of every report)
#     derive: {check: low_score, params: {max_standardised_score: 70, max_percentile: 2}}
#                             (optional: how the data can show it)
cite: "FILL IN: the document's title, and the page or heading the indicators stand under (or say the council publishes none)"
indicators: []
)pack"},
    {"evidence.yaml", R"pack(# The evidence checklist: the documents the council asks to be attached to a request
# (the record's `documents`, by kind). Each item's `cite` gives its real basis.
# `max_age_months: 12` in an item's params counts a document's age back from the
# request date (a report "within the last 12 months").
cite: "FILL IN: the document's title, and the page or heading listing the evidence to send"
evidence:
  - id: sen-support-plan
    text: The current SEN support plan
    fix_rank: 30
    check: document
    params: {kind: my_support_plan, count: 1}
  - id: sen-support-plan-reviews
    text: The two most recent reviews of the support plan
    fix_rank: 32
    check: document
    params: {kind: my_support_plan_review, count: 2}
  - id: parent-views
    text: The views of the parents or carers
    cite: "SEND Code of Practice 2015, 9.14 (the views, interests and aspirations of the child and parents)"
    fix_rank: 30
    check: document
    params: {kind: parent_views, count: 1, or_record: request.parent_views}
  - id: pupil-views
    text: The views of the child or young person
    cite: "SEND Code of Practice 2015, 9.14 (the views, interests and aspirations of the child or young person)"
    fix_rank: 30
    check: document
    params: {kind: pupil_views, count: 1, or_record: request.pupil_views}
  - id: parental-consent
    text: The parent's agreement to the request (a request by a school or a professional, child under 16)
    cite: "SEND Code of Practice 2015, 9.8: a request is made \"with the knowledge and agreement of the parent or young person where possible\""
    fix_rank: 25
    check: document
    params: {kind: consent_form, count: 1, or_record: request.parental_consent, when_made_by: [school, professional], when_made_by_unknown: true, when_max_age: 15}
  - id: young-person-consent
    text: The young person's own agreement to the request (a request by a school or a professional, aged 16 or over)
    cite: "SEND Code of Practice 2015, 9.8; from 16 the young person makes this decision (Children and Families Act 2014, section 80)"
    fix_rank: 25
    check: document
    params: {kind: consent_form, count: 1, or_record: request.young_person_consent, when_made_by: [school, professional], when_made_by_unknown: true, when_min_age: 16}
)pack"},
    {"practice.yaml", R"pack(# Practice checks: warnings that never change readiness (`ehcp explain` lists the kinds).
practice:
  - id: reviews-per-year
    title: Parents met at least three times a year
    cite: "SEND Code of Practice 2015, 6.65: schools should meet parents at least three times each year"
    check: reviews_per_year
    params: {min_reviews: 3, months: 12, parents_involved: true}
)pack"},
    {"tests/ready.yaml", R"pack(# One test case, so that `ehcp rules test` has something to run. Add cases on both
# sides of every threshold: a copy of this file with one cycle fewer, one review too
# old, one document missing... `expect` may also hold `checks`, `gaps`, `cost_total`
# (docs/rule-packs.md, "Pack test cases"). The record is invented.
description: "Needs described with a professional report, two reviewed cycles with little or no progress, every document attached: ready"
as_of: 2026-11-22
expect:
  verdict: ready
  criteria: {sen: met, existing-support: met}
  evidence_complete: true
record:
  format: ehcp-record/1
  pupil: {id: T-NEW-1, date_of_birth: 2016-05-14, sen_status: sen_support}
  request:
    date: 2026-11-20
    made_by: school
    parent_views: We would like more help with reading.
    pupil_views: Reading is hard.
    parental_consent: true
  needs:
    primary: cognition_and_learning
    description: Persistent difficulties with reading and writing.
  support_cycles:
    - {start: 2026-01-05, review: 2026-03-27, progress: little}
    - {start: 2026-04-20, review: 2026-07-10, progress: none}
  documents:
    - {kind: my_support_plan, date: 2026-09-10}
    - {kind: my_support_plan_review, date: 2026-03-27}
    - {kind: my_support_plan_review, date: 2026-07-10}
    - {kind: professional_report, date: 2026-06-20, title: Educational psychology report}
)pack"},
    {"README.md", R"pack(# The @NAME@ rule pack

Scaffolded by `ehcp rules new @NAME@`. A rule pack is one council's criteria for an
EHC needs assessment, written as data: `ehcp` reads it at run time, so nothing needs
compiling. The full format is `docs/rule-packs.md` in the ehcp source.

As scaffolded, the pack works and its test case passes, but every report would say
"FILL IN". `ehcp rules test --rules <this folder>` lists each place still to fill in.

## What to fill in

1. **pack.yaml**: `title`, `authority` (the council's name, used in report wording),
   `sources` (each published document the pack cites: its title and web address),
   `statement` (who at the council decides), `readiness_caveat`, `rights` (the
   council's SENDIASS), the `parameters` (the notional SEN budget, the default hourly
   rates), and the `readiness` rule (which criteria must be met, in words and as a rule).
2. **criteria.yaml**: one entry per criterion the council publishes, with its own
   words (`source_wording`), where they stand (`cite`), how this pack reads them
   (`interpretation`: say plainly where it is this pack's reading) and a `check`
   made of built-in check kinds (`ehcp explain` lists them; `ehcp explain KIND`
   gives their parameters). Two starting points are given: needs described, and two
   reviewed support cycles with little or no progress.
3. **evidence.yaml**: the documents the council asks to be attached to a request.
4. **indicators.yaml**: the council's indicators of need, if it publishes any.
5. **practice.yaml**: warnings about practice that never change readiness.
6. **tests/**: one case is given. Add cases on both sides of every threshold (one
   cycle fewer, a review a day too old, a document missing), each with the result
   the council's criteria give.

Label every text as the council's own words, national law or guidance, or this
pack's reading. Records in the tests are invented: never use a real child's data.

## Check it

```sh
ehcp rules test --rules path/to/@NAME@     # the test cases, and what is still to fill in
ehcp rules show path/to/@NAME@             # the sources, parameters, criteria, readiness rule
ehcp rules diff coventry path/to/@NAME@    # side by side with another pack
ehcp --rules path/to/@NAME@ check --as-of 2026-11-22 pupil.yaml
```

To use it by name, put the folder that holds it on the search path:
`EHCP_RULES_PATH=/srv/ehcp/packs ehcp --rules @NAME@ check pupil.yaml`.
)pack"},
};

constexpr std::string_view kMarker = "FILL IN";
constexpr std::string_view kMarkerNoSpace = "FILL-IN";

std::string with_name(std::string_view text, const std::string& name) {
    std::string out;
    constexpr std::string_view slot = "@NAME@";
    std::size_t i = 0;
    while (true) {
        auto at = text.find(slot, i);
        out.append(text.substr(i, at == std::string_view::npos ? std::string_view::npos : at - i));
        if (at == std::string_view::npos) break;
        out += name;
        i = at + slot.size();
    }
    return out;
}

}  // namespace

bool valid_pack_name(const std::string& name) {
    if (name.empty() || name.size() > 40 || name.front() < 'a' || name.front() > 'z' || name.back() == '-') return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::vector<std::string> scaffold_pack(const std::string& name, const fs::path& parent) {
    if (!valid_pack_name(name))
        throw UsageError(fmt::format("`{}` cannot name a rule pack; fix: use lower-case letters, digits and hyphens, "
                                     "starting with a letter, at most 40 characters (e.g. `example-county`)",
                                     name),
                         exit_code::usage);
    std::error_code ec;
    if (!fs::is_directory(parent, ec))
        throw UsageError(fmt::format("folder `{}` does not exist; fix: create it, or give another --dir", parent.string()),
                         exit_code::usage);
    fs::path dir = parent / name;
    // create_directory says false for anything already there: never overwrite, never merge into it.
    bool created = !fs::exists(fs::symlink_status(dir, ec)) && fs::create_directory(dir, ec);
    if (!created)
        throw UsageError(fmt::format("`{}` already exists; `ehcp rules new` never overwrites a folder; fix: choose "
                                     "another name, or another --dir",
                                     dir.string()),
                         exit_code::cannot_create);
    std::vector<std::string> written;
    for (const auto& f : kFiles) {
        fs::path path = dir / f.path;
        fs::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << with_name(f.text, name);
        out.close();
        if (ec || !out) {
            fs::remove_all(dir, ec);  // nothing half-made is left behind
            throw OutputError(fmt::format("cannot write {}; nothing was created", path.string()));
        }
        written.push_back(f.path);
    }
    return written;
}

std::vector<std::string> still_to_fill_in(const fs::path& pack_dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(pack_dir, ec))
        if (e.path().extension() == ".yaml" && fs::is_regular_file(e.path(), ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            auto first = line.find_first_not_of(" \t");
            // FILL-IN: the same mark where a value cannot hold a space (a web address).
            bool marked = line.find(kMarker) != std::string::npos || line.find(kMarkerNoSpace) != std::string::npos;
            if (first == std::string::npos || line[first] == '#' || !marked) continue;
            std::string shown = line.substr(first);
            if (shown.size() > 90) shown = shown.substr(0, 87) + "...";
            out.push_back(fmt::format("{}:{}: {}", file.filename().string(), n, shown));
        }
    }
    return out;
}

}  // namespace ehcp::cli
