#include "support/bit_writer.hpp"
#include "support/decode_support.hpp"

#include <sagar/decoding/message.hpp>

#include <gtest/gtest.h>

namespace {

using sagar::Reject;
using sagar::decoding::BaseStationReport;
using sagar::decoding::ExtendedPositionReportB;
using sagar::decoding::LongRangePosition;
using sagar::decoding::Motion;
using sagar::decoding::Position;
using sagar::decoding::PositionReportA;
using sagar::decoding::PositionReportB;
using sagar::decoding::SarAircraftReport;
using sagar::testing::BitWriter;
using sagar::testing::decode_as;
using sagar::testing::reject_of;
using sagar::testing::zeros;

/// Type 1-3 body after the header, 130 bits.
BitWriter class_a(unsigned type, std::uint32_t radio = 0x5A5A5) {
    BitWriter w;
    w.header(type, 2, 244123456)
        .u(7, 4)          // status: fishing
        .s(-37, 8)        // turn
        .u(123, 10)       // speed 12.3 kn
        .flag(true)       // accuracy
        .s(-44443279, 28) // lon
        .s(24410724, 27)  // lat
        .u(2240, 12)      // course
        .u(215, 9)        // heading
        .u(33, 6)         // second
        .u(2, 2)          // maneuver
        .u(0, 3)          // spare
        .flag(true)       // raim
        .u(radio, 19);    // radio
    return w;
}

TEST(PositionReportA, DecodesEveryField) {
    const auto m = decode_as<PositionReportA>(class_a(3));
    EXPECT_EQ(m.header.type, 3);
    EXPECT_EQ(m.header.repeat, 2);
    EXPECT_EQ(m.header.mmsi, 244123456U);
    EXPECT_EQ(m.status, 7);
    EXPECT_EQ(m.turn, -37);
    EXPECT_EQ(m.speed, 123);
    EXPECT_TRUE(m.accuracy);
    EXPECT_EQ(m.position.lon, -44443279);
    EXPECT_EQ(m.position.lat, 24410724);
    EXPECT_EQ(m.course, 2240);
    EXPECT_EQ(m.heading, 215);
    EXPECT_EQ(m.second, 33);
    EXPECT_EQ(m.maneuver, 2);
    EXPECT_TRUE(m.raim);
    EXPECT_EQ(m.radio, 0x5A5A5U);
}

TEST(PositionReportA, KeepsNotAvailableSentinels) {
    BitWriter w;
    w.header(1, 0, 1)
        .u(15, 4)
        .s(-128, 8)
        .u(1023, 10)
        .flag(false)
        .s(Position::not_available_lon, 28)
        .s(Position::not_available_lat, 27)
        .u(3600, 12)
        .u(511, 9)
        .u(60, 6);
    zeros(w, 2 + 3 + 1 + 19);
    const auto m = decode_as<PositionReportA>(w);
    EXPECT_EQ(m.turn, PositionReportA::turn_not_available);
    EXPECT_EQ(m.speed, Motion::speed_not_available);
    EXPECT_FALSE(m.position.is_available());
    EXPECT_EQ(m.position.lon, Position::not_available_lon);
    EXPECT_EQ(m.position.lat, Position::not_available_lat);
    EXPECT_EQ(m.course, Motion::course_not_available);
    EXPECT_EQ(m.heading, Motion::heading_not_available);
    EXPECT_EQ(m.second, Motion::second_not_available);
}

TEST(PositionReportA, AcceptsTheLengthsGpsdAccepts) {
    // 204 bits (seen in the wild): the extra bits are ignored.
    BitWriter longer = class_a(1);
    zeros(longer, 36);
    EXPECT_EQ(decode_as<PositionReportA>(longer).radio, 0x5A5A5U);

    // 163 bits: the radio field keeps the 14 bits that were sent.
    BitWriter w;
    w.header(1, 0, 1).u(0, 4).s(0, 8).u(0, 10).flag(false).s(0, 28).s(0, 27).u(0, 12).u(0, 9).u(0, 6).u(0, 2);
    w.u(0, 3).flag(false).u(0x2ABC, 14);
    ASSERT_EQ(w.size(), 163U);
    EXPECT_EQ(decode_as<PositionReportA>(w).radio, 0x2ABCU);
}

TEST(PositionReportA, RejectsOutsideGpsdsRange) {
    BitWriter short_one;
    zeros(short_one.header(1, 0, 1), 124);
    EXPECT_EQ(reject_of(short_one), Reject::payload_too_short);
    BitWriter too_long = class_a(2);
    zeros(too_long, 37);
    EXPECT_EQ(reject_of(too_long), Reject::payload_too_long);
}

TEST(BaseStationReport, DecodesType4And11) {
    for (const unsigned type : {4U, 11U}) {
        BitWriter w;
        w.header(type, 0, 3669702)
            .u(2007, 14)
            .u(5, 4)
            .u(14, 5)
            .u(19, 5)
            .u(57, 6)
            .u(39, 6)
            .flag(true)
            .s(-45811417, 28)
            .s(22130260, 27)
            .u(7, 4)
            .u(0, 10)
            .flag(true)
            .u(67039, 19);
        const auto m = decode_as<BaseStationReport>(w);
        EXPECT_EQ(m.header.type, type);
        EXPECT_EQ(m.year, 2007);
        EXPECT_EQ(m.month, 5);
        EXPECT_EQ(m.day, 14);
        EXPECT_EQ(m.hour, 19);
        EXPECT_EQ(m.minute, 57);
        EXPECT_EQ(m.second, 39);
        EXPECT_TRUE(m.accuracy);
        EXPECT_EQ(m.position.lon, -45811417);
        EXPECT_EQ(m.position.lat, 22130260);
        EXPECT_EQ(m.epfd, 7);
        EXPECT_TRUE(m.raim);
        EXPECT_EQ(m.radio, 67039U);
    }
}

TEST(BaseStationReport, RejectsShortMessages) {
    BitWriter w;
    zeros(w.header(4, 0, 1), 129);
    EXPECT_EQ(reject_of(w), Reject::payload_too_short);
}

TEST(SarAircraftReport, DecodesEveryField) {
    BitWriter w;
    w.header(9, 1, 111232511)
        .u(303, 12)
        .u(42, 10)
        .flag(true)
        .s(-3767306, 28)
        .s(34886400, 27)
        .u(1545, 12)
        .u(15, 6)
        .u(200, 8)
        .flag(true)
        .u(0, 3)
        .flag(true)
        .flag(true)
        .u(33392, 20);
    const auto m = decode_as<SarAircraftReport>(w);
    EXPECT_EQ(m.altitude, 303);
    EXPECT_EQ(m.speed, 42);
    EXPECT_TRUE(m.accuracy);
    EXPECT_EQ(m.position.lon, -3767306);
    EXPECT_EQ(m.position.lat, 34886400);
    EXPECT_EQ(m.course, 1545);
    EXPECT_EQ(m.second, 15);
    EXPECT_EQ(m.regional, 200);
    EXPECT_TRUE(m.dte);
    EXPECT_TRUE(m.assigned);
    EXPECT_TRUE(m.raim);
    EXPECT_EQ(m.radio, 33392U);

    BitWriter short_one;
    zeros(short_one.header(9, 0, 1), 129);
    EXPECT_EQ(reject_of(short_one), Reject::payload_too_short);
}

TEST(PositionReportB, DecodesEveryField) {
    BitWriter w;
    w.header(18, 0, 338087471)
        .u(0xA5, 8)
        .u(51, 10)
        .flag(true)
        .s(-43340309, 28)
        .s(23688555, 27)
        .u(349, 12)
        .u(511, 9)
        .u(17, 6)
        .u(2, 2)
        .flag(true)  // cs
        .flag(false) // display
        .flag(true)  // dsc
        .flag(false) // band
        .flag(true)  // msg22
        .flag(true)  // assigned
        .flag(false) // raim
        .u(917510, 20);
    const auto m = decode_as<PositionReportB>(w);
    EXPECT_EQ(m.reserved, 0xA5);
    EXPECT_EQ(m.speed, 51);
    EXPECT_TRUE(m.accuracy);
    EXPECT_EQ(m.position.lon, -43340309);
    EXPECT_EQ(m.position.lat, 23688555);
    EXPECT_EQ(m.course, 349);
    EXPECT_EQ(m.heading, 511);
    EXPECT_EQ(m.second, 17);
    EXPECT_EQ(m.regional, 2);
    EXPECT_TRUE(m.cs);
    EXPECT_FALSE(m.display);
    EXPECT_TRUE(m.dsc);
    EXPECT_FALSE(m.band);
    EXPECT_TRUE(m.msg22);
    EXPECT_TRUE(m.assigned);
    EXPECT_FALSE(m.raim);
    EXPECT_EQ(m.radio, 917510U);

    BitWriter short_one;
    zeros(short_one.header(18, 0, 1), 129);
    EXPECT_EQ(reject_of(short_one), Reject::payload_too_short);
}

TEST(ExtendedPositionReportB, DecodesEveryField) {
    BitWriter w;
    w.header(19, 0, 367059850)
        .u(248, 8)
        .u(87, 10)
        .flag(false)
        .s(-53286235, 28)
        .s(17726217, 27)
        .u(3359, 12)
        .u(511, 9)
        .u(46, 6)
        .u(4, 4)
        .text("CAPT.J.RIMES        ", 20)
        .u(70, 8)
        .u(5, 9)
        .u(21, 9)
        .u(4, 6)
        .u(4, 6)
        .u(1, 4)
        .flag(true)
        .flag(true)
        .flag(false)
        .u(0, 4);
    ASSERT_EQ(w.size(), 312U);
    const auto m = decode_as<ExtendedPositionReportB>(w);
    EXPECT_EQ(m.reserved, 248);
    EXPECT_EQ(m.speed, 87);
    EXPECT_EQ(m.position.lon, -53286235);
    EXPECT_EQ(m.position.lat, 17726217);
    EXPECT_EQ(m.course, 3359);
    EXPECT_EQ(m.heading, 511);
    EXPECT_EQ(m.second, 46);
    EXPECT_EQ(m.regional, 4);
    EXPECT_EQ(m.shipname.view(), "CAPT.J.RIMES"); // trailing spaces stripped
    EXPECT_EQ(m.shiptype, 70);
    EXPECT_EQ(m.dimensions.to_bow, 5);
    EXPECT_EQ(m.dimensions.to_stern, 21);
    EXPECT_EQ(m.dimensions.to_port, 4);
    EXPECT_EQ(m.dimensions.to_starboard, 4);
    EXPECT_EQ(m.epfd, 1);
    EXPECT_TRUE(m.raim);
    EXPECT_TRUE(m.dte);
    EXPECT_FALSE(m.assigned);

    BitWriter short_one;
    zeros(short_one.header(19, 0, 1), 273);
    EXPECT_EQ(reject_of(short_one), Reject::payload_too_short);
}

BitWriter long_range(std::size_t padding) {
    BitWriter w;
    w.header(27, 1, 206914217)
        .flag(true)
        .flag(false)
        .u(2, 4)
        .s(-92521, 18)
        .s(2904, 17)
        .u(57, 6)
        .u(167, 9)
        .flag(true)
        .u(0, 1);
    zeros(w, padding);
    return w;
}

TEST(LongRangePosition, DecodesEveryField) {
    const auto m = decode_as<LongRangePosition>(long_range(0));
    EXPECT_TRUE(m.accuracy);
    EXPECT_FALSE(m.raim);
    EXPECT_EQ(m.status, 2);
    EXPECT_EQ(m.position.lon, -92521);
    EXPECT_EQ(m.position.lat, 2904);
    EXPECT_EQ(m.speed, 57);
    EXPECT_EQ(m.course, 167);
    EXPECT_TRUE(m.gnss);
}

TEST(LongRangePosition, AcceptsOnly96Or168Bits) {
    EXPECT_EQ(decode_as<LongRangePosition>(long_range(72)).course, 167); // a full 168-bit slot
    EXPECT_EQ(reject_of(long_range(6)), Reject::payload_too_long);
    BitWriter short_one;
    zeros(short_one.header(27, 0, 1), 57);
    EXPECT_EQ(reject_of(short_one), Reject::payload_too_short);
}

} // namespace
