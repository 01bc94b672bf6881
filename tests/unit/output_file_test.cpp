// -o FILE (issue 10): a planted temporary name is never followed, the target keeps its
// mode, a symlink target stays a symlink, an input is never overwritten.
#include "ehcp/cli/output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "ehcp/cli/common.hpp"

using namespace ehcp::cli;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("ehcp-output-test-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

}  // namespace

TEST_CASE("output file: a symlink planted under every temporary name is never followed") {
    TempDir dir;
    fs::path victim = dir.path / "victim.txt", target = dir.path / "out.csv";
    put(victim, "precious\n");
    for (int attempt = 0; attempt < 3; ++attempt)  // the first names OutputFile would try
        fs::create_symlink(victim, dir.path / (".out.csv.tmp-" + std::to_string(::getpid()) + "-" + std::to_string(attempt)));
    {
        OutputFile out(target.string(), {});
        out.write("rows\n");
        out.commit();
    }
    CHECK(read(victim) == "precious\n");
    CHECK(read(target) == "rows\n");
    CHECK(fs::is_regular_file(fs::symlink_status(target)));
}

TEST_CASE("output file: the target keeps its mode; a symlink is written through to its file") {
    TempDir dir;
    fs::path target = dir.path / "private.txt";
    put(target, "old\n");
    ::chmod(target.c_str(), 0600);
    {
        OutputFile out(target.string(), {});
        out.write("new\n");
        out.commit();
    }
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(read(target) == "new\n");

    fs::path link = dir.path / "link.txt";
    fs::create_symlink(target, link);
    {
        OutputFile out(link.string(), {});
        out.write("through\n");
        out.commit();
    }
    CHECK(fs::is_symlink(fs::symlink_status(link)));
    CHECK(read(target) == "through\n");
}

TEST_CASE("output file: nothing is left behind when not committed; an input is refused") {
    TempDir dir;
    fs::path target = dir.path / "out.txt";
    {
        OutputFile out(target.string(), {});
        out.write("half");
    }
    CHECK(fs::is_empty(dir.path));
    fs::path record = dir.path / "record.yaml";
    put(record, "format: ehcp-record/1\n");
    CHECK_THROWS_AS(OutputFile(record.string(), {"a.yaml", record.string()}), UsageError);
    CHECK(read(record) == "format: ehcp-record/1\n");
}

TEST_CASE("output file: a character device is written through, never replaced") {
    OutputFile out("/dev/null", {});
    out.write("discarded\n");
    out.commit();
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}
