// Facts derived once from a record and the as-of date: ages, year group, attainment
// gaps, reviewed support cycles, the costed provision map and the statutory dates.
// Check kinds read facts; they never re-derive them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ehcp/facts/calendar.hpp"
#include "ehcp/load/record.hpp"

namespace ehcp {

// Pack parameters that derivation needs (the rest stay with the checks).
struct FactParameters {
    double school_weeks_per_year = 38;
    std::map<Deliverer, double> default_hourly_rates;
    int assess_weeks = 6;
    int issue_weeks = 16;
    int final_plan_weeks = 20;
};

// One attainment measure with the gap it shows at the date it was taken.
struct MeasuredGap {
    const AttainmentMeasure* measure = nullptr;
    int year_group_then = 0;        // year group on the measure's date (out-of-cohort offset kept)
    int age_months_then = 0;        // chronological age in completed months on that date
    std::optional<double> gap_years;   // year group then - working_at_year
    std::optional<double> gap_years_now;  // current year group - working_at_year (the criteria's reading)
    std::optional<double> gap_months;  // age then - age_equivalent_months
    bool half_age_or_below = false;    // age_equivalent_months <= half of age then
    int months_old = 0;                // completed months from the measure's date to the as-of date
};

// Which figure of an attainment measure a check reads.
enum class Carries { working_at_year, age_equivalent_months, standardised_score, percentile, any };

// Every measure in an area dated on or before the as-of date, oldest first (entries on the
// same date keep the record's order). A check reads the latest entry that carries the figure
// it uses, so a newer entry with only a standardised score never hides an older working-at
// level: adding evidence cannot lower a result by accident.
struct AreaAttainment {
    AttainmentArea area{};
    std::vector<MeasuredGap> measures;

    // The latest measure carrying `what` (nullptr when none), and the one before it.
    const MeasuredGap* latest(Carries what = Carries::any) const;
    const MeasuredGap* previous(Carries what) const;
};

bool carries(const AttainmentMeasure& m, Carries what);

struct CostLine {
    const ProvisionEntry* entry = nullptr;
    double cost = 0;            // pounds in the costing year
    std::string basis;          // how it was reached, in words and figures
    bool default_rate = false;  // the pack's rate for delivered_by was used
    bool incomplete = false;    // a figure needed to cost it is missing
    std::string incomplete_reason;
};

struct Facts {
    const Record* record = nullptr;
    Date as_of;

    int age_years = 0;
    int age_months = 0;
    int derived_year_group = 0;
    int year_group = 0;  // given if present, else derived
    bool out_of_cohort = false;
    Phase phase = Phase::early_years;
    bool over_18 = false;

    std::vector<AreaOfNeed> areas_of_need;  // primary then secondary, no repeats

    std::vector<AreaAttainment> attainment;  // one per area with a measure on/before as-of, in area order
    const AreaAttainment* area(AttainmentArea a) const;

    std::vector<const SupportCycle*> reviewed_cycles;  // review on/before as-of, by review date
    std::vector<const SupportCycle*> open_cycles;      // not yet reviewed
    const SupportCycle* latest_reviewed() const {
        return reviewed_cycles.empty() ? nullptr : reviewed_cycles.back();
    }

    DateRange costing;
    std::vector<CostLine> costs;
    double cost_total = 0;

    std::optional<const CognitiveAssessment*> latest_cognitive;

    Date request_date;
    Timeline timeline;

    bool has_area_of_need(AreaOfNeed a) const;
    RequestMaker made_by() const;  // school when the record does not say
    int documents_of(DocumentKind kind) const;  // documents that count (file present or not named)
};

Facts derive_facts(const Record& record, const Date& as_of, const FactParameters& params);

// Cost of one provision entry in the costing year (spec: provision).
CostLine cost_provision(const ProvisionEntry& entry, const DateRange& costing, const FactParameters& params);

}  // namespace ehcp
