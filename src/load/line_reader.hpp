// Reads a stream line by line with bounded memory: a line longer than the limit is
// kept only up to the limit, and reading stops once the byte budget is spent.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

namespace ehcp::detail {

class LineReader {
public:
    LineReader(std::istream& in, std::size_t max_line_bytes, std::size_t max_total_bytes);

    // The next line without its line break, a trailing '\r' (Windows CRLF) or, on the
    // first line, a UTF-8 byte order mark. false at the end of input, on a read error
    // or once more than max_total_bytes have been read.
    bool next(std::string& line);

    // The line last returned was longer than max_line_bytes and has been cut short.
    bool truncated() const { return truncated_; }
    // 1-based number of the line last returned.
    int line_number() const { return line_number_; }
    // next() stopped because the input is larger than max_total_bytes.
    bool over_limit() const { return over_limit_; }
    // next() stopped because reading failed (not the end of input).
    bool failed() const { return failed_; }
    // The line last returned ran on past kRunawayFactor times max_line_bytes without a
    // line break (/dev/zero, a binary file): nothing more is read from the input.
    bool runaway() const { return runaway_; }
    static constexpr std::size_t kRunawayFactor = 16;

private:
    std::istream& in_;
    std::size_t max_line_bytes_;
    std::size_t max_total_bytes_;
    std::size_t total_bytes_ = 0;
    int line_number_ = 0;
    bool truncated_ = false;
    bool over_limit_ = false;
    bool failed_ = false;
    bool runaway_ = false;
    bool at_end_ = false;
};

}  // namespace ehcp::detail
