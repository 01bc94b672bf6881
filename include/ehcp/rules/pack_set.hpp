// Which rule pack each record is checked against: the one given with --rules, or else the
// one its request.authority names, or else the default (Coventry's). Packs named by records
// are found on the pack search path and loaded once each.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "ehcp/load/loader.hpp"
#include "ehcp/rules/pack.hpp"

namespace ehcp {

// The loader options for a pack: `base` (as-of date, limits) plus the pack's indicator ids
// and document kinds.
LoadOptions load_options_for(const LoadOptions& base, const Pack& pack);

// The names of the packs found on the search path (an earlier folder wins), sorted.
std::vector<std::string> pack_names_found();

class PackSet {
public:
    // `fixed`: the pack was chosen on the command line (--rules), and request.authority is
    // not followed. `base`: the loader options without a pack.
    PackSet(Pack default_pack, bool fixed, LoadOptions base);

    const Pack& default_pack() const { return *default_; }
    const LoadOptions& default_options() const { return default_options_; }

    // Parses a pending record with the pack it should be checked against (thread-safe).
    // A request.authority that names no pack found, or a pack with errors, makes the record
    // invalid with an error at request.authority listing the packs found.
    std::pair<LoadedRecord, const Pack*> parse(PendingRecord pending);

    // Reads and parses the next record of `reader` (see parse).
    std::optional<std::pair<LoadedRecord, const Pack*>> next(RecordReader& reader);

private:
    // The pack with this id (nullptr and `why` when none is found or it has errors).
    const Pack* named(const std::string& id, std::string& why);

    std::unique_ptr<Pack> default_;
    bool fixed_;
    LoadOptions base_;
    LoadOptions default_options_;
    std::mutex m_;
    std::map<std::string, std::unique_ptr<Pack>> others_;
    std::map<std::string, std::string> failed_;  // id -> why it cannot be used
};

}  // namespace ehcp
