// sagar_detect_bench: the detection engine on the simulator's largest scenario (docs/performance.md,
// "Detection engine").
//
//   scenario  `sagar simulate --seed --vessels --hours --interval-s` (default 1, 100,000, 12 h, 300 s) into
//             <cache>/detect-s..-v..-h..-i../ (default <build>/bench-data), generated on first use or with
//             --regenerate (its wall time, CPU time and peak RSS are kept there in generation.txt) and
//             reused afterwards;
//   count     the feed decoded in this process (sentences, messages, reports, vessels), timed: the share of
//             decoding in the detection pipeline;
//   cli       `sagar detect --zones --ports --detections --stats FEED > /dev/null`, every detector on, land
//             data on: wall time, CPU time, threads and peak RSS of the process, best of --runs; then
//             `gpsdecode -j < FEED > /dev/null` on the same file, best of --gpsdecode-runs;
//   memory    the same engine in this process, fed the same reports: live heap bytes (counted by the
//             replaced global operator new below) sampled after the last report and before finish(), per
//             vessel. Twice: with the default 600 s reorder window and with none (the simulated feed is in
//             time order, so nothing is dropped); the difference is the reorder buffer, which holds reports,
//             not vessel state. --diagnose adds the same two runs with the encounter detector idle (no
//             report is slow enough to be a candidate), to show what the rest of the engine costs.
//
// A `sagar detect` run or an in-process run still going after --time-limit seconds is stopped and reported
// as such (a lower bound on its time; the state at that point), so that the benchmark always ends.
//
// Options: --cache DIR --seed N --vessels V --hours H --interval-s S --runs R --gpsdecode-runs R
//          --sagar PATH --gpsdecode PATH --land PATH --no-cli --no-gpsdecode --no-memory --diagnose
//          --time-limit S (default 300) --regenerate --enforce

#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/detectors/engine.hpp>
#include <sagar/feeds/from_ais.hpp>
#include <sagar/framing/line_reader.hpp>
#include <sagar/geo/land_map.hpp>
#include <sagar/reference/detections.hpp>
#include <sagar/reference/ports.hpp>
#include <sagar/reference/zones.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <malloc.h>
#include <new>
#include <optional>
#include <spawn.h>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_set>
#include <vector>

// Live heap accounting: every block from operator new counts with its usable size until it is deleted.
// The benchmark is single-threaded (children are separate processes), so plain counters do.
namespace {
std::size_t g_live_bytes = 0;
std::size_t g_live_blocks = 0;

void* counted_new(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr) {
        throw std::bad_alloc{};
    }
    g_live_bytes += malloc_usable_size(p);
    ++g_live_blocks;
    return p;
}

void counted_delete(void* p) noexcept {
    if (p != nullptr) {
        g_live_bytes -= malloc_usable_size(p);
        --g_live_blocks;
        std::free(p);
    }
}
} // namespace

void* operator new(std::size_t size) {
    return counted_new(size);
}
void* operator new[](std::size_t size) {
    return counted_new(size);
}
void operator delete(void* p) noexcept {
    counted_delete(p);
}
void operator delete[](void* p) noexcept {
    counted_delete(p);
}
void operator delete(void* p, std::size_t /*size*/) noexcept {
    counted_delete(p);
}
void operator delete[](void* p, std::size_t /*size*/) noexcept {
    counted_delete(p);
}

namespace {

using namespace sagar;
using Clock = std::chrono::steady_clock;

constexpr double rate_target = 1.0e6;   // decoded messages per second, one core
constexpr double bytes_target = 1024.0; // live state per vessel beyond its track

struct Options {
    std::string cache;
    std::uint64_t seed = 1;
    std::uint32_t vessels = 100'000;
    double hours = 12;
    double interval_s = 300;
    int runs = 3;
    int gpsdecode_runs = 2;
    std::string sagar;
    std::string gpsdecode = "/usr/bin/gpsdecode";
    std::string land;
    bool cli = true;
    bool gpsd = true;
    bool memory = true;
    bool diagnose = false;
    bool enforce = false;
    double time_limit_s = 300; ///< for each sagar detect run and each in-process run
    bool regenerate = false;
};

std::filesystem::path self_dir() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : self.parent_path();
}

/// One child process: wall time from spawn to exit, its CPU time and peak RSS, the most threads seen.
struct ProcessRun {
    bool ok = false;
    bool timed_out = false; ///< killed at the time limit: the times are lower bounds
    double progress = -1;   ///< when killed: the share of the watched file it had read, if known
    double wall_s = 0;
    double user_s = 0;
    double sys_s = 0;
    long max_rss_kib = 0;
    int max_threads = 0;
};

int threads_of(pid_t pid) {
    std::ifstream status{"/proc/" + std::to_string(pid) + "/status"};
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Threads:", 0) == 0) {
            return std::atoi(line.c_str() + 8);
        }
    }
    return 0;
}

/// Where process `pid` is in `path` (its file offset over the size), or -1 when it does not have it open.
double progress_in(pid_t pid, const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    const std::filesystem::path fds = "/proc/" + std::to_string(pid) + "/fd";
    if (ec || size == 0) {
        return -1;
    }
    for (const auto& fd : std::filesystem::directory_iterator{fds, ec}) {
        std::error_code link_ec;
        if (std::filesystem::equivalent(std::filesystem::read_symlink(fd.path(), link_ec), path, link_ec)) {
            std::ifstream info{"/proc/" + std::to_string(pid) + "/fdinfo/" + fd.path().filename().string()};
            std::string key;
            std::uint64_t pos = 0;
            while (info >> key) {
                if (key == "pos:" && info >> pos) {
                    return static_cast<double>(pos) / static_cast<double>(size);
                }
            }
        }
    }
    return -1;
}

double seconds_of(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

/// Runs `args` with the given files as standard input, output and error (empty: inherited), killing it
/// after `limit_s` seconds (0: no limit); then `watched` tells how far it had got.
ProcessRun run_process(const std::vector<std::string>& args, const std::string& in, const std::string& out,
                       const std::string& err, double limit_s = 0, const std::string& watched = {}) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!in.empty()) {
        posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
    }
    if (!out.empty()) {
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    }
    if (!err.empty()) {
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    }
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (const auto& a : args) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    ProcessRun run;
    const auto start = Clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        std::fprintf(stderr, "cannot run %s: %s\n", argv[0], std::strerror(rc));
        return run;
    }
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid) {
            break;
        }
        if (done < 0) {
            std::fprintf(stderr, "waiting for %s: %s\n", argv[0], std::strerror(errno));
            return run;
        }
        run.max_threads = std::max(run.max_threads, threads_of(pid));
        if (limit_s > 0 && std::chrono::duration<double>(Clock::now() - start).count() > limit_s &&
            !run.timed_out) {
            run.progress = watched.empty() ? -1 : progress_in(pid, watched);
            kill(pid, SIGKILL);
            run.timed_out = true;
        }
        usleep(5'000);
    }
    run.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
    run.user_s = seconds_of(usage.ru_utime);
    run.sys_s = seconds_of(usage.ru_stime);
    run.max_rss_kib = usage.ru_maxrss;
    if (run.timed_out) {
        std::fprintf(stderr, "%s stopped at the time limit of %.0f s, %.1f%% through its input\n", argv[0],
                     limit_s, run.progress * 100);
        return run;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s failed (status %d)\n", argv[0], status);
        return run;
    }
    run.ok = true;
    return run;
}

/// The fastest of `runs` runs (its CPU time and RSS with it); the largest RSS and thread count of all.
ProcessRun best_of(int runs, const std::vector<std::string>& args, const std::string& in,
                   const std::string& err, double limit_s = 0, const std::string& watched = {}) {
    ProcessRun best;
    long max_rss = 0;
    int max_threads = 0;
    for (int i = 0; i < runs; ++i) {
        const ProcessRun r = run_process(args, in, "/dev/null", err, limit_s, watched);
        std::printf("    run %d: %.3f s wall, %.3f s user, %.3f s sys, %ld MiB peak RSS%s\n", i + 1, r.wall_s,
                    r.user_s, r.sys_s, r.max_rss_kib / 1024,
                    r.timed_out ? " (stopped at the time limit)" : "");
        std::fflush(stdout);
        if (!r.ok) {
            return r;
        }
        max_rss = std::max(max_rss, r.max_rss_kib);
        max_threads = std::max(max_threads, r.max_threads);
        if (!best.ok || r.wall_s < best.wall_s) {
            best = r;
        }
    }
    best.max_rss_kib = max_rss;
    best.max_threads = max_threads;
    return best;
}

// --- the scenario

struct Scenario {
    std::filesystem::path dir;
    double generation_s = -1;
    double generation_cpu_s = -1;
    long generation_rss_kib = -1;
    std::uintmax_t feed_bytes = 0;
    [[nodiscard]] std::string file(const char* name) const { return (dir / name).string(); }
};

std::optional<Scenario> prepare_scenario(const Options& o) {
    std::ostringstream name;
    name << "detect-s" << o.seed << "-v" << o.vessels << "-h" << o.hours << "-i" << o.interval_s;
    Scenario s;
    s.dir = std::filesystem::path{o.cache} / name.str();
    const auto generation = s.dir / "generation.txt";
    if (o.regenerate || !std::filesystem::exists(generation)) {
        std::error_code ec;
        std::filesystem::create_directories(s.dir, ec);
        std::printf("generating the scenario in %s ...\n", s.dir.c_str());
        std::fflush(stdout);
        const ProcessRun r =
            run_process({o.sagar, "simulate", "--seed", std::to_string(o.seed), "--vessels",
                         std::to_string(o.vessels), "--hours", std::to_string(o.hours), "--interval-s",
                         std::to_string(o.interval_s), "--out", s.dir.string()},
                        "", "", s.file("simulate.log"));
        if (!r.ok) {
            return std::nullopt;
        }
        std::ofstream out{generation};
        out << "seconds " << r.wall_s << "\nuser_seconds " << r.user_s + r.sys_s << "\nmax_rss_kib "
            << r.max_rss_kib << "\n";
    }
    std::ifstream in{generation};
    std::string key;
    while (in >> key) {
        if (key == "seconds") {
            in >> s.generation_s;
        } else if (key == "user_seconds") {
            in >> s.generation_cpu_s;
        } else if (key == "max_rss_kib") {
            in >> s.generation_rss_kib;
        }
    }
    std::error_code ec;
    s.feed_bytes = std::filesystem::file_size(s.dir / "feed.nmea", ec);
    if (ec) {
        std::fprintf(stderr, "no feed.nmea in %s\n", s.dir.c_str());
        return std::nullopt;
    }
    return s;
}

// --- the feed decoded in this process

struct FeedCounts {
    std::uint64_t lines = 0;
    std::uint64_t sentences = 0;
    std::uint64_t messages = 0;
    std::uint64_t positions = 0;
    std::uint64_t identities = 0;
    std::uint64_t vessels = 0; ///< distinct MMSIs with a position
    double decode_s = 0;       ///< decoding and conversion to reports only
};

/// Reads the feed as `sagar detect` does. open() reads the first line, so that the reader's buffer exists
/// before anything is measured.
class FeedReader {
public:
    bool open(const std::string& path) {
        std::string error;
        m_source = framing::open_input(path, error);
        if (!m_source) {
            std::fprintf(stderr, "cannot read %s\n", error.c_str());
            return false;
        }
        m_reader = std::make_unique<framing::LineReader>(*m_source, framing::default_max_line);
        m_first = m_reader->next();
        return true;
    }

    /// Passes each report of the feed to `position` or `identity`; stops early (cut() is then true) once
    /// `deadline` has passed.
    template <typename OnPosition, typename OnIdentity>
    bool run(OnPosition&& position, OnIdentity&& identity,
             Clock::time_point deadline = Clock::time_point::max()) {
        const UtcTime fallback = UtcTime::from_unix_seconds(0); // the simulated feed has tag-block times
        const auto on_message = [&](const framing::Meta& meta, const decoding::Message& message) {
            const feeds::AisReports reports = feeds::from_ais(message, meta, fallback);
            if (reports.identity) {
                identity(*reports.identity);
            }
            if (reports.position) {
                position(*reports.position);
            }
        };
        std::uint64_t lines = 0;
        for (auto line = m_first; line; line = m_reader->next()) {
            if ((++lines & 0xFFFU) == 0 && Clock::now() > deadline) {
                m_cut = true;
                return true;
            }
            if (line->too_long) {
                m_decoder.skipped_long_line();
                continue;
            }
            m_decoder.feed_line(line->text, on_message);
        }
        m_decoder.finish();
        return !m_reader->failed();
    }

    [[nodiscard]] decoding::StreamStats stats() const { return m_decoder.stats(); }
    [[nodiscard]] bool cut() const noexcept { return m_cut; }

private:
    std::unique_ptr<framing::ByteSource> m_source;
    std::unique_ptr<framing::LineReader> m_reader;
    decoding::StreamDecoder m_decoder;
    std::optional<framing::LineReader::Line> m_first;
    bool m_cut = false;
};

std::optional<FeedCounts> count_feed(const std::string& path) {
    FeedCounts c;
    std::unordered_set<std::uint32_t> mmsis;
    mmsis.reserve(1U << 18U);
    // Timed without the set, which `sagar detect` does not have.
    for (int pass = 0; pass < 2; ++pass) {
        FeedReader feed;
        if (!feed.open(path)) {
            return std::nullopt;
        }
        std::uint64_t positions = 0;
        std::uint64_t identities = 0;
        const auto start = Clock::now();
        const auto on_identity = [&](const IdentityReport&) { ++identities; };
        const bool ok = pass == 0 ? feed.run(
                                        [&](const PositionReport& r) {
                                            ++positions;
                                            mmsis.insert(r.mmsi);
                                        },
                                        on_identity)
                                  : feed.run([&](const PositionReport&) { ++positions; }, on_identity);
        if (!ok) {
            return std::nullopt;
        }
        if (pass == 1) {
            c.decode_s = std::chrono::duration<double>(Clock::now() - start).count();
        }
        const decoding::StreamStats s = feed.stats();
        c.lines = s.lines;
        c.sentences = s.sentences;
        c.messages = s.messages;
        c.positions = positions;
        c.identities = identities;
    }
    c.vessels = mmsis.size();
    return c;
}

// --- live state of the engine

struct HeapSample {
    std::size_t bytes = 0;  ///< usable bytes of live operator new blocks
    std::size_t blocks = 0; ///< live operator new blocks
    std::size_t arena = 0;  ///< mallinfo2: bytes in use, malloc's chunk headers included
};

HeapSample heap_now() {
    const struct mallinfo2 m = mallinfo2();
    return {g_live_bytes, g_live_blocks, m.uordblks + m.hblkhd};
}

/// One way of running the engine in this process.
struct Variant {
    const char* label;
    double reorder_window_s;
    bool encounters; ///< false: encounter_max_knots 0, so no report is an encounter candidate (diagnosis)
};

struct EngineRun {
    HeapSample live; ///< at the end of the input, before finish(), minus before the engine existed
    double seconds = 0;
    bool cut = false;           ///< stopped at the time limit: live state and rate are for the part read
    std::uint64_t messages = 0; ///< decoded, up to the end or the cut
    std::uint64_t events = 0;   ///< written (after finish() unless cut)
    std::uint64_t held = 0;     ///< events held back for ordering when the heap was sampled
    detectors::EngineStats stats;
    tracks::TrackerStats tracker;
};

struct World {
    std::optional<geo::LandMap> land;
    std::optional<reference::ZoneIndex> zones;
    std::optional<reference::PortIndex> ports;
    std::vector<reference::Detection> detections;

    [[nodiscard]] detectors::Surroundings surroundings() const {
        detectors::Surroundings s;
        s.land = land ? &*land : nullptr;
        s.zones = zones ? &*zones : nullptr;
        s.ports = ports ? &*ports : nullptr;
        s.detections = detections;
        return s;
    }
};

std::optional<World> load_world(const Scenario& s, const std::string& land_path) {
    World w;
    auto land = geo::LandMap::load(land_path.empty() ? geo::LandMap::default_path()
                                                     : std::filesystem::path{land_path});
    auto zones = reference::ZoneIndex::load_geojson(s.file("zones.geojson"));
    auto ports = reference::PortIndex::load_csv(s.file("ports.csv"));
    auto detections = reference::load_detections_csv(s.file("detections.csv"));
    std::string error;
    if (!land) {
        error = land.error();
    } else if (!zones) {
        error = zones.error();
    } else if (!ports) {
        error = ports.error();
    } else if (!detections) {
        error = detections.error();
    }
    if (!error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return std::nullopt;
    }
    w.land.emplace(std::move(*land));
    w.zones.emplace(std::move(*zones));
    w.ports.emplace(std::move(*ports));
    w.detections = std::move(*detections);
    return w;
}

std::optional<EngineRun> run_engine(const std::string& feed, const World& world, const Variant& variant,
                                    double limit_s) {
    detectors::DetectConfig config;
    config.tracks.reorder_window_s = variant.reorder_window_s;
    if (!variant.encounters) {
        config.encounter_max_knots = 0;
    }
    EngineRun run;
    std::uint64_t written = 0;
    auto sink = [&written](const detectors::Event&) { ++written; };
    const detectors::Surroundings surroundings = world.surroundings();
    FeedReader reader;
    if (!reader.open(feed)) {
        return std::nullopt;
    }
    std::optional<detectors::Engine> engine;
    const HeapSample before = heap_now();
    const auto start = Clock::now();
    const auto deadline =
        limit_s > 0
            ? start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit_s))
            : Clock::time_point::max();
    engine.emplace(config, surroundings, sink);
    if (!reader.run([&](const PositionReport& r) { engine->add(r); },
                    [&](const IdentityReport& r) { engine->add(r); }, deadline)) {
        return std::nullopt;
    }
    const HeapSample at_end = heap_now();
    const std::uint64_t written_at_end = written;
    run.stats = engine->stats();
    run.cut = reader.cut();
    if (!run.cut) {
        engine->finish();
    }
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    // The reader existed before `before`; the decoder holds at most a few unfinished multi-sentence groups.
    run.live = {at_end.bytes - before.bytes, at_end.blocks - before.blocks, at_end.arena - before.arena};
    std::uint64_t emitted = 0;
    for (const std::uint64_t n : run.stats.events) {
        emitted += n;
    }
    run.held = emitted - written_at_end;
    run.events = written;
    run.messages = reader.stats().messages;
    run.tracker = engine->track_stats();
    return run;
}

// --- output

struct CliStats {
    std::uint64_t messages = 0;
    std::uint64_t reports = 0;
    std::uint64_t events = 0;
};

CliStats read_cli_stats(const std::string& path) {
    CliStats s;
    std::ifstream in{path};
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields{line};
        std::string key;
        fields >> key;
        if (key == "nmea_messages") {
            fields >> s.messages;
        } else if (key == "reports") {
            fields >> s.reports;
        } else if (key == "events") {
            std::string type;
            std::uint64_t n = 0;
            fields >> type >> n;
            s.events += n;
        }
    }
    return s;
}

bool parse_args(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--cache") {
            o.cache = value();
        } else if (a == "--seed") {
            o.seed = std::stoull(value());
        } else if (a == "--vessels") {
            o.vessels = static_cast<std::uint32_t>(std::stoul(value()));
        } else if (a == "--hours") {
            o.hours = std::stod(value());
        } else if (a == "--interval-s") {
            o.interval_s = std::stod(value());
        } else if (a == "--runs") {
            o.runs = std::max(1, std::stoi(value()));
        } else if (a == "--gpsdecode-runs") {
            o.gpsdecode_runs = std::max(1, std::stoi(value()));
        } else if (a == "--sagar") {
            o.sagar = value();
        } else if (a == "--gpsdecode") {
            o.gpsdecode = value();
        } else if (a == "--land") {
            o.land = value();
        } else if (a == "--no-cli") {
            o.cli = false;
        } else if (a == "--no-gpsdecode") {
            o.gpsd = false;
        } else if (a == "--no-memory") {
            o.memory = false;
        } else if (a == "--regenerate") {
            o.regenerate = true;
        } else if (a == "--diagnose") {
            o.diagnose = true;
        } else if (a == "--time-limit") {
            o.time_limit_s = std::stod(value());
        } else if (a == "--enforce") {
            o.enforce = true;
        } else {
            std::fprintf(stderr,
                         "usage: sagar_detect_bench [--cache DIR] [--seed N] [--vessels V] [--hours H]\n"
                         "                          [--interval-s S] [--runs R] [--gpsdecode-runs R]\n"
                         "                          [--sagar PATH] [--gpsdecode PATH] [--land PATH]\n"
                         "                          [--no-cli] [--no-gpsdecode] [--no-memory] [--diagnose]\n"
                         "                          [--time-limit S] [--regenerate] [--enforce]\n");
            return false;
        }
    }
    return true;
}

double per_second(std::uint64_t n, double seconds) {
    return static_cast<double>(n) / seconds;
}

/// A rate for people: "1.23 M" at 100,000 a second or more, "4.1 k" below.
std::string rate_text(double per_s) {
    std::array<char, 32> text{};
    const int n = per_s >= 1e5 ? std::snprintf(text.data(), text.size(), "%.2f M", per_s / 1e6)
                               : std::snprintf(text.data(), text.size(), "%.1f k", per_s / 1e3);
    return {text.data(), static_cast<std::size_t>(std::max(0, n))};
}

double per_vessel(std::size_t bytes, std::uint64_t vessels) {
    return vessels == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(vessels);
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    o.sagar = (self_dir() / "sagar").string();
    o.cache = (self_dir().parent_path() / "bench-data").string();
    if (!parse_args(argc, argv, o)) {
        return 2;
    }

    const auto scenario = prepare_scenario(o);
    if (!scenario) {
        return 1;
    }
    const std::string feed = scenario->file("feed.nmea");
    std::printf(
        "scenario: sagar simulate --seed %llu --vessels %u --hours %g --interval-s %g\n  %s, %.1f MB\n",
        static_cast<unsigned long long>(o.seed), o.vessels, o.hours, o.interval_s, feed.c_str(),
        static_cast<double>(scenario->feed_bytes) / 1e6);
    std::printf("  generated in %.1f s (%.1f s CPU), peak RSS %.0f MiB (generation.txt)\n",
                scenario->generation_s, scenario->generation_cpu_s,
                static_cast<double>(scenario->generation_rss_kib) / 1024.0);

    const auto counts = count_feed(feed);
    if (!counts) {
        return 1;
    }
    std::printf(
        "feed: %llu lines, %llu sentences, %llu messages -> %llu position reports, %llu identity "
        "reports, %llu vessels\n",
        static_cast<unsigned long long>(counts->lines), static_cast<unsigned long long>(counts->sentences),
        static_cast<unsigned long long>(counts->messages), static_cast<unsigned long long>(counts->positions),
        static_cast<unsigned long long>(counts->identities),
        static_cast<unsigned long long>(counts->vessels));
    std::printf("  decoding and conversion to reports alone, in this process: %.3f s, %.2f M messages/s\n",
                counts->decode_s, per_second(counts->messages, counts->decode_s) / 1e6);
    std::fflush(stdout);

    bool ok = true;
    ProcessRun detect;
    ProcessRun gpsd;
    if (o.cli) {
        const std::string land = o.land.empty() ? geo::LandMap::default_path().string() : o.land;
        const std::string stats_path = scenario->file("detect-stats.txt");
        std::printf("\nsagar detect (land, zones, ports, detections; events to /dev/null), best of %d:\n",
                    o.runs);
        std::fflush(stdout);
        detect = best_of(o.runs,
                         {o.sagar, "detect", "--land", land, "--zones", scenario->file("zones.geojson"),
                          "--ports", scenario->file("ports.csv"), "--detections",
                          scenario->file("detections.csv"), "--stats", feed},
                         "", stats_path, o.time_limit_s, feed);
        ok = ok && detect.ok;
        if (detect.ok) {
            const CliStats cli_stats = read_cli_stats(stats_path);
            std::printf("  %llu messages, %llu position reports, %llu events; %d thread(s) seen\n",
                        static_cast<unsigned long long>(cli_stats.messages),
                        static_cast<unsigned long long>(cli_stats.reports),
                        static_cast<unsigned long long>(cli_stats.events), detect.max_threads);
        }
        if (o.gpsd && access(o.gpsdecode.c_str(), X_OK) == 0) {
            std::printf("gpsdecode -j < feed.nmea, best of %d:\n", o.gpsdecode_runs);
            std::fflush(stdout);
            gpsd = best_of(o.gpsdecode_runs, {o.gpsdecode, "-j"}, feed, "");
        } else if (o.gpsd) {
            std::printf("gpsdecode not found at %s: comparison skipped\n", o.gpsdecode.c_str());
        }
    }

    std::vector<std::pair<Variant, EngineRun>> engine_runs;
    if (o.memory) {
        const HeapSample empty = heap_now();
        const auto world = load_world(*scenario, o.land);
        if (!world) {
            return 1;
        }
        const HeapSample loaded = heap_now();
        std::printf("\nin-process engine (land, zones, ports, %zu detections: %.1f MiB of heap), time limit "
                    "%.0f s each:\n",
                    world->detections.size(), static_cast<double>(loaded.arena - empty.arena) / 1048576.0,
                    o.time_limit_s);
        std::vector<Variant> variants{{"reorder window 600 s", 600, true}, {"no reorder buffer", 0, true}};
        if (o.diagnose) {
            variants.push_back({"reorder window 600 s, encounters idle", 600, false});
            variants.push_back({"no reorder buffer, encounters idle", 0, false});
        }
        for (const Variant& variant : variants) {
            auto run = run_engine(feed, *world, variant, o.time_limit_s);
            if (!run) {
                return 1;
            }
            std::printf(
                "  %s: %.3f s, %s messages/s%s, %llu events, %llu held at the end;\n"
                "    live heap %zu bytes in %zu blocks (malloc: %zu), %.0f bytes per vessel; %llu "
                "segments, %llu encounter pairs (%llu dropped), %llu late\n",
                variant.label, run->seconds, rate_text(per_second(run->messages, run->seconds)).c_str(),
                run->cut ? " (stopped at the time limit)" : "", static_cast<unsigned long long>(run->events),
                static_cast<unsigned long long>(run->held), run->live.bytes, run->live.blocks,
                run->live.arena, per_vessel(run->live.bytes, counts->vessels),
                static_cast<unsigned long long>(run->stats.segments_tracked),
                static_cast<unsigned long long>(run->stats.pairs_tracked),
                static_cast<unsigned long long>(run->stats.pairs_dropped),
                static_cast<unsigned long long>(run->tracker.late));
            std::fflush(stdout);
            engine_runs.emplace_back(variant, *run);
        }
    }

    // Summary, as a Markdown table for docs/performance.md.
    std::printf("\n| measurement (%u vessels, %g h, %llu sentences, %llu messages) | result | target | "
                "status |\n|---|---|---|---|\n",
                o.vessels, o.hours, static_cast<unsigned long long>(counts->sentences),
                static_cast<unsigned long long>(counts->messages));
    if (detect.ok) {
        const double rate = per_second(counts->messages, detect.wall_s);
        const bool met = rate >= rate_target;
        ok = ok && met;
        std::printf("| `sagar detect` (every detector, land on), 1 thread | %.3f s: %s messages/s "
                    "(%s sentences/s) | >= 1 M messages/s | %s |\n",
                    detect.wall_s, rate_text(rate).c_str(),
                    rate_text(per_second(counts->sentences, detect.wall_s)).c_str(), met ? "met" : "MISSED");
    } else if (detect.timed_out) {
        std::printf(
            "| `sagar detect` (every detector, land on), 1 thread | stopped after %.0f s, %.1f%% through "
            "the feed: about %s messages/s | >= 1 M messages/s | MISSED |\n",
            detect.wall_s, detect.progress * 100,
            rate_text(detect.progress * static_cast<double>(counts->messages) / detect.wall_s).c_str());
    }
    if (detect.ok || detect.timed_out) {
        const double share = detect.ok ? 1.0 : detect.progress;
        std::printf(
            "| its CPU time (user + sys), threads | %.3f s + %.3f s (%s messages/s of CPU time), %d "
            "thread(s) | | |\n",
            detect.user_s, detect.sys_s,
            rate_text(share * static_cast<double>(counts->messages) / (detect.user_s + detect.sys_s)).c_str(),
            detect.max_threads);
        std::printf("| its peak RSS (58.6 MB land grid included) | %.0f MiB | | |\n",
                    static_cast<double>(detect.max_rss_kib) / 1024.0);
    }
    if (gpsd.ok) {
        std::printf("| `gpsdecode -j < FILE > /dev/null` | %.3f s: %s messages/s | | |\n", gpsd.wall_s,
                    rate_text(per_second(counts->messages, gpsd.wall_s)).c_str());
        if (detect.ok) {
            std::printf("| `sagar detect` against `gpsdecode -j` (wall time ratio) | %.2fx | | |\n",
                        gpsd.wall_s / detect.wall_s);
        } else if (detect.timed_out && detect.progress > 0) {
            std::printf("| `sagar detect` against `gpsdecode -j` (wall time ratio) | about %.3fx | | |\n",
                        gpsd.wall_s * detect.progress / detect.wall_s);
        }
    }
    const auto find_run = [&](double window, bool encounters) -> const EngineRun* {
        for (const auto& [variant, run] : engine_runs) {
            if (variant.reorder_window_s == window && variant.encounters == encounters) {
                return &run;
            }
        }
        return nullptr;
    };
    const EngineRun* windowed = find_run(600, true);
    const EngineRun* unbuffered = find_run(0, true);
    const EngineRun* idle_windowed = find_run(600, false);
    const EngineRun* idle = find_run(0, false);
    const char* cut_note = " (at the time limit)";
    if (unbuffered != nullptr) {
        const double bytes = per_vessel(unbuffered->live.bytes, counts->vessels);
        const bool met = bytes <= bytes_target && !unbuffered->cut;
        ok = ok && met;
        std::printf("| live engine state per vessel, reorder buffer excluded (%llu vessels)%s | %.0f bytes "
                    "(%.0f with malloc's headers) | <= 1024 bytes | %s |\n",
                    static_cast<unsigned long long>(counts->vessels), unbuffered->cut ? cut_note : "", bytes,
                    per_vessel(unbuffered->live.arena, counts->vessels), met ? "met" : "MISSED");
        std::printf("| encounter pairs held at the end%s | %llu (%llu new pairs dropped at the cap) | | |\n",
                    unbuffered->cut ? cut_note : "",
                    static_cast<unsigned long long>(unbuffered->stats.pairs_tracked),
                    static_cast<unsigned long long>(unbuffered->stats.pairs_dropped));
    }
    // The reorder buffer: the same engine with and without it, both to the end of the input.
    const auto buffer_bytes = [](const EngineRun* with, const EngineRun* without) -> std::optional<double> {
        if (with == nullptr || without == nullptr || with->cut || without->cut) {
            return std::nullopt;
        }
        return static_cast<double>(with->live.bytes) - static_cast<double>(without->live.bytes);
    };
    if (const auto buffer = buffer_bytes(windowed, unbuffered)) {
        std::printf("| reorder buffer (600 s of reports), not per-vessel state | %.1f MiB | | |\n",
                    *buffer / 1048576.0);
    } else if (const auto idle_buffer = buffer_bytes(idle_windowed, idle)) {
        std::printf(
            "| reorder buffer (600 s of reports), not per-vessel state (encounters idle) | %.1f MiB | | "
            "|\n",
            *idle_buffer / 1048576.0);
    }
    if (idle != nullptr) {
        std::printf("| diagnosis, encounter detector idle: in-process rate%s | %s messages/s | | |\n",
                    idle->cut ? cut_note : "", rate_text(per_second(idle->messages, idle->seconds)).c_str());
        std::printf("| diagnosis, encounter detector idle: live state per vessel | %.0f bytes | | |\n",
                    per_vessel(idle->live.bytes, counts->vessels));
    }
    return o.enforce && !ok ? 1 : 0;
}
