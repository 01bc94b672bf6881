#include "ehcp/cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "ehcp/cli/common.hpp"
#include "ehcp/cli/exit_codes.hpp"

namespace ehcp::cli {

namespace fs = std::filesystem;

namespace {

// The temporary file a signal handler must remove: a fixed buffer, since a handler may
// only call async-signal-safe functions (unlink, signal, raise).
char g_temp[4096];
volatile std::sig_atomic_t g_temp_set = 0;

extern "C" void remove_temp_and_die(int sig) {
    if (g_temp_set) unlink(g_temp);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void guard(const std::string& temp) {
    if (temp.size() >= sizeof g_temp) return;
    std::memcpy(g_temp, temp.c_str(), temp.size() + 1);
    g_temp_set = 1;
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction sa {};
        sa.sa_handler = remove_temp_and_die;
        sigemptyset(&sa.sa_mask);
        sigaction(sig, &sa, nullptr);
    }
}

void unguard() { g_temp_set = 0; }

unsigned current_umask() {
    mode_t old = umask(0);
    umask(old);
    return old;
}

}  // namespace

void refuse_output_over_input(const std::string& target, const std::vector<std::string>& inputs) {
    struct stat out {};
    if (target.empty() || target == "-" || stat(target.c_str(), &out) != 0) return;
    for (const auto& in : inputs) {
        struct stat st {};
        if (in == "-" || stat(in.c_str(), &st) != 0) continue;
        if (st.st_dev == out.st_dev && st.st_ino == out.st_ino)
            throw UsageError(fmt::format("-o {} names the input file {}: writing it would destroy the record\nfix: "
                                         "write the output to another file",
                                         target, in),
                             exit_code::usage);
    }
}

OutputFile::OutputFile(const std::string& target, const std::vector<std::string>& inputs) : target_(target) {
    refuse_output_over_input(target, inputs);
    std::error_code ec;
    // A symlink is followed to what it names: the link stays, its file gets the output.
    if (fs::is_symlink(fs::symlink_status(target_, ec))) target_ = fs::weakly_canonical(target_, ec).string();
    struct stat st {};
    bool exists = stat(target_.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw OutputError(fmt::format("cannot write {}: it is a directory", target));
    if (exists && !S_ISREG(st.st_mode)) {
        // A device, FIFO or socket: write into it; replacing it (as root, /dev/null) would
        // destroy it.
        write_through_ = true;
        fd_ = ::open(target_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd_ < 0) throw OutputError(fmt::format("cannot write {}: {}", target, std::strerror(errno)));
        return;
    }
    mode_ = exists ? (st.st_mode & 07777) : (0666u & ~current_umask());
    fs::path t{target_};
    fs::path dir = t.parent_path();
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
        fs::path name = dir / fmt::format(".{}.tmp-{}-{}", t.filename().string(), getpid(), attempt);
        // O_EXCL|O_NOFOLLOW: a file or symlink planted under this name is never opened.
        fd_ = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd_ >= 0) temp_ = name.string();
        else if (errno != EEXIST) throw OutputError(fmt::format("cannot write {}: {}", name.string(), std::strerror(errno)));
    }
    if (fd_ < 0) throw OutputError(fmt::format("cannot write {}: no free temporary name beside it", target));
    guard(temp_);
}

OutputFile::~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) {
        ::unlink(temp_.c_str());
        unguard();
    }
}

void OutputFile::write(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw OutputError(fmt::format("cannot write {}: {}", target_, std::strerror(errno)));
        done += static_cast<std::size_t>(n);
    }
}

void OutputFile::commit() {
    if (write_through_) {
        committed_ = true;
        return;
    }
    if (::fchmod(fd_, mode_) != 0 || ::fsync(fd_) != 0 || ::close(fd_) != 0) {
        int e = errno;
        fd_ = -1;
        throw OutputError(fmt::format("cannot write {}: {}", target_, std::strerror(e)));
    }
    fd_ = -1;
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        throw OutputError(fmt::format("cannot write {}: {}", target_, std::strerror(errno)));
    committed_ = true;
    unguard();
}

}  // namespace ehcp::cli
