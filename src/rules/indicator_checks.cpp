// Check kinds that derive indicators of need from data. Met: the data shows the
// indicator; not_met: the data needed is there and does not show it (so a declared
// indicator is contradicted); insufficient_evidence: no data to tell.
#include <cmath>

#include "checks_common.hpp"

namespace ehcp {
namespace checks {
namespace {

CheckKind low_score() {
    return {"low_score",
            "A current attainment standardised score (any measure within max_age_months) or the latest cognitive score at or below a maximum, or a current percentile at or below a maximum. Not shown by the data (contradicting a declared indicator) only when current attainment scores exist and none is that low.",
            {{"max_standardised_score", "number", "e.g. 70 (two standard deviations below the mean)"},
             {"max_percentile", "number", "e.g. 2"},
             {"max_age_months", "whole number", "only measures no more than this many months before the as-of date are read (0: any age)"}},
            [](ParamReader& p) -> CheckEvaluator {
                double max_score = p.number("max_standardised_score");
                double max_pct = p.number("max_percentile");
                int max_age = p.integer("max_age_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out = outcome(Status::insufficient_evidence);
                    bool data = false;
                    // Any current measure counts, not only the latest: a score of 65 in January is still
                    // a very low score in the year, whatever a later test shows.
                    for (const auto& a : f.attainment) {
                        const AttainmentMeasure* lowest_score = nullptr;
                        const AttainmentMeasure* lowest_pct = nullptr;
                        for (const auto& g : a.measures) {
                            const auto* m = g.measure;
                            if (!is_current(m->date, f.as_of, max_age)) continue;
                            if (m->standardised_score) {
                                data = true;
                                if (!lowest_score || *m->standardised_score < *lowest_score->standardised_score) lowest_score = m;
                            }
                            if (m->percentile) {
                                data = true;
                                if (!lowest_pct || *m->percentile < *lowest_pct->percentile) lowest_pct = m;
                            }
                        }
                        if (lowest_score && *lowest_score->standardised_score <= max_score)
                            out.reasons.push_back(fmt::format("{} standard score {} at or below {} ({})", words(to_string(a.area)),
                                                              format_number(*lowest_score->standardised_score), format_number(max_score),
                                                              lowest_score->date.iso()));
                        if (lowest_pct && *lowest_pct->percentile <= max_pct)
                            out.reasons.push_back(fmt::format("{} at percentile {}, at or below {} ({})", words(to_string(a.area)),
                                                              format_number(*lowest_pct->percentile), format_number(max_pct),
                                                              lowest_pct->date.iso()));
                    }
                    // A cognitive score can show the indicator, but an ordinary one says nothing about
                    // attainment scores, so on its own it never contradicts a declared cl1.
                    if (f.latest_cognitive) {
                        const auto* c = *f.latest_cognitive;
                        if (c->standardised_score <= max_score)
                            out.reasons.push_back(fmt::format("cognitive ability score {} at or below {} ({})",
                                                              format_number(c->standardised_score), format_number(max_score), c->date.iso()));
                    }
                    if (!out.reasons.empty()) out.status = Status::met;
                    else if (data) {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("no latest standard score at or below {} or percentile at or below {}",
                                                          format_number(max_score), format_number(max_pct)));
                    }
                    return out;
                };
            }};
}

CheckKind core_gap() {
    return {"core_gap",
            "Working at least N years below the current year group in a core area; in early years, an age equivalent at or below half of chronological age.",
            {{"areas", "list of attainment areas", "core areas"},
             {"min_gap_years", "number", "gap in years"},
             {"early_years_half_age", "true/false", "early years: half age or below in an EYFS area counts"},
             {"max_age_months", "whole number", "only measures no more than this many months before the as-of date are read (0: any age)"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto areas = p.list_of<AttainmentArea>("areas");
                double min_gap = p.number("min_gap_years");
                bool half_age = p.flag("early_years_half_age", true);
                int max_age = p.integer("max_age_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out = outcome(Status::insufficient_evidence);
                    bool data = false;
                    for (const auto& a : f.attainment) {
                        const auto* g = a.latest(Carries::working_at_year);
                        if (contains(areas, a.area) && g && is_current(g->measure->date, f.as_of, max_age)) {
                            data = true;
                            if (*g->gap_years_now >= min_gap)
                                out.reasons.push_back(fmt::format("{} {} below {}", words(to_string(a.area)), years(*g->gap_years_now),
                                                                  year_name(f.year_group)));
                        }
                        const auto* e = a.latest(Carries::age_equivalent_months);
                        if (half_age && is_early_years_area(a.area) && e && is_current(e->measure->date, f.as_of, max_age)) {
                            data = true;
                            if (e->half_age_or_below)
                                out.reasons.push_back(fmt::format("{}: age equivalent {} at age {} months, at or below half age",
                                                                  words(to_string(a.area)), months(*e->measure->age_equivalent_months),
                                                                  e->age_months_then));
                        }
                    }
                    if (!out.reasons.empty()) out.status = Status::met;
                    else if (data) {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("no core area is {} or more below the year group", years(min_gap)));
                    }
                    return out;
                };
            }};
}

CheckKind widening_gap() {
    return {"widening_gap",
            "In some area, the gap (years below the year group at the time, or months below age) grew between the two latest measures that carry it; the latest must be current.",
            {{"max_age_months", "whole number", "only measures no more than this many months before the as-of date are read (0: any age)"}},
            [](ParamReader& p) -> CheckEvaluator {
                int max_age = p.integer("max_age_months", 0);
                return [=](const CheckContext& ctx) {
                    CheckOutcome out = outcome(Status::insufficient_evidence);
                    bool data = false;
                    for (const auto& a : ctx.facts.attainment) {
                        for (Carries what : {Carries::working_at_year, Carries::age_equivalent_months}) {
                        const auto* latest = a.latest(what);
                        const auto* previous = a.previous(what);
                        if (!latest || !previous || !is_current(latest->measure->date, ctx.facts.as_of, max_age)) continue;
                        const auto &now = *latest, &before = *previous;
                        if (what == Carries::working_at_year) {
                            data = true;
                            if (*now.gap_years > 0 && *now.gap_years > *before.gap_years)
                                out.reasons.push_back(fmt::format("{} gap grew from {} ({}) to {} ({})", words(to_string(a.area)),
                                                                  years(*before.gap_years), before.measure->date.iso(),
                                                                  years(*now.gap_years), now.measure->date.iso()));
                        } else {
                            data = true;
                            if (*now.gap_months > 0 && *now.gap_months > *before.gap_months)
                                out.reasons.push_back(fmt::format("{} delay grew from {} ({}) to {} ({})", words(to_string(a.area)),
                                                                  months(*before.gap_months), before.measure->date.iso(),
                                                                  months(*now.gap_months), now.measure->date.iso()));
                        }
                        }
                    }
                    if (!out.reasons.empty()) out.status = Status::met;
                    else if (data) {
                        out.status = Status::not_met;
                        out.reasons.push_back("no gap grew between the two latest measures in any area");
                    }
                    return out;
                };
            }};
}

CheckKind cognitive_discrepancy() {
    return {"cognitive_discrepancy",
            "The latest cognitive ability score exceeds a latest attainment standard score by more than N points.",
            {{"min_difference", "number", "e.g. 15 (one standard deviation)"},
             {"max_age_months", "whole number", "only measures no more than this many months before the as-of date are read (0: any age)"}},
            [](ParamReader& p) -> CheckEvaluator {
                double min_diff = p.number("min_difference");
                int max_age = p.integer("max_age_months", 0);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out = outcome(Status::insufficient_evidence);
                    if (!f.latest_cognitive) return out;
                    double cog = (*f.latest_cognitive)->standardised_score;
                    bool data = false;
                    for (const auto& a : f.attainment) {
                        const auto* g = a.latest(Carries::standardised_score);
                        if (!g || !is_current(g->measure->date, f.as_of, max_age)) continue;
                        const auto* m = g->measure;
                        data = true;
                        double diff = cog - *m->standardised_score;
                        if (diff > min_diff)
                            out.reasons.push_back(fmt::format("cognitive score {} is {} points above {} standard score {}",
                                                              format_number(cog), format_number(diff), words(to_string(a.area)),
                                                              format_number(*m->standardised_score)));
                    }
                    if (!out.reasons.empty()) out.status = Status::met;
                    else if (data) {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("no attainment score is more than {} points below the cognitive score {}",
                                                          format_number(min_diff), format_number(cog)));
                    }
                    return out;
                };
            }};
}

CheckKind low_attendance() {
    return {"low_attendance", "Attendance at or below a percentage (persistent absence: missing 10% or more of sessions).",
            {{"max_percent", "number", "e.g. 90"}},
            [](ParamReader& p) -> CheckEvaluator {
                double max_pct = p.number("max_percent");
                return [=](const CheckContext& ctx) {
                    const auto& att = ctx.facts.record->attendance;
                    CheckOutcome out = outcome(Status::insufficient_evidence);
                    if (!att) return out;
                    out.status = att->percent <= max_pct ? Status::met : Status::not_met;
                    out.reasons.push_back(fmt::format("attendance {}% {} {}%", format_number(att->percent),
                                                      out.status == Status::met ? "is at or below" : "is above", format_number(max_pct)));
                    return out;
                };
            }};
}

}  // namespace
}  // namespace checks

void register_indicator_checks(CheckKindRegistry& r) {
    using namespace checks;
    for (auto k : {low_score(), core_gap(), widening_gap(), cognitive_discrepancy(), low_attendance()}) r.add(std::move(k));
}

}  // namespace ehcp
