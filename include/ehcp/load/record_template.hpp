// The commented ehcp-record/1 template that `ehcp init` writes for a SENCO to fill in.
#pragma once

#include <string>

namespace ehcp {

// A YAML record with every section of the format, each field explained in a comment.
// Required values are empty placeholders (so an unfilled template fails validation only
// with "required" errors); optional values and list entries are commented-out examples
// of invented data that give valid YAML when uncommented.
std::string record_template();

}  // namespace ehcp
