#include <sagar/output/json_writer.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>

namespace {

using sagar::output::JsonWriter;

TEST(JsonWriter, PlacesCommasAndNests) {
    JsonWriter w;
    w.begin_object();
    w.field("a", 1);
    w.field("b", true);
    w.begin_array("c");
    w.begin_object();
    w.field("d", "x");
    w.end_object();
    w.begin_object();
    w.end_object();
    w.end_array();
    w.field("e", std::uint64_t{18446744073709551615ULL});
    w.end_object();
    EXPECT_EQ(w.view(), R"({"a":1,"b":true,"c":[{"d":"x"},{}],"e":18446744073709551615})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlBytes) {
    JsonWriter w;
    w.begin_object();
    w.field("s", std::string_view{"a\"b\\c\x01\xff", 7});
    w.end_object();
    EXPECT_EQ(w.view(), R"({"s":"a\"b\\c\u0001\u00ff"})");
}

TEST(JsonWriter, EscapesAtEveryPositionOfLongStrings) {
    // Strings are scanned 8 bytes at a time with a short tail: put each special byte at every offset of
    // strings of several lengths and compare with a byte-by-byte reference.
    const auto reference = [](std::string_view text) {
        std::string out;
        for (const char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (u < 0x20 || u >= 0x7F) {
                static constexpr std::string_view hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4U];
                out += hex[u & 0xFU];
            } else {
                out += c;
            }
        }
        return out;
    };
    for (std::size_t length = 0; length <= 26; ++length) {
        for (const char special : {'"', '\\', '\x01', '\x1f', '\x7f', '\x80', '\xff', ' ', '~'}) {
            for (std::size_t at = 0; at < std::max<std::size_t>(length, 1); ++at) {
                std::string text(length, 'A');
                if (length != 0) {
                    text[at] = special;
                }
                JsonWriter w;
                w.field("s", std::string_view{text});
                ASSERT_EQ(w.view(), "\"s\":\"" + reference(text) + "\"")
                    << "length " << length << " at " << at;
            }
        }
    }
}

TEST(JsonWriter, PlainTextAndPreparedMembers) {
    static_assert(JsonWriter::is_plain_text("Under way using engine"));
    static_assert(!JsonWriter::is_plain_text("a\"b") && !JsonWriter::is_plain_text("a\\b"));
    static_assert(!JsonWriter::is_plain_text("tab\t") && !JsonWriter::is_plain_text("\x7f"));
    JsonWriter w;
    w.begin_object_with(R"("class":"AIS")");
    w.field_plain("t", "n/a");
    w.end_object();
    w.begin_object_with("");
    w.field("u", 1);
    w.end_object();
    EXPECT_EQ(w.view(), R"({"class":"AIS","t":"n/a"},{"u":1})");
}

TEST(JsonWriter, SmallAndLargeIntegersAlike) {
    // Values below 100 take a table path; check both sides of each boundary and negative values.
    JsonWriter w;
    w.begin_object();
    for (const int v : {0, 1, 9, 10, 42, 99, 100, 511, -1, -99, -100}) {
        w.field("i", v);
    }
    w.field("u", 7U);
    w.field("l", std::uint64_t{99});
    w.end_object();
    EXPECT_EQ(
        w.view(),
        R"({"i":0,"i":1,"i":9,"i":10,"i":42,"i":99,"i":100,"i":511,"i":-1,"i":-99,"i":-100,"u":7,"l":99})");
}

TEST(JsonWriter, GrowsPastItsInitialBuffer) {
    JsonWriter w;
    std::string expected;
    for (int i = 0; i < 20000; ++i) {
        w.begin_object();
        w.field("i", i);
        w.field("s", "text");
        w.end_object();
        w.end_line();
        expected += R"({"i":)" + std::to_string(i) + R"(,"s":"text"})" + "\n";
    }
    EXPECT_EQ(w.view(), expected);
    w.clear();
    EXPECT_EQ(w.size(), 0U);
}

TEST(JsonWriter, IntegersAtTheirLimits) {
    JsonWriter w;
    w.begin_object();
    w.field("a", std::int64_t{-9223372036854775807LL - 1});
    w.field("b", 0);
    w.field("c", -1);
    w.field("d", 4294967295U);
    w.field("e", false);
    w.end_object();
    EXPECT_EQ(w.view(), R"({"a":-9223372036854775808,"b":0,"c":-1,"d":4294967295,"e":false})");
}

TEST(JsonWriter, RatiosRoundHalfAwayFromZero) {
    JsonWriter w;
    w.begin_object();
    w.field_ratio("lat", 29028980, 600000, 7);  // gpsd sample: 48.3816333
    w.field_ratio("lon", -74037230, 600000, 7); // -123.3953833
    w.field_ratio("speed", 123, 10, 1);
    w.field_ratio("z", -1, 600000, 4);
    w.field_ratio("h", 5, 10, 0);
    w.field_ratio("n", -15, 10, 0);
    w.end_object();
    EXPECT_EQ(w.view(), R"({"lat":48.3816333,"lon":-123.3953833,"speed":12.3,"z":0.0000,"h":1,"n":-2})");
}

TEST(JsonWriter, RatiosBelowOneAndLarge) {
    JsonWriter w;
    w.begin_object();
    w.field_ratio("a", 6, 600000, 7);         // 0.00001 degree
    w.field_ratio("b", -6, 600000, 7);        // sign kept when the rounded value is not zero
    w.field_ratio("c", 108600000, 600000, 7); // 181 degrees: not available
    w.field_ratio("d", 1023, 10, 1);          // 102.3
    w.field_ratio("e", 5, 10, 1);             // 0.5
    w.field_ratio("f", 123456789, 1, 9);      // all nine decimals
    w.field_ratio("g", 7, 20, 2);             // 0.35
    w.end_object();
    EXPECT_EQ(
        w.view(),
        R"({"a":0.0000100,"b":-0.0000100,"c":181.0000000,"d":102.3,"e":0.5,"f":123456789.000000000,"g":0.35})");
}

TEST(JsonWriter, FixedDoublesAndNonFinite) {
    JsonWriter w;
    w.begin_object();
    w.field_fixed("v", 13.7, 2);
    w.field_fixed("n", std::numeric_limits<double>::quiet_NaN(), 2);
    w.end_object();
    EXPECT_EQ(w.view(), R"({"v":13.70,"n":null})");
}

} // namespace
