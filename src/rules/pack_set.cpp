#include "ehcp/rules/pack_set.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

namespace ehcp {

namespace fs = std::filesystem;

LoadOptions load_options_for(const LoadOptions& base, const Pack& pack) {
    LoadOptions o = base;
    o.indicator_ids = pack.indicator_ids();
    o.pack_id = pack.info.id;
    o.document_kinds = pack.document_kind_ids();
    return o;
}

std::vector<std::string> pack_names_found() {
    std::set<std::string> names;
    for (const auto& dir : pack_search_path()) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (fs::is_regular_file(e.path() / "pack.yaml", ec)) names.insert(e.path().filename().string());
    }
    return {names.begin(), names.end()};
}

PackSet::PackSet(Pack default_pack, bool fixed, LoadOptions base)
    : default_(std::make_unique<Pack>(std::move(default_pack))), fixed_(fixed), base_(std::move(base)) {
    default_options_ = load_options_for(base_, *default_);
}

const Pack* PackSet::named(const std::string& id, std::string& why) {
    std::lock_guard lock(m_);
    if (auto it = others_.find(id); it != others_.end()) return it->second.get();
    if (auto it = failed_.find(id); it != failed_.end()) {
        why = it->second;
        return nullptr;
    }
    // A name only: a record cannot point the tool at a folder of its choosing.
    bool plain = !id.empty() && id.find('/') == std::string::npos && id != "." && id != "..";
    auto dir = plain ? find_pack(id) : std::nullopt;
    if (!dir) {
        std::string found;
        for (const auto& n : pack_names_found()) found += (found.empty() ? "" : ", ") + n;
        why = fmt::format("no rule pack `{}` was found; the packs found are: {}", id, found.empty() ? "none" : found);
    } else {
        try {
            auto pack = std::make_unique<Pack>(load_pack(*dir));
            return (others_[id] = std::move(pack)).get();
        } catch (const PackError& e) {
            why = fmt::format("the rule pack `{}` has errors and cannot be used: {}", id, e.what());
        }
    }
    failed_[id] = why;
    return nullptr;
}

std::pair<LoadedRecord, const Pack*> PackSet::parse(PendingRecord pending) {
    if (fixed_ || pending.decided) return {parse_pending(std::move(pending), default_options_), default_.get()};
    // Most records name no other authority: read once with the default pack, and again only
    // when the record names another (or, unreadable with the default pack, may name one).
    bool may_name = pending.text.find("authority") != std::string::npos;
    PendingRecord again = may_name ? pending : PendingRecord{};
    LoadedRecord loaded = parse_pending(std::move(pending), default_options_);
    if (!may_name) return {std::move(loaded), default_.get()};
    std::optional<std::string> authority;
    SourcePos at;
    if (loaded.record) {
        if (loaded.record->request) authority = loaded.record->request->authority, at = loaded.record->request->authority_pos;
    } else {
        // An indicator or document kind of another pack makes it unreadable with this one.
        LoadOptions plain = base_;
        LoadedRecord peek = parse_pending(again, plain);
        if (peek.record && peek.record->request)
            authority = peek.record->request->authority, at = peek.record->request->authority_pos;
    }
    if (!authority || *authority == default_->info.id) return {std::move(loaded), default_.get()};
    std::string why;
    const Pack* pack = named(*authority, why);
    if (!pack) {
        std::string file = again.diagnostic_file;
        LoadedRecord out = parse_pending(std::move(again), base_);
        out.diagnostics.push_back(Diagnostic{Severity::error, "request.authority_unknown", why, "request.authority",
                                             file, at.line, at.column,
                                             "use one of the packs found, or give the pack with --rules NAME_OR_FOLDER"});
        out.record.reset();
        return {std::move(out), default_.get()};
    }
    return {parse_pending(std::move(again), load_options_for(base_, *pack)), pack};
}

std::optional<std::pair<LoadedRecord, const Pack*>> PackSet::next(RecordReader& reader) {
    auto pending = reader.next_pending();
    if (!pending) return std::nullopt;
    return parse(std::move(*pending));
}

}  // namespace ehcp
