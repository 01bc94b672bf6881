// Unique Pupil Numbers (DfE UPN standard): recognising one and checking its check letter.
#pragma once

#include <optional>
#include <string_view>

namespace ehcp {

// The check-letter alphabet: 23 letters, without I, O and S.
inline constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

// Whether `id` has the shape of a UPN: 13 characters, a letter then 12 digits
// (permanent), or a letter, 11 digits and a final letter (temporary).
bool looks_like_upn(std::string_view id);

// The check letter the characters in positions 2-13 call for: the sum of each
// character's value times its position, mod 23, indexes kUpnLetters. Digits are worth
// themselves; a temporary UPN's final letter is worth its index in kUpnLetters (A=0).
// nullopt when `id` does not look like a UPN or its final letter is not in the alphabet.
std::optional<char> upn_check_letter(std::string_view id);

}  // namespace ehcp
