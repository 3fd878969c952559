#pragma once
// Output of `sagar decode`: gpsd JSON Lines written to standard output in large blocks, either on the
// decoding thread (JsonLinesOutput alone) or on a second thread fed in input order (Pipeline).

#include <sagar/decoding/message.hpp>
#include <sagar/framing/meta.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace sagar::cli {

/// Formats messages as JSON Lines into a buffer and writes it to stdout whenever it holds a block.
class JsonLinesOutput {
public:
    /// Buffered bytes that trigger a write: large enough to make write(2) calls rare, small enough to
    /// stay in the L2 cache while it is filled.
    static constexpr std::size_t block_size = std::size_t{256} << 10;

    explicit JsonLinesOutput(const output::GpsdJsonOptions& options)
        : m_formatter{options} {}

    /// Records added from now on carry "device" `device`.
    void start_input(std::string_view device) { m_formatter.set_device(device); }
    /// Appends one record; false when a write failed.
    bool add(const framing::Meta& meta, const decoding::Message& message) {
        m_formatter.write(m_json, meta, message);
        m_json.end_line();
        return m_json.size() < block_size || flush();
    }
    /// Writes what is buffered; false when the write failed.
    bool flush();

private:
    output::GpsdJsonFormatter m_formatter;
    output::JsonWriter m_json;
};

/// Two-stage pipeline (allocate it on the heap: it is aligned and padded so that the data the two
/// threads share never sits on a cache line with the decoder's own, which lives on the stack): the caller's
/// thread adds decoded messages (copied into batches); a worker thread formats and writes them in the order
/// they were added. At most `batch_count` batches exist, so memory stays bounded and a slow output makes the
/// decoding thread wait.
///
/// A batch holds records of bytes: the Meta, the variant index and the bytes of the active alternative
/// only. A Message is sized for its largest alternative (~10x a position report) and every byte added
/// travels from one core's cache to the other's, so copying whole Messages costs more than formatting.
/// Meta and the alternatives are trivially copyable, which makes the byte copies exact.
class Pipeline {
public:
    explicit Pipeline(const output::GpsdJsonOptions& options);
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;
    /// Stops the worker (after it has written what was added) if finish() was not called.
    ~Pipeline();

    /// Messages added from now on are written with "device" `device` (which must outlive the pipeline).
    void start_input(std::string_view device);
    void add(const framing::Meta& meta, const decoding::Message& message);
    /// True once a write failed: the caller should stop adding (later messages are dropped).
    [[nodiscard]] bool failed() const noexcept { return m_failed.load(std::memory_order_relaxed); }
    /// Writes everything added and stops the worker; false when a write failed. Rethrows an exception
    /// raised on the worker thread.
    bool finish();

private:
    static constexpr std::size_t cache_line = 64;
    static constexpr std::size_t batch_bytes = std::size_t{1} << 20;
    static constexpr std::size_t batch_count = 4;
    static constexpr std::size_t record_alignment = 8;
    /// Bytes of a record before the alternative: the Meta, then the variant index.
    static constexpr std::size_t header_bytes =
        (sizeof(framing::Meta) + 1 + record_alignment - 1) / record_alignment * record_alignment;
    static constexpr std::size_t max_record_bytes = header_bytes + sizeof(decoding::Message);

    struct Batch {
        std::unique_ptr<std::byte[]> bytes{std::make_unique_for_overwrite<std::byte[]>(batch_bytes)};
        std::size_t size = 0; // bytes of records
        std::string_view device;
    };

    /// A blocking FIFO of batches; pop() returns nullptr once closed and empty. Both threads write it:
    /// the alignment keeps it off cache lines that hold other data (false sharing).
    class alignas(cache_line) Queue {
    public:
        void push(Batch* batch);
        Batch* pop();
        void close();

    private:
        std::mutex m_mutex;
        std::condition_variable m_ready;
        std::deque<Batch*> m_batches;
        bool m_closed = false;
    };

    /// Sends the current batch to the worker and takes a free one (waiting if none is free).
    void hand_over();
    void run_worker();
    /// Formats the records of `batch`; false when a write failed.
    static bool write_batch(JsonLinesOutput& out, const Batch& batch);

    output::GpsdJsonOptions m_options;
    std::vector<std::unique_ptr<Batch>> m_storage;
    Queue m_full; // decoding thread -> worker, in input order
    Queue m_free; // worker -> decoding thread
    Batch* m_current = nullptr;
    alignas(cache_line) std::atomic<bool> m_failed{false}; // read by the decoding thread for every line
    std::exception_ptr m_error;                            // written by the worker, read after join
    bool m_finished = false;
    std::thread m_worker;         // last: started after everything it uses is constructed
    char m_padding[cache_line]{}; // nothing else shares the cache line of the last members
};

} // namespace sagar::cli
