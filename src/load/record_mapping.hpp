// The ehcp-record/1 schema: which keys each part of a record takes, their types, and
// the rules that tie fields together (docs: /work/shared/spec/record-format.md).
#pragma once

#include <optional>

#include "document_context.hpp"
#include "ehcp/load/record.hpp"
#include "yaml_tree.hpp"

namespace ehcp::detail {

inline constexpr std::string_view kRecordFormat = "ehcp-record/1";

// Maps one parsed document onto a Record; nullopt when any problem is an error.
// Problems go to `doc`. Never descends into keys the schema does not name.
std::optional<Record> map_record(DocumentContext& doc, const YamlNode& root);

}  // namespace ehcp::detail
