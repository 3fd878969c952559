// kill -9 for real: store_writer adds positions at a steady rate and reports what it has added; the test
// SIGKILLs it, reopens the store and checks that
//   - the stored points are exactly writer_point(0 .. N-1) for one N (a commit is all or nothing, and
//     commits happen between batches), with no torn chunk;
//   - N covers everything added at least `bound` before the kill.
// The store promises commit_interval (500 ms) + the writer's poll (10 ms) + the commit's duration; the
// test allows 1 s plus a scheduling margin of 0.5 s for a loaded 2-core machine under AddressSanitizer.

#include "scratch_dir.hpp"
#include "writer_sequence.hpp"

#include <sagar/storage/history_store.hpp>

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <optional>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace sagar::storage {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto promised_loss = 1000ms;
constexpr auto scheduling_margin = 500ms;
constexpr long writer_rate = 5000; // points per second, 50 vessels: a chunk of 32 fills every 0.32 s

struct Line {
    std::uint64_t added = 0;
    Clock::time_point at;
};

class Writer {
public:
    explicit Writer(const std::filesystem::path& dir) {
        int fds[2];
        if (::pipe(fds) != 0) {
            throw std::runtime_error("pipe");
        }
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            const std::string rate = std::to_string(writer_rate);
            ::execl(SAGAR_STORE_WRITER, SAGAR_STORE_WRITER, dir.c_str(), rate.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        m_out = ::fdopen(fds[0], "r");
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    ~Writer() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_out != nullptr) {
            std::fclose(m_out);
        }
    }

    /// The next line: false at end of file.
    bool read(std::string& text) {
        std::array<char, 128> buffer{};
        if (std::fgets(buffer.data(), buffer.size(), m_out) == nullptr) {
            return false;
        }
        text = buffer.data();
        return true;
    }

    static std::optional<Line> parse(const std::string& text) {
        unsigned long long added = 0;
        long long ns = 0;
        if (std::sscanf(text.c_str(), "%llu %lld", &added, &ns) != 2) {
            return std::nullopt;
        }
        return Line{added, Clock::time_point{std::chrono::nanoseconds{ns}}};
    }

    /// SIGKILL; the time just before it.
    Clock::time_point kill() {
        const Clock::time_point at = Clock::now();
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
        EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "the writer had exited: " << status;
        return at;
    }

private:
    pid_t m_pid = -1;
    std::FILE* m_out = nullptr;
};

void run_and_kill(const std::filesystem::path& dir, std::chrono::milliseconds run_for) {
    Writer writer{dir};
    std::string text;
    ASSERT_TRUE(writer.read(text)) << "the writer did not start";
    ASSERT_EQ(text, "ready\n");
    const Clock::time_point start = Clock::now();
    std::vector<Line> lines;
    while (Clock::now() - start < run_for) {
        ASSERT_TRUE(writer.read(text)) << "the writer stopped";
        if (auto line = Writer::parse(text)) {
            lines.push_back(*line);
        }
    }
    const Clock::time_point killed_at = writer.kill();
    // What the writer printed before it died is still in the pipe.
    while (writer.read(text)) {
        if (auto line = Writer::parse(text)) {
            lines.push_back(*line);
        }
    }
    ASSERT_FALSE(lines.empty());
    std::uint64_t must_have = 0;
    for (const Line& line : lines) {
        if (line.at <= killed_at - promised_loss - scheduling_margin) {
            must_have = line.added;
        }
    }
    const std::uint64_t printed = lines.back().added;

    {
        auto store = HistoryStore::open(dir); // recovers the WAL, as a restarted service would
        ASSERT_TRUE(store) << store.error();
    }
    auto reader = HistoryReader::open(dir);
    ASSERT_TRUE(reader) << reader.error();
    auto check = reader->check();
    ASSERT_TRUE(check) << check.error();
    EXPECT_EQ(check->bad_chunks, 0U);
    EXPECT_EQ(check->sqlite_check, "ok");

    // Each vessel holds points v, v + V, v + 2V, ...: a prefix of its sequence.
    std::uint64_t stored = 0;
    std::vector<std::vector<PositionReport>> tracks;
    for (std::uint32_t v = 0; v < test::writer_vessels; ++v) {
        auto track = reader->track(test::writer_first_mmsi + v, UtcTime::from_unix_ms(0),
                                   UtcTime::from_unix_ms(INT64_MAX / 2), 10'000'000);
        ASSERT_TRUE(track) << track.error();
        for (std::size_t k = 0; k < track->points.size(); ++k) {
            const std::uint64_t i = v + k * test::writer_vessels;
            const PositionReport expected = test::writer_point(i);
            const PositionReport& got = track->points[k];
            ASSERT_EQ(got.time, expected.time) << "vessel " << v << " point " << k;
            ASSERT_NEAR(got.lat, expected.lat, 0.6e-7);
            ASSERT_NEAR(got.lon, expected.lon, 0.6e-7);
            ASSERT_EQ(got.speed_knots, expected.speed_knots);
            ASSERT_EQ(got.nav_status, expected.nav_status);
        }
        stored += track->points.size();
        tracks.push_back(std::move(track->points));
    }
    // ... and together exactly points 0 .. stored-1: vessel v has the i < stored with i % V == v.
    for (std::uint32_t v = 0; v < test::writer_vessels; ++v) {
        const std::uint64_t expected =
            stored / test::writer_vessels + (v < stored % test::writer_vessels ? 1 : 0);
        EXPECT_EQ(tracks[v].size(), expected) << "vessel " << v;
    }
    EXPECT_EQ(check->points, stored);
    EXPECT_GE(stored, must_have) << "lost points added more than 1.5 s before the kill";
    EXPECT_LE(stored, printed) << "the store holds points never added";
    // How much was lost, in time: from the batch that brought the store to `stored` to the kill.
    Clock::time_point last_kept_at{};
    for (const Line& line : lines) {
        if (line.added <= stored) {
            last_kept_at = line.at;
        }
    }
    const auto lost_ms = std::chrono::duration_cast<std::chrono::milliseconds>(killed_at - last_kept_at);
    std::printf(
        "kill -9 after %lld ms: %llu points added, %llu stored, must have %llu; lost the last %lld ms\n",
        static_cast<long long>(run_for.count()), static_cast<unsigned long long>(printed),
        static_cast<unsigned long long>(stored), static_cast<unsigned long long>(must_have),
        static_cast<long long>(lost_ms.count()));
}

TEST(HistoryStoreKill, KillNineLosesAtMostTheLastSecond) {
    test::ScratchDir dir;
    run_and_kill(dir.path() / "first", 2600ms);
    // A second kill at another phase of the 500 ms commit cycle, in a fresh store (the writer's sequence
    // starts again at 0).
    run_and_kill(dir.path() / "second", 2250ms);
}

} // namespace
} // namespace sagar::storage
