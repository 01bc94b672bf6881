// Check kinds for the criteria: attainment by phase, needs, existing support,
// wellbeing and over-18. Each reads Facts and says why, with figures.
#include <cmath>

#include "checks_common.hpp"

namespace ehcp {

std::string CheckContext::quote(const std::string& free_text) const {
    return redact ? std::string("[redacted]") : fmt::format("\u2018{}\u2019", free_text);
}

std::string CheckContext::quote_identifying(const std::string& text) const { return redact ? std::string("[redacted]") : text; }

namespace checks {

namespace {
std::string working_at_name(double year) {
    return year == std::floor(year) ? year_name(static_cast<int>(year)) : "Year " + format_number(year);
}
}  // namespace

std::string age_of(int months_old) {
    int y = months_old / 12, m = months_old % 12;
    if (y == 0) return months(m);
    std::string out = y == 1 ? "1 year" : fmt::format("{} years", y);
    if (m) out += " " + months(m);
    return out;
}

std::string progress_word(Progress p) {
    switch (p) {
        case Progress::none: return "no progress";
        case Progress::little: return "little progress";
        case Progress::some: return "some progress";
        case Progress::expected: return "expected progress";
        case Progress::good: return "good progress";
    }
    return "";
}

std::optional<std::string> stale_review_gap(const Facts& f, int months) {
    const SupportCycle* latest = f.latest_reviewed();
    if (!latest || is_current(*latest->review, f.as_of, months)) return std::nullopt;
    return fmt::format("review the current support: the latest review, on {}, is more than {} before {}, so the "
                       "cycles do not show the pupil's progress now",
                       latest->review->iso(), ehcp::checks::months(months), f.as_of.iso());
}

// "4 years" below, or "1.5 years above" for a pupil working beyond the year group.
std::string gap_years_words(double gap) { return gap < 0 ? years(-gap) + " above" : years(gap); }

void add_attainment_figures(const Facts& f, CheckOutcome& out, int max_age) {
    for (const auto& a : f.attainment) {
        std::string area = words(to_string(a.area));
        if (const auto* g = a.latest(Carries::working_at_year)) {
            double wa = *g->measure->working_at_year;
            if (is_current(g->measure->date, f.as_of, max_age))
                out.figures.push_back({area + " gap", fmt::format("{} ({} working at {}, {})", gap_years_words(*g->gap_years_now),
                                                                  year_name(f.year_group), working_at_name(wa),
                                                                  g->measure->date.iso())});
            else
                out.figures.push_back({area + " gap", fmt::format("{} {} on {} (working at {}); {} old, not current",
                                                                  *g->gap_years < 0 ? gap_years_words(*g->gap_years)
                                                                                    : years(*g->gap_years) + " below",
                                                                  year_name(g->year_group_then),
                                                                  g->measure->date.iso(), working_at_name(wa), age_of(g->months_old))});
        }
        if (const auto* g = a.latest(Carries::age_equivalent_months))
            out.figures.push_back({area + " age equivalent",
                                   fmt::format("{} at age {} months: {} below{} ({}{})", months(*g->measure->age_equivalent_months),
                                               g->age_months_then, months(*g->gap_months),
                                               g->half_age_or_below ? ", at or below half age" : "", g->measure->date.iso(),
                                               is_current(g->measure->date, f.as_of, max_age)
                                                   ? ""
                                                   : fmt::format("; {} old, not current", age_of(g->months_old)))});
        if (const auto* g = a.latest(Carries::standardised_score))
            out.figures.push_back({area + " standard score",
                                   fmt::format("{} ({}{})", format_number(*g->measure->standardised_score), g->measure->date.iso(),
                                               is_current(g->measure->date, f.as_of, max_age)
                                                   ? ""
                                                   : fmt::format("; {} old", age_of(g->months_old)))});
    }
}

namespace {

std::string cycle_index(const Facts& f, const SupportCycle* c) {
    return fmt::format("support_cycles[{}]", c - f.record->support_cycles.data());
}

// ---- attainment ----

constexpr const char* kMaxAgeDoc = "a measure older than this many months before the as-of date is shown with its age but never meets the check (0: any age)";

CheckKind attainment_gap_years() {
    return {"attainment_gap_years",
            "School-age attainment: in each given area, the latest current measure with a working_at_year is compared with the current year group; met when at least N areas are the given years or more below it.",
            {{"areas", "list of attainment areas", "areas looked at (latest measure with working_at_year in each)"},
             {"min_gap_years", "number", "gap in years that meets the check; left out, the criterion is judged, not measured (the authority gives no number): manual_review with the figures shown, insufficient_evidence when no current measure"},
             {"min_areas", "whole number", "how many areas must reach the gap (default 1)"},
             {"max_age_months", "whole number", kMaxAgeDoc}},
            [](ParamReader& p) -> CheckEvaluator {
                auto areas = p.list_of<AttainmentArea>("areas");
                // No number: a soft criterion (Norfolk's "attainment compared with peers").
                const double kJudged = -1e18;
                double min_gap = p.number("min_gap_years", kJudged);
                bool judged = min_gap == kJudged;
                int min_areas = p.integer("min_areas", 1);
                int max_age = p.integer("max_age_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    add_attainment_figures(f, out, max_age);
                    if (judged) {
                        int current = 0;
                        std::vector<std::string> stale;
                        for (auto area : areas) {
                            const auto* a = f.area(area);
                            const MeasuredGap* g = a ? a->latest(Carries::working_at_year) : nullptr;
                            if (!g) continue;
                            if (is_current(g->measure->date, f.as_of, max_age)) ++current;
                            else stale.push_back(fmt::format("{} (the latest, {}, is {} old)", words(to_string(area)),
                                                             g->measure->date.iso(), age_of(g->months_old)));
                        }
                        out.figures.push_back({"threshold", "none given: judged by the authority against the figures shown"});
                        if (current > 0) {
                            out.status = Status::manual_review;
                            out.reasons.push_back(fmt::format("the authority gives no gap that meets this criterion; it judges the "
                                                              "current attainment in {} shown here",
                                                              join_words(areas, "and")));
                            return out;
                        }
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back(fmt::format("no current working_at_year is recorded for {}", join_words(areas)));
                        std::string what = stale.empty() ? join_words(areas, "and") : fmt::format("{}", fmt::join(stale, "; "));
                        out.missing.push_back(fmt::format("record the latest attainment (working_at_year) in {}{} so it can be "
                                                          "compared with the year group",
                                                          what, max_age > 0 ? fmt::format(", within {}", months(max_age)) : std::string()));
                        return out;
                    }
                    int reached = 0, with_data = 0, current = 0;
                    double largest = -1e9;
                    std::string largest_area;
                    std::vector<std::string> stale;
                    for (auto area : areas) {
                        const auto* a = f.area(area);
                        const MeasuredGap* g = a ? a->latest(Carries::working_at_year) : nullptr;
                        if (!g) continue;
                        ++with_data;
                        if (!is_current(g->measure->date, f.as_of, max_age)) {
                            stale.push_back(fmt::format("{} (the latest, {}, is {} old)", words(to_string(area)),
                                                        g->measure->date.iso(), age_of(g->months_old)));
                            continue;
                        }
                        ++current;
                        double gap = *g->gap_years_now;
                        if (gap > largest) largest = gap, largest_area = words(to_string(area));
                        if (gap >= min_gap) {
                            ++reached;
                            out.reasons.push_back(fmt::format("{} is {} below {} (at least {} needed)", words(to_string(area)),
                                                              years(gap), year_name(f.year_group), years(min_gap)));
                        }
                    }
                    out.figures.push_back({"threshold", fmt::format("{} below {} in {} of: {}", years(min_gap),
                                                                    year_name(f.year_group), min_areas, join_words(areas))});
                    if (with_data == 0) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back(fmt::format("no working_at_year is recorded for {}", join_words(areas)));
                        out.missing.push_back(fmt::format(
                            "record the latest attainment (working_at_year) in {} so the gap can be measured", join_words(areas, "and")));
                        return out;
                    }
                    if (reached >= min_areas) {
                        out.status = Status::met;
                        return out;
                    }
                    for (const auto& s : stale)
                        out.missing.push_back(fmt::format("record a current measure (within {}) of the working-at level in {}",
                                                          months(max_age), s));
                    if (current == 0) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back(fmt::format("no measure of {} is current: the criterion reads measures no more than {} "
                                                          "old, and an older gap is not today's",
                                                          join_words(areas, "and"), months(max_age)));
                        return out;
                    }
                    out.status = Status::not_met;
                    out.reasons.push_back(fmt::format("the largest current gap is {} ({}); the criterion looks for at least {} below {}",
                                                      gap_years_words(largest), largest_area, years(min_gap), year_name(f.year_group)));
                    out.missing.push_back(fmt::format("attainment: largest current gap {} of the {} needed in {}", gap_years_words(largest),
                                                      years(min_gap), join_words(areas)));
                    return out;
                };
            }};
}

CheckKind eyfs_delay() {
    return {"eyfs_delay",
            "Early years: with at least N EYFS areas assessed (the latest current age equivalent in each), in more than a share of them the pupil is at least M months below chronological age (or at or below half of it).",
            {{"min_gap_months", "number", "delay in months that counts an area as delayed"},
             {"half_age", "true/false", "an age equivalent at or below half of chronological age also counts"},
             {"share_above", "number 0-1", "the share of assessed areas that must be delayed, exclusive (0.5: more than half)"},
             {"min_areas", "whole number", "EYFS areas that must be assessed before \"most areas\" can be judged"},
             {"max_age_months", "whole number", kMaxAgeDoc}},
            [](ParamReader& p) -> CheckEvaluator {
                double min_gap = p.number("min_gap_months");
                bool half_age = p.flag("half_age", true);
                double share = p.number("share_above", 0.5);
                int min_areas = p.integer("min_areas", 1);
                int max_age = p.integer("max_age_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    add_attainment_figures(f, out, max_age);
                    int assessed = 0, delayed = 0;
                    std::vector<std::string> stale;
                    for (const auto& a : f.attainment) {
                        const MeasuredGap* g = a.latest(Carries::age_equivalent_months);
                        if (!is_early_years_area(a.area) || !g) continue;
                        if (!is_current(g->measure->date, f.as_of, max_age)) {
                            stale.push_back(fmt::format("{} (the latest, {}, is {} old)", words(to_string(a.area)),
                                                        g->measure->date.iso(), age_of(g->months_old)));
                            continue;
                        }
                        ++assessed;
                        bool is_delayed = *g->gap_months >= min_gap || (half_age && g->half_age_or_below);
                        if (is_delayed) ++delayed;
                    }
                    out.figures.push_back({"EYFS areas delayed",
                                           stale.empty() ? fmt::format("{} of {} assessed", delayed, assessed)
                                                         : fmt::format("{} of {} assessed with a current measure ({} recorded)", delayed,
                                                                       assessed, assessed + static_cast<int>(stale.size()))});
                    std::string rule = fmt::format("at least {} below chronological age{}", months(min_gap),
                                                   half_age ? " or at or below half of it" : "");
                    if (assessed < min_areas) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back(assessed == 0 && stale.empty()
                                                  ? std::string("no age equivalent is recorded for any EYFS area")
                                                  : fmt::format("{} EYFS area{} assessed with a current age equivalent; at least {} "
                                                                "are needed before \"most areas\" can be judged",
                                                                assessed, assessed == 1 ? "" : "s", min_areas));
                        for (const auto& s : stale)
                            out.missing.push_back(fmt::format("record a current age equivalent (within {}) in {}", months(max_age), s));
                        out.missing.push_back(fmt::format(
                            "record current age equivalents (age_equivalent_months) for at least {} EYFS areas, e.g. from an Early "
                            "Years Checklist: {} of {}",
                            min_areas, assessed, min_areas));
                        return out;
                    }
                    if (delayed > share * assessed) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("{} of {} EYFS areas assessed are {}", delayed, assessed, rule));
                    } else {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("only {} of {} EYFS areas assessed are {}; the criterion looks for most areas",
                                                          delayed, assessed, rule));
                        for (const auto& s : stale)
                            out.missing.push_back(fmt::format("record a current age equivalent (within {}) in {}", months(max_age), s));
                        out.missing.push_back(fmt::format("attainment: {} of {} EYFS areas {}, more than {}% needed", delayed,
                                                          assessed, rule, format_number(share * 100)));
                    }
                    return out;
                };
            }};
}

CheckKind functional_skills_below() {
    return {"functional_skills_below",
            "Key Stage 4: functional skills in the given subjects are all below a level (yet to be achieved).",
            {{"below", "functional skills level", "the level not yet achieved, e.g. level_1"},
             {"subjects", "list: literacy, numeracy", "subjects that must all be below it"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto below = p.one_of<FunctionalLevel>("below");
                auto subjects = p.words("subjects", std::vector<std::string>{"literacy", "numeracy"});
                for (const auto& s : subjects)
                    if (s != "literacy" && s != "numeracy")
                        p.invalid("subjects", fmt::format("`{}` is not a functional skills subject: use literacy, numeracy", s));
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    add_attainment_figures(f, out, 0);
                    const auto& fs = f.record->functional_skills;
                    int below_count = 0;
                    std::vector<std::string> absent;
                    for (const auto& s : subjects) {
                        std::optional<FunctionalLevel> level;
                        if (fs) level = s == "literacy" ? fs->literacy : fs->numeracy;
                        if (!level) {
                            absent.push_back(s);
                            continue;
                        }
                        out.figures.push_back({"functional skills " + s, words(to_string(*level))});
                        if (*level < below) ++below_count;
                    }
                    if (!absent.empty()) {
                        out.status = Status::insufficient_evidence;
                        for (const auto& s : absent)
                            out.missing.push_back(fmt::format("record the functional skills level in {} (functional_skills.{})", s, s));
                        return out;
                    }
                    if (below_count == static_cast<int>(subjects.size())) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("functional skills below {} in every one of: {}", words(to_string(below)),
                                                          fmt::join(subjects, ", ")));
                    } else {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("{} of {} subjects are below {}", below_count, subjects.size(),
                                                          words(to_string(below))));
                        out.missing.push_back(fmt::format("attainment: functional skills at or above {} in {} of {} subjects",
                                                          words(to_string(below)), subjects.size() - below_count, subjects.size()));
                    }
                    return out;
                };
            }};
}

CheckKind manual_review() {
    return {"manual_review",
            "Always manual_review: the source says such cases are judged individually. Shows the attainment figures it has, each with its age when older than max_age_months.",
            {{"reason", "text", "why, in the authority's words"}, {"max_age_months", "whole number", "measures older than this are shown with their age (0: no ages shown)"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto reason = p.text("reason");
                int max_age = p.integer("max_age_months", 0);
                return [=](const CheckContext& ctx) {
                    CheckOutcome out;
                    out.status = Status::manual_review;
                    add_attainment_figures(ctx.facts, out, max_age);
                    out.reasons.push_back(reason);
                    return out;
                };
            }};
}

// ---- special educational needs ----

CheckKind needs_stated() {
    return {"needs_stated", "The record states a primary area of need and describes the needs.", {},
            [](ParamReader&) -> CheckEvaluator {
                return [](const CheckContext& ctx) {
                    const auto& needs = ctx.facts.record->needs;
                    CheckOutcome out;
                    bool primary = needs && needs->primary;
                    bool description = needs && needs->description && !needs->description->empty();
                    if (primary) out.reasons.push_back("primary area of need: " + words(to_string(*needs->primary)));
                    if (primary && !needs->secondary.empty())
                        out.reasons.push_back("other areas of need: " + join_words(needs->secondary, "and"));
                    if (description) out.reasons.push_back("the nature, extent and context of the needs are described");
                    if (!primary) out.missing.push_back("state the primary area of need (needs.primary)");
                    if (!description)
                        out.missing.push_back("describe the nature, extent and context of the needs (needs.description)");
                    out.status = primary && description ? Status::met : Status::insufficient_evidence;
                    return out;
                };
            }};
}

// Reports attached as documents and reports recorded against a service are often the
// same report written down twice, so take the larger count rather than the sum.
int professional_reports(const Facts& f) {
    int attached = f.documents_of(DocumentKind::professional_report);
    int written = 0;
    for (const auto& s : f.record->external_support)
        if (s.report_date && *s.report_date <= f.as_of) ++written;
    return std::max(attached, written);
}

CheckKind condition_impact_or_report() {
    return {"condition_impact_or_report",
            "A diagnosed condition has its impact on access to education described, or there is a professional report. A diagnosis without an impact statement is always a gap.",
            {},
            [](ParamReader&) -> CheckEvaluator {
                return [](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    int with_impact = 0;
                    if (f.record->needs) {
                        const auto& ds = f.record->needs->diagnoses;
                        for (std::size_t i = 0; i < ds.size(); ++i) {
                            if (ds[i].impact && !ds[i].impact->empty()) {
                                ++with_impact;
                                out.reasons.push_back(fmt::format("the impact of {} on access to education is described",
                                                                  ctx.quote(ds[i].condition)));
                            } else {
                                out.missing.push_back(fmt::format(
                                    "describe how {} affects access to education and progress (needs.diagnoses[{}].impact)",
                                    ctx.quote(ds[i].condition), i));
                            }
                        }
                    }
                    int reports = professional_reports(f);
                    out.figures.push_back({"professional reports", std::to_string(reports)});
                    if (reports > 0) out.reasons.push_back(fmt::format("{} professional report{}", reports, reports == 1 ? "" : "s"));
                    if (with_impact > 0 || reports > 0) {
                        out.status = Status::met;
                    } else {
                        out.status = Status::not_met;
                        out.reasons.push_back("no diagnosis with its impact described and no professional report");
                        out.missing.push_back(
                            "show how the needs affect access to education: describe the impact of a diagnosis "
                            "(needs.diagnoses[].impact), or give a professional's written advice (external_support[].report_date "
                            "or a professional_report document)");
                    }
                    return out;
                };
            }};
}

// ---- existing support ----

bool mentions_any(const std::string& text, const std::vector<std::string>& needles) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(needles.begin(), needles.end(), [&](const std::string& n) { return lower.find(n) != std::string::npos; });
}

CheckKind external_recommendations() {
    return {"external_recommendations",
            "External services have been involved, at least N have given written advice, and every recommendation has been implemented and evaluated, or the record says why it was not implemented. Advice still awaited (report_expected) is listed as awaited, not as a failure; a reason naming the school's resources is reported as supporting the request.",
            {{"min_reports", "whole number", "services that must have given written advice (report_date on or before the as-of date)"},
             {"require_implemented", "true/false", "every recommendation implemented, or a reason_not_implemented given"},
             {"require_evaluated", "true/false", "every implemented recommendation evaluated"},
             {"resource_words", "list of words", "a reason_not_implemented containing one of these (any case) says the recommendation is beyond the school's resources"}},
            [](ParamReader& p) -> CheckEvaluator {
                int min_reports = p.integer("min_reports", 1);
                bool need_impl = p.flag("require_implemented", true);
                bool need_eval = p.flag("require_evaluated", true);
                auto resource_words = p.words("resource_words", std::vector<std::string>{});
                for (auto& w : resource_words)
                    std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    const auto& services = f.record->external_support;
                    CheckOutcome out;
                    if (services.empty()) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back("no external support service is recorded");
                        out.missing.push_back(
                            "involve the appropriate external services and record them (external_support), e.g. educational psychology");
                        return out;
                    }
                    int reports = 0, recs = 0, implemented = 0, evaluated = 0, explained = 0;
                    std::vector<std::string> awaited;
                    for (std::size_t i = 0; i < services.size(); ++i) {
                        const auto& s = services[i];
                        std::string name = ctx.quote_identifying(words(s.service));
                        if (s.report_date && *s.report_date <= f.as_of) {
                            ++reports;
                        } else if (s.report_expected) {
                            awaited.push_back(fmt::format("{} (expected {})", name, s.report_expected->iso()));
                            out.reasons.push_back(fmt::format("advice from {} is awaited (expected {}): listed as awaited, not as a "
                                                              "shortfall",
                                                              name, s.report_expected->iso()));
                        } else {
                            out.reasons.push_back(fmt::format("no written advice is recorded from {} (external_support[{}])", name, i));
                        }
                        for (std::size_t j = 0; j < s.recommendations.size(); ++j) {
                            const auto& r = s.recommendations[j];
                            ++recs;
                            bool impl = r.implemented.value_or(false), eval = r.evaluated.value_or(false);
                            bool has_reason = r.reason_not_implemented && !r.reason_not_implemented->empty();
                            implemented += impl;
                            evaluated += impl && eval;
                            std::string which = fmt::format("recommendation {} from {}", ctx.quote(r.text), name);
                            std::string where = fmt::format("external_support[{}].recommendations[{}]", i, j);
                            if (!impl && has_reason) {
                                ++explained;
                                if (mentions_any(*r.reason_not_implemented, resource_words))
                                    out.reasons.push_back(fmt::format(
                                        "{} was not implemented: {}. A recommendation beyond the school's resources supports the "
                                        "request",
                                        which, ctx.quote(*r.reason_not_implemented)));
                                else
                                    out.reasons.push_back(fmt::format("{} was not implemented, and the record says why: {}", which,
                                                                      ctx.quote(*r.reason_not_implemented)));
                            } else if (need_impl && !impl) {
                                out.missing.push_back(
                                    r.implemented
                                        ? fmt::format("{} not implemented, and no reason is recorded ({}.reason_not_implemented)", which, where)
                                        : fmt::format("{}: record whether it was implemented ({}.implemented)", which, where));
                            } else if (impl && need_eval && !eval) {
                                out.missing.push_back(fmt::format("{} implemented but not yet evaluated ({})", which, where));
                            }
                        }
                    }
                    out.figures.push_back({"services involved", std::to_string(services.size())});
                    out.figures.push_back({"written advice", fmt::format("{} of {} services", reports, services.size())});
                    if (!awaited.empty()) out.figures.push_back({"advice awaited", fmt::format("{}", fmt::join(awaited, "; "))});
                    out.figures.push_back({"recommendations implemented", fmt::format("{} of {}", implemented, recs)});
                    out.figures.push_back({"recommendations evaluated", fmt::format("{} of {} implemented", evaluated, implemented)});
                    if (explained)
                        out.figures.push_back({"not implemented, with the reason", fmt::format("{} of {}", explained, recs)});
                    if (!out.missing.empty()) {
                        out.status = Status::not_met;
                        return out;
                    }
                    if (reports < min_reports) {
                        if (!awaited.empty()) {
                            out.status = Status::insufficient_evidence;
                            out.missing.push_back(fmt::format("written advice from an external service: awaited from {}",
                                                              fmt::join(awaited, ", ")));
                        } else {
                            out.status = Status::not_met;
                            out.missing.push_back(fmt::format("written advice from at least {} external service{} "
                                                              "(external_support[].report_date): {} of {}",
                                                              min_reports, min_reports == 1 ? "" : "s", reports, min_reports));
                        }
                        return out;
                    }
                    out.status = Status::met;
                    if (recs == 0) {
                        // "every recommendation has been implemented and evaluated" holds when there are none.
                        out.reasons.push_back(fmt::format("{} service{} gave written advice; no recommendations are recorded from it, so "
                                                          "none is waiting to be implemented or evaluated",
                                                          reports, reports == 1 ? "" : "s"));
                        return out;
                    }
                    if (!need_impl || !need_eval) {
                        // A pack that asks only for involvement (Norfolk) must not be told more than it asked.
                        out.reasons.push_back(fmt::format("{} service{} involved, {} with written advice; recommendations "
                                                          "implemented: {} of {}{}",
                                                          services.size(), services.size() == 1 ? "" : "s", reports, implemented, recs,
                                                          need_eval ? "" : fmt::format(", evaluated: {}", evaluated)));
                        return out;
                    }
                    out.reasons.push_back(fmt::format("{} service{} gave written advice; every recommendation was implemented and "
                                                      "evaluated, or the record says why not",
                                                      reports, reports == 1 ? "" : "s"));
                    return out;
                };
            }};
}

constexpr const char* kReviewWithinDoc =
    "the latest review must be no more than this many months before the as-of date, or the check lacks current evidence (0: any age)";

CheckKind reviewed_cycles() {
    return {"reviewed_cycles",
            "The N most recent support cycles reviewed by the as-of date all show one of the given progress judgements; older cycles do not count. Insufficient evidence when the latest review is not current.",
            {{"min_cycles", "whole number", "the most recent reviewed cycles read, all of which must show the progress"},
             {"progress", "list of progress values", "judgements that count (little or no progress: none, little)"},
             {"review_within_months", "whole number", kReviewWithinDoc}},
            [](ParamReader& p) -> CheckEvaluator {
                int min_cycles = p.integer("min_cycles");
                auto progress = p.list_of<Progress>("progress");
                int within = p.integer("review_within_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    if (f.record->support_cycles.empty()) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back("no support cycles are recorded");
                        out.missing.push_back(fmt::format("record the assess-plan-do-review cycles (support_cycles): {} reviewed with {} needed",
                                                          min_cycles, progress_phrase(progress)));
                        return out;
                    }
                    out.figures.push_back({"reviewed cycles", std::to_string(f.reviewed_cycles.size())});
                    if (!f.open_cycles.empty())
                        out.figures.push_back({"cycles not yet reviewed", std::to_string(f.open_cycles.size())});
                    if (auto stale = stale_review_gap(f, within)) {
                        out.status = Status::insufficient_evidence;
                        out.figures.push_back({"latest review", f.latest_reviewed()->review->iso()});
                        out.reasons.push_back(fmt::format("the latest review is more than {} old, so the cycles are not current evidence",
                                                          months(within)));
                        out.missing.push_back(*stale);
                        return out;
                    }
                    std::size_t n = std::min<std::size_t>(f.reviewed_cycles.size(), static_cast<std::size_t>(std::max(min_cycles, 0)));
                    std::vector<const SupportCycle*> recent(f.reviewed_cycles.end() - static_cast<std::ptrdiff_t>(n), f.reviewed_cycles.end());
                    int counted = 0;
                    bool unknown = false;
                    std::vector<std::string> dates, against;
                    for (const auto* c : recent) {
                        if (!c->progress) {
                            unknown = true;
                            out.missing.push_back(fmt::format("record the progress judged at the review on {} ({}.progress)",
                                                              c->review->iso(), cycle_index(f, c)));
                        } else if (contains(progress, *c->progress)) {
                            ++counted;
                            dates.push_back(c->review->iso());
                        } else {
                            against.push_back(fmt::format("{}: {}", c->review->iso(), progress_word(*c->progress)));
                        }
                    }
                    if (!recent.empty())
                        out.figures.push_back({"most recent reviews read", fmt::format("{} ({} to {})", recent.size(),
                                                                                       recent.front()->review->iso(),
                                                                                       recent.back()->review->iso())});
                    out.figures.push_back({"with " + progress_phrase(progress), fmt::format("{} of {} needed", counted, min_cycles)});
                    if (counted >= min_cycles) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("the {} most recent reviewed cycles all show {} (reviews {})", counted,
                                                          progress_phrase(progress), fmt::join(dates, ", ")));
                        out.missing.clear();
                        return out;
                    }
                    if (!against.empty()) {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("the {} most recent reviewed cycles are read, and not all show {}: {}",
                                                          recent.size(), progress_phrase(progress), fmt::join(against, "; ")));
                        out.missing.push_back(fmt::format("{} at each of the {} most recent reviews: {} shows progress",
                                                          progress_phrase(progress), min_cycles, fmt::join(against, "; ")));
                        return out;
                    }
                    if (unknown && static_cast<int>(recent.size()) >= min_cycles) {
                        out.status = Status::insufficient_evidence;
                        return out;
                    }
                    out.status = Status::not_met;
                    out.reasons.push_back(fmt::format("{} of {} reviewed cycles with {}", counted, min_cycles, progress_phrase(progress)));
                    std::string pending;
                    for (const auto* c : f.open_cycles)
                        pending += fmt::format("; the cycle started {} is {}", c->start.iso(),
                                               c->review ? "due for review on " + c->review->iso() : "not yet reviewed");
                    out.missing.push_back(fmt::format("{} of {} reviewed cycles with {}: {} more needed{}", counted, min_cycles,
                                                      progress_phrase(progress), min_cycles - counted, pending));
                    return out;
                };
            }};
}

CheckKind costed_provision_over_budget() {
    return {"costed_provision_over_budget",
            "Where the latest review shows progress, the costed provision in the costing year is over the notional SEN budget; not applicable when it shows little or none. Marked as resting on estimated costs when the pack's default hourly rates are needed to get over the budget.",
            {{"progress_made", "list of progress values", "judgements that mean progress was made"},
             {"review_within_months", "whole number", kReviewWithinDoc}},
            [](ParamReader& p) -> CheckEvaluator {
                auto made = p.list_of<Progress>("progress_made");
                int within = p.integer("review_within_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    double budget = ctx.pack.notional_budget;
                    CheckOutcome out;
                    out.figures.push_back({"costed provision", fmt::format("{} from {} to {}", format_money(f.cost_total),
                                                                           f.costing.first.iso(), f.costing.last.iso())});
                    out.figures.push_back({"notional SEN budget", format_money(budget)});
                    const SupportCycle* latest = f.latest_reviewed();
                    if (!latest || !latest->progress) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back(latest ? "the latest review has no progress judgement"
                                                     : "no reviewed cycle shows whether progress was made");
                        out.missing.push_back(latest ? fmt::format("record the progress judged at the review on {} ({}.progress)",
                                                                   latest->review->iso(), cycle_index(f, latest))
                                                     : std::string("record the progress judged at each review (support_cycles[].progress)"));
                        return out;
                    }
                    if (auto stale = stale_review_gap(f, within)) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back(fmt::format("the latest review ({}) is more than {} old, so it does not show whether "
                                                          "progress is being made now",
                                                          latest->review->iso(), months(within)));
                        out.missing.push_back(*stale);
                        return out;
                    }
                    if (!contains(made, *latest->progress)) {
                        out.status = Status::not_applicable;
                        out.reasons.push_back(fmt::format("the latest review ({}) shows {}, so this part does not apply",
                                                          latest->review->iso(), progress_word(*latest->progress)));
                        return out;
                    }
                    out.reasons.push_back(fmt::format("the latest review ({}) shows {}", latest->review->iso(),
                                                      progress_word(*latest->progress)));
                    if (f.record->provision.empty()) {
                        out.status = Status::insufficient_evidence;
                        out.missing.push_back("give a costed provision map (provision) for the last 12 months");
                        return out;
                    }
                    for (const auto& line : f.costs)
                        if (line.incomplete)
                            out.missing.push_back(fmt::format("provision {}: {}", ctx.quote(line.entry->name), line.incomplete_reason));
                    if (f.cost_total > budget) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("costed provision {} is over the notional {} by {}", format_money(f.cost_total),
                                                          format_money(budget), format_money(f.cost_total - budget)));
                        out.missing.clear();
                        // Without the staff time costed at the pack's default rates, is it still over?
                        double own = 0;
                        for (const auto& line : f.costs)
                            own += line.default_rate ? line.entry->other_costs.value_or(0) : line.cost;
                        if (own <= budget) {
                            out.estimated = true;
                            out.reasons.push_back(fmt::format(
                                "this rests on estimated costs: without the staff time costed at the rule pack's default hourly "
                                "rates the provision comes to {}; give the school's own rates (provision[].hourly_rate)",
                                format_money(own)));
                        }
                    } else {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("costed provision {} of {}", format_money(f.cost_total), format_money(budget)));
                        out.missing.push_back(fmt::format("costed provision {} of {}: progress made with provision within the notional budget",
                                                          format_money(f.cost_total), format_money(budget)));
                    }
                    return out;
                };
            }};
}

// ---- social, emotional, physical and health ----

CheckKind wellbeing_evidence() {
    return {"wellbeing_evidence",
            "At least N items of wellbeing evidence (behaviour logs, observation notes, health reports...) dated within the given months before the as-of date.",
            {{"min_items", "whole number", "items needed"},
             {"within_months", "whole number", "an item counts when dated no more than this many months before the as-of date (0: any date, undated too)"}},
            [](ParamReader& p) -> CheckEvaluator {
                int min_items = p.integer("min_items", 1);
                int within = p.integer("within_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    const auto& w = f.record->wellbeing;
                    CheckOutcome out;
                    int total = w ? static_cast<int>(w->evidence.size()) : 0;
                    int current = 0, undated = 0, old = 0;
                    std::vector<std::string> kinds;
                    if (w)
                        for (const auto& e : w->evidence) {
                            bool counts = within <= 0 || (e.date && *e.date <= f.as_of && is_current(*e.date, f.as_of, within));
                            if (within > 0 && !e.date) ++undated;
                            else if (!counts) ++old;
                            if (!counts) continue;
                            ++current;
                            kinds.push_back(fmt::format("{}{}", e.kind ? words(to_string(*e.kind)) : "unspecified",
                                                        e.date ? " (" + e.date->iso() + ")" : ""));
                        }
                    out.figures.push_back({"wellbeing evidence items",
                                           within > 0 ? fmt::format("{} within {} of {} recorded", current, months(within), total)
                                                      : std::to_string(total)});
                    if (current >= min_items) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("evidenced in school: {}", fmt::join(kinds, ", ")));
                        return out;
                    }
                    out.status = Status::insufficient_evidence;
                    if (old) out.reasons.push_back(fmt::format("{} item{} dated more than {} before {} or after it", old, old == 1 ? " is" : "s are",
                                                               months(within), f.as_of.iso()));
                    if (undated) out.reasons.push_back(fmt::format("{} item{} no date, so cannot show that the needs are current",
                                                                   undated, undated == 1 ? " has" : "s have"));
                    out.missing.push_back(fmt::format(
                        "evidence the needs in school (wellbeing.evidence, dated{}), e.g. behaviour logs or observation notes: {} of {}",
                        within > 0 ? fmt::format(" within the last {}", months(within)) : "", current, min_items));
                    return out;
                };
            }};
}

CheckKind additional_provision_needed() {
    return {"additional_provision_needed",
            "Additional educational provision is needed: stated in wellbeing.additional_provision_needed, or the provision map serves one of the areas.",
            {{"areas", "list of areas of need", "provision for these areas also shows the need"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto areas = p.list_of<AreaOfNeed>("areas");
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    const auto& w = f.record->wellbeing;
                    bool stated = w && w->additional_provision_needed && !w->additional_provision_needed->empty();
                    int entries = 0;
                    for (const auto& e : f.record->provision)
                        if (e.area && contains(areas, *e.area)) ++entries;
                    if (stated) out.reasons.push_back("the need for additional educational provision is stated");
                    if (entries) out.reasons.push_back(fmt::format("{} provision map entr{} for {}", entries, entries == 1 ? "y" : "ies", join_words(areas)));
                    if (stated || entries) {
                        out.status = Status::met;
                    } else {
                        out.status = Status::insufficient_evidence;
                        out.missing.push_back("state why additional educational provision is needed (wellbeing.additional_provision_needed)");
                    }
                    return out;
                };
            }};
}

CheckKind little_progress_over_months() {
    return {"little_progress_over_months",
            "Walking back from the latest review (which must be current), the consecutive reviewed cycles that show the given progress span at least N months from the first one's start to the latest review. Cycles are consecutive when no more than max_gap_weeks pass between one cycle's review and the next one's start.",
            {{"months", "whole number", "period the consecutive cycles must span"},
             {"progress", "list of progress values", "judgements that count"},
             {"max_gap_weeks", "number", "longest break between a review and the next cycle's start that keeps cycles consecutive"},
             {"review_within_months", "whole number", kReviewWithinDoc}},
            [](ParamReader& p) -> CheckEvaluator {
                int span = p.integer("months");
                auto progress = p.list_of<Progress>("progress");
                double max_gap_weeks = p.number("max_gap_weeks", 10);
                int within = p.integer("review_within_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    const SupportCycle* latest = f.latest_reviewed();
                    if (!latest) {
                        out.status = Status::insufficient_evidence;
                        out.missing.push_back(fmt::format("record reviewed support cycles covering the last {} months", span));
                        return out;
                    }
                    if (auto stale = stale_review_gap(f, within)) {
                        out.status = Status::insufficient_evidence;
                        out.figures.push_back({"latest review", latest->review->iso()});
                        out.missing.push_back(*stale);
                        return out;
                    }
                    // Walk back from the latest review while cycles show the progress and follow on.
                    std::vector<const SupportCycle*> chain;
                    std::string stopped;
                    bool unknown = false;
                    for (auto it = f.reviewed_cycles.rbegin(); it != f.reviewed_cycles.rend(); ++it) {
                        const SupportCycle* c = *it;
                        if (!chain.empty()) {
                            long gap_days = c->review->days_until(chain.back()->start);
                            if (gap_days > max_gap_weeks * 7) {
                                stopped = fmt::format("{} weeks pass between the review on {} and the next cycle's start on {}, more "
                                                      "than the {} that keep cycles consecutive",
                                                      format_number(std::floor(gap_days / 7.0 * 10) / 10), c->review->iso(),
                                                      chain.back()->start.iso(), format_number(max_gap_weeks));
                                break;
                            }
                        }
                        if (!c->progress) {
                            unknown = true;
                            out.missing.push_back(fmt::format("record the progress judged at the review on {} ({}.progress)",
                                                              c->review->iso(), cycle_index(f, c)));
                            break;
                        }
                        if (!contains(progress, *c->progress)) {
                            stopped = fmt::format("the review on {} shows {}", c->review->iso(), progress_word(*c->progress));
                            break;
                        }
                        chain.push_back(c);
                    }
                    if (chain.empty()) {
                        out.figures.push_back({"latest review", fmt::format("{}{}", latest->review->iso(),
                                                                            latest->progress ? ": " + progress_word(*latest->progress) : "")});
                        if (unknown) {
                            out.status = Status::insufficient_evidence;
                            return out;
                        }
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("the latest review ({}) shows {}", latest->review->iso(),
                                                          progress_word(*latest->progress)));
                        out.missing.push_back(fmt::format("{} over at least {} months: the latest review ({}) shows {}",
                                                          progress_phrase(progress), span, latest->review->iso(),
                                                          progress_word(*latest->progress)));
                        return out;
                    }
                    Date first = chain.back()->start;
                    for (const auto* c : chain) first = std::min(first, c->start);
                    const Date& last = *chain.front()->review;
                    int covered = first <= last ? age_in_months(first, last) : 0;
                    out.figures.push_back({"consecutive cycles with " + progress_phrase(progress),
                                           fmt::format("{} (from {} to the review on {})", chain.size(), first.iso(), last.iso())});
                    out.figures.push_back({"period covered", fmt::format("{} of the {} months needed", covered, span)});
                    if (!stopped.empty()) out.reasons.push_back("before these, " + stopped);
                    if (first <= last.plus_months(-span)) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("{} in every one of {} consecutive reviewed cycles from {} to {}",
                                                          progress_phrase(progress), chain.size(), first.iso(), last.iso()));
                        return out;
                    }
                    if (unknown) {
                        out.status = Status::insufficient_evidence;
                        return out;
                    }
                    out.status = Status::not_met;
                    out.missing.push_back(fmt::format("consecutive reviewed cycles with {} cover {} of the {} months needed (from {} to {})",
                                                      progress_phrase(progress), covered, span, first.iso(), last.iso()));
                    return out;
                };
            }};
}

// ---- over 18 ----

CheckKind post18_additional_time() {
    return {"post18_additional_time", "post18.additional_time_needed is true and a reason is given.", {},
            [](ParamReader&) -> CheckEvaluator {
                return [](const CheckContext& ctx) {
                    const auto& p = ctx.facts.record->post18;
                    CheckOutcome out;
                    if (!p || !p->additional_time_needed) {
                        out.status = Status::insufficient_evidence;
                        out.missing.push_back("say whether additional time is needed to complete education or training (post18.additional_time_needed)");
                        return out;
                    }
                    if (!*p->additional_time_needed) {
                        out.status = Status::not_met;
                        out.reasons.push_back("the record says no additional time is needed");
                        return out;
                    }
                    if (!p->reason || p->reason->empty()) {
                        out.status = Status::insufficient_evidence;
                        out.missing.push_back("give the reason additional time is needed (post18.reason)");
                        return out;
                    }
                    out.status = Status::met;
                    out.reasons.push_back("additional time is needed, with the reason given");
                    return out;
                };
            }};
}

CheckKind latest_cycle_progress() {
    return {"latest_cycle_progress", "The latest reviewed support cycle, which must be current, shows one of the given progress judgements.",
            {{"progress", "list of progress values", "judgements that count"},
             {"review_within_months", "whole number", kReviewWithinDoc}},
            [](ParamReader& p) -> CheckEvaluator {
                auto progress = p.list_of<Progress>("progress");
                int within = p.integer("review_within_months", 0);
                return [=](const CheckContext& ctx) {
                    const SupportCycle* c = ctx.facts.latest_reviewed();
                    CheckOutcome out;
                    if (!c || !c->progress) {
                        out.status = Status::insufficient_evidence;
                        out.missing.push_back(c ? fmt::format("record the progress judged at the review on {} ({}.progress)",
                                                              c->review->iso(), cycle_index(ctx.facts, c))
                                                : "record a reviewed support cycle with its progress judgement (support_cycles)");
                        return out;
                    }
                    if (auto stale = stale_review_gap(ctx.facts, within)) {
                        out.status = Status::insufficient_evidence;
                        out.figures.push_back({"latest review", c->review->iso()});
                        out.missing.push_back(*stale);
                        return out;
                    }
                    out.figures.push_back({"latest review", fmt::format("{}: {}", c->review->iso(), progress_word(*c->progress))});
                    if (contains(progress, *c->progress)) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("the latest review ({}) shows {}", c->review->iso(), progress_word(*c->progress)));
                    } else {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("the latest review ({}) shows {}", c->review->iso(), progress_word(*c->progress)));
                        out.missing.push_back(fmt::format("{} at the latest review", progress_phrase(progress)));
                    }
                    return out;
                };
            }};
}

}  // namespace
}  // namespace checks

void register_criterion_checks(CheckKindRegistry& r) {
    using namespace checks;
    for (auto k : {attainment_gap_years(), eyfs_delay(), functional_skills_below(), manual_review(), needs_stated(),
                   condition_impact_or_report(), external_recommendations(), reviewed_cycles(), costed_provision_over_budget(),
                   wellbeing_evidence(), additional_provision_needed(), little_progress_over_months(), post18_additional_time(),
                   latest_cycle_progress()})
        r.add(std::move(k));
}

}  // namespace ehcp
