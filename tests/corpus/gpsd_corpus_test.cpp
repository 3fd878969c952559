// The whole decoder against gpsd's own expected outputs: test/sample.aivdm with gpsd master's unscaled
// (.ju.chk) and scaled (.js.chk) JSON, and the gpsd daemon regression logs test/daemon/*.log with their
// .log.chk. Every field of gpsd's record must be in ours with the same value; we may write more fields.
//
// Deliberate differences are handled by name, never by skipping a record (docs/gpsd-compatibility.md):
//  - type24_merge: gpsd merges type 24 part A and part B into one record; we write each part as it comes.
//    merge_type24_like_gpsd replays gpsd's merge rule over our records before comparing.
//  - daemon_rereport: the gpsd daemon repeats its last AIS report after some GPS sentences; those copies
//    (an AIS record whose preceding input line is not an AIS sentence) are checked to be identical to the
//    report before them and then left out.

#include "support/corpus.hpp"

#include <map>
#include <regex>
#include <sstream>

namespace sagar::testing {
namespace {

/// A field where our record is allowed to differ from gpsd's, with the reason. Empty today: every field of
/// every record matches gpsd master. Add an entry here and in docs/gpsd-compatibility.md when a
/// deliberate difference is introduced.
struct FieldException {
    std::string_view name;
    int type;               ///< message type, or -1 for any
    std::string_view field; ///< top-level field name
    std::string_view reason;
};

constexpr std::array<FieldException, 0> field_exceptions{};

bool excused(const Json& expected, std::string_view diff) {
    const auto type = expected.value("type", -1);
    for (const auto& e : field_exceptions) {
        if ((e.type == -1 || e.type == type) && diff.starts_with(e.field) &&
            (diff.size() == e.field.size() || diff[e.field.size()] == ':' || diff[e.field.size()] == '.' ||
             diff[e.field.size()] == '[')) {
            return true;
        }
    }
    return false;
}

struct Comparison {
    std::size_t compared = 0;
    std::map<int, std::size_t> mismatched_by_type; ///< records with a difference, by message type
    std::vector<std::string> messages;
};

/// Compares gpsd's records with ours in order; every unpaired record and every field difference is a
/// mismatch, reported with the record's position, type and MMSI.
Comparison compare_streams(const std::vector<Json>& expected, const std::vector<Json>& actual,
                           NumberTolerance tol) {
    Comparison out;
    const Alignment al = align_records(expected, actual);
    for (const auto i : al.expected_only) {
        ++out.mismatched_by_type[expected[i].value("type", -1)];
        out.messages.push_back("gpsd record " + std::to_string(i) + " (" + describe(expected[i]) +
                               ") missing from ours: " + expected[i].dump());
    }
    for (const auto j : al.actual_only) {
        ++out.mismatched_by_type[actual[j].value("type", -1)];
        out.messages.push_back("our record " + std::to_string(j) + " (" + describe(actual[j]) +
                               ") not in gpsd's output: " + actual[j].dump());
    }
    for (const auto& [i, j] : al.pairs) {
        ++out.compared;
        std::vector<std::string> diffs;
        for (auto& d : compare_subset(expected[i], actual[j], tol)) {
            if (!excused(expected[i], d)) {
                diffs.push_back(std::move(d));
            }
        }
        if (!diffs.empty()) {
            ++out.mismatched_by_type[expected[i].value("type", -1)];
            std::string text = "record " + std::to_string(i) + " (" + describe(expected[i]) + "):";
            for (const auto& d : diffs) {
                text += "\n    " + d;
            }
            out.messages.push_back(std::move(text));
        }
    }
    return out;
}

void expect_match(const Comparison& c, std::size_t expected_count, std::size_t actual_count) {
    EXPECT_EQ(actual_count, expected_count) << "record count differs from gpsd's";
    EXPECT_EQ(c.compared, expected_count) << "records paired with gpsd's";
    if (!c.mismatched_by_type.empty()) {
        std::ostringstream summary;
        summary << "records with differences, by type:";
        for (const auto& [type, n] : c.mismatched_by_type) {
            summary << " " << type << ":" << n;
        }
        ADD_FAILURE() << summary.str();
    }
    for (const auto& m : c.messages) {
        ADD_FAILURE() << m;
    }
}

std::vector<Json> our_records(const std::filesystem::path& input, output::Scaling scaling) {
    RunOptions options;
    options.scaling = scaling;
    options.metadata = false; // gpsd writes no station/time
    const DecodeRun run = decode_file(input, options);
    EXPECT_EQ(run.sink_calls, run.stats.messages);
    return merge_type24_like_gpsd(jsons_of(run.records));
}

TEST(GpsdCorpus, SampleUnscaledMatchesGpsdMaster) {
    SAGAR_REQUIRE_CORPUS(input, "ntpsec-gpsd/test/sample.aivdm");
    SAGAR_REQUIRE_CORPUS(expected_path, "ntpsec-gpsd/test/sample.aivdm.ju.chk");
    const auto expected = parse_ais_records(read_lines(expected_path));
    ASSERT_EQ(expected.size(), 97U);
    const auto ours = our_records(input, output::Scaling::unscaled);
    expect_match(compare_streams(expected, ours, {0.0, 0.0}), expected.size(), ours.size());
}

TEST(GpsdCorpus, SampleScaledMatchesGpsdMaster) {
    SAGAR_REQUIRE_CORPUS(input, "ntpsec-gpsd/test/sample.aivdm");
    SAGAR_REQUIRE_CORPUS(expected_path, "ntpsec-gpsd/test/sample.aivdm.js.chk");
    const auto expected = parse_ais_records(read_lines(expected_path));
    ASSERT_EQ(expected.size(), 97U);
    const auto ours = our_records(input, output::Scaling::scaled);
    expect_match(compare_streams(expected, ours, {1e-6, 1e-6}), expected.size(), ours.size());
}

/// The AIS records of a gpsd daemon regression .chk, without the daemon's re-reports (checked identical).
std::vector<Json> daemon_records(const std::vector<std::string>& lines, std::size_t& rereports) {
    static const std::regex ais_sentence{R"(^[!$][A-Z]{2}VD[MO],)"};
    std::vector<std::string> kept;
    std::string last_input;
    std::string last_ais;
    rereports = 0;
    for (const auto& line : lines) {
        if (!line.starts_with('{')) {
            last_input = line;
            continue;
        }
        if (line.find(R"("class":"AIS")") == std::string::npos) {
            continue;
        }
        if (!std::regex_search(last_input, ais_sentence)) {
            EXPECT_EQ(line, last_ais) << "a daemon_rereport must repeat the previous AIS record";
            ++rereports;
            continue;
        }
        kept.push_back(line);
        last_ais = line;
    }
    return parse_ais_records(kept);
}

class GpsdDaemonLog : public ::testing::TestWithParam<std::string_view> {};

TEST_P(GpsdDaemonLog, MatchesGpsd) {
    const std::string name{GetParam()};
    SAGAR_REQUIRE_CORPUS(input, "ntpsec-gpsd/test/daemon/" + name);
    SAGAR_REQUIRE_CORPUS(expected_path, "ntpsec-gpsd/test/daemon/" + name + ".chk");
    std::size_t rereports = 0;
    const auto expected = daemon_records(read_lines(expected_path), rereports);
    ASSERT_FALSE(expected.empty());
    const auto ours = our_records(input, output::Scaling::unscaled);
    expect_match(compare_streams(expected, ours, {0.0, 0.0}), expected.size(), ours.size());
    RecordProperty("daemon_rereports", static_cast<int>(rereports));
}

// The expected record counts (without re-reports) are pinned in docs/gpsd-compatibility.md.
INSTANTIATE_TEST_SUITE_P(Logs, GpsdDaemonLog,
                         ::testing::Values("ais-18-27.log", "ais-nmea-type6-fid55.log", "ais-nmea.log",
                                           "ais-raw-messages.log", "ais_unpack_sixbit.log", "ait250.log",
                                           "saab-r4.log"),
                         [](const auto& param_info) {
                             std::string n{param_info.param};
                             for (auto& c : n) {
                                 if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
                                     c = '_';
                                 }
                             }
                             return n;
                         });

std::filesystem::path cli_path() {
    return std::filesystem::path{SAGAR_TEST_BIN_DIR} / "sagar";
}

TEST(GpsdCorpus, CliWritesTheLibraryRecordsAsJsonLines) {
    SAGAR_REQUIRE_CORPUS(input, "ntpsec-gpsd/test/sample.aivdm");
    const auto cli = cli_path();
    if (!std::filesystem::exists(cli)) {
        GTEST_FAIL() << "sagar CLI not found at " << cli;
    }
    for (const bool unscaled : {true, false}) {
        SCOPED_TRACE(unscaled ? "--unscaled" : "scaled");
        RunOptions options;
        options.scaling = unscaled ? output::Scaling::unscaled : output::Scaling::scaled;
        const auto expected = jsons_of(decode_file(input, options).records);
        const auto text = run_command(shell_quote(cli.string()) + " decode --no-metadata" +
                                      (unscaled ? " --unscaled" : "") + " < " + shell_quote(input.string()));
        ASSERT_TRUE(text.has_value());
        std::istringstream lines{*text};
        std::string line;
        std::size_t n = 0;
        while (std::getline(lines, line)) {
            const Json j = Json::parse(line, nullptr, false);
            ASSERT_FALSE(j.is_discarded()) << "line " << n + 1 << " of the CLI output is not JSON: " << line;
            ASSERT_LT(n, expected.size());
            EXPECT_EQ(j, expected[n]) << "record " << n;
            ++n;
        }
        EXPECT_EQ(n, expected.size());
    }
}

TEST(GpsdCorpus, Type24MergeReplaysGpsdRule) {
    // Our own records: the merge helper is part of the comparison, so its rule is pinned here.
    const std::vector<Json> ours = {
        Json::parse(R"({"type":24,"mmsi":1,"part":"B","shiptype":30})"),  // no part A yet: dropped
        Json::parse(R"({"type":24,"mmsi":1,"part":"A","shipname":"X"})"), // stored
        Json::parse(R"({"type":1,"mmsi":2})"),                            // passes through
        Json::parse(R"({"type":24,"mmsi":1,"part":"B","shiptype":31,"callsign":"C"})"), // merged
        Json::parse(R"({"type":24,"mmsi":1,"part":"B","shiptype":32})"), // name consumed: dropped
    };
    const auto merged = merge_type24_like_gpsd(ours);
    ASSERT_EQ(merged.size(), 2U);
    EXPECT_EQ(merged[0], Json::parse(R"({"type":1,"mmsi":2})"));
    EXPECT_EQ(merged[1], Json::parse(R"({"type":24,"mmsi":1,"shipname":"X","shiptype":31,"callsign":"C"})"));
}

} // namespace
} // namespace sagar::testing
