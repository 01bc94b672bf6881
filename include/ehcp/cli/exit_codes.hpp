// Exit statuses: part of the stable surface (docs/cli.md). Keep in one place.
#pragma once

namespace ehcp::exit_code {

inline constexpr int ready = 0;        // every record checked is ready (screen/validate: all read)
inline constexpr int not_ready = 1;    // at least one record not ready, none invalid
inline constexpr int invalid = 2;      // a record is invalid or a file could not be read
inline constexpr int usage = 64;       // bad option or argument (EX_USAGE)
inline constexpr int unknown_pack = 65;  // the rule pack cannot be found or is broken
inline constexpr int software = 70;    // an internal error (a bug): please report it
inline constexpr int cannot_create = 73;  // `rules new`: the folder is already there (EX_CANTCREAT)
inline constexpr int io_error = 74;    // the output could not be written

}  // namespace ehcp::exit_code
