// sagar simulate: determinism, a feed that sagar decodes without a single reject, and truth that holds on
// the generated reports by the rules of docs/detection.md.

#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/simulate/simulation.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using sagar::simulate::SimulationConfig;
using sagar::simulate::SimulationSummary;

std::string slurp(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double distance_m(double lat1, double lon1, double lat2, double lon2) {
    constexpr double r = 6371008.8;
    constexpr double rad = 3.14159265358979323846 / 180;
    const double s = std::sin((lat2 - lat1) * rad / 2);
    const double t = std::sin((lon2 - lon1) * rad / 2);
    const double h = s * s + std::cos(lat1 * rad) * std::cos(lat2 * rad) * t * t;
    return 2 * r * std::asin(std::sqrt(std::min(1.0, h)));
}

struct Report {
    std::int64_t t; // unix seconds
    double lat;
    double lon;
    double speed_kn;
    friend bool operator<(const Report& a, const Report& b) { return a.t < b.t; }
};

std::int64_t seconds_of(const std::string& iso) {
    const auto t = sagar::parse_iso8601(iso);
    EXPECT_TRUE(t.has_value()) << iso;
    return t ? t->unix_seconds() : 0;
}

/// One small scenario shared by the tests (generated once: the sanitizer build is slow).
class Simulated : public ::testing::Test {
protected:
    static SimulationConfig config() {
        SimulationConfig c;
        c.seed = 7;
        c.vessels = 150;
        c.hours = 30;
        return c;
    }
    static fs::path dir(const std::string& name) {
        // One directory per process: ctest runs the tests of this suite in parallel processes.
        return fs::temp_directory_path() / ("sagar_simulate_" + std::to_string(::getpid()) + "_" + name);
    }

    static void SetUpTestSuite() {
        fs::remove_all(dir("a"));
        auto result = sagar::simulate::run_simulation(config(), dir("a"));
        ASSERT_TRUE(result.has_value()) << result.error();
        s_summary = new SimulationSummary(*result);
        s_reports = new std::map<std::uint32_t, std::vector<Report>>();
        s_truth = new std::vector<nlohmann::json>();

        sagar::decoding::StreamDecoder decoder;
        std::ifstream feed{dir("a") / "feed.nmea"};
        std::string line;
        s_lines = 0;
        std::int64_t previous = 0;
        while (std::getline(feed, line)) {
            ++s_lines;
            decoder.feed_line(line, [&](const sagar::framing::Meta& meta, const sagar::decoding::Message& m) {
                ++s_messages;
                const std::int64_t t = meta.time ? meta.time->unix_seconds() : -1;
                s_ordered = s_ordered && t >= previous;
                previous = t;
                double lat = 0;
                double lon = 0;
                double speed = 0;
                std::uint32_t mmsi = 0;
                if (const auto* a = std::get_if<sagar::decoding::PositionReportA>(&m)) {
                    mmsi = a->header.mmsi;
                    lat = a->position.lat / 600000.0;
                    lon = a->position.lon / 600000.0;
                    speed = a->speed / 10.0;
                } else if (const auto* b = std::get_if<sagar::decoding::PositionReportB>(&m)) {
                    mmsi = b->header.mmsi;
                    lat = b->position.lat / 600000.0;
                    lon = b->position.lon / 600000.0;
                    speed = b->speed / 10.0;
                } else {
                    return;
                }
                auto& list = (*s_reports)[mmsi];
                // A duplicate (same time, position, speed) from a second station is one report.
                for (auto it = list.rbegin(); it != list.rend() && it->t == t; ++it) {
                    if (it->lat == lat && it->lon == lon && it->speed_kn == speed) {
                        return;
                    }
                }
                list.push_back({t, lat, lon, speed});
            });
        }
        decoder.finish();
        s_rejects = decoder.stats().rejects.total();
        std::ifstream truth{dir("a") / "truth.jsonl"};
        while (std::getline(truth, line)) {
            s_truth->push_back(nlohmann::json::parse(line));
        }
    }
    static void TearDownTestSuite() {
        delete s_summary;
        delete s_reports;
        delete s_truth;
        fs::remove_all(dir("a"));
    }

    static std::vector<Report> between(std::uint32_t mmsi, std::int64_t from, std::int64_t to) {
        std::vector<Report> out;
        for (const Report& r : (*s_reports)[mmsi]) {
            if (r.t >= from && r.t <= to) {
                out.push_back(r);
            }
        }
        return out;
    }
    static std::vector<nlohmann::json> of_type(const std::string& type) {
        std::vector<nlohmann::json> out;
        for (const auto& e : *s_truth) {
            if (e["type"] == type) {
                out.push_back(e);
            }
        }
        return out;
    }

    static inline SimulationSummary* s_summary = nullptr;
    static inline std::map<std::uint32_t, std::vector<Report>>* s_reports = nullptr;
    static inline std::vector<nlohmann::json>* s_truth = nullptr;
    static inline std::uint64_t s_lines = 0;
    static inline std::uint64_t s_messages = 0;
    static inline std::uint64_t s_rejects = 0;
    static inline bool s_ordered = true;
};

TEST_F(Simulated, SameArgumentsSameBytesOtherSeedDiffers) {
    fs::remove_all(dir("b"));
    fs::remove_all(dir("c"));
    ASSERT_TRUE(sagar::simulate::run_simulation(config(), dir("b")).has_value());
    SimulationConfig other = config();
    other.seed = 8;
    ASSERT_TRUE(sagar::simulate::run_simulation(other, dir("c")).has_value());
    for (const char* name : {"feed.nmea", "truth.jsonl", "detections.csv", "zones.geojson", "ports.csv"}) {
        EXPECT_EQ(slurp(dir("a") / name), slurp(dir("b") / name)) << name;
    }
    EXPECT_NE(slurp(dir("a") / "feed.nmea"), slurp(dir("c") / "feed.nmea"));
    EXPECT_NE(slurp(dir("a") / "truth.jsonl"), slurp(dir("c") / "truth.jsonl"));
    fs::remove_all(dir("b"));
    fs::remove_all(dir("c"));
}

TEST_F(Simulated, FeedDecodesWithoutRejectsInTimeOrder) {
    EXPECT_EQ(s_rejects, 0U);
    EXPECT_TRUE(s_ordered);
    EXPECT_EQ(s_messages, s_summary->position_reports + s_summary->static_messages + s_summary->duplicates);
    EXPECT_EQ(s_lines, s_summary->sentences);
    const double share = static_cast<double>(s_summary->duplicates) /
                         static_cast<double>(s_summary->position_reports + s_summary->static_messages);
    EXPECT_GT(share, 0.03);
    EXPECT_LT(share, 0.07);
}

TEST_F(Simulated, ReferenceFilesHaveTheirHeaders) {
    EXPECT_EQ(slurp(dir("a") / "ports.csv").rfind("name,lat,lon,radius_km\nMumbai,", 0), 0U);
    EXPECT_EQ(slurp(dir("a") / "detections.csv").rfind("id,time,lat,lon,length_m,source\n", 0), 0U);
    const auto zones = nlohmann::json::parse(slurp(dir("a") / "zones.geojson"));
    EXPECT_EQ(zones["type"], "FeatureCollection");
    std::set<std::string> kinds;
    for (const auto& f : zones["features"]) {
        EXPECT_TRUE(f["properties"].contains("id"));
        EXPECT_TRUE(f["properties"].contains("name"));
        kinds.insert(f["geometry"]["type"].get<std::string>());
    }
    EXPECT_EQ(kinds, (std::set<std::string>{"Polygon", "MultiPolygon"}));
}

TEST_F(Simulated, TruthHasEveryTypeSortedByEnd) {
    std::set<std::string> types;
    std::string previous;
    for (const auto& e : *s_truth) {
        types.insert(e["type"].get<std::string>());
        const std::string end = e["end"];
        EXPECT_LE(previous, end); // ISO 8601 with Z at one precision sorts as text
        previous = end;
        EXPECT_EQ(end.back(), 'Z');
        EXPECT_LE(e["start"].get<std::string>(), end);
    }
    for (const char* type :
         {"ais_gap", "encounter", "loitering", "port_call", "zone_entry", "zone_exit", "impossible_speed",
          "position_on_land", "invalid_mmsi", "identity_conflict", "dark_detection", "matched_detection"}) {
        EXPECT_TRUE(types.count(type) == 1) << type;
    }
}

TEST_F(Simulated, GapsAreSilencesOfTwelveHoursOrMore) {
    for (const auto& e : of_type("ais_gap")) {
        const auto start = seconds_of(e["start"]);
        const auto end = seconds_of(e["end"]);
        EXPECT_GE(end - start, 12 * 3600);
        const auto inside = between(e["mmsi"], start, end);
        ASSERT_EQ(inside.size(), 2U) << e.dump();
        EXPECT_EQ(inside.front().t, start);
        EXPECT_EQ(inside.back().t, end);
        EXPECT_NEAR(inside.front().lat, e["lat"].get<double>(), 1e-6);
    }
}

TEST_F(Simulated, EncountersAreSlowAndClose) {
    for (const auto& e : of_type("encounter")) {
        const auto start = seconds_of(e["start"]);
        const auto end = seconds_of(e["end"]);
        EXPECT_GE(end - start, 2 * 3600);
        EXPECT_LT(e["mmsi"].get<std::uint32_t>(), e["other_mmsi"].get<std::uint32_t>());
        const auto a = between(e["mmsi"], start, end);
        const auto b = between(e["other_mmsi"], start, end);
        ASSERT_FALSE(a.empty());
        ASSERT_FALSE(b.empty());
        for (const Report& r : a) {
            EXPECT_LT(r.speed_kn, 2);
            // The other ship's nearest report in time (both drift under 1 kn: a few metres apart in time).
            const auto near = std::min_element(b.begin(), b.end(), [&](const Report& x, const Report& y) {
                return std::abs(x.t - r.t) < std::abs(y.t - r.t);
            });
            EXPECT_LT(distance_m(r.lat, r.lon, near->lat, near->lon), 500);
        }
        for (const Report& r : b) {
            EXPECT_LT(r.speed_kn, 2);
        }
    }
}

TEST_F(Simulated, LoiteringIsSlowForFourHours) {
    for (const auto& e : of_type("loitering")) {
        const auto start = seconds_of(e["start"]);
        const auto end = seconds_of(e["end"]);
        EXPECT_GE(end - start, 4 * 3600);
        for (const Report& r : between(e["mmsi"], start, end)) {
            EXPECT_LT(r.speed_kn, 2);
        }
    }
}

TEST_F(Simulated, ImpossibleSpeedHasAnImpossibleStep) {
    for (const auto& e : of_type("impossible_speed")) {
        const auto reports = between(e["mmsi"], seconds_of(e["start"]), seconds_of(e["end"]));
        ASSERT_GE(reports.size(), 2U);
        double fastest = 0;
        for (std::size_t i = 1; i < reports.size(); ++i) {
            const double d =
                distance_m(reports[i - 1].lat, reports[i - 1].lon, reports[i].lat, reports[i].lon);
            fastest =
                std::max(fastest, d / 1852 / (static_cast<double>(reports[i].t - reports[i - 1].t) / 3600));
            EXPECT_GT(reports[i].t, reports[i - 1].t);
        }
        EXPECT_GT(fastest, 50) << e.dump();
    }
}

TEST_F(Simulated, PositionsOnLandAreFarFromTheTrack) {
    for (const auto& e : of_type("position_on_land")) {
        const auto start = seconds_of(e["start"]);
        const auto reports = between(e["mmsi"], start - 2 * 3600, start);
        ASSERT_GE(reports.size(), 2U);
        const Report& before = reports[reports.size() - 2];
        EXPECT_GT(distance_m(before.lat, before.lon, e["lat"], e["lon"]), 100'000);
        EXPECT_GE(between(e["mmsi"], start, seconds_of(e["end"])).size(), 2U);
    }
}

TEST_F(Simulated, IdentityConflictsAreTwoShipsFarApart) {
    for (const auto& e : of_type("identity_conflict")) {
        const auto start = seconds_of(e["start"]);
        const auto end = seconds_of(e["end"]);
        EXPECT_GE(end - start, 3 * 3600 - 600);
        const auto reports = between(e["mmsi"], start, end);
        double farthest = 0;
        for (std::size_t i = 1; i < reports.size(); ++i) {
            farthest = std::max(
                farthest, distance_m(reports[i - 1].lat, reports[i - 1].lon, reports[i].lat, reports[i].lon));
        }
        EXPECT_GT(farthest, 300'000);
    }
}

TEST_F(Simulated, InvalidMmsisHaveNoAllocatedMid) {
    const auto invalid = of_type("invalid_mmsi");
    EXPECT_EQ(invalid.size(), s_summary->injected.invalid_mmsis);
    for (const auto& e : invalid) {
        const auto mmsi = e["mmsi"].get<std::uint32_t>();
        const auto mid = mmsi / 1000000;
        EXPECT_TRUE(mid == 100 || mid == 200 || mmsi / 100000 == 8000) << mmsi;
        EXPECT_EQ((*s_reports)[mmsi].front().t, seconds_of(e["start"]));
    }
}

TEST_F(Simulated, PortCallsAndZoneCrossingsMatchReports) {
    for (const auto& e : of_type("port_call")) {
        const auto start = seconds_of(e["start"]);
        const auto end = seconds_of(e["end"]);
        EXPECT_GE(end - start, 3600);
        const auto first = between(e["mmsi"], start, start);
        ASSERT_EQ(first.size(), 1U);
        EXPECT_NEAR(first[0].lat, e["lat"].get<double>(), 1e-6);
    }
    for (const char* type : {"zone_entry", "zone_exit"}) {
        for (const auto& e : of_type(type)) {
            const auto at = between(e["mmsi"], seconds_of(e["start"]), seconds_of(e["start"]));
            ASSERT_FALSE(at.empty()) << e.dump();
            EXPECT_NEAR(at[0].lon, e["lon"].get<double>(), 1e-6);
        }
    }
}

TEST_F(Simulated, DetectionsAreInTheFileAndMatchedOnesNearTheirShip) {
    const std::string csv = slurp(dir("a") / "detections.csv");
    for (const char* type : {"dark_detection", "matched_detection"}) {
        for (const auto& e : of_type(type)) {
            EXPECT_NE(csv.find(e["detection_id"].get<std::string>() + ","), std::string::npos);
            if (e.contains("mmsi")) {
                const auto t = seconds_of(e["start"]);
                const auto around = between(e["mmsi"], t - 400, t + 400);
                ASSERT_FALSE(around.empty());
                double nearest = 1e12;
                for (const Report& r : around) {
                    nearest = std::min(nearest, distance_m(r.lat, r.lon, e["lat"], e["lon"]));
                }
                EXPECT_LT(nearest, 5000);
            } else {
                EXPECT_FALSE(e.contains("other_mmsi"));
            }
        }
    }
}

TEST_F(Simulated, HardNegativesArePresent) {
    const auto& h = s_summary->hard_negatives;
    EXPECT_GT(h.fast_crossings, 0U);
    EXPECT_GT(h.moored_pairs, 0U);
    EXPECT_GT(h.short_silences, 0U);
    EXPECT_GT(h.short_slowdowns, 0U);
    EXPECT_GT(h.shore_gaps, 0U);
    // Only injected gaps become truth: the short silences and the gaps near shore do not.
    EXPECT_EQ(of_type("ais_gap").size(), s_summary->injected.ais_gaps);
}

TEST(SimulateConfig, RejectsBadArguments) {
    SimulationConfig c;
    c.vessels = 0;
    EXPECT_TRUE(sagar::simulate::validate(c).has_value());
    c = SimulationConfig{};
    c.hours = -1;
    EXPECT_TRUE(sagar::simulate::validate(c).has_value());
    c = SimulationConfig{};
    c.interval_s = 0;
    EXPECT_TRUE(sagar::simulate::validate(c).has_value());
    EXPECT_FALSE(sagar::simulate::validate(SimulationConfig{}).has_value());
}

} // namespace
