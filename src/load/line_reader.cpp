#include "line_reader.hpp"

#include <cstdint>

namespace ehcp::detail {

LineReader::LineReader(std::istream& in, std::size_t max_line_bytes, std::size_t max_total_bytes)
    : in_(in), max_line_bytes_(max_line_bytes), max_total_bytes_(max_total_bytes) {}

bool LineReader::next(std::string& line) {
    line.clear();
    truncated_ = false;
    if (at_end_) return false;
    std::streambuf* buffer = in_.rdbuf();
    if (!buffer || !in_.good()) {
        at_end_ = true;
        failed_ = !in_.eof();
        return false;
    }
    using traits = std::char_traits<char>;
    bool any = false;
    std::size_t line_bytes = 0;
    const std::size_t runaway_after =
        max_line_bytes_ > SIZE_MAX / kRunawayFactor ? SIZE_MAX : max_line_bytes_ * kRunawayFactor;
    for (;;) {
        traits::int_type c = buffer->sbumpc();
        if (traits::eq_int_type(c, traits::eof())) {
            at_end_ = true;
            if (!any) return false;
            break;
        }
        any = true;
        if (++total_bytes_ > max_total_bytes_) {
            at_end_ = true;
            over_limit_ = true;
            return false;
        }
        char ch = traits::to_char_type(c);
        if (ch == '\n') break;
        if (line.size() < max_line_bytes_)
            line += ch;
        else
            truncated_ = true;
        if (++line_bytes > runaway_after) {  // no record is that long: stop, do not read forever
            runaway_ = true;
            at_end_ = true;
            break;
        }
    }
    ++line_number_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number_ == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    return true;
}

}  // namespace ehcp::detail
