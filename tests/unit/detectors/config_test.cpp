// The config file of docs/detection.md: overrides by key, errors that name the problem, and the example
// file in data/ equal to the built-in defaults.

#include <sagar/detectors/config.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace {

using sagar::detectors::DetectConfig;
using sagar::detectors::format_config;
using sagar::detectors::parse_config;

/// Every parameter, compared through the printed form so that a field added later is covered too.
void expect_same(const DetectConfig& a, const DetectConfig& b) {
    EXPECT_EQ(format_config(a), format_config(b));
}

TEST(DetectConfig, OverridesOnlyTheKeysGiven) {
    const auto config = parse_config(R"({"gap_min_h": 6, "segment_max_knots": 40.5})", "test.json");
    ASSERT_TRUE(config.has_value()) << config.error();
    EXPECT_EQ(config->gap_min_h, 6);
    EXPECT_EQ(config->tracks.segment_max_knots, 40.5);
    EXPECT_EQ(config->encounter_max_m, DetectConfig{}.encounter_max_m);
}

TEST(DetectConfig, PrintedFormReadsBackToTheSameValues) {
    DetectConfig changed;
    changed.loitering_min_h = 7.25;
    changed.tracks.reorder_window_s = 60;
    const auto back = parse_config(format_config(changed), "printed");
    ASSERT_TRUE(back.has_value()) << back.error();
    expect_same(*back, changed);
}

TEST(DetectConfig, ExampleFileHoldsTheDefaults) {
    const auto example = sagar::detectors::load_config(std::filesystem::path{SAGAR_TEST_SOURCE_DIR} / "data" /
                                                       "detect.example.json");
    ASSERT_TRUE(example.has_value()) << example.error();
    expect_same(*example, DetectConfig{});
}

TEST(DetectConfig, ErrorsNameTheFileAndTheKey) {
    const auto typo = parse_config(R"({"gap_min_hours": 6})", "mine.json");
    ASSERT_FALSE(typo.has_value());
    EXPECT_NE(typo.error().find("mine.json"), std::string::npos) << typo.error();
    EXPECT_NE(typo.error().find("gap_min_hours"), std::string::npos) << typo.error();

    const auto text = parse_config(R"({"gap_min_h": "12"})", "mine.json");
    ASSERT_FALSE(text.has_value());
    EXPECT_NE(text.error().find("must be a number"), std::string::npos) << text.error();

    const auto negative = parse_config(R"({"encounter_max_m": -1})", "mine.json");
    ASSERT_FALSE(negative.has_value());
    EXPECT_NE(negative.error().find("negative"), std::string::npos) << negative.error();

    EXPECT_FALSE(parse_config("[1, 2]", "mine.json").has_value());
    EXPECT_FALSE(parse_config("{", "mine.json").has_value());
    EXPECT_FALSE(sagar::detectors::load_config("/nonexistent/sagar.json").has_value());
}

} // namespace
