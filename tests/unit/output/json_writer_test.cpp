#include <sagar/output/json_writer.hpp>

#include <gtest/gtest.h>

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

TEST(JsonWriter, FixedDoublesAndNonFinite) {
    JsonWriter w;
    w.begin_object();
    w.field_fixed("v", 13.7, 2);
    w.field_fixed("n", std::numeric_limits<double>::quiet_NaN(), 2);
    w.end_object();
    EXPECT_EQ(w.view(), R"({"v":13.70,"n":null})");
}

} // namespace
