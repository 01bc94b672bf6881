// Evaluates a rule pack against loaded records: facts -> criteria, indicators,
// evidence, practice checks, gaps and the readiness verdict.
#pragma once

#include "ehcp/load/loader.hpp"
#include "ehcp/rules/pack.hpp"
#include "ehcp/rules/report.hpp"

namespace ehcp {

// The report for one loaded record; an unreadable record gives an `invalid` report
// with its diagnostics and no criteria.
// `redact` keeps record free text out of the messages the checks write.
RecordReport evaluate_record(const Pack& pack, const LoadedRecord& loaded, const Date& as_of, bool redact = false);

}  // namespace ehcp
