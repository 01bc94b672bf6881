// The JSON Schema (draft 2020-12) of the record format ehcp-record/1, for `ehcp schema` and editors.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ehcp {

// The schema of one ehcp-record/1 document. When `indicator_ids` is non-empty (the rule
// pack's ids, e.g. Coventry's cl1-cl5, semh1-semh4, ...), `indicators[].id` is limited to
// them; empty: any non-blank id is allowed, as in the loader without a pack.
//
// The schema is stricter than the loader in one place: an unknown key is rejected here
// (additionalProperties: false, so editors flag typos at once) but is a warning in the
// loader. Checks it cannot express are listed in its top-level "$comment".
// `document_kinds`: the kinds the pack adds (pack.yaml document_kinds), allowed in
// `documents[].kind` beside the built-in ones.
nlohmann::json record_json_schema(const std::vector<std::string>& indicator_ids,
                                  const std::vector<std::string>& document_kinds = {});

}  // namespace ehcp
