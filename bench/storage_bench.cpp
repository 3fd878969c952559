// sagar_storage_bench: the history store (docs/storage.md, "Measurements").
//
//   append     N positions (default 2,000,000) from V vessels (default 5,000 and 50,000), each vessel
//              reporting every 10 s of data time, added as the service would: commit_if_due() after every
//              batch of 1,000 points, so group commits of 500 ms run inside the timed loop. Points per
//              second of wall time, including the final commit; commits, their mean and maximum time.
//              Then 5,000 vessels paced at 200,000 points/s: the commit time at the target rate.
//   queries    one vessel's track over a 1 h window (limit 10,000), latest_positions over the last hour.
//   retention  apply_retention with `now` chosen so that the cutoff falls at 10 % of the data's time span,
//              repeated until complete (retention_batch rows per call): chunks deleted per second.
//
// Options: --points N --dir DIR (default: a directory under /tmp, removed at the end)

#include <sagar/storage/history_store.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;
using sagar::PositionReport;
using sagar::UtcTime;
namespace storage = sagar::storage;

constexpr std::int64_t t_base = 1'700'000'000'000;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::uintmax_t directory_bytes(const std::filesystem::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            total += entry.file_size();
        }
    }
    return total;
}

int run(const std::filesystem::path& dir, std::uint64_t points, std::uint32_t vessels, double pace = 0) {
    std::filesystem::remove_all(dir);
    storage::StoreConfig config;
    auto store = storage::HistoryStore::open(dir, config);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().c_str());
        return 1;
    }
    // Vessel v reports every 10 s: point i is vessel i % V at time (i / V) * 10 s, with a spread of v ms so
    // vessels do not report in lockstep. 10 days of data take V * 86,400 points.
    const std::int64_t span_ms = static_cast<std::int64_t>(points / vessels) * 10'000;
    PositionReport r;
    r.message_type = 1;
    r.transponder = sagar::TransponderClass::a;
    const Clock::time_point start = Clock::now();
    for (std::uint64_t i = 0; i < points; ++i) {
        const auto v = static_cast<std::uint32_t>(i % vessels);
        const auto k = static_cast<std::int64_t>(i / vessels);
        r.mmsi = 200'000'000 + v;
        r.time = UtcTime::from_unix_ms(t_base + k * 10'000 + v);
        r.lat = -60.0 + static_cast<double>(v % 1200) * 0.1 + static_cast<double>(k % 1000) * 1e-4;
        r.lon = -180.0 + static_cast<double>(v / 1200) * 0.3 + static_cast<double>(k % 700) * 1e-4;
        r.speed_knots = static_cast<float>(k % 200) / 10.0F;
        r.course_deg = static_cast<float>(k % 3600) / 10.0F;
        r.heading_deg = static_cast<float>(k % 360);
        store->add_position(r);
        if (i % 1000 == 999) {
            if (pace > 0) {
                std::this_thread::sleep_until(
                    start + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(static_cast<double>(i) / pace)));
            }
            if (auto c = store->commit_if_due(); !c) {
                std::fprintf(stderr, "%s\n", c.error().c_str());
                return 1;
            }
        }
    }
    if (auto c = store->commit(); !c) {
        std::fprintf(stderr, "%s\n", c.error().c_str());
        return 1;
    }
    const double append_s = seconds_since(start);
    const storage::StoreCounters& n = store->counters();
    std::printf(
        "append   %s%u vessels: %llu points in %.2f s = %.0f points/s; %llu chunks + %llu open-chunk "
        "upserts; %llu commits, mean %.1f ms, max %.1f ms; %.1f MB on disk (%.1f bytes/point)\n",
        pace > 0 ? "paced at 200,000/s, " : "", vessels, static_cast<unsigned long long>(points), append_s,
        static_cast<double>(points) / append_s, static_cast<unsigned long long>(n.chunks_written),
        static_cast<unsigned long long>(n.chunk_upserts), static_cast<unsigned long long>(n.commits),
        n.commits > 0 ? static_cast<double>(n.commit_us_total) / static_cast<double>(n.commits) / 1000 : 0.0,
        static_cast<double>(n.commit_us_max) / 1000, static_cast<double>(directory_bytes(dir)) / 1e6,
        static_cast<double>(directory_bytes(dir)) / static_cast<double>(points));

    auto reader = storage::HistoryReader::open(dir);
    if (!reader) {
        std::fprintf(stderr, "%s\n", reader.error().c_str());
        return 1;
    }
    const UtcTime end = UtcTime::from_unix_ms(t_base + span_ms);
    Clock::time_point q = Clock::now();
    constexpr int track_queries = 200;
    std::size_t got = 0;
    for (int i = 0; i < track_queries; ++i) {
        const std::uint32_t mmsi = 200'000'000 + static_cast<std::uint32_t>(i) * 7919U % vessels;
        const UtcTime from = UtcTime::from_unix_ms(t_base + (span_ms - 3'600'000) * i / track_queries);
        auto track = reader->track(mmsi, from, UtcTime::from_unix_ms(from.unix_ms() + 3'600'000), 10'000);
        got += track ? track->points.size() : 0;
    }
    const double track_us = seconds_since(q) * 1e6 / track_queries;
    q = Clock::now();
    auto latest = reader->latest_positions(UtcTime::from_unix_ms(end.unix_ms() - 3'600'000));
    const double latest_ms = seconds_since(q) * 1000;
    std::printf("queries  track of 1 h: %.0f us (%.0f points each); latest_positions over 1 h: %.1f ms (%zu "
                "vessels)\n",
                track_us, static_cast<double>(got) / track_queries, latest_ms, latest ? latest->size() : 0);

    // Retention: keep the last 90 % of the span (retention_days is whole days, so `now` is chosen to put
    // the cutoff at 10 % of the data).
    const std::int64_t day_ms = 86'400'000;
    const UtcTime now = UtcTime::from_unix_ms(t_base + span_ms / 10 + config.retention_days * day_ms);
    q = Clock::now();
    std::size_t deleted = 0;
    int calls = 0;
    for (;;) {
        auto info = store->apply_retention(now);
        if (!info) {
            std::fprintf(stderr, "%s\n", info.error().c_str());
            return 1;
        }
        ++calls;
        deleted += info->chunks_deleted;
        if (info->complete) {
            break;
        }
    }
    const double retention_s = seconds_since(q);
    std::printf("retain   deleted %zu chunks (10 %% of the data) in %d calls, %.3f s = %.0f chunks/s, %.0f "
                "ms per call\n",
                deleted, calls, retention_s, static_cast<double>(deleted) / retention_s,
                retention_s * 1000 / calls);
    (void)store->close();
    std::filesystem::remove_all(dir);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t points = 2'000'000;
    std::string name = "sagar_storage_bench_";
    name += std::to_string(::getpid());
    std::filesystem::path dir = std::filesystem::temp_directory_path() / name;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--points") == 0) {
            points = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (std::strcmp(argv[i], "--dir") == 0) {
            dir = argv[i + 1];
        }
    }
    for (const std::uint32_t vessels : {5'000U, 50'000U}) {
        if (const int rc = run(dir, points, vessels); rc != 0) {
            return rc;
        }
    }
    // At the target rate: how long a commit takes, i.e. what it adds to the 500 ms that kill -9 may lose.
    return run(dir, points / 2, 5'000, 200'000);
    return 0;
}
