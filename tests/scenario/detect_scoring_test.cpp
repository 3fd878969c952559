// `sagar detect` scored against `sagar simulate`'s ground truth, both run as programs the way a user runs
// them: several seeds, every event type, precision and recall of at least 0.95 per type over all seeds.
//
// A detected event matches a truth event of the same type with the same vessel(s), zone, port and
// detection, whose time range overlaps within the tolerance below; each truth event matches at most once.
// The tolerance covers report spacing: the simulator knows the instant a vessel crossed a line, the
// detector only sees the reports on either side.

#include "support/process.hpp"

#include <sagar/core/utc_time.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using sagar::testing::run_shell;
using sagar::testing::shell_quote;

constexpr std::int64_t time_tolerance_s = 30 * 60;
constexpr double required_precision = 0.95;
constexpr double required_recall = 0.95;

/// Every type docs/detection.md defines; the scenarios must exercise each of them.
constexpr std::array event_types{"ais_gap",           "encounter",        "loitering",
                                 "port_call",         "zone_entry",       "zone_exit",
                                 "impossible_speed",  "position_on_land", "invalid_mmsi",
                                 "identity_conflict", "dark_detection",   "matched_detection"};

struct Scenario {
    std::uint64_t seed;
    int vessels;
    int hours;
};

/// Small enough for the sanitizer build, large enough that each seed injects every type. Different
/// seeds give different lanes, fleets, injection times and hard negatives.
constexpr std::array scenarios{Scenario{21, 250, 36}, Scenario{22, 250, 36}, Scenario{23, 250, 36}};

struct Event {
    std::string type;
    std::uint64_t mmsi = 0;
    std::uint64_t other_mmsi = 0;
    std::string zone;
    std::string port;
    std::string detection_id;
    std::int64_t start = 0;
    std::int64_t end = 0;
};

std::int64_t unix_seconds(const json& value) {
    const auto parsed = sagar::parse_iso8601(value.get<std::string>());
    if (!parsed) {
        throw std::runtime_error("not an ISO 8601 time: " + value.dump());
    }
    return parsed->unix_seconds();
}

std::vector<Event> parse_events(const std::string& jsonl) {
    std::vector<Event> events;
    std::istringstream lines{jsonl};
    std::string line;
    while (std::getline(lines, line)) {
        const json j = json::parse(line);
        Event e;
        e.type = j.at("type").get<std::string>();
        e.mmsi = j.value("mmsi", std::uint64_t{0});
        e.other_mmsi = j.value("other_mmsi", std::uint64_t{0});
        e.zone = j.value("zone", std::string{});
        e.port = j.value("port", std::string{});
        e.detection_id = j.value("detection_id", std::string{});
        e.start = unix_seconds(j.at("start"));
        e.end = unix_seconds(j.at("end"));
        events.push_back(std::move(e));
    }
    return events;
}

bool same_subject(const Event& a, const Event& b) {
    return a.type == b.type && a.mmsi == b.mmsi && a.other_mmsi == b.other_mmsi && a.zone == b.zone &&
           a.port == b.port && a.detection_id == b.detection_id;
}

bool overlapping(const Event& a, const Event& b) {
    return a.start <= b.end + time_tolerance_s && b.start <= a.end + time_tolerance_s;
}

struct Tally {
    std::uint64_t truth = 0;
    std::uint64_t detected = 0;
    std::uint64_t matched = 0;
    [[nodiscard]] double precision() const {
        return detected == 0 ? 1.0 : double(matched) / double(detected);
    }
    [[nodiscard]] double recall() const { return truth == 0 ? 1.0 : double(matched) / double(truth); }
};

/// Adds one scenario's matches to `tallies`; unmatched events go to `misses` for the failure message.
void score(const std::vector<Event>& truth, const std::vector<Event>& detected,
           std::map<std::string, Tally>& tallies, std::ostringstream& misses) {
    std::vector<bool> used(truth.size(), false);
    for (const Event& t : truth) {
        ++tallies[t.type].truth;
    }
    for (const Event& d : detected) {
        Tally& tally = tallies[d.type];
        ++tally.detected;
        bool found = false;
        for (std::size_t i = 0; i < truth.size() && !found; ++i) {
            if (!used[i] && same_subject(truth[i], d) && overlapping(truth[i], d)) {
                used[i] = true;
                found = true;
            }
        }
        if (found) {
            ++tally.matched;
        } else {
            misses << "  false positive: " << d.type << " mmsi " << d.mmsi << " start " << d.start << '\n';
        }
    }
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (!used[i]) {
            misses << "  missed: " << truth[i].type << " mmsi " << truth[i].mmsi << " start "
                   << truth[i].start << '\n';
        }
    }
}

std::string slurp(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(DetectScoring, PrecisionAndRecallPerTypeOverSeveralSeeds) {
    const fs::path cli = fs::path{SAGAR_TEST_BIN_DIR} / "sagar";
    ASSERT_TRUE(fs::exists(cli)) << cli;
    const std::string sagar = shell_quote(cli.string());

    std::map<std::string, Tally> tallies;
    std::ostringstream misses;
    for (const Scenario& scenario : scenarios) {
        const fs::path dir = fs::temp_directory_path() / ("sagar_scoring_" + std::to_string(::getpid()) +
                                                          "_" + std::to_string(scenario.seed));
        fs::remove_all(dir);
        const auto simulated =
            run_shell(sagar + " simulate --seed " + std::to_string(scenario.seed) + " --vessels " +
                      std::to_string(scenario.vessels) + " --hours " + std::to_string(scenario.hours) +
                      " --out " + shell_quote(dir.string()) + " 2>&1");
        ASSERT_TRUE(simulated && simulated->status == 0) << (simulated ? simulated->out : "not started");

        const auto q = [&](const char* name) { return shell_quote((dir / name).string()); };
        const auto detected =
            run_shell(sagar + " detect --zones " + q("zones.geojson") + " --ports " + q("ports.csv") +
                      " --detections " + q("detections.csv") + " " + q("feed.nmea") + " 2>/dev/null");
        ASSERT_TRUE(detected && detected->status == 0) << "sagar detect failed for seed " << scenario.seed;

        misses << "seed " << scenario.seed << ":\n";
        score(parse_events(slurp(dir / "truth.jsonl")), parse_events(detected->out), tallies, misses);
        fs::remove_all(dir);
    }

    std::ostringstream table;
    for (const auto& [type, tally] : tallies) {
        table << type << ": truth " << tally.truth << ", detected " << tally.detected << ", matched "
              << tally.matched << ", precision " << tally.precision() << ", recall " << tally.recall()
              << '\n';
    }
    std::printf("%s", table.str().c_str());

    for (const char* type : event_types) {
        const auto it = tallies.find(type);
        ASSERT_NE(it, tallies.end()) << "no " << type << " in truth or output";
        EXPECT_GE(it->second.truth, 3U) << type << ": the scenarios inject too few to score\n" << table.str();
    }
    EXPECT_EQ(tallies.size(), event_types.size()) << "unexpected event types\n" << table.str();
    for (const auto& [type, tally] : tallies) {
        EXPECT_GE(tally.precision(), required_precision) << type << '\n' << table.str() << misses.str();
        EXPECT_GE(tally.recall(), required_recall) << type << '\n' << table.str() << misses.str();
    }
}

} // namespace
