// The screening pipeline: one reader thread splits documents in input order, `jobs`
// worker threads parse them, and the calling thread evaluates, turns each into a row
// and emits rows in input order. A ring of `window` slots bounds what is in flight: the
// reader waits when the writer is `window` records behind, so memory stays flat however
// long the batch is.
//
// Balance: parsing is most of the work, so with one or two jobs the workers only parse
// and the emitting thread does the rest on the spare core. With more jobs the emitting
// thread would fall behind; then a worker that finds nothing left to parse finishes
// (evaluates and renders) parsed records ahead of the emitter instead of waiting.
//
// Wake-ups cost more than the bookkeeping on a busy two-core machine, so threads only
// signal a thread that waits for exactly what they did, and the emitter and the reader
// wait for a batch of slots rather than one.
#include <algorithm>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>
#include <tuple>

#include "ehcp/cli/common.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/screen/screen.hpp"

namespace ehcp::screen {

namespace {

struct Slot {
    // empty -> pending -> parsing -> parsed -> (finishing -> finished) -> empty
    enum class State { empty, pending, parsing, parsed, finishing, finished } state = State::empty;
    PendingRecord pending;
    LoadedRecord loaded;
    const Pack* pack = nullptr;  // the pack the record names (request.authority), when it was followed
    Row row;
    std::exception_ptr failure;  // what a worker could not survive, rethrown by the emitter in order
    std::uint64_t bytes = 0;
    std::size_t file_index = 0;  // which of the files the record is in (--redact names it so)
};

// A bug must not lose a record: it becomes an invalid row that says so.
RecordReport internal_error(const SourceRef& source, const std::exception& e) {
    RecordReport rep;
    rep.source = source;
    rep.verdict = Verdict::invalid;
    rep.diagnostics.push_back(Diagnostic{Severity::error, "internal", std::string("internal error: ") + e.what(), "",
                                         source.file, source.line, 1, "please report this record's shape"});
    return rep;
}

std::pair<LoadedRecord, const Pack*> parse_one(PendingRecord&& pending, const PipelineOptions& o, std::size_t file_index) {
    SourceRef source = pending.source;
    LoadedRecord out;
    try {
        if (o.packs) {
            auto parsed = o.packs->parse(std::move(pending));
            // --redact: the file by its position, never by a name a school may have given it.
            if (o.redacted) redact_source(parsed.first, cli::redacted_file_name(file_index));
            return parsed;
        }
        out = parse_pending(std::move(pending), o.load);
    } catch (const std::exception& e) {
        out.source = source;
        out.diagnostics = internal_error(source, e).diagnostics;
    }
    // --redact: the file by its position, never by a name a school may have given it.
    if (o.redacted) redact_source(out, cli::redacted_file_name(file_index));
    return {std::move(out), nullptr};
}

// Evaluates a parsed record and makes its row (and JSON line).
// `own`: the pack the record names, when followed; the row keeps `pack`'s columns.
Row finish_one(const LoadedRecord& loaded, const Pack& pack, const PipelineOptions& o, const Pack* own = nullptr) {
    RecordReport rep;
    try {
        rep = evaluate_record(own ? *own : pack, loaded, o.as_of, o.redacted);
    } catch (const std::exception& e) {
        rep = internal_error(loaded.source, e);
        rep.pack = (own ? *own : pack).info.id;
    }
    Row row = make_row(rep, pack, o.redacted);
    if (loaded.record && loaded.record->request) {
        row.given_request_date = loaded.record->request->date;
        row.made_by_given = loaded.record->request->made_by.has_value();
    }
    if (cli::file_not_read(loaded))
        for (const auto& d : loaded.diagnostics) row.read_errors.push_back(format_diagnostic(d));
    if (o.want_json) row.json_line = dump_json(record_to_json(rep, o.redacted), -1);
    return row;
}

}  // namespace

PipelineResult run_pipeline(const std::vector<std::string>& files, const Pack& pack, const PipelineOptions& o,
                            const std::function<void(Row&&)>& emit) {
    const int jobs = std::max(1, o.jobs);
    const std::size_t window = o.window ? o.window : static_cast<std::size_t>(64 * jobs);
    const std::size_t batch = std::max<std::size_t>(1, window / 8);
    const bool workers_finish = jobs > 2;

    std::uint64_t total_bytes = 0;
    for (const auto& f : files) {
        std::error_code ec;
        if (f != "-" && std::filesystem::is_regular_file(f, ec)) total_bytes += std::filesystem::file_size(f, ec);
    }

    std::vector<Slot> slots(window);
    std::mutex m;
    std::condition_variable reader_cv, worker_cv, emitter_cv;
    std::size_t produced = 0, claimed = 0, written = 0;
    std::size_t reader_waits_for = 0;            // the reader waits until `written` reaches this
    std::size_t emitter_waits_for = SIZE_MAX;    // the emitter waits until this slot is ready
    int idle_workers = 0;
    bool reader_done = false, stop = false;
    std::exception_ptr reader_error;

    auto slot_ready = [&](std::size_t seq) {
        auto st = slots[seq % window].state;
        return st == Slot::State::parsed || st == Slot::State::finished;
    };
    // Called with the lock held when slot `seq` has become ready for the emitter.
    auto ready = [&](std::size_t seq) {
        if (seq == emitter_waits_for) emitter_cv.notify_one();
    };

    auto read_all = [&] {
        try {
            for (std::size_t file_index = 0; file_index < files.size(); ++file_index) {
                auto rr = RecordReader::open(files[file_index], o.load);
                while (true) {
                    auto p = rr.next_pending();
                    if (!p) break;
                    std::unique_lock lock(m);
                    if (produced - written >= window) {
                        // Full: wait until a batch of slots is free again.
                        reader_waits_for = produced - window + batch;
                        reader_cv.wait(lock, [&] { return stop || written >= reader_waits_for; });
                        reader_waits_for = 0;
                    }
                    if (stop) return;
                    auto& s = slots[produced % window];
                    s.bytes = p->text.size();
                    s.file_index = file_index;
                    s.pending = std::move(*p);
                    s.state = Slot::State::pending;
                    ++produced;
                    if (idle_workers > 0) worker_cv.notify_one();
                }
            }
        } catch (...) {
            std::lock_guard lock(m);
            reader_error = std::current_exception();
        }
        std::lock_guard lock(m);
        reader_done = true;
        worker_cv.notify_all();
        emitter_cv.notify_one();
    };

    // A worker never lets an exception out of its thread (that would end the process):
    // what it cannot turn into an invalid row goes to the emitter in the record's slot.
    auto work = [&] {
        std::unique_lock lock(m);
        while (true) {
            if (stop) return;
            if (claimed < produced) {
                std::size_t seq = claimed++;
                auto& s = slots[seq % window];
                PendingRecord p = std::move(s.pending);
                const std::size_t file_index = s.file_index;
                s.state = Slot::State::parsing;
                lock.unlock();
                LoadedRecord loaded;
                const Pack* own = nullptr;
                std::exception_ptr failure;
                try {
                    std::tie(loaded, own) = parse_one(std::move(p), o, file_index);
                } catch (...) {
                    failure = std::current_exception();
                }
                lock.lock();
                s.loaded = std::move(loaded);
                s.pack = own;
                s.failure = failure;
                s.state = Slot::State::parsed;
                ready(seq);
                continue;
            }
            if (workers_finish) {
                // Nothing to parse: finish the earliest parsed record the emitter has not reached.
                std::size_t seq = written + 1;
                while (seq < produced &&
                       (slots[seq % window].state != Slot::State::parsed || slots[seq % window].failure))
                    ++seq;
                if (seq < produced) {
                    auto& s = slots[seq % window];
                    s.state = Slot::State::finishing;
                    lock.unlock();
                    Row row;
                    std::exception_ptr failure;
                    try {
                        row = finish_one(s.loaded, pack, o, s.pack);
                    } catch (...) {
                        failure = std::current_exception();
                    }
                    lock.lock();
                    s.row = std::move(row);
                    s.failure = failure;
                    s.loaded = LoadedRecord{};
                    s.state = Slot::State::finished;
                    ready(seq);
                    continue;
                }
            }
            if (reader_done) return;  // everything is claimed and nothing more will come
            ++idle_workers;
            worker_cv.wait(lock);
            --idle_workers;
        }
    };

    std::thread reader;
    std::vector<std::thread> workers;
    auto finish = [&] {
        {
            std::lock_guard lock(m);
            stop = true;
            reader_cv.notify_all();
            worker_cv.notify_all();
        }
        if (reader.joinable()) reader.join();
        for (auto& w : workers) w.join();
    };
    try {
        reader = std::thread(read_all);
        for (int i = 0; i < jobs; ++i) workers.emplace_back(work);
    } catch (const std::system_error&) {
        // The system would not give as many threads as asked: carry on with those it
        // gave, or stop cleanly (never std::terminate with threads still running).
        if (!reader.joinable() || workers.empty()) {
            finish();
            throw;
        }
    }

    PipelineResult result;
    std::uint64_t bytes = 0;
    try {
        while (true) {
            Row row;
            {
                std::unique_lock lock(m);
                while (!slot_ready(written) && !(reader_done && written == produced)) {
                    // Wait for the last record of a batch (of what the reader has given so
                    // far), not for each one; if that one is already there, for the first.
                    std::size_t end = std::min(written + batch, produced);
                    std::size_t target = end > written + 1 ? end - 1 : written;
                    if (target != written && slot_ready(target)) target = written;
                    emitter_waits_for = target;
                    emitter_cv.wait(lock, [&] { return slot_ready(target) || (reader_done && written == produced); });
                    emitter_waits_for = SIZE_MAX;
                }
                if (!slot_ready(written)) break;  // the reader is done and every record is out
                auto& s = slots[written % window];
                if (s.failure) std::rethrow_exception(s.failure);
                if (s.state == Slot::State::parsed) {
                    // Workers only finish records after `written`, so this one is the emitter's.
                    s.state = Slot::State::finishing;
                    LoadedRecord loaded = std::move(s.loaded);
                    const Pack* own = s.pack;
                    s.loaded = LoadedRecord{};
                    lock.unlock();
                    row = finish_one(loaded, pack, o, own);
                    lock.lock();
                } else {
                    row = std::move(s.row);
                    s.row = Row{};
                }
                bytes += s.bytes;
                s.state = Slot::State::empty;
                ++written;
                if (reader_waits_for != 0 && written >= reader_waits_for) reader_cv.notify_one();
            }
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
