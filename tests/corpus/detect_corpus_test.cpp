// `sagar detect --stats` over every NMEA file of the corpora and the MarineCadastre/DMA CSV ones: each run
// exits 0, writes JSON Lines that parse into events of the documented types with valid times, in
// non-decreasing `end` (docs/detection.md), and statistics on standard error that add up. Two files also
// get checks of what they contain: the DMA sample (position_on_land in Danish harbours, docs/land-data.md)
// and the exactEarth Indian Ocean satellite file.
//
// The NMEA files are found by content (a VDM or VDO sentence), so a corpus added later is covered; licence
// and source notes, gpsd's expected-output files (.chk) and JSON are left out. Every run loads the land grid
// of this build, the default of `sagar detect`.

#include "support/corpus.hpp"

#include <sagar/core/utc_time.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <sstream>
#include <unistd.h>

namespace sagar::testing {
namespace {

const std::filesystem::path sagar_program = std::filesystem::path(SAGAR_TEST_BIN_DIR) / "sagar";

constexpr std::array<std::string_view, 12> event_types{
    "ais_gap",      "encounter",         "loitering",        "port_call",
    "zone_entry",   "zone_exit",         "impossible_speed", "position_on_land",
    "invalid_mmsi", "identity_conflict", "dark_detection",   "matched_detection"};

struct DetectRun {
    int status = -1;
    std::vector<Json> events;
    std::vector<std::string> bad_lines;         ///< standard output lines that are not JSON objects
    std::map<std::string, std::uint64_t> stats; ///< "reports" → n, "events position_on_land" → n, ...
    std::vector<std::string> other_stderr;      ///< standard error lines that are not statistics
};

/// A scratch file per process and test: ctest runs the tests of this executable in parallel processes.
std::filesystem::path scratch_file(const std::string& suffix) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "sagar-detect-corpus-";
    name.append(std::to_string(::getpid())).append("-").append(info->name()).append(suffix);
    return std::filesystem::temp_directory_path() / name;
}

DetectRun run_detect(const std::filesystem::path& input, const std::string& options = {}) {
    const std::filesystem::path stderr_path = scratch_file(".stderr");
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) about "literal" + std::string.
    std::string command = shell_quote(sagar_program.string());
    command.append(" detect --stats ")
        .append(options)
        .append(" ")
        .append(shell_quote(input.string()))
        .append(" 2>")
        .append(shell_quote(stderr_path.string()));
    DetectRun run;
    const auto result = run_shell(command);
    if (!result) {
        ADD_FAILURE() << "cannot run " << command;
        return run;
    }
    run.status = result->status;
    std::istringstream out{result->out};
    std::string line;
    while (std::getline(out, line)) {
        Json j = Json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            run.bad_lines.push_back(line);
        } else {
            run.events.push_back(std::move(j));
        }
    }
    std::ifstream err{stderr_path};
    while (std::getline(err, line)) {
        // "key n" or "events type n"; anything else (CSV row messages, errors) is kept as text.
        const auto space = line.rfind(' ');
        const std::string value = space == std::string::npos ? std::string{} : line.substr(space + 1);
        const bool number = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        const std::string key = space == std::string::npos ? line : line.substr(0, space);
        if (number && key.find(':') == std::string::npos) {
            run.stats[key] = std::stoull(value);
        } else {
            run.other_stderr.push_back(line);
        }
    }
    err.close();
    std::filesystem::remove(stderr_path);
    return run;
}

/// Milliseconds since 1970 of an ISO 8601 UTC time written with `Z`; nullopt for anything else.
std::optional<std::int64_t> utc_ms(const Json& value) {
    if (!value.is_string() || !value.get<std::string>().ends_with('Z')) {
        return std::nullopt;
    }
    const auto time = sagar::parse_iso8601(value.get<std::string>());
    return time ? std::optional<std::int64_t>{time->unix_ms()} : std::nullopt;
}

std::uint64_t stat(const DetectRun& run, const std::string& key) {
    const auto it = run.stats.find(key);
    EXPECT_NE(it, run.stats.end()) << "no statistic " << key;
    return it == run.stats.end() ? 0 : it->second;
}

/// What every run must satisfy, whatever its input.
void check_run(const DetectRun& run, const std::filesystem::path& input, bool csv) {
    SCOPED_TRACE(input.string());
    EXPECT_EQ(run.status, 0);
    EXPECT_TRUE(run.bad_lines.empty())
        << run.bad_lines.size() << " lines are not JSON objects, first: " << run.bad_lines.front();
    if (!csv) {
        // NMEA input: nothing but statistics on standard error.
        EXPECT_TRUE(run.other_stderr.empty()) << "unexpected standard error: " << run.other_stderr.front();
    }
    std::map<std::string, std::uint64_t> per_type;
    std::int64_t previous_end = std::numeric_limits<std::int64_t>::min();
    for (const Json& e : run.events) {
        const std::string type = e.value("type", "");
        ASSERT_NE(std::find(event_types.begin(), event_types.end(), type), event_types.end()) << e.dump();
        ++per_type[type];
        const auto start = utc_ms(e["start"]);
        const auto end = utc_ms(e["end"]);
        ASSERT_TRUE(start && end) << e.dump();
        EXPECT_LE(*start, *end) << e.dump();
        EXPECT_GE(*end, previous_end) << "events out of `end` order at " << e.dump();
        previous_end = std::max(previous_end, *end);
        ASSERT_TRUE(e["lat"].is_number() && e["lon"].is_number()) << e.dump();
        EXPECT_LE(std::abs(e["lat"].get<double>()), 90.0) << e.dump();
        EXPECT_LE(std::abs(e["lon"].get<double>()), 180.0) << e.dump();
        if (e.contains("mmsi")) {
            EXPECT_TRUE(e["mmsi"].is_number_unsigned()) << e.dump();
        }
        if (type == "position_on_land") {
            ASSERT_TRUE(e.contains("details")) << e.dump();
            EXPECT_GE(e["details"].value("reports", 0.0), 1.0) << e.dump();
        }
    }
    // The statistics: every key present, the event counts equal to the lines written, and the report
    // counters consistent with each other.
    std::uint64_t counted = 0;
    for (const std::string_view type : event_types) {
        const std::string name{type};
        const std::uint64_t n = stat(run, std::string{"events "}.append(name));
        EXPECT_EQ(n, per_type[name]) << name;
        counted += n;
    }
    EXPECT_EQ(counted, run.events.size());
    const std::uint64_t reports = stat(run, "reports");
    EXPECT_LE(stat(run, "duplicates") + stat(run, "late"), reports);
    EXPECT_LE(stat(run, "segments"), reports);
    const std::uint64_t messages = stat(run, "nmea_messages");
    stat(run, "nmea_rejected"); // present; it may exceed the messages (rejected lines make none)
    if (!csv) {
        EXPECT_LE(reports, messages); // at most one position per message
    }
}

bool is_nmea_file(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    const std::string ext = path.extension().string();
    if (name == "LICENSE" || name == "COPYING" || name == "SOURCE.txt" || ext == ".chk" || ext == ".json" ||
        ext == ".csv" || ext == ".md") {
        return false;
    }
    const std::string text = read_input(path);
    return text.find("VDM,") != std::string::npos || text.find("VDO,") != std::string::npos;
}

/// A MarineCadastre or DMA CSV: a header row naming the MMSI and a latitude column.
bool is_feed_csv(const std::filesystem::path& path) {
    if (path.extension() != ".csv") {
        return false;
    }
    std::ifstream in{path};
    std::string header;
    std::getline(in, header);
    std::transform(header.begin(), header.end(), header.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return header.find("mmsi") != std::string::npos && header.find("lat") != std::string::npos;
}

#define SAGAR_REQUIRE_CORPORA(root)                                                                          \
    const std::filesystem::path root = corpora_dir();                                                        \
    if (root.empty() || !std::filesystem::is_directory(root)) {                                              \
        GTEST_SKIP() << "corpora directory not found (set SAGAR_CORPORA; default " << root << ")";           \
    }

TEST(DetectCorpus, EveryNmeaFileRunsCleanly) {
    SAGAR_REQUIRE_CORPORA(root);
    const auto files = files_under(root, is_nmea_file);
    // 33 when written: gpsd, libais, pyais, GFW, AISdb, exactEarth and the two DMA files.
    ASSERT_GE(files.size(), 30U);
    std::uint64_t events = 0;
    for (const auto& file : files) {
        SCOPED_TRACE(std::filesystem::relative(file, root).string());
        const DetectRun run = run_detect(file);
        check_run(run, file, false);
        events += run.events.size();
    }
    EXPECT_GT(events, 0U);
}

TEST(DetectCorpus, FeedCsvFilesRunCleanly) {
    SAGAR_REQUIRE_CORPORA(root);
    const auto files = files_under(root, is_feed_csv);
    if (files.empty()) {
        GTEST_SKIP() << "no MarineCadastre or DMA CSV under " << root;
    }
    for (const auto& file : files) {
        SCOPED_TRACE(std::filesystem::relative(file, root).string());
        const DetectRun run = run_detect(file);
        check_run(run, file, true);
        EXPECT_GT(stat(run, "reports"), 0U);
    }
}

/// The run's position_on_land events.
std::vector<Json> land_events(const DetectRun& run) {
    std::vector<Json> land;
    std::copy_if(run.events.begin(), run.events.end(), std::back_inserter(land),
                 [](const Json& e) { return e["type"] == "position_on_land"; });
    return land;
}

TEST(DetectCorpus, DanishHarboursAreNotOnLand) {
    SAGAR_REQUIRE_CORPUS(path, "dma-ais-AisAbnormal/ais-sample.txt.gz");
    const DetectRun run = run_detect(path);
    check_run(run, path, false);
    EXPECT_EQ(stat(run, "reports"), 25'947U);
    // 24 position_on_land events before the inland mask measured the distance to the coastline itself and
    // the Randers, Naestved, Schlei and Goeta aelv boxes were added; the 7 left are positions 3 to 6 km
    // from any water of the source (docs/land-data.md).
    const std::vector<Json> land = land_events(run);
    EXPECT_LE(land.size(), 7U) << ::testing::PrintToString(land);
    // Kalundborg harbour, where five ships lay 1.6 km from the source's coastline: never flagged.
    for (const Json& e : land) {
        EXPECT_FALSE(std::abs(e["lat"].get<double>() - 55.675) < 0.01 &&
                     std::abs(e["lon"].get<double>() - 11.10) < 0.01)
            << e.dump();
    }
}

TEST(DetectCorpus, ExactEarthIndianOceanSatelliteFile) {
    SAGAR_REQUIRE_CORPUS(path, "amsa-code-risky/exact-earth-augmented.txt");
    // Satellite data arrives late and out of order: the reorder window docs/detection.md advises for it.
    const std::filesystem::path config = scratch_file(".json");
    std::ofstream{config} << R"({"reorder_window_s": 7200})";
    const DetectRun run = run_detect(path, "--config " + shell_quote(config.string()));
    std::filesystem::remove(config);
    check_run(run, path, false);
    EXPECT_EQ(stat(run, "nmea_messages"), 3'952U);
    EXPECT_EQ(stat(run, "reports"), 2'972U);
    EXPECT_EQ(stat(run, "late"), 0U);
    EXPECT_FALSE(run.events.empty());
    // One event per MMSI outside ITU-R M.585 (0, 12345678, 999999999, 777xxxxxx, ...): a fact of the data.
    EXPECT_EQ(stat(run, "events invalid_mmsi"), 17U);
    // Under two hours of traffic: no rule that needs hours of silence or of slow steaming can fire.
    EXPECT_EQ(stat(run, "events ais_gap"), 0U);
    EXPECT_EQ(stat(run, "events loitering"), 0U);
    // Positions on land only where ships are on Sumatran rivers the source fills (the Siak to Pekanbaru,
    // the Batanghari towards Jambi): none in the open ocean, none on the Musi (a waterway box).
    const std::vector<Json> land = land_events(run);
    for (const Json& e : land) {
        const double lat = e["lat"];
        const double lon = e["lon"];
        EXPECT_TRUE(lat > -2.0 && lat < 1.5 && lon > 101.0 && lon < 104.5) << e.dump();
    }
    EXPECT_GE(land.size(), 1U);
}

TEST(DetectCorpus, UsInlandWatersAreNotOnLand) {
    SAGAR_REQUIRE_CORPUS(path, "AISViz-AISdb/test_data_noaa_20230101.csv");
    const DetectRun run = run_detect(path);
    check_run(run, path, true);
    EXPECT_EQ(stat(run, "reports"), 1'000U);
    // One report each of 1,000 US vessels, many on rivers, lakes and ship channels that Natural Earth 1:10m
    // fills: 379 position_on_land events with the sea coast alone, 47 with the 1:50m lakes and rivers and
    // the Gulf coast ship channel boxes; those left are on waterways no layer has (docs/land-data.md).
    const std::vector<Json> land = land_events(run);
    for (const Json& e : land) {
        // None on the Mississippi at Memphis or St. Louis, in the Houston Ship Channel or Lake Michigan.
        const double lat = e["lat"];
        const double lon = e["lon"];
        EXPECT_FALSE(lat > 34.9 && lat < 35.2 && lon > -90.3 && lon < -90.0) << e.dump();
        EXPECT_FALSE(lat > 38.5 && lat < 38.7 && lon > -90.3 && lon < -90.1) << e.dump();
        EXPECT_FALSE(lat > 29.68 && lat < 29.86 && lon > -95.31 && lon < -94.98) << e.dump();
        EXPECT_FALSE(lat > 41.6 && lat < 46.0 && lon > -88.0 && lon < -85.5) << e.dump();
    }
    EXPECT_LE(land.size(), 55U) << ::testing::PrintToString(land);
}

} // namespace
} // namespace sagar::testing
