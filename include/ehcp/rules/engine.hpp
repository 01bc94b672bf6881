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

// A record's diagnostics as --redact shows them (check, validate, screen): a message about
// a free-text field keeps only its code, and the record's free-text values are scrubbed.
std::vector<Diagnostic> redact_diagnostics(std::vector<Diagnostic> diagnostics, const Record* record);

// --redact: the record's file named `name` (a non-identifying reference such as "file 3")
// instead of its path, in its source and its diagnostics, and the path cut out of their
// messages and fixes (schools name files after pupils). Call before evaluate_record.
void redact_source(LoadedRecord& loaded, const std::string& name);

}  // namespace ehcp
