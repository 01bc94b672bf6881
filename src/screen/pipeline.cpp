// The screening pipeline: one reader thread splits documents in input order, `jobs`
// worker threads parse, evaluate and turn each into a row, and the calling thread emits
// rows in input order. A ring of `window` slots bounds what is in flight: the reader
// waits when the writer is `window` records behind, so memory stays flat however long
// the batch is.
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

#include "ehcp/render/json_report.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/screen/screen.hpp"

namespace ehcp::screen {

namespace {

struct Slot {
    enum class State { empty, pending, working, done } state = State::empty;
    PendingRecord pending;
    RecordReport report;
    std::uint64_t bytes = 0;
};

RecordReport check_one(PendingRecord&& pending, const Pack& pack, const PipelineOptions& o) {
    SourceRef source = pending.source;
    try {
        LoadedRecord loaded = parse_pending(std::move(pending), o.load);
        return evaluate_record(pack, loaded, o.as_of, o.redacted);
    } catch (const std::exception& e) {
        // A bug must not lose a record: it becomes an invalid row that says so.
        RecordReport rep;
        rep.source = source;
        rep.verdict = Verdict::invalid;
        rep.diagnostics.push_back(Diagnostic{Severity::error, "internal", std::string("internal error: ") + e.what(), "",
                                             source.file, source.line, 1, "please report this record's shape"});
        return rep;
    }
}

// The row (and its JSON line) is made on the emitting thread: with one job the reader,
// the worker and the writer then share the work three ways.
Row to_row(const RecordReport& rep, const Pack& pack, const PipelineOptions& o) {
    Row row = make_row(rep, pack, o.redacted);
    if (o.want_json) row.json_line = dump_json(record_to_json(rep, o.redacted), -1);
    return row;
}

}  // namespace

PipelineResult run_pipeline(const std::vector<std::string>& files, const Pack& pack, const PipelineOptions& o,
                            const std::function<void(Row&&)>& emit) {
    const int jobs = std::max(1, o.jobs);
    const std::size_t window = o.window ? o.window : static_cast<std::size_t>(64 * jobs);

    std::uint64_t total_bytes = 0;
    for (const auto& f : files) {
        std::error_code ec;
        if (f != "-" && std::filesystem::is_regular_file(f, ec)) total_bytes += std::filesystem::file_size(f, ec);
    }

    std::vector<Slot> slots(window);
    std::mutex m;
    std::condition_variable cv;
    std::size_t produced = 0, claimed = 0, written = 0;
    bool reader_done = false, stop = false;
    std::exception_ptr reader_error;

    std::thread reader([&] {
        try {
            for (const auto& f : files) {
                auto rr = RecordReader::open(f, o.load);
                while (true) {
                    auto p = rr.next_pending();
                    if (!p) break;
                    std::unique_lock lock(m);
                    cv.wait(lock, [&] { return stop || produced - written < window; });
                    if (stop) return;
                    auto& s = slots[produced % window];
                    s.bytes = p->text.size();
                    s.pending = std::move(*p);
                    s.state = Slot::State::pending;
                    ++produced;
                    cv.notify_all();
                }
            }
        } catch (...) {
            std::lock_guard lock(m);
            reader_error = std::current_exception();
        }
        std::lock_guard lock(m);
        reader_done = true;
        cv.notify_all();
    });

    std::vector<std::thread> workers;
    for (int i = 0; i < jobs; ++i)
        workers.emplace_back([&] {
            while (true) {
                std::unique_lock lock(m);
                cv.wait(lock, [&] { return stop || claimed < produced || reader_done; });
                if (stop || claimed == produced) return;  // stop, or the reader is done and all is claimed
                std::size_t seq = claimed++;
                auto& s = slots[seq % window];
                PendingRecord p = std::move(s.pending);
                s.state = Slot::State::working;
                lock.unlock();
                RecordReport rep = check_one(std::move(p), pack, o);
                lock.lock();
                s.report = std::move(rep);
                s.state = Slot::State::done;
                cv.notify_all();
            }
        });

    auto finish = [&] {
        {
            std::lock_guard lock(m);
            stop = true;
            cv.notify_all();
        }
        reader.join();
        for (auto& w : workers) w.join();
    };

    PipelineResult result;
    std::uint64_t bytes = 0;
    try {
        while (true) {
            RecordReport rep;
            {
                std::unique_lock lock(m);
                cv.wait(lock, [&] {
                    return slots[written % window].state == Slot::State::done || (reader_done && written == produced);
                });
                if (slots[written % window].state != Slot::State::done) break;
                auto& s = slots[written % window];
                rep = std::move(s.report);
                s.report = RecordReport{};
                bytes += s.bytes;
                s.state = Slot::State::empty;
                ++written;
                cv.notify_all();
            }
            Row row = to_row(rep, pack, o);
            ++result.records;
            if (row.verdict == Verdict::invalid) ++result.invalid;
            emit(std::move(row));
            if (o.progress) o.progress(result.records, bytes, total_bytes);
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
    if (reader_error) std::rethrow_exception(reader_error);
    return result;
}

}  // namespace ehcp::screen
