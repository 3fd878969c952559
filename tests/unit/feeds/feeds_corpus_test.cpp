// The feed converters over real data from ../shared/corpora (or $SAGAR_CORPORA); each test skips with a
// message when its file is absent.

#include "support/corpus.hpp"

#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/feeds/csv_feed.hpp>
#include <sagar/feeds/from_ais.hpp>
#include <sagar/framing/line_reader.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <set>

namespace sagar::feeds {
namespace {

// 1,000 rows of the MarineCadastre file AIS_2023_01_11 (one per vessel), copied by AISViz-AISdb. Its
// SOURCE.txt lists the quirks checked here: Heading 511 in 426 rows, SOG 102.3 in 4, 46 class B rows.
TEST(FeedsCorpus, MarineCadastreSampleFromAisdb) {
    SAGAR_REQUIRE_CORPUS(path, "AISViz-AISdb/test_data_noaa_20230101.csv");
    std::string error;
    auto source = framing::open_input(path.string(), error);
    ASSERT_TRUE(source) << error;
    CsvFeedReader reader{*source, path.filename().string()};
    CsvRecord record;
    std::set<std::uint32_t> mmsis;
    std::size_t no_heading = 0;
    std::size_t no_speed = 0;
    std::size_t no_course = 0;
    std::size_t class_b = 0;
    std::size_t with_imo = 0;
    const UtcTime day_start = UtcTime::from_unix_seconds(days_from_civil(2023, 1, 11) * 86400);
    const UtcTime day_end = UtcTime::from_unix_seconds(days_from_civil(2023, 1, 12) * 86400);
    while (reader.next(record)) {
        ASSERT_TRUE(record.position) << "line " << record.line;
        const PositionReport& p = *record.position;
        mmsis.insert(p.mmsi);
        EXPECT_GE(p.time, day_start);
        EXPECT_LT(p.time, day_end);
        // SOURCE.txt: US waters 17.6N..49.5N, 157.9W..64.8W
        EXPECT_GE(p.lat, 17.5);
        EXPECT_LE(p.lat, 49.6);
        EXPECT_GE(p.lon, -158.0);
        EXPECT_LE(p.lon, -64.7);
        EXPECT_LE(p.nav_status, 15);
        no_heading += std::isnan(p.heading_deg) ? 1U : 0U;
        no_speed += p.has_speed() ? 0U : 1U;
        no_course += p.has_course() ? 0U : 1U;
        class_b += p.transponder == TransponderClass::b ? 1U : 0U;
        if (record.identity && record.identity->imo != 0) {
            ++with_imo;
        }
    }
    EXPECT_TRUE(reader.fatal_error().empty()) << reader.fatal_error();
    EXPECT_EQ(reader.format(), CsvFormat::marine_cadastre);
    const CsvStats& stats = reader.stats();
    EXPECT_EQ(stats.rows, 1000U);
    EXPECT_EQ(stats.rejected, 0U) << (reader.error_messages().empty() ? "" : reader.error_messages()[0]);
    EXPECT_EQ(stats.positions, 1000U);
    EXPECT_EQ(mmsis.size(), 1000U);
    EXPECT_EQ(no_heading, 426U);
    EXPECT_EQ(no_speed, 4U);
    EXPECT_EQ(no_course, 90U); // COG 360.0 (not available) rows
    EXPECT_EQ(class_b, 46U);
    EXPECT_EQ(with_imo, 420U); // 442 rows say "IMO#######", 22 of them IMO0000000
    // Two rows (MMSI 3669882, 338926283) carry no static data at all (zeros and empty cells).
    EXPECT_EQ(stats.identities, 998U);
}

struct FromAisCounts {
    std::size_t messages = 0;
    std::size_t positions = 0;
    std::size_t identities = 0;
    std::size_t untimed = 0; ///< reports that took the fallback time
};

/// Every message of a real NMEA file through from_ais: positions are always valid and in range, motion
/// values are NaN or within their range, and text carries no padding.
FromAisCounts convert_file(const std::filesystem::path& path) {
    const std::string data = testing::read_input(path);
    const UtcTime fallback = UtcTime::from_unix_seconds(1);
    decoding::StreamDecoder decoder;
    FromAisCounts counts;
    auto sink = [&](const framing::Meta& meta, const decoding::Message& message) {
        ++counts.messages;
        const auto r = from_ais(message, meta, fallback);
        if (r.position) {
            ++counts.positions;
            counts.untimed += r.position->time == fallback ? 1U : 0U;
            EXPECT_TRUE(r.position->lat >= -90 && r.position->lat <= 90);
            EXPECT_TRUE(r.position->lon >= -180 && r.position->lon <= 180);
            EXPECT_TRUE(std::isnan(r.position->speed_knots) || r.position->speed_knots >= 0);
            EXPECT_TRUE(std::isnan(r.position->course_deg) ||
                        (r.position->course_deg >= 0 && r.position->course_deg < 360));
            EXPECT_TRUE(std::isnan(r.position->heading_deg) ||
                        (r.position->heading_deg >= 0 && r.position->heading_deg < 360));
        }
        if (r.identity) {
            ++counts.identities;
            const std::string_view name = r.identity->name.view();
            EXPECT_FALSE(name.ends_with('@') || name.ends_with(' ')) << name;
        }
    };
    framing::MemorySource source{data};
    framing::LineReader reader{source};
    while (const auto line = reader.next()) {
        if (!line->too_long) {
            decoder.feed_line(line->text, sink);
        }
    }
    decoder.finish();
    std::cout << path.filename().string() << ": " << counts.messages << " messages, " << counts.positions
              << " positions (" << counts.untimed << " without a time), " << counts.identities
              << " identities\n";
    return counts;
}

TEST(FeedsCorpus, GpsdSampleThroughFromAis) {
    SAGAR_REQUIRE_CORPUS(path, "ntpsec-gpsd/test/sample.aivdm");
    const FromAisCounts counts = convert_file(path);
    EXPECT_GT(counts.positions, 0U);
    EXPECT_GT(counts.identities, 0U);
}

// Five minutes of the Danish network with tag-block times: every report takes the time of its sentence.
TEST(FeedsCorpus, DanishNetworkThroughFromAis) {
    SAGAR_REQUIRE_CORPUS(path, "dma-ais-AisAbnormal/ais-sample.txt.gz");
    const FromAisCounts counts = convert_file(path);
    EXPECT_GT(counts.positions, counts.messages / 2);
    EXPECT_EQ(counts.untimed, 0U);
    EXPECT_GT(counts.identities, 0U);
}

} // namespace
} // namespace sagar::feeds
