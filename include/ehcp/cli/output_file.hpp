// -o FILE written without destroying anything: a regular target is replaced whole by a
// temporary file created exclusively beside it (O_EXCL|O_NOFOLLOW, so a planted symlink
// is never followed) and renamed over it with the target's mode; a device or FIFO is
// written through, never replaced; a symlink is followed to the file it names. The
// temporary file is removed on failure and on SIGINT, SIGTERM and SIGHUP.
#pragma once

#include <string>
#include <vector>

namespace ehcp::cli {

class OutputFile {
public:
    // Throws UsageError (64) when `target` is one of `inputs` (it would be destroyed), or
    // OutputError (74) when it cannot be written.
    OutputFile(const std::string& target, const std::vector<std::string>& inputs);
    ~OutputFile();  // removes the temporary file unless committed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // The open file to write to (the temporary file, or the special file itself).
    int fd() const { return fd_; }
    // The path a library that opens files by name should write (libxlsxwriter).
    const std::string& write_path() const { return write_through_ ? target_ : temp_; }
    const std::string& target() const { return target_; }
    void write(const std::string& text);
    // Everything is written: give the temporary file the target's mode and rename it over
    // the target. Throws OutputError.
    void commit();

private:
    std::string target_;  // symlinks resolved
    std::string temp_;    // empty when writing through
    int fd_ = -1;
    bool write_through_ = false;
    bool committed_ = false;
    unsigned mode_ = 0;
};

// Throws UsageError (64) when `target` names the same file as one of `inputs`.
void refuse_output_over_input(const std::string& target, const std::vector<std::string>& inputs);

}  // namespace ehcp::cli
