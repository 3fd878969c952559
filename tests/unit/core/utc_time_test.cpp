#include <sagar/core/utc_time.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

std::string iso(sagar::UtcTime t) {
    std::array<char, sagar::iso8601_max_size> buf{};
    const std::size_t n = sagar::format_iso8601(t, buf);
    return {buf.data(), n};
}

TEST(UtcTime, FormatsEpochAndKnownInstants) {
    EXPECT_EQ(iso(sagar::UtcTime::from_unix_seconds(0)), "1970-01-01T00:00:00Z");
    // 1272412827 is the USCG receive time on libais's typeexamples.nmea.
    EXPECT_EQ(iso(sagar::UtcTime::from_unix_seconds(1272412827)), "2010-04-28T00:00:27Z");
    EXPECT_EQ(iso(sagar::UtcTime::from_unix_ms(1327992119157)), "2012-01-31T06:41:59.157Z");
    EXPECT_EQ(iso(sagar::UtcTime::from_unix_seconds(951782400)), "2000-02-29T00:00:00Z");
    EXPECT_EQ(iso(sagar::UtcTime::from_unix_ms(-1)), "1969-12-31T23:59:59.999Z");
}

TEST(UtcTime, ParsesWhatItFormats) {
    for (const std::int64_t ms : {0LL, 1272412827000LL, 1327992119157LL, 4102444799999LL}) {
        const auto t = sagar::UtcTime::from_unix_ms(ms);
        const auto parsed = sagar::parse_iso8601(iso(t));
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(parsed->unix_ms(), ms);
    }
}

TEST(UtcTime, RejectsMalformedText) {
    for (const char* bad :
         {"", "2020-01-01", "2020-13-01T00:00:00Z", "2020-01-01T00:00:00", "2020-01-01T00:00:00+01:00",
          "2020-01-01T25:00:00Z", "2020-01-01T00:00:00.Z", "20x0-01-01T00:00:00Z"}) {
        EXPECT_FALSE(sagar::parse_iso8601(bad).has_value()) << bad;
    }
}

} // namespace

TEST(UtcTime, FromCivilChecksEachField) {
    EXPECT_EQ(sagar::from_civil({2008, 5, 9, 0, 0, 0, 10})->unix_ms(), 1210291200010);
    EXPECT_EQ(sagar::from_civil({2016, 12, 31, 23, 59, 60, 0})->unix_ms(), 1483228800000); // leap second
    EXPECT_FALSE(sagar::from_civil({2008, 13, 9, 0, 0, 0, 0}));
    EXPECT_FALSE(sagar::from_civil({2008, 5, 0, 0, 0, 0, 0}));
    EXPECT_FALSE(sagar::from_civil({2008, 5, 9, 24, 0, 0, 0}));
    EXPECT_FALSE(sagar::from_civil({2008, 5, 9, 0, 60, 0, 0}));
    EXPECT_FALSE(sagar::from_civil({2008, 5, 9, 0, 0, 61, 0}));
    EXPECT_FALSE(sagar::from_civil({2008, 5, 9, 0, 0, 0, 1000}));
}
