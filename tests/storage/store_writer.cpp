// Helper of the kill test (kill_test.cpp): adds writer_point(0), (1), ... to the store in DIR at a steady
// rate, as a service would, and after every batch prints "<points added> <steady clock ns>" to stdout,
// flushed, before it calls commit_if_due. The test SIGKILLs it and compares the store with the lines.
// Usage: storage_store_writer DIR POINTS_PER_SECOND

#include "writer_sequence.hpp"

#include <sagar/storage/history_store.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: storage_store_writer DIR POINTS_PER_SECOND\n");
        return 2;
    }
    auto store = sagar::storage::HistoryStore::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().c_str());
        return 1;
    }
    const long rate = std::strtol(argv[2], nullptr, 10);
    constexpr auto period = std::chrono::milliseconds{10};
    const auto per_batch = static_cast<std::uint64_t>(rate / 100);
    std::uint64_t added = 0;
    std::printf("ready\n");
    std::fflush(stdout);
    auto next = std::chrono::steady_clock::now();
    for (;;) {
        for (std::uint64_t k = 0; k < per_batch; ++k) {
            store->add_position(sagar::storage::test::writer_point(added++));
        }
        const auto now = std::chrono::steady_clock::now();
        std::printf(
            "%llu %lld\n", static_cast<unsigned long long>(added),
            static_cast<long long>(
                std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count()));
        std::fflush(stdout);
        auto committed = store->commit_if_due(now);
        if (!committed) {
            std::fprintf(stderr, "commit failed: %s\n", committed.error().c_str());
            return 1;
        }
        next += period;
        std::this_thread::sleep_until(next);
    }
}
