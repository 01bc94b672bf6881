// Check kinds for the criteria: attainment by phase, needs, existing support,
// wellbeing and over-18. Each reads Facts and says why, with figures.
#include <cmath>

#include "checks_common.hpp"

namespace ehcp {

std::string CheckContext::quote(const std::string& free_text) const {
    return redact ? std::string("[redacted]") : fmt::format("\u2018{}\u2019", free_text);
}

namespace checks {

namespace {
std::string working_at_name(double year) {
    return year == std::floor(year) ? year_name(static_cast<int>(year)) : "Year " + format_number(year);
}
}  // namespace

void add_attainment_figures(const Facts& f, CheckOutcome& out) {
    for (const auto& a : f.attainment) {
        const auto& g = a.latest;
        if (g.gap_years_now)
            out.figures.push_back({fmt::format("{} gap", words(to_string(a.area))),
                                   fmt::format("{} ({} working at {}, {})", years(*g.gap_years_now), year_name(f.year_group),
                                               working_at_name(*g.measure->working_at_year), g.measure->date.iso())});
        if (g.gap_months)
            out.figures.push_back({fmt::format("{} age equivalent", words(to_string(a.area))),
                                   fmt::format("{} at age {} months: {} below{} ({})",
                                               months(*g.measure->age_equivalent_months), g.age_months_then,
                                               months(*g.gap_months), g.half_age_or_below ? ", at or below half age" : "",
                                               g.measure->date.iso())});
        if (g.measure->standardised_score)
            out.figures.push_back({fmt::format("{} standard score", words(to_string(a.area))),
                                   fmt::format("{} ({})", format_number(*g.measure->standardised_score), g.measure->date.iso())});
    }
}

namespace {

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

std::string cycle_index(const Facts& f, const SupportCycle* c) {
    return fmt::format("support_cycles[{}]", c - f.record->support_cycles.data());
}

// ---- attainment ----

CheckKind attainment_gap_years() {
    return {"attainment_gap_years",
            "School-age attainment: the latest working_at_year in given areas is at least N years below the current year group.",
            {{"areas", "list of attainment areas", "areas looked at (latest measure in each)"},
             {"min_gap_years", "number", "gap in years that meets the check"},
             {"min_areas", "integer", "how many areas must reach the gap (default 1)"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto areas = p.list_of<AttainmentArea>("areas");
                double min_gap = p.number("min_gap_years");
                int min_areas = p.integer("min_areas", 1);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    add_attainment_figures(f, out);
                    int reached = 0, with_data = 0;
                    double largest = -1e9;
                    std::string largest_area;
                    for (auto area : areas) {
                        const auto* a = f.area(area);
                        if (!a || !a->latest.gap_years_now) continue;
                        ++with_data;
                        double gap = *a->latest.gap_years_now;
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
                    out.status = Status::not_met;
                    out.reasons.push_back(fmt::format("the largest gap is {} ({}); the criterion looks for at least {} below {}",
                                                      years(largest), largest_area, years(min_gap), year_name(f.year_group)));
                    out.missing.push_back(fmt::format("attainment: largest gap {} of the {} needed in {}", years(largest),
                                                      years(min_gap), join_words(areas)));
                    return out;
                };
            }};
}

CheckKind eyfs_delay() {
    return {"eyfs_delay",
            "Early years: in more than a share of the EYFS areas assessed, the latest age equivalent is at least N months below chronological age (or at or below half of it).",
            {{"min_gap_months", "number", "delay in months that counts an area as delayed"},
             {"half_age", "true/false", "an age equivalent at or below half of chronological age also counts"},
             {"share_above", "number 0-1", "the share of assessed areas that must be delayed, exclusive (0.5: more than half)"}},
            [](ParamReader& p) -> CheckEvaluator {
                double min_gap = p.number("min_gap_months");
                bool half_age = p.flag("half_age", true);
                double share = p.number("share_above", 0.5);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    add_attainment_figures(f, out);
                    int assessed = 0, delayed = 0;
                    for (const auto& a : f.attainment) {
                        if (!is_early_years_area(a.area) || !a.latest.gap_months) continue;
                        ++assessed;
                        bool is_delayed = *a.latest.gap_months >= min_gap || (half_age && a.latest.half_age_or_below);
                        if (is_delayed) ++delayed;
                    }
                    out.figures.push_back({"EYFS areas delayed", fmt::format("{} of {} assessed", delayed, assessed)});
                    if (assessed == 0) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back("no age equivalent is recorded for any EYFS area");
                        out.missing.push_back(
                            "record age equivalents (age_equivalent_months) for the EYFS areas, e.g. from an Early Years Checklist");
                        return out;
                    }
                    std::string rule = fmt::format("at least {} below chronological age{}", months(min_gap),
                                                   half_age ? " or at or below half of it" : "");
                    if (delayed > share * assessed) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("{} of {} EYFS areas assessed are {}", delayed, assessed, rule));
                    } else {
                        out.status = Status::not_met;
                        out.reasons.push_back(fmt::format("only {} of {} EYFS areas assessed are {}; the criterion looks for most areas",
                                                          delayed, assessed, rule));
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
                    add_attainment_figures(f, out);
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
            "Always manual_review: the source says such cases are judged individually. Shows the attainment figures it has.",
            {{"reason", "text", "why, in the authority's words"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto reason = p.text("reason");
                return [=](const CheckContext& ctx) {
                    CheckOutcome out;
                    out.status = Status::manual_review;
                    add_attainment_figures(ctx.facts, out);
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
                            "attach a report from a relevant professional (external_support report_date, or a professional_report document)");
                    }
                    return out;
                };
            }};
}

// ---- existing support ----

CheckKind external_recommendations() {
    return {"external_recommendations",
            "External services have been involved, have given written advice, and their recommendations have been implemented and evaluated.",
            {{"require_report", "true/false", "each service must have given written advice (report_date)"},
             {"require_implemented", "true/false", "every recommendation implemented"},
             {"require_evaluated", "true/false", "every recommendation evaluated"}},
            [](ParamReader& p) -> CheckEvaluator {
                bool need_report = p.flag("require_report", true);
                bool need_impl = p.flag("require_implemented", true);
                bool need_eval = p.flag("require_evaluated", true);
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
                    int reports = 0, recs = 0, implemented = 0, evaluated = 0;
                    for (std::size_t i = 0; i < services.size(); ++i) {
                        const auto& s = services[i];
                        std::string name = ctx.redact ? std::string(kRedacted) : words(s.service);  // free text
                        if (s.report_date && *s.report_date <= f.as_of) {
                            ++reports;
                        } else if (need_report) {
                            out.missing.push_back(fmt::format("written advice from {} (external_support[{}].report_date)", name, i));
                        }
                        for (std::size_t j = 0; j < s.recommendations.size(); ++j) {
                            const auto& r = s.recommendations[j];
                            ++recs;
                            bool impl = r.implemented.value_or(false), eval = r.evaluated.value_or(false);
                            implemented += impl;
                            evaluated += eval;
                            std::string which = fmt::format("recommendation {} from {}", ctx.quote(r.text), name);
                            if (need_impl && !impl)
                                out.missing.push_back(fmt::format("{} not yet implemented (external_support[{}].recommendations[{}])",
                                                                  which, i, j));
                            else if (need_eval && !eval)
                                out.missing.push_back(fmt::format("{} implemented but not yet evaluated (external_support[{}].recommendations[{}])",
                                                                  which, i, j));
                        }
                    }
                    out.figures.push_back({"services involved", std::to_string(services.size())});
                    out.figures.push_back({"written advice", fmt::format("{} of {} services", reports, services.size())});
                    out.figures.push_back({"recommendations implemented", fmt::format("{} of {}", implemented, recs)});
                    out.figures.push_back({"recommendations evaluated", fmt::format("{} of {}", evaluated, recs)});
                    if (recs == 0) {
                        out.status = Status::insufficient_evidence;
                        out.reasons.push_back("no recommendations from external services are recorded");
                        out.missing.push_back("record the external services' recommendations and whether each was implemented and evaluated");
                        return out;
                    }
                    out.status = out.missing.empty() ? Status::met : Status::not_met;
                    if (out.status == Status::met)
                        out.reasons.push_back(fmt::format("{} service{} gave written advice; all {} recommendations implemented and evaluated",
                                                          reports, reports == 1 ? "" : "s", recs));
                    return out;
                };
            }};
}

CheckKind reviewed_cycles() {
    return {"reviewed_cycles",
            "At least N support cycles reviewed by the as-of date with progress judged as one of the given values.",
            {{"min_cycles", "integer", "reviewed cycles needed"},
             {"progress", "list of progress values", "judgements that count (little or no progress: none, little)"}},
            [](ParamReader& p) -> CheckEvaluator {
                int min_cycles = p.integer("min_cycles");
                auto progress = p.list_of<Progress>("progress");
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
                    int counted = 0;
                    std::vector<std::string> dates;
                    for (const auto* c : f.reviewed_cycles) {
                        if (!c->progress) {
                            out.missing.push_back(fmt::format("record the progress judged at the review on {} ({}.progress)",
                                                              c->review->iso(), cycle_index(f, c)));
                            continue;
                        }
                        if (contains(progress, *c->progress)) {
                            ++counted;
                            dates.push_back(c->review->iso());
                        }
                    }
                    out.figures.push_back({"reviewed cycles", std::to_string(f.reviewed_cycles.size())});
                    out.figures.push_back({"with " + progress_phrase(progress), fmt::format("{} of {} needed", counted, min_cycles)});
                    if (!f.open_cycles.empty())
                        out.figures.push_back({"cycles not yet reviewed", std::to_string(f.open_cycles.size())});
                    if (counted >= min_cycles) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("{} reviewed cycles with {} (reviews {})", counted, progress_phrase(progress),
                                                          fmt::join(dates, ", ")));
                        out.missing.clear();
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
            "Where the latest review shows progress, the costed provision in the costing year is over the notional SEN budget; not applicable when it shows little or none.",
            {{"progress_made", "list of progress values", "judgements that mean progress was made"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto made = p.list_of<Progress>("progress_made");
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
                        out.missing.push_back("record the progress judged at each review (support_cycles[].progress)");
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
    return {"wellbeing_evidence", "At least N items of wellbeing evidence (behaviour logs, observation notes, health reports...).",
            {{"min_items", "integer", "items needed"}},
            [](ParamReader& p) -> CheckEvaluator {
                int min_items = p.integer("min_items", 1);
                return [=](const CheckContext& ctx) {
                    const auto& w = ctx.facts.record->wellbeing;
                    int n = w ? static_cast<int>(w->evidence.size()) : 0;
                    CheckOutcome out;
                    out.figures.push_back({"wellbeing evidence items", std::to_string(n)});
                    if (n >= min_items) {
                        out.status = Status::met;
                        std::vector<std::string> kinds;
                        for (const auto& e : w->evidence) kinds.push_back(e.kind ? words(to_string(*e.kind)) : "unspecified");
                        out.reasons.push_back(fmt::format("evidenced in school: {}", fmt::join(kinds, ", ")));
                    } else {
                        out.status = n == 0 ? Status::insufficient_evidence : Status::not_met;
                        out.missing.push_back(fmt::format(
                            "evidence the needs in school (wellbeing.evidence), e.g. behaviour logs or observation notes: {} of {}", n, min_items));
                    }
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
            "The reviewed support cycles cover at least the last N months (the earliest counted cycle started N months or more before the as-of date) and every one shows the given progress.",
            {{"months", "integer", "period to cover"}, {"progress", "list of progress values", "judgements that count"}},
            [](ParamReader& p) -> CheckEvaluator {
                int span = p.integer("months");
                auto progress = p.list_of<Progress>("progress");
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out;
                    if (f.reviewed_cycles.empty()) {
                        out.status = Status::insufficient_evidence;
                        out.missing.push_back(fmt::format("record reviewed support cycles covering the last {} months", span));
                        return out;
                    }
                    Date window = f.as_of.plus_months(-span);
                    std::vector<const SupportCycle*> counted;
                    bool covered = false;
                    for (auto it = f.reviewed_cycles.rbegin(); it != f.reviewed_cycles.rend(); ++it) {
                        counted.push_back(*it);
                        if ((*it)->start <= window) {
                            covered = true;
                            break;
                        }
                    }
                    Date earliest = counted.back()->start;
                    for (const auto* c : counted) earliest = std::min(earliest, c->start);
                    int covered_months = age_in_months(earliest, f.as_of);
                    out.figures.push_back({"reviewed cycles counted", fmt::format("{} from {}", counted.size(), earliest.iso())});
                    out.figures.push_back({"period covered", fmt::format("{} of {} months", covered_months, span)});
                    bool all_little = true, unknown = false;
                    for (const auto* c : counted) {
                        if (!c->progress) {
                            unknown = true;
                            out.missing.push_back(fmt::format("record the progress judged at the review on {} ({}.progress)",
                                                              c->review->iso(), cycle_index(f, c)));
                        } else if (!contains(progress, *c->progress)) {
                            all_little = false;
                            out.reasons.push_back(fmt::format("the review on {} shows {}", c->review->iso(), progress_word(*c->progress)));
                        }
                    }
                    if (!covered) {
                        out.status = Status::not_met;
                        out.missing.push_back(fmt::format("reviewed cycles cover {} of the {} months needed (since {})",
                                                          covered_months, span, earliest.iso()));
                        return out;
                    }
                    if (!all_little) {
                        out.status = Status::not_met;
                        out.missing.push_back(fmt::format("{} in every review over the last {} months", progress_phrase(progress), span));
                        return out;
                    }
                    if (unknown) {
                        out.status = Status::insufficient_evidence;
                        return out;
                    }
                    out.status = Status::met;
                    out.reasons.push_back(fmt::format("{} in every one of {} reviewed cycles since {}", progress_phrase(progress),
                                                      counted.size(), earliest.iso()));
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
    return {"latest_cycle_progress", "The latest reviewed support cycle shows one of the given progress judgements.",
            {{"progress", "list of progress values", "judgements that count"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto progress = p.list_of<Progress>("progress");
                return [=](const CheckContext& ctx) {
                    const SupportCycle* c = ctx.facts.latest_reviewed();
                    CheckOutcome out;
                    if (!c || !c->progress) {
                        out.status = Status::insufficient_evidence;
                        out.missing.push_back(c ? fmt::format("record the progress judged at the review on {}", c->review->iso())
                                                : "record a reviewed support cycle with its progress judgement (support_cycles)");
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
