#include "pipeline.hpp"

#include <array>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <utility>
#include <variant>

namespace sagar::cli {
namespace {

static_assert(std::is_trivially_copyable_v<framing::Meta>);
static_assert(std::is_trivially_copyable_v<decoding::Message>); // so is every alternative
static_assert(std::variant_size_v<decoding::Message> < 256);    // the index is stored in a byte

constexpr std::size_t round_up(std::size_t n, std::size_t alignment) noexcept {
    return (n + alignment - 1) / alignment * alignment;
}

/// Makes alternative I the value of `message`, from the bytes `add` stored, and gives their size.
using Loader = std::size_t (*)(decoding::Message& message, const std::byte* bytes);

template <std::size_t I>
std::size_t load(decoding::Message& message, const std::byte* bytes) {
    auto& alternative = message.emplace<I>();
    std::memcpy(&alternative, bytes, sizeof alternative);
    return sizeof alternative;
}

template <std::size_t... I>
constexpr std::array<Loader, sizeof...(I)> make_loaders(std::index_sequence<I...> /*indices*/) {
    return {&load<I>...};
}

constexpr auto loaders = make_loaders(std::make_index_sequence<std::variant_size_v<decoding::Message>>{});

} // namespace

bool JsonLinesOutput::flush() {
    const std::string_view text = m_json.view();
    const bool ok = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
    m_json.clear();
    return ok;
}

void Pipeline::Queue::push(Batch* batch) {
    {
        const std::lock_guard lock{m_mutex};
        m_batches.push_back(batch);
    }
    m_ready.notify_one();
}

Pipeline::Batch* Pipeline::Queue::pop() {
    std::unique_lock lock{m_mutex};
    m_ready.wait(lock, [this] { return !m_batches.empty() || m_closed; });
    if (m_batches.empty()) {
        return nullptr;
    }
    Batch* batch = m_batches.front();
    m_batches.pop_front();
    return batch;
}

void Pipeline::Queue::close() {
    {
        const std::lock_guard lock{m_mutex};
        m_closed = true;
    }
    m_ready.notify_all();
}

Pipeline::Pipeline(const output::GpsdJsonOptions& options)
    : m_options{options} {
    for (std::size_t i = 0; i < batch_count; ++i) {
        auto batch = std::make_unique<Batch>();
        if (i == 0) {
            m_current = batch.get();
        } else {
            m_free.push(batch.get());
        }
        m_storage.push_back(std::move(batch));
    }
    m_worker = std::thread{[this] { run_worker(); }};
}

Pipeline::~Pipeline() {
    if (!m_finished) {
        m_full.close();
        m_worker.join();
    }
}

void Pipeline::add(const framing::Meta& meta, const decoding::Message& message) {
    // Invariant: the current batch has room for a record of max_record_bytes.
    std::byte* record = m_current->bytes.get() + m_current->size;
    std::memcpy(record, &meta, sizeof meta);
    record[sizeof meta] = static_cast<std::byte>(message.index());
    const std::size_t size = std::visit(
        [record](const auto& alternative) {
            std::memcpy(record + header_bytes, &alternative, sizeof alternative);
            return sizeof alternative;
        },
        message);
    m_current->size += header_bytes + round_up(size, record_alignment);
    if (batch_bytes - m_current->size < max_record_bytes) [[unlikely]] {
        hand_over();
    }
}

void Pipeline::start_input(std::string_view device) {
    if (m_current->size != 0) {
        hand_over(); // a batch holds the messages of one input: it has one "device"
    }
    m_current->device = device;
}

void Pipeline::hand_over() {
    const std::string_view device = m_current->device;
    m_full.push(m_current);
    m_current = m_free.pop(); // never nullptr: m_free is never closed
    m_current->size = 0;
    m_current->device = device;
}

bool Pipeline::finish() {
    if (!m_finished) {
        m_finished = true;
        if (m_current->size != 0) {
            m_full.push(m_current);
        }
        m_current = nullptr;
        m_full.close();
        m_worker.join();
    }
    if (m_error) {
        std::rethrow_exception(std::exchange(m_error, nullptr));
    }
    return !failed();
}

bool Pipeline::write_batch(JsonLinesOutput& out, const Batch& batch) {
    out.start_input(batch.device);
    framing::Meta meta;
    decoding::Message message;
    const std::byte* record = batch.bytes.get();
    const std::byte* const end = record + batch.size;
    while (record != end) {
        std::memcpy(&meta, record, sizeof meta);
        const auto index = static_cast<std::size_t>(record[sizeof meta]);
        const std::size_t size = loaders[index](message, record + header_bytes);
        record += header_bytes + round_up(size, record_alignment);
        if (!out.add(meta, message)) {
            return false;
        }
    }
    return true;
}

void Pipeline::run_worker() {
    JsonLinesOutput out{m_options};
    // Every batch goes back to m_free, even after a failure, so the decoding thread never waits forever.
    while (Batch* batch = m_full.pop()) {
        if (!failed()) {
            try {
                if (!write_batch(out, *batch)) {
                    m_failed.store(true, std::memory_order_relaxed);
                }
            } catch (...) {
                m_error = std::current_exception();
                m_failed.store(true, std::memory_order_relaxed);
            }
        }
        m_free.push(batch);
    }
    if (!failed() && !out.flush()) {
        m_failed.store(true, std::memory_order_relaxed);
    }
}

} // namespace sagar::cli
