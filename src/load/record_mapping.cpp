#include "record_mapping.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "ehcp/core/money.hpp"
#include "ehcp/facts/calendar.hpp"
#include "ehcp/load/suggest.hpp"
#include "ehcp/load/upn.hpp"
#include "map_fields.hpp"

namespace ehcp::detail {

namespace {

std::string year_name(int year_group) {
    if (year_group < 0) return fmt::format("nursery year group {}", year_group);
    if (year_group == 0) return "Reception";
    if (year_group <= 13) return fmt::format("Year {}", year_group);
    return fmt::format("year group {}", year_group);
}

// ---- pupil ----------------------------------------------------------------

void check_upn(MapFields& f, const std::string& id) {
    if (!looks_like_upn(id)) return;
    const std::string path = f.path_of("id");
    auto expected = upn_check_letter(id);
    if (!expected) {
        f.doc().warning("upn.check_letter", path, f.value_pos("id"),
                        fmt::format("`{}` looks like a temporary UPN but its last letter `{}` is not one UPNs use "
                                    "(they leave out I, O and S)",
                                    id, id.back()),
                        "check the UPN against the school's records");
        return;
    }
    if (std::toupper(static_cast<unsigned char>(id[0])) == *expected) return;
    f.doc().warning("upn.check_letter", path, f.value_pos("id"),
                    fmt::format("`{}` looks like a UPN but its check letter is wrong: the other 12 characters call "
                                "for `{}`, not `{}`",
                                id, *expected, id[0]),
                    fmt::format("check the UPN; with these digits it would start with `{}`", *expected));
}

void read_pupil(MapFields& f, Pupil& p) {
    bool has_id = f.read("id", p.id);
    if (has_id) f.doc().note_pupil_id(p.id);
    f.read("name", p.name);
    bool has_dob = f.read("date_of_birth", p.date_of_birth);
    f.read("year_group", p.year_group, kYearScale);
    f.read("setting", p.setting);
    f.read("looked_after", p.looked_after);
    f.read("previously_looked_after", p.previously_looked_after);
    f.read("eal", p.eal);
    f.read("sen_status", p.sen_status);

    if (has_id) check_upn(f, p.id);
    const Date& as_of = f.doc().options().as_of;
    if (has_dob && p.date_of_birth > as_of) {
        // A birth after the as-of date is a typing slip (often the year); nothing can be derived from it.
        f.doc().error("date.future", f.path_of("date_of_birth"), f.value_pos("date_of_birth"),
                      fmt::format("date_of_birth {} is after the as-of date {}: the pupil is not born yet",
                                  p.date_of_birth.iso(), as_of.iso()),
                      "check the year of the date of birth");
        has_dob = false;
        p.date_of_birth = Date{};  // unset: nothing else is compared with it
    }
    if (has_dob && !p.year_group) {
        // Year groups run from -2 (Nursery 1) to 14 (further education); outside that the
        // calendar cannot place the pupil, so say so rather than show "Year -7" or "Year 40".
        int derived = year_group_for(p.date_of_birth, as_of);
        int age = age_in_years(p.date_of_birth, Date{school_year_start(as_of), 8, 31});
        if (derived < -2)
            f.doc().warning("pupil.year_group_range", f.path_of("date_of_birth"), f.value_pos("date_of_birth"),
                            fmt::format("date_of_birth {} makes the child {} on 31 August {}, younger than the "
                                        "first nursery year (year group {} derived; year groups start at -2)",
                                        p.date_of_birth.iso(), age, school_year_start(as_of), derived),
                            "check the date of birth, or give year_group (-2 to 14) if the child attends a setting");
        else if (derived > 14)
            f.doc().warning("pupil.year_group_range", f.path_of("date_of_birth"), f.value_pos("date_of_birth"),
                            fmt::format("date_of_birth {} makes the young person {} on 31 August {}, past year group "
                                        "14 (year group {} derived; year groups end at 14, further education)",
                                        p.date_of_birth.iso(), age, school_year_start(as_of), derived),
                            "check the date of birth, or give year_group (-2 to 14) for the education they are in");
    }
    if (has_dob && p.year_group) {
        int derived = year_group_for(p.date_of_birth, f.doc().options().as_of);
        // Year group 14 is what the format asks a learner past Year 13 (19 to 25) to give: not out of cohort.
        bool further_education = *p.year_group == 14 && derived > 14;
        if (derived != *p.year_group && !further_education)
            f.doc().warning("pupil.year_group_out_of_cohort", f.path_of("year_group"), f.value_pos("year_group"),
                            fmt::format("year_group {} differs from {} derived from the date of birth; the given year "
                                        "is used",
                                        *p.year_group, year_name(derived)),
                            fmt::format("if the pupil is taught in their chronological year, use {} or leave "
                                        "year_group out",
                                        derived));
    }
    if (p.sen_status == SenStatus::ehcp)
        f.doc().warning("pupil.has_ehcp", f.path_of("sen_status"), f.value_pos("sen_status"),
                        "sen_status is ehcp: the pupil already has an EHC plan, so the route is an annual review of "
                        "the plan, or a request for a re-assessment (Children and Families Act 2014, section 44), not "
                        "a new request for an EHC needs assessment",
                        "ask for an annual review (or an early review) of the plan, or for a re-assessment");
}

// ---- request and needs ----------------------------------------------------

void read_request(MapFields& f, Request& r) {
    f.read("date", r.date);
    const Date& as_of = f.doc().options().as_of;
    if (r.date && *r.date > as_of.plus_years(1)) {
        // The statutory 6/16/20-week dates count from it: a slip of the year must not reach them.
        f.doc().error("date.future", f.path_of("date"), f.value_pos("date"),
                      fmt::format("request date {} is more than a year after the as-of date {}", r.date->iso(),
                                  as_of.iso()),
                      "check the year of the request date; leave it out to use the as-of date");
        r.date.reset();
    }
    f.read("made_by", r.made_by);
    // Which pack is the caller's to say (the loader knows none): an unknown one is an error there.
    if (f.read("authority", r.authority)) r.authority_pos = f.value_pos("authority");
    f.read("parent_views", r.parent_views);
    f.read("pupil_views", r.pupil_views);
    f.read("parental_consent", r.parental_consent);
    f.read("young_person_consent", r.young_person_consent);
    f.read("local_authority_consent", r.local_authority_consent);
}

void read_diagnosis(MapFields& f, Diagnosis& d) {
    f.read("condition", d.condition);
    f.read("date", d.date);
    f.read("by", d.by);
    f.read("impact", d.impact);
}

void read_needs(MapFields& f, Needs& n) {
    f.read("primary", n.primary);
    f.read("secondary", n.secondary);
    f.read("sen_types", n.sen_types);
    f.read("description", n.description);
    f.list("diagnoses", n.diagnoses, read_diagnosis);
}

// ---- measures -------------------------------------------------------------

void read_attainment(MapFields& f, AttainmentMeasure& m) {
    f.read("area", m.area);
    f.read("date", m.date);
    f.read("working_at_year", m.working_at_year, kYearScale);
    f.read("age_equivalent_months", m.age_equivalent_months, kAgeMonths);
    f.read("standardised_score", m.standardised_score, kStandardisedScore);
    f.read("percentile", m.percentile, kPercent);
    f.read("assessment", m.assessment);

    // Present but unreadable counts as given: its own error already says what is wrong.
    if (!f.has("working_at_year") && !f.has("age_equivalent_months") && !f.has("standardised_score") &&
        !f.has("percentile"))
        f.doc().error("attainment.no_measure", f.path(), f.pos(),
                      fmt::format("{} gives no measure: it needs at least one of working_at_year, "
                                  "age_equivalent_months, standardised_score, percentile",
                                  f.path()),
                      "add a measure, e.g. `working_at_year: 1.5` or `standardised_score: 70`");
}

void read_cognitive(MapFields& f, CognitiveAssessment& c) {
    f.read("date", c.date);
    f.read("standardised_score", c.standardised_score, kStandardisedScore);
    f.read("assessment", c.assessment);
    f.read("by", c.by);
}

void read_functional_skills(MapFields& f, FunctionalSkills& s) {
    f.read("literacy", s.literacy);
    f.read("numeracy", s.numeracy);
}

void read_attendance(MapFields& f, Attendance& a) {
    f.read("percent", a.percent, kPercent);
    f.read("period_start", a.period_start);
    f.read("period_end", a.period_end);
}

// ---- support and provision ------------------------------------------------

void read_outcome(MapFields& f, Outcome& o) {
    f.read("description", o.description);
    f.read("result", o.result);
}

void read_support_cycle(MapFields& f, SupportCycle& c) {
    bool has_start = f.read("start", c.start);
    f.read("review", c.review);
    if (has_start && c.review && *c.review < c.start)
        f.doc().warning("support_cycle.review_before_start", f.path_of("review"), f.value_pos("review"),
                        fmt::format("review {} is before the cycle's start {}", c.review->iso(), c.start.iso()),
                        "check the dates: a cycle is reviewed after it starts");
    f.list("outcomes", c.outcomes, read_outcome);
    f.read("progress", c.progress);
    f.read("parents_involved", c.parents_involved);
    f.read("pupil_views_sought", c.pupil_views_sought);
    f.read("notes", c.notes);
}

// Over £100,000 a year for one entry is possible (a residential placement) but far more
// often a slip (minutes for hours, a misplaced decimal point): say so, do not refuse it.
constexpr double kImplausibleAnnualCost = 100'000.0;

void warn_implausible_cost(MapFields& f, const ProvisionEntry& p) {
    std::optional<double> most;  // the entry's cost when the record alone fixes it
    if (p.annual_cost)
        most = *p.annual_cost;
    else if (p.session_minutes && p.sessions_per_week && p.weeks && p.hourly_rate)
        most = *p.session_minutes / 60.0 * *p.sessions_per_week * *p.weeks * *p.hourly_rate /
                   static_cast<double>(p.group_size.value_or(1)) +
               p.other_costs.value_or(0.0);
    else if (p.other_costs)
        most = *p.other_costs;
    if (!most || *most <= kImplausibleAnnualCost) return;
    f.doc().warning("provision.implausible_cost", f.path(), f.pos(),
                    fmt::format("{} costs {} a year, more than {} for one entry", f.path(), format_money(*most),
                                format_money(kImplausibleAnnualCost)),
                    "check the figures (minutes, sessions, weeks, rate, costs); if it is right, keep it");
}

void read_provision(MapFields& f, ProvisionEntry& p) {
    f.read("name", p.name);
    f.read("area", p.area);
    f.read("delivered_by", p.delivered_by);
    f.read("session_minutes", p.session_minutes, kSessionMinutes);
    f.read("sessions_per_week", p.sessions_per_week, kSessionsPerWeek);
    f.read("group_size", p.group_size, kGroupSize);
    f.read("weeks", p.weeks, kWeeks);
    f.read("start", p.start);
    f.read("end", p.end);
    f.read("hourly_rate", p.hourly_rate, kMoney);
    f.read("annual_cost", p.annual_cost, kMoney);
    f.read("other_costs", p.other_costs, kMoney);
    f.read("outcome", p.outcome);
    f.read("review_date", p.review_date);

    warn_implausible_cost(f, p);
    if (p.start && p.end && *p.end < *p.start)
        f.doc().error("provision.end_before_start", f.path_of("end"), f.value_pos("end"),
                      fmt::format("end {} is before start {}", p.end->iso(), p.start->iso()),
                      "check the dates: end must be on or after start");
}

void read_recommendation(MapFields& f, Recommendation& r) {
    f.read("text", r.text);
    f.read("implemented", r.implemented);
    f.read("evaluated", r.evaluated);
    f.read("reason_not_implemented", r.reason_not_implemented);
}

void read_external_support(MapFields& f, ExternalSupport& s) {
    f.read("service", s.service);
    f.read("involved_from", s.involved_from);
    f.read("report_date", s.report_date);
    f.read("report_expected", s.report_expected);
    f.list("recommendations", s.recommendations, read_recommendation);
}

void read_indicator(MapFields& f, DeclaredIndicator& i) {
    bool has_id = f.read("id", i.id);
    f.read("evidence", i.evidence);

    const auto& pack_ids = f.doc().options().indicator_ids;
    if (!has_id || pack_ids.empty()) return;
    for (const auto& known : pack_ids)
        if (known == i.id) return;
    std::string listed;
    for (const auto& known : pack_ids) listed += (listed.empty() ? "" : ", ") + known;
    std::vector<std::string_view> candidates(pack_ids.begin(), pack_ids.end());
    auto close = closest_name(i.id, candidates);
    f.doc().error("indicator.unknown", f.path_of("id"), f.value_pos("id"),
                  fmt::format("indicator `{}` is not in the rule pack; its indicators are: {}", i.id, listed),
                  close ? fmt::format("did you mean `{}`?", close->name) : fmt::format("use one of: {}", listed));
}

// ---- wellbeing, post-18, documents ----------------------------------------

void read_wellbeing_evidence(MapFields& f, WellbeingEvidence& e) {
    f.read("kind", e.kind);
    f.read("date", e.date);
    f.read("summary", e.summary);
}

void read_wellbeing(MapFields& f, Wellbeing& w) {
    f.list("evidence", w.evidence, read_wellbeing_evidence);
    f.read("additional_provision_needed", w.additional_provision_needed);
}

void read_post18(MapFields& f, Post18& p) {
    f.read("additional_time_needed", p.additional_time_needed);
    f.read("reason", p.reason);
    f.read("programme", p.programme);
}

// Whether the named file is there: a stat only, the file itself is never opened.
void check_document_file(MapFields& f, Document& d) {
    namespace fs = std::filesystem;
    const std::string path = f.path_of("file");
    const SourcePos at = f.value_pos("file");
    if (d.file->empty()) {
        d.file_status = FileStatus::missing;
        f.doc().warning("document.file_missing", path, at, "the document's file name is empty",
                        "give the file's path, relative to the record's file, or leave `file` out");
        return;
    }
    // Evidence sits beside the record (or in a folder below it): an absolute path or one
    // that climbs out (`../../../../etc/passwd`, `/dev/stdin`) is not a document of this
    // record, and is never looked at.
    fs::path given{*d.file};
    int depth = 0;
    bool climbs_out = false;
    for (const auto& part : given) {
        if (part == "..") climbs_out = climbs_out || --depth < 0;
        else if (part != "." && !part.empty()) ++depth;
    }
    if (given.is_absolute() || climbs_out) {
        d.file_status = FileStatus::missing;
        f.doc().warning("document.file_outside", path, at,
                        fmt::format("the file `{}` is {}; the document counts as missing", *d.file,
                                    given.is_absolute() ? "an absolute path" : "outside the record's folder"),
                        "put the document in the record's folder (or a folder inside it) and give its relative path");
        return;
    }
    fs::path where = fs::path(f.doc().base_dir()) / given;
    std::error_code ec;
    fs::file_status status = fs::status(where, ec);
    if (ec || !fs::exists(status)) {
        d.file_status = FileStatus::missing;
        f.doc().warning("document.file_missing", path, at,
                        fmt::format("the file `{}` was not found (looked for {}); the document counts as missing",
                                    *d.file, where.lexically_normal().string()),
                        "check the path, which is relative to the record's own file");
        return;
    }
    if (fs::is_directory(status)) {
        d.file_status = FileStatus::missing;
        f.doc().warning("document.file_missing", path, at,
                        fmt::format("`{}` is a directory, not a file; the document counts as missing", *d.file),
                        "name the document's file itself");
        return;
    }
    if (!fs::is_regular_file(status)) {  // a device, FIFO or socket is no document
        d.file_status = FileStatus::missing;
        f.doc().warning("document.file_missing", path, at,
                        fmt::format("`{}` is not a regular file; the document counts as missing", *d.file),
                        "name the document's file itself");
        return;
    }
    auto size = fs::file_size(where, ec);
    if (!ec && size == 0) {
        d.file_status = FileStatus::empty;
        f.doc().warning("document.file_empty", path, at,
                        fmt::format("the file `{}` is empty; the document counts as missing", *d.file),
                        "attach the document's real content");
        return;
    }
    d.file_status = FileStatus::present;
}

// A document's kind: a built-in one, or one the rule pack in use declares (options().
// document_kinds, e.g. Norfolk's indes). The record format's code knows no pack's kinds.
// With a pack: a near miss of a known kind is an error (the document would silently not
// count), any other unknown kind a warning that lists the kinds the pack knows.
void read_document_kind(MapFields& f, Document& d) {
    std::string word;
    const auto& declared = f.doc().options().document_kinds;
    std::string kinds = allowed_values<DocumentKind>();
    for (const auto& k : declared) kinds += ", " + k;
    if (!f.read_expected("kind", word, "<one of: " + kinds + ">")) return;
    d.kind_name = word;
    if (auto e = parse_enum<DocumentKind>(word)) {
        d.kind = *e;
        return;
    }
    d.kind = DocumentKind::other;
    const auto& options = f.doc().options();
    if (std::find(declared.begin(), declared.end(), word) != declared.end()) return;
    if (options.pack_id.empty()) return;
    std::vector<std::string> known;
    for (auto n : EnumNames<DocumentKind>::names) known.emplace_back(n);
    known.insert(known.end(), options.document_kinds.begin(), options.document_kinds.end());
    std::string listed;
    for (const auto& k : known) listed += (listed.empty() ? "" : ", ") + k;
    std::vector<std::string_view> candidates(known.begin(), known.end());
    auto close = closest_name(word, candidates);
    auto message = fmt::format("`{}` is not a document kind the rule pack `{}` knows; its kinds are: {}", word,
                               options.pack_id, listed);
    if (close) {
        f.doc().error("document.kind_unknown", f.path_of("kind"), f.value_pos("kind"), message,
                      close->closeness == Closeness::same_name ? fmt::format("use {}", close->name)
                                                                : fmt::format("did you mean `{}`?", close->name));
        return;
    }
    f.doc().warning("document.kind_unknown", f.path_of("kind"), f.value_pos("kind"),
                    message + "; the document is shown but counts towards none of the pack's evidence",
                    "use one of the pack's kinds, or check the record against the pack that declares this kind "
                    "(`--rules PACK` or request.authority)");
}

void read_document(MapFields& f, Document& d) {
    read_document_kind(f, d);
    f.read("date", d.date);
    f.read("title", d.title);
    if (f.read("file", d.file)) check_document_file(f, d);
}

}  // namespace

std::optional<Record> map_record(DocumentContext& doc, const YamlNode& root) {
    if (!root.is_map()) {
        doc.error("type.map", "", doc.position(root.mark()),
                  root.is_sequence() ? "the document is a list; a record is a map of keys starting with "
                                      "`format: ehcp-record/1`"
                                    : "the document is a single value; a record is a map of keys starting with "
                                      "`format: ehcp-record/1`",
                  "start the record with `format: ehcp-record/1` and a `pupil:` map");
        return std::nullopt;
    }
    Record r;
    MapFields f(doc, root, "");
    if (f.read_expected("format", r.format, kRecordFormat) && r.format != kRecordFormat)
        doc.error("format.version", "format", f.value_pos("format"),
                  fmt::format("format `{}` is not one this toolkit reads; it reads `{}`", r.format, kRecordFormat),
                  fmt::format("use {}", kRecordFormat));
    f.section("pupil", r.pupil, read_pupil);
    f.section("request", r.request, [&](MapFields& rf, Request& req) {
        read_request(rf, req);
        // Date{} is the unset date of birth (1970-01-01, never a pupil's).
        if (req.date && r.pupil.date_of_birth != Date{} && *req.date < r.pupil.date_of_birth)
            rf.doc().warning("request.before_birth", rf.path_of("date"), rf.value_pos("date"),
                             fmt::format("request date {} is before the date of birth {}", req.date->iso(),
                                         r.pupil.date_of_birth.iso()),
                             "check the request date and the date of birth");
    });
    f.section("needs", r.needs, read_needs);
    f.list("attainment", r.attainment, read_attainment);
    f.list("cognitive_assessments", r.cognitive_assessments, read_cognitive);
    f.section("functional_skills", r.functional_skills, read_functional_skills);
    f.section("attendance", r.attendance, read_attendance);
    f.list("support_cycles", r.support_cycles, read_support_cycle);
    f.list("provision", r.provision, read_provision);
    f.list("external_support", r.external_support, read_external_support);
    f.list("indicators", r.indicators, read_indicator);
    f.section("wellbeing", r.wellbeing, read_wellbeing);
    f.section("post18", r.post18, read_post18);
    f.list("documents", r.documents, read_document);
    f.finish();


    if (doc.has_errors()) return std::nullopt;
    return r;
}

}  // namespace ehcp::detail
