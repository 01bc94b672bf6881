#include "ehcp/load/loader.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "ehcp/core/inert_text.hpp"

#include "document_stream.hpp"

namespace ehcp {

namespace fs = std::filesystem;

struct RecordReader::Impl {
    std::optional<detail::DocumentStream> stream;
    std::optional<LoadedRecord> failure;  // the one record of a file that could not be opened
};

namespace {

LoadedRecord unreadable(const std::string& raw_name, std::string message, std::string fix) {
    const std::string display_name = escape_controls(raw_name);
    message = escape_controls(message);
    LoadedRecord out;
    out.source = SourceRef{display_name, 0, 1};
    out.diagnostics.push_back(Diagnostic{Severity::error, "file.unreadable", std::move(message), "",
                                         display_name == "-" ? "<stdin>" : display_name, 0, 0, std::move(fix)});
    return out;
}

std::string directory_of(const std::string& path) {
    fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

std::string current_directory() {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    return ec ? std::string(".") : cwd.string();
}

}  // namespace

RecordReader::RecordReader(std::string display_name, std::unique_ptr<std::istream> in, std::string base_dir,
                           LoadOptions options)
    : impl_(std::make_unique<Impl>()) {
    if (!in) {
        impl_->failure = unreadable(display_name, fmt::format("`{}` cannot be read", display_name), "check the path");
        return;
    }
    impl_->stream.emplace(std::move(display_name), std::move(in), std::move(base_dir), std::move(options));
}

RecordReader::~RecordReader() = default;
RecordReader::RecordReader(RecordReader&&) noexcept = default;
RecordReader& RecordReader::operator=(RecordReader&&) noexcept = default;

RecordReader RecordReader::open(const std::string& path, const LoadOptions& options) {
    if (path == "-")
        // A stream over std::cin's buffer: deleting it leaves std::cin alone.
        return RecordReader("-", std::make_unique<std::istream>(std::cin.rdbuf()), current_directory(), options);

    auto fail = [&](std::string message, std::string fix, std::string code = "file.unreadable") {
        RecordReader reader(path, nullptr, "", options);
        reader.impl_->failure = unreadable(path, std::move(message), std::move(fix));
        reader.impl_->failure->diagnostics[0].code = std::move(code);
        return reader;
    };
    std::error_code ec;
    if (fs::is_directory(path, ec)) return fail(fmt::format("`{}` is a directory, not a record file", path),
                                                "name a .yaml file inside it");
    if (fs::is_regular_file(path, ec)) {
        auto size = fs::file_size(path, ec);
        if (!ec && size > options.max_file_bytes)
            return fail(fmt::format("`{}` is {} bytes, larger than the limit of {} bytes", path, size,
                                    options.max_file_bytes),
                        "split the batch into smaller files", "file.too_large");
    }
    errno = 0;
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!file->is_open()) {
        int error = errno;
        return fail(fmt::format("`{}` cannot be opened: {}", path,
                                error ? std::strerror(error) : "the file could not be opened"),
                    error == ENOENT ? "check the file name and the directory you are in" : "check the file's permissions");
    }
    return RecordReader(path, std::move(file), directory_of(path), options);
}

std::optional<LoadedRecord> RecordReader::next() {
    if (!impl_) return std::nullopt;
    if (impl_->failure) {
        auto out = std::move(impl_->failure);
        impl_->failure.reset();
        impl_->stream.reset();
        return out;
    }
    if (!impl_->stream) return std::nullopt;
    return impl_->stream->next();
}

std::optional<PendingRecord> RecordReader::next_pending() {
    if (!impl_) return std::nullopt;
    if (impl_->failure) {
        PendingRecord out;
        out.source = impl_->failure->source;
        out.decided = std::move(impl_->failure);
        impl_->failure.reset();
        impl_->stream.reset();
        return out;
    }
    if (!impl_->stream) return std::nullopt;
    return impl_->stream->next_pending();
}

std::vector<LoadedRecord> load_records(const std::string& path, const LoadOptions& options) {
    std::vector<LoadedRecord> out;
    auto reader = RecordReader::open(path, options);
    while (auto record = reader.next()) out.push_back(std::move(*record));
    return out;
}

LoadedRecord load_record_text(std::string_view yaml, const SourceRef& source, const std::string& base_dir,
                              const LoadOptions& options) {
    detail::DocumentStream stream(source.file, std::make_unique<std::istringstream>(std::string(yaml)), base_dir,
                                  options, source.line, source.document);
    auto first = stream.next();
    if (!first) first.emplace();  // cannot happen: an empty text is reported as empty
    if (auto extra = stream.next()) {
        first->record.reset();
        first->diagnostics.push_back(Diagnostic{Severity::error, "document.multiple",
                                                fmt::format("the text holds more than one document; the next one "
                                                            "starts on line {}",
                                                            extra->source.line),
                                                "", source.file == "-" ? "<stdin>" : source.file, extra->source.line,
                                                1, "give one record at a time"});
    }
    return *first;
}

}  // namespace ehcp
