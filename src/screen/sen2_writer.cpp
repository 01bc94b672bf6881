// `ehcp screen --format sen2-csv`: one row per record in the shape of the DfE's SEN2
// person-level return (UPN, PersonBirthDate, ReceivedDate, RequestSource, SENtype and
// SENtypeRank: from needs.sen_types, else SEMH only), then ehcp's own columns: the readiness verdict and the 6- and 20-week
// dates. The request outcome columns are the authority's decisions: always left empty.
// ReceivedDate and RequestSource are the record's own request.date and request.made_by,
// empty when it does not give them: a DfE-shaped return holds no invented value.
#include <fmt/format.h>

#include "ehcp/load/record.hpp"
#include "ehcp/import/import.hpp"
#include "ehcp/screen/screen.hpp"

namespace ehcp::screen {

namespace {

// SEN2 RequestSource: 1 the young person or parent, 2 school or setting, 3 health,
// 4 social care, 5 other. A record's `professional` does not say which service: empty.
std::string request_source(const std::string& made_by) {
    if (made_by == "parent" || made_by == "young_person") return "1";
    if (made_by == "school") return "2";
    return "";
}

// The one SEN type code an area stands for, where there is exactly one (SEMH).
std::string sen_type(const std::string& area) {
    auto a = parse_enum<AreaOfNeed>(area);
    return a ? std::string(import::area_sen_type(*a)) : std::string();
}

class Sen2CsvWriter : public Writer {
public:
    Sen2CsvWriter(std::ostream& out, std::ostream* summary_out, const WriterContext& c)
        : out_(out), summary_out_(summary_out), c_(c) {}
    void begin() override {
        out_ << "\xEF\xBB\xBF";  // Excel then reads the file as UTF-8
        out_ << "UPN,PersonBirthDate,ReceivedDate,RequestSource,SENtype1,SENtypeRank1,SENtype2,SENtypeRank2,"
                "RequestOutcomeDate,RequestOutcome,ehcp_primary_need,ehcp_secondary_needs,ehcp_made_by,ehcp_verdict,"
                "ehcp_decide_to_assess_by,ehcp_final_plan_by,ehcp_file,ehcp_document\r\n";
    }
    void row(const Row& r) override {
        auto date = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
        std::string primary = r.primary_need.value_or("");
        // The first secondary area that is not the primary one (SEN2 ranks distinct needs).
        std::string secondary;
        for (const auto& n : r.secondary_needs)
            if (n != primary) {
                secondary = n;
                break;
            }
        // The record's own census codes when it gives them (needs.sen_types, in rank order);
        // otherwise only what an area stands for unambiguously (SEMH).
        std::string t1, t2;
        if (!r.sen_types.empty()) {
            t1 = r.sen_types[0];
            if (r.sen_types.size() > 1) t2 = r.sen_types[1];
        } else {
            t1 = sen_type(primary);
            t2 = sen_type(secondary);
        }
        std::vector<std::string> cells{
            r.id,
            r.verdict == Verdict::invalid ? "" : date(r.date_of_birth),
            r.verdict == Verdict::invalid ? "" : date(r.given_request_date),  // never the as-of date in its place
            r.made_by_given ? request_source(r.made_by) : "",                 // never "school" by default
            t1,
            t1.empty() ? "" : "1",
            t2,
            t2.empty() ? "" : "2",
            "",  // RequestOutcomeDate: the authority's
            "",  // RequestOutcome: the authority's decision, never this tool's
            primary,
            fmt::format("{}", fmt::join(r.secondary_needs, " ")),
            r.made_by,
            std::string(to_string(r.verdict)),
            date(r.decide_to_assess_by),
            date(r.final_plan_by),
            r.file,
            std::to_string(r.document),
        };
        bool first = true;
        for (const auto& cell : cells) {
            out_ << (first ? "" : ",") << csv_cell(cell, true);
            first = false;
        }
        out_ << "\r\n";
    }
    void end(const Summary& s) override {
        if (summary_out_ && !c_.quiet) *summary_out_ << summary_text(s);
    }

private:
    std::ostream& out_;
    std::ostream* summary_out_;
    WriterContext c_;
};

}  // namespace

std::unique_ptr<Writer> make_sen2_csv_writer(std::ostream& out, std::ostream* summary_out, const WriterContext& c) {
    return std::make_unique<Sen2CsvWriter>(out, summary_out, c);
}

}  // namespace ehcp::screen
