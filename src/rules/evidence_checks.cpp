// Check kinds for the evidence checklist (documents to attach) and the practice
// checks (warnings from the Code of Practice that never change readiness).
#include "checks_common.hpp"

namespace ehcp {
namespace checks {
namespace {

// Record facts that can stand in for an attached document.
enum class RecordAlternative { parent_views, pupil_views, parental_consent, young_person_consent, local_authority_consent };

// What the record says for an alternative: true when the views are given or consent is
// recorded as given, false when consent is recorded as refused, nullopt when it is silent.
std::optional<bool> record_says(RecordAlternative alt, const Request& req) {
    auto text = [](const std::optional<std::string>& t) { return t && !t->empty() ? std::optional<bool>(true) : std::nullopt; };
    switch (alt) {
        case RecordAlternative::parent_views: return text(req.parent_views);
        case RecordAlternative::pupil_views: return text(req.pupil_views);
        case RecordAlternative::parental_consent: return req.parental_consent;
        case RecordAlternative::young_person_consent: return req.young_person_consent;
        case RecordAlternative::local_authority_consent: return req.local_authority_consent;
    }
    return std::nullopt;
}

std::optional<RecordAlternative> parse_alternative(const std::string& s) {
    if (s == "request.parent_views") return RecordAlternative::parent_views;
    if (s == "request.pupil_views") return RecordAlternative::pupil_views;
    if (s == "request.parental_consent") return RecordAlternative::parental_consent;
    if (s == "request.young_person_consent") return RecordAlternative::young_person_consent;
    if (s == "request.local_authority_consent") return RecordAlternative::local_authority_consent;
    return std::nullopt;
}

// A document's kind as written: a built-in name, or the pack-declared kind it carries.
std::string kind_of(const Document& d) { return d.kind_name.empty() ? std::string(to_string(d.kind)) : d.kind_name; }

CheckKind document() {
    return {"document",
            "At least N attached documents of a kind (a named file must exist and be non-empty), or a record field that stands in for it; with max_age_months, only documents dated within that many months before the request date count.",
            {{"kind", "document kind", "e.g. my_support_plan_review, or a kind the pack declares under document_kinds"},
             {"also_kinds", "list of document kinds", "other kinds that count as this one (e.g. an equivalent plan under another name)"},
             {"count", "whole number", "how many are needed"},
             {"max_age_months", "whole number", "only documents dated no more than this many months before the request date (request.date, or the as-of date when the record gives none) count; an undated one does not (0: any date)"},
             {"or_record", "request.parent_views | request.pupil_views | request.parental_consent | request.young_person_consent | request.local_authority_consent", "a record field that also satisfies it"},
             {"when_made_by", "list: school, parent, young_person, professional", "only needed for requests made by these"},
             {"when_made_by_unknown", "true/false", "also needed when request.made_by is not given"},
             {"when_min_age", "whole number", "only needed when the pupil is at least this old (years) on the as-of date"},
             {"when_max_age", "whole number", "only needed when the pupil is at most this old (years) on the as-of date"},
             {"when_looked_after", "true/false", "only needed when pupil.looked_after is (true) or is not (false) true"},
             {"documents_count", "true/false", "attached documents of the kind satisfy it (default true); false: only the record field does, e.g. consent that a generic form cannot show"}},
            [](ParamReader& p) -> CheckEvaluator {
                // Built-in or pack-declared: the pack loader checks the words against both.
                std::vector<std::string> kinds{p.text("kind")};
                for (auto& k : p.words("also_kinds", std::vector<std::string>{})) kinds.push_back(k);
                int count = p.integer("count", 1);
                int max_age = p.integer("max_age_months", 0);
                if (max_age < 0 || max_age > 1200) p.invalid("max_age_months", "`max_age_months` must be a whole number of months from 0 to 1200");
                std::optional<RecordAlternative> alt;
                auto alt_name = p.text("or_record", "");
                if (!alt_name.empty()) {
                    alt = parse_alternative(alt_name);
                    if (!alt) p.invalid("or_record", fmt::format("`{}` cannot stand in for a document: use request.parent_views, request.pupil_views, request.parental_consent, request.young_person_consent or request.local_authority_consent", alt_name));
                }
                auto made_by = p.list_of<RequestMaker>("when_made_by", std::vector<RequestMaker>{});
                bool when_unknown = p.flag("when_made_by_unknown", true);
                bool documents_count = p.flag("documents_count", true);
                int min_age = p.integer("when_min_age", -1);
                int max_age_years = p.integer("when_max_age", -1);
                std::optional<bool> looked_after = p.optional_flag("when_looked_after");
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    const auto& req = f.record->request;
                    CheckOutcome out;
                    if (min_age >= 0 && f.age_years < min_age) {
                        out.status = Status::not_applicable;
                        out.reasons.push_back(fmt::format("not needed under the age of {}", min_age));
                        return out;
                    }
                    if (max_age_years >= 0 && f.age_years > max_age_years) {
                        out.status = Status::not_applicable;
                        out.reasons.push_back(fmt::format("not needed at {} or over", max_age_years + 1));
                        return out;
                    }
                    if (looked_after && f.record->pupil.looked_after.value_or(false) != *looked_after) {
                        out.status = Status::not_applicable;
                        out.reasons.push_back(*looked_after ? "not needed: the child is not looked after"
                                                            : "not needed: the child is looked after");
                        return out;
                    }
                    if (!made_by.empty()) {
                        auto who = req ? req->made_by : std::nullopt;
                        if ((who && !contains(made_by, *who)) || (!who && !when_unknown)) {
                            out.status = Status::not_applicable;
                            out.reasons.push_back(who ? fmt::format("not needed for a request made by {}", words(to_string(*who)))
                                                      : "not needed");
                            return out;
                        }
                    }
                    // The window is counted back from the request date (the as-of date when the
                    // record gives none), the date the authority receives the evidence.
                    const Date from = f.request_date.plus_months(-max_age);
                    int have = 0, broken = 0, undated = 0;
                    std::vector<std::string> too_old, too_new;
                    for (const auto& d : f.record->documents) {
                        if (!contains(kinds, kind_of(d))) continue;
                        if (!d.counts()) {
                            ++broken;
                            continue;
                        }
                        if (max_age > 0 && !d.date) {
                            ++undated;
                            continue;
                        }
                        if (max_age > 0 && *d.date < from) {
                            too_old.push_back(d.date->iso());
                            continue;
                        }
                        // "Within N months before the request": a document dated after the
                        // request date (or in the future) was not part of it.
                        if (max_age > 0 && f.request_date < *d.date) {
                            too_new.push_back(d.date->iso());
                            continue;
                        }
                        ++have;
                    }
                    if (!documents_count) have = 0;
                    const bool request_dated = req && req->date;
                    std::string window = max_age > 0 ? fmt::format(" dated within {} before the {} {}", months(max_age),
                                                                   request_dated ? "request date" : "as-of date (the record gives no request date)",
                                                                   f.request_date.iso())
                                                     : std::string();
                    if (max_age > 0) out.figures.push_back({"counted from", fmt::format("{} (request date {}{})", from.iso(), f.request_date.iso(),
                                                                                         req && req->date ? "" : ", the as-of date: the record gives none")});
                    // A record field that says no (consent refused) wins over any attached form.
                    std::optional<bool> said = alt && req ? record_says(*alt, *req) : std::nullopt;
                    bool alt_ok = said == true, refused = said == false;
                    if (!refused && (have >= count || alt_ok)) {
                        out.status = Status::met;
                        out.reasons.push_back(have >= count ? fmt::format("{} of {} attached{}", have, count, window)
                                                            : fmt::format("given in the record ({})", alt_name));
                        return out;
                    }
                    out.status = Status::not_met;
                    std::string detail = documents_count ? fmt::format("{} of {} attached{}", have, count, window)
                                                         : fmt::format("not recorded ({})", alt_name);
                    if (!too_old.empty())
                        detail += fmt::format("; {} older than that ({})", too_old.size(), fmt::join(too_old, ", "));
                    if (!too_new.empty())
                        detail += fmt::format("; {} dated after {} ({}), so not part of the request", too_new.size(),
                                              f.request_date.iso(), fmt::join(too_new, ", "));
                    if (undated) detail += fmt::format("; {} without a date, so its age cannot be told", undated);
                    if (broken) detail += fmt::format("; {} named file{} missing or empty", broken, broken == 1 ? " is" : "s are");
                    if (refused) detail = "the record says consent has not been given (" + alt_name + ")";
                    out.reasons.push_back(detail);
                    out.missing.push_back(detail);
                    return out;
                };
            }};
}

// Attendance over a window counted back from the request date (Norfolk: "for the last 2 years").
CheckKind attendance_covers() {
    return {"attendance_covers",
            "The record's attendance period covers the N months before the request date (request.date, or the as-of date when the record gives none), ending no more than D days before it.",
            {{"months", "whole number", "the window, counted back from the request date"},
             {"end_within_days", "whole number", "the period must end no more than this many days before the request date (default 31)"},
             {"when_made_by", "list: school, parent, young_person, professional", "only needed for requests made by these"},
             {"when_made_by_unknown", "true/false", "also needed when request.made_by is not given (default true)"}},
            [](ParamReader& p) -> CheckEvaluator {
                int span = p.integer("months");
                int end_within = p.integer("end_within_days", 31);
                auto made_by = p.list_of<RequestMaker>("when_made_by", std::vector<RequestMaker>{});
                bool when_unknown = p.flag("when_made_by_unknown", true);
                if (span < 1 || span > 240) p.invalid("months", "`months` must be a whole number from 1 to 240");
                if (end_within < 0 || end_within > 366) p.invalid("end_within_days", "`end_within_days` must be a whole number from 0 to 366");
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    const auto& a = f.record->attendance;
                    const Date from = f.request_date.plus_months(-span);
                    CheckOutcome out;
                    if (!made_by.empty()) {
                        auto who = f.record->request ? f.record->request->made_by : std::nullopt;
                        if ((who && !contains(made_by, *who)) || (!who && !when_unknown)) {
                            out.status = Status::not_applicable;
                            out.reasons.push_back(who ? fmt::format("not needed for a request made by {}", words(to_string(*who)))
                                                      : "not needed");
                            return out;
                        }
                    }
                    out.figures.push_back({"needed", fmt::format("{} to {} ({} before the request date{})", from.iso(), f.request_date.iso(),
                                                                 months(span), f.record->request && f.record->request->date ? "" : ", the as-of date: the record gives none")});
                    const char* anchor = f.record->request && f.record->request->date ? "request date" : "as-of date";
                    if (!a || !a->period_start || !a->period_end) {
                        out.status = Status::not_met;
                        std::string why = !a ? "no attendance is recorded"
                                             : "the attendance period is not given (attendance.period_start and period_end)";
                        out.reasons.push_back(why);
                        out.missing.push_back(fmt::format("{}: the attendance record from {} to {}", why, from.iso(), f.request_date.iso()));
                        return out;
                    }
                    out.figures.push_back({"recorded", fmt::format("{}% from {} to {}", format_number(a->percent), a->period_start->iso(), a->period_end->iso())});
                    std::vector<std::string> short_of;
                    if (*a->period_start > from) short_of.push_back(fmt::format("it starts on {}, after {}", a->period_start->iso(), from.iso()));
                    if (a->period_end->days_until(f.request_date) > end_within)
                        short_of.push_back(fmt::format("it ends on {}, more than {} days before the {} {}", a->period_end->iso(),
                                                       end_within, anchor, f.request_date.iso()));
                    if (short_of.empty()) {
                        out.status = Status::met;
                        out.reasons.push_back(fmt::format("attendance recorded from {} to {} covers the {} before the {}",
                                                          a->period_start->iso(), a->period_end->iso(), months(span), anchor));
                        return out;
                    }
                    out.status = Status::not_met;
                    std::string detail = fmt::format("the attendance record does not cover the {} before the {}: {}", months(span), anchor,
                                                     fmt::join(short_of, "; "));
                    out.reasons.push_back(detail);
                    out.missing.push_back(detail);
                    return out;
                };
            }};
}

CheckKind reviews_per_year() {
    return {"reviews_per_year", "At least N support-cycle reviews (with parents involved, if asked) in the last M months.",
            {{"min_reviews", "whole number", "reviews expected"}, {"months", "whole number", "window up to the as-of date"},
             {"parents_involved", "true/false", "count only reviews with parents_involved: true"}},
            [](ParamReader& p) -> CheckEvaluator {
                int min_reviews = p.integer("min_reviews");
                int span = p.integer("months");
                bool with_parents = p.flag("parents_involved", false);
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    Date from = f.as_of.plus_months(-span);
                    int n = 0;
                    for (const auto* c : f.reviewed_cycles)
                        if (*c->review >= from && (!with_parents || c->parents_involved.value_or(false))) ++n;
                    CheckOutcome out = outcome(n >= min_reviews ? Status::met : Status::not_met);
                    if (n < min_reviews)
                        out.reasons.push_back(fmt::format("{} review{}{} in the {} months to {}; parents should be met at least {} "
                                                          "times a year",
                                                          n, n == 1 ? "" : "s", with_parents ? " with parents involved" : "", span,
                                                          f.as_of.iso(), min_reviews));
                    return out;
                };
            }};
}

CheckKind cycle_length() {
    return {"cycle_length", "Each reviewed support cycle's \"do\" period (start to review) is at most N weeks.",
            {{"max_weeks", "number", "usual longest cycle"}},
            [](ParamReader& p) -> CheckEvaluator {
                double max_weeks = p.number("max_weeks");
                return [=](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out = outcome(Status::met);
                    for (std::size_t i = 0; i < f.record->support_cycles.size(); ++i) {
                        const auto& c = f.record->support_cycles[i];
                        if (!c.review || *c.review > f.as_of) continue;  // not yet reviewed
                        double weeks = c.start.days_until(*c.review) / 7.0;
                        if (weeks > max_weeks)
                            out.reasons.push_back(fmt::format("support_cycles[{}] ran {} weeks ({} to {}), longer than the usual {}",
                                                              i, format_number(std::floor(weeks * 10) / 10), c.start.iso(),
                                                              c.review->iso(), format_number(max_weeks)));
                    }
                    if (!out.reasons.empty()) out.status = Status::not_met;
                    return out;
                };
            }};
}

CheckKind provision_fields() {
    return {"provision_fields", "Every provision map entry gives the listed fields.",
            {{"fields", "list of provision fields", "delivered_by, session_minutes, sessions_per_week, group_size, outcome, review_date"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto fields = p.words("fields");
                static const std::vector<std::string> known{"delivered_by", "session_minutes", "sessions_per_week", "group_size",
                                                            "outcome", "review_date", "area", "weeks", "hourly_rate"};
                for (const auto& name : fields)
                    if (!contains(known, name)) p.invalid("fields", fmt::format("`{}` is not a provision field this check knows", name));
                return [=](const CheckContext& ctx) {
                    CheckOutcome out = outcome(Status::met);
                    const auto& entries = ctx.facts.record->provision;
                    for (std::size_t i = 0; i < entries.size(); ++i) {
                        const auto& e = entries[i];
                        std::vector<std::string> lacking;
                        for (const auto& name : fields) {
                            bool has = name == "delivered_by" ? e.delivered_by.has_value()
                                     : name == "session_minutes" ? e.session_minutes.has_value()
                                     : name == "sessions_per_week" ? e.sessions_per_week.has_value()
                                     : name == "group_size" ? e.group_size.has_value()
                                     : name == "outcome" ? e.outcome.has_value()
                                     : name == "review_date" ? e.review_date.has_value()
                                     : name == "area" ? e.area.has_value()
                                     : name == "weeks" ? e.weeks.has_value()
                                     : e.hourly_rate.has_value();
                            if (!has) lacking.push_back(name);
                        }
                        if (!lacking.empty())
                            out.reasons.push_back(fmt::format("provision[{}] {} has no {}", i, ctx.quote(e.name), fmt::join(lacking, ", ")));
                    }
                    if (!out.reasons.empty()) out.status = Status::not_met;
                    return out;
                };
            }};
}

CheckKind outcomes_recorded() {
    return {"outcomes_recorded", "Every outcome of a reviewed support cycle has a result.", {},
            [](ParamReader&) -> CheckEvaluator {
                return [](const CheckContext& ctx) {
                    const Facts& f = ctx.facts;
                    CheckOutcome out = outcome(Status::met);
                    for (std::size_t i = 0; i < f.record->support_cycles.size(); ++i) {
                        const auto& c = f.record->support_cycles[i];
                        if (!c.review || *c.review > f.as_of) continue;
                        int missing = 0;
                        for (const auto& o : c.outcomes) missing += !o.result;
                        if (missing)
                            out.reasons.push_back(fmt::format("support_cycles[{}]: {} outcome{} with no result recorded at the review on {}",
                                                              i, missing, missing == 1 ? "" : "s", c.review->iso()));
                    }
                    if (!out.reasons.empty()) out.status = Status::not_met;
                    return out;
                };
            }};
}

CheckKind record_warning() {
    return {"record_warning", "Repeats a warning the record loader gave (by its code) as a practice warning.",
            {{"code", "diagnostic code", "e.g. upn.check_letter"}},
            [](ParamReader& p) -> CheckEvaluator {
                auto code = p.text("code");
                return [=](const CheckContext& ctx) {
                    CheckOutcome out = outcome(Status::met);
                    for (const auto& d : ctx.record_diagnostics)
                        if (d.code == code) out.reasons.push_back(d.message);
                    if (!out.reasons.empty()) out.status = Status::not_met;
                    return out;
                };
            }};
}

}  // namespace
}  // namespace checks

void register_evidence_checks(CheckKindRegistry& r) {
    r.add(checks::document());
    r.add(checks::attendance_covers());
}

void register_practice_checks(CheckKindRegistry& r) {
    using namespace checks;
    for (auto k : {reviews_per_year(), cycle_length(), provision_fields(), outcomes_recorded(), record_warning()}) r.add(std::move(k));
}

}  // namespace ehcp
