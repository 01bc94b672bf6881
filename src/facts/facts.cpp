#include "ehcp/facts/facts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ehcp/core/money.hpp"

namespace ehcp {

const AreaAttainment* Facts::area(AttainmentArea a) const {
    for (const auto& x : attainment)
        if (x.area == a) return &x;
    return nullptr;
}

bool carries(const AttainmentMeasure& m, Carries what) {
    switch (what) {
        case Carries::working_at_year: return m.working_at_year.has_value();
        case Carries::age_equivalent_months: return m.age_equivalent_months.has_value();
        case Carries::standardised_score: return m.standardised_score.has_value();
        case Carries::percentile: return m.percentile.has_value();
        case Carries::any: return true;
    }
    return false;
}

const MeasuredGap* AreaAttainment::latest(Carries what) const {
    for (auto it = measures.rbegin(); it != measures.rend(); ++it)
        if (carries(*it->measure, what)) return &*it;
    return nullptr;
}

const MeasuredGap* AreaAttainment::previous(Carries what) const {
    bool seen_latest = false;
    for (auto it = measures.rbegin(); it != measures.rend(); ++it) {
        if (!carries(*it->measure, what)) continue;
        if (seen_latest) return &*it;
        seen_latest = true;
    }
    return nullptr;
}

RequestMaker Facts::made_by() const {
    return record->request && record->request->made_by ? *record->request->made_by : RequestMaker::school;
}

bool Facts::has_area_of_need(AreaOfNeed a) const {
    return std::find(areas_of_need.begin(), areas_of_need.end(), a) != areas_of_need.end();
}

int Facts::documents_of(DocumentKind kind) const {
    return static_cast<int>(std::count_if(record->documents.begin(), record->documents.end(),
                                          [&](const Document& d) { return d.kind == kind && d.counts(); }));
}

namespace {

MeasuredGap measure_gap(const AttainmentMeasure& m, const Date& dob, int year_offset, int year_group_now, const Date& as_of) {
    MeasuredGap g;
    g.measure = &m;
    g.months_old = age_in_months(m.date, as_of);
    // An out-of-cohort pupil stays out of cohort at every date: keep the offset.
    g.year_group_then = year_group_for(dob, m.date) + year_offset;
    g.age_months_then = age_in_months(dob, m.date);
    if (m.working_at_year) {
        g.gap_years = g.year_group_then - *m.working_at_year;
        g.gap_years_now = year_group_now - *m.working_at_year;
    }
    if (m.age_equivalent_months) {
        g.gap_months = g.age_months_then - *m.age_equivalent_months;
        g.half_age_or_below = *m.age_equivalent_months * 2 <= g.age_months_then;
    }
    return g;
}

std::vector<AreaAttainment> measures_by_area(const Record& r, const Date& as_of, int year_offset, int year_group_now) {
    std::vector<AreaAttainment> out;
    for (std::size_t a = 0; a < EnumNames<AttainmentArea>::names.size(); ++a) {
        auto area = static_cast<AttainmentArea>(a);
        std::vector<const AttainmentMeasure*> ms;
        for (const auto& m : r.attainment)
            if (m.area == area && m.date <= as_of) ms.push_back(&m);
        if (ms.empty()) continue;
        // Oldest first; among equal dates the later entry in the record counts as the later one.
        std::stable_sort(ms.begin(), ms.end(), [](auto* x, auto* y) { return x->date < y->date; });
        AreaAttainment aa{area, {}};
        for (const auto* m : ms)
            aa.measures.push_back(measure_gap(*m, r.pupil.date_of_birth, year_offset, year_group_now, as_of));
        out.push_back(std::move(aa));
    }
    return out;
}

// Weeks of delivery inside the costing year, scaled from calendar weeks to school weeks.
std::optional<double> weeks_in_costing_year(const ProvisionEntry& e, const DateRange& costing, double school_weeks) {
    if (!e.start) return std::nullopt;
    Date first = std::max(*e.start, costing.first);
    Date last = std::min(e.end.value_or(costing.last), costing.last);
    if (last < first) return 0.0;
    // A whole costing year (365 or 366 days) is 52 calendar weeks, so it gives exactly the
    // pack's school weeks per year, not a day or two more.
    double calendar_weeks = std::min((first.days_until(last) + 1) / 7.0, 52.0);
    return calendar_weeks * school_weeks / 52.0;
}

}  // namespace

CostLine cost_provision(const ProvisionEntry& e, const DateRange& costing, const FactParameters& params) {
    CostLine line;
    line.entry = &e;
    if (e.annual_cost) {
        line.cost = round_pence(*e.annual_cost);
        line.basis = fmt::format("annual cost given by the school: {}", format_money(*e.annual_cost));
        return line;
    }
    double other = e.other_costs.value_or(0);
    std::vector<std::string> lacking;
    if (!e.session_minutes) lacking.push_back("session_minutes");
    if (!e.sessions_per_week) lacking.push_back("sessions_per_week");

    std::optional<double> weeks = e.weeks;
    std::string weeks_basis;
    if (weeks) {
        weeks_basis = fmt::format("{} weeks", format_number(*weeks));
    } else if (auto w = weeks_in_costing_year(e, costing, params.school_weeks_per_year)) {
        weeks = *w;
        Date first = std::max(*e.start, costing.first);
        Date last = std::min(e.end.value_or(costing.last), costing.last);
        weeks_basis = last < first ? std::string("0 weeks (it ran outside the costing year)")
                                   : fmt::format("{} school weeks from {} to {}", format_number(*weeks), first.iso(), last.iso());
    } else {
        lacking.push_back("weeks (or start)");
    }

    std::optional<double> rate = e.hourly_rate;
    if (!rate && e.delivered_by) {
        auto it = params.default_hourly_rates.find(*e.delivered_by);
        if (it != params.default_hourly_rates.end()) {
            rate = it->second;
            line.default_rate = true;
        }
    }
    if (!rate) lacking.push_back("hourly_rate (or delivered_by)");

    if (!lacking.empty()) {
        line.incomplete = true;
        line.default_rate = false;  // nothing was costed at any rate
        line.incomplete_reason = fmt::format("cannot cost: missing {}", fmt::join(lacking, ", "));
        line.cost = round_pence(other);
        line.basis = other > 0 ? fmt::format("{}; other costs {} only", line.incomplete_reason, format_money(other))
                               : line.incomplete_reason;
        return line;
    }
    int group = std::max(1, e.group_size.value_or(1));
    double staff = *e.session_minutes / 60.0 * *e.sessions_per_week * *weeks * *rate / group;
    line.cost = round_pence(staff + other);
    line.basis = fmt::format("{} min x {}/week x {} x {}/h{}{}{}", format_number(*e.session_minutes),
                             format_number(*e.sessions_per_week), weeks_basis, format_money(*rate),
                             line.default_rate ? fmt::format(" (default rate for {})", to_string(*e.delivered_by)) : "",
                             group > 1 ? fmt::format(" / group of {}", group) : "",
                             other > 0 ? fmt::format(" + other costs {}", format_money(other)) : "");
    return line;
}

Facts derive_facts(const Record& r, const Date& as_of, const FactParameters& params) {
    Facts f;
    f.record = &r;
    f.as_of = as_of;
    const Date& dob = r.pupil.date_of_birth;
    f.age_years = age_in_years(dob, as_of);
    f.age_months = age_in_months(dob, as_of);
    // Year groups run from -2 (Nursery 1) to 14 (further education, which 19- to 25-year-olds give):
    // a 21-year-old is in further education, not "Year 17" (the loader warns about the date of birth).
    f.derived_year_group = std::clamp(year_group_for(dob, as_of), -2, 14);
    f.year_group = r.pupil.year_group.value_or(f.derived_year_group);
    f.out_of_cohort = f.year_group != f.derived_year_group;
    f.phase = phase_for(f.year_group);
    f.over_18 = is_over_18(dob, as_of);

    if (r.needs) {
        if (r.needs->primary) f.areas_of_need.push_back(*r.needs->primary);
        for (auto a : r.needs->secondary)
            if (!f.has_area_of_need(a)) f.areas_of_need.push_back(a);
    }

    f.attainment = measures_by_area(r, as_of, f.year_group - f.derived_year_group, f.year_group);

    for (const auto& c : r.support_cycles) {
        if (c.review && *c.review <= as_of)
            f.reviewed_cycles.push_back(&c);
        else
            f.open_cycles.push_back(&c);
    }
    std::stable_sort(f.reviewed_cycles.begin(), f.reviewed_cycles.end(),
                     [](auto* a, auto* b) { return *a->review < *b->review; });

    f.costing = costing_year(as_of);
    for (const auto& p : r.provision) {
        f.costs.push_back(cost_provision(p, f.costing, params));
        f.cost_total += f.costs.back().cost;
    }
    f.cost_total = round_pence(f.cost_total);

    for (const auto& c : r.cognitive_assessments)
        if (c.date <= as_of && (!f.latest_cognitive || (*f.latest_cognitive)->date <= c.date)) f.latest_cognitive = &c;

    f.request_date = r.request && r.request->date ? *r.request->date : as_of;
    f.timeline = statutory_timeline(f.request_date, params.assess_weeks, params.issue_weeks, params.final_plan_weeks);
    return f;
}

}  // namespace ehcp
