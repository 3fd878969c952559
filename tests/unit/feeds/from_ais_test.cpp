#include <sagar/feeds/from_ais.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace sagar::feeds {
namespace {

using decoding::Message;

constexpr UtcTime fallback = UtcTime::from_unix_seconds(1700000000);
constexpr UtcTime tagged = UtcTime::from_unix_ms(1600000000123);

framing::Meta meta_with_time() {
    framing::Meta meta;
    meta.time = tagged;
    return meta;
}

decoding::Header header(std::uint8_t type, std::uint32_t mmsi = 227006760) {
    decoding::Header h;
    h.type = type;
    h.mmsi = mmsi;
    return h;
}

decoding::Position at(double lat, double lon) {
    return decoding::Position{static_cast<std::int32_t>(std::lround(lon * 600000)),
                              static_cast<std::int32_t>(std::lround(lat * 600000))};
}

decoding::PositionReportA class_a(std::uint8_t type = 1) {
    decoding::PositionReportA m;
    m.header = header(type);
    m.status = 5;
    m.speed = 123;
    m.course = 2345;
    m.heading = 270;
    m.position = at(49.475, 0.1315);
    return m;
}

TEST(FromAis, ClassAPositionInPhysicalUnits) {
    for (const std::uint8_t type : {std::uint8_t{1}, std::uint8_t{2}, std::uint8_t{3}}) {
        const auto r = from_ais(Message{class_a(type)}, meta_with_time(), fallback);
        ASSERT_TRUE(r.position);
        EXPECT_FALSE(r.identity);
        const PositionReport& p = *r.position;
        EXPECT_EQ(p.time, tagged);
        EXPECT_EQ(p.mmsi, 227006760U);
        EXPECT_NEAR(p.lat, 49.475, 1e-9);
        EXPECT_NEAR(p.lon, 0.1315, 1e-9);
        EXPECT_FLOAT_EQ(p.speed_knots, 12.3F);
        EXPECT_FLOAT_EQ(p.course_deg, 234.5F);
        EXPECT_FLOAT_EQ(p.heading_deg, 270.0F);
        EXPECT_EQ(p.nav_status, 5);
        EXPECT_EQ(p.message_type, type);
        EXPECT_EQ(p.transponder, TransponderClass::a);
    }
}

TEST(FromAis, FallbackTimeWhenMetaHasNone) {
    const auto r = from_ais(Message{class_a()}, framing::Meta{}, fallback);
    ASSERT_TRUE(r.position);
    EXPECT_EQ(r.position->time, fallback);
}

TEST(FromAis, MotionSentinelsBecomeNaN) {
    auto m = class_a();
    m.speed = 1023;
    m.course = 3600;
    m.heading = 511;
    auto r = from_ais(Message{m}, {}, fallback);
    ASSERT_TRUE(r.position);
    EXPECT_TRUE(std::isnan(r.position->speed_knots));
    EXPECT_FALSE(r.position->has_speed());
    EXPECT_TRUE(std::isnan(r.position->course_deg));
    EXPECT_TRUE(std::isnan(r.position->heading_deg));

    // Values beyond the defined range are not available either; 1022 is "102.2 knots or more".
    m.speed = 1022;
    m.course = 3601;
    m.heading = 360;
    r = from_ais(Message{m}, {}, fallback);
    EXPECT_FLOAT_EQ(r.position->speed_knots, 102.2F);
    EXPECT_TRUE(std::isnan(r.position->course_deg));
    EXPECT_TRUE(std::isnan(r.position->heading_deg));

    m.speed = 0;
    m.course = 0;
    m.heading = 0;
    r = from_ais(Message{m}, {}, fallback);
    EXPECT_EQ(r.position->speed_knots, 0.0F);
    EXPECT_EQ(r.position->course_deg, 0.0F);
    EXPECT_EQ(r.position->heading_deg, 0.0F);
}

TEST(FromAis, UnavailableOrOutOfRangePositionsAreDropped) {
    auto m = class_a();
    m.position = decoding::Position{}; // 181, 91
    EXPECT_FALSE(from_ais(Message{m}, {}, fallback).position);
    m.position = at(10, 181); // lon sentinel only
    m.position.lon = decoding::Position::not_available_lon;
    EXPECT_FALSE(from_ais(Message{m}, {}, fallback).position);
    m.position = at(10, 20);
    m.position.lat = decoding::Position::not_available_lat;
    EXPECT_FALSE(from_ais(Message{m}, {}, fallback).position);
    m.position = at(90.5, 20);
    EXPECT_FALSE(from_ais(Message{m}, {}, fallback).position);
    m.position = at(-10, -180.01);
    EXPECT_FALSE(from_ais(Message{m}, {}, fallback).position);
    m.position = at(-90, -180); // the edges are valid
    ASSERT_TRUE(from_ais(Message{m}, {}, fallback).position);
    m.position = at(90, 180);
    EXPECT_TRUE(from_ais(Message{m}, {}, fallback).position);
}

TEST(FromAis, ClassBType18) {
    decoding::PositionReportB m;
    m.header = header(18, 338123456);
    m.speed = 55;
    m.course = 900;
    m.heading = 511;
    m.position = at(-33.5, 151.25);
    const auto r = from_ais(Message{m}, {}, fallback);
    ASSERT_TRUE(r.position);
    EXPECT_FALSE(r.identity);
    EXPECT_EQ(r.position->transponder, TransponderClass::b);
    EXPECT_EQ(r.position->message_type, 18);
    EXPECT_EQ(r.position->nav_status, 15);
    EXPECT_FLOAT_EQ(r.position->speed_knots, 5.5F);
    EXPECT_FLOAT_EQ(r.position->course_deg, 90.0F);
    EXPECT_TRUE(std::isnan(r.position->heading_deg));
    EXPECT_NEAR(r.position->lat, -33.5, 1e-9);
}

TEST(FromAis, ClassBType19GivesPositionAndIdentity) {
    decoding::ExtendedPositionReportB m;
    m.header = header(19, 338123457);
    m.speed = 1023;
    m.position = at(1, 2);
    m.shipname.assign("SEA WIND@@@   ");
    m.shiptype = 37;
    m.dimensions = {10, 5, 2, 3};
    const auto r = from_ais(Message{m}, meta_with_time(), fallback);
    ASSERT_TRUE(r.position);
    ASSERT_TRUE(r.identity);
    EXPECT_TRUE(std::isnan(r.position->speed_knots));
    EXPECT_EQ(r.position->transponder, TransponderClass::b);
    const IdentityReport& id = *r.identity;
    EXPECT_EQ(id.time, tagged);
    EXPECT_EQ(id.mmsi, 338123457U);
    EXPECT_EQ(id.name.view(), "SEA WIND");
    EXPECT_EQ(id.ship_type, 37);
    EXPECT_EQ(id.length_m, 15);
    EXPECT_EQ(id.width_m, 5);
    EXPECT_EQ(id.transponder, TransponderClass::b);

    m.position = decoding::Position{};
    const auto no_pos = from_ais(Message{m}, {}, fallback);
    EXPECT_FALSE(no_pos.position);
    EXPECT_TRUE(no_pos.identity); // the static half stands on its own
}

TEST(FromAis, LongRangeType27InTenthMinutes) {
    decoding::LongRangePosition m;
    m.header = header(27, 211000001);
    m.status = 0;
    m.position = decoding::TenthMinutePosition{-600 * 70 - 3, 600 * 55 + 6}; // lon -70.005, lat 55.01
    m.speed = 14;
    m.course = 123;
    const auto r = from_ais(Message{m}, {}, fallback);
    ASSERT_TRUE(r.position);
    EXPECT_NEAR(r.position->lat, 55.01, 1e-9);
    EXPECT_NEAR(r.position->lon, -70.005, 1e-9);
    EXPECT_FLOAT_EQ(r.position->speed_knots, 14.0F);
    EXPECT_FLOAT_EQ(r.position->course_deg, 123.0F);
    EXPECT_TRUE(std::isnan(r.position->heading_deg));
    EXPECT_EQ(r.position->nav_status, 0);
    EXPECT_EQ(r.position->message_type, 27);
    EXPECT_EQ(r.position->transponder, TransponderClass::unknown);

    m.speed = 63;
    m.course = 511;
    const auto na = from_ais(Message{m}, {}, fallback);
    EXPECT_TRUE(std::isnan(na.position->speed_knots));
    EXPECT_TRUE(std::isnan(na.position->course_deg));

    m.position = decoding::TenthMinutePosition{};
    EXPECT_FALSE(from_ais(Message{m}, {}, fallback).position);
    m.position = decoding::TenthMinutePosition{0, 600 * 91 - 1}; // 90.998: out of range, not the sentinel
    EXPECT_FALSE(from_ais(Message{m}, {}, fallback).position);
}

TEST(FromAis, BaseStationType4ButNotType11) {
    decoding::BaseStationReport m;
    m.header = header(4, 2190064);
    m.position = at(56.7166, 11.519);
    auto r = from_ais(Message{m}, {}, fallback);
    ASSERT_TRUE(r.position);
    EXPECT_EQ(r.position->transponder, TransponderClass::other);
    EXPECT_EQ(r.position->message_type, 4);
    EXPECT_TRUE(std::isnan(r.position->speed_knots));
    EXPECT_EQ(r.position->nav_status, 15);
    m.header.type = 11;
    r = from_ais(Message{m}, {}, fallback);
    EXPECT_FALSE(r.position);
    EXPECT_FALSE(r.identity);
}

TEST(FromAis, SarAircraftType9SpeedInWholeKnots) {
    decoding::SarAircraftReport m;
    m.header = header(9, 111232506);
    m.speed = 140;
    m.course = 1805;
    m.position = at(40, -8);
    auto r = from_ais(Message{m}, {}, fallback);
    ASSERT_TRUE(r.position);
    EXPECT_FLOAT_EQ(r.position->speed_knots, 140.0F);
    EXPECT_FLOAT_EQ(r.position->course_deg, 180.5F);
    EXPECT_EQ(r.position->transponder, TransponderClass::other);
    m.speed = 1023;
    m.course = 3600;
    r = from_ais(Message{m}, {}, fallback);
    EXPECT_TRUE(std::isnan(r.position->speed_knots));
    EXPECT_TRUE(std::isnan(r.position->course_deg));
}

TEST(FromAis, AidToNavigationType21) {
    decoding::AidToNavigationReport m;
    m.header = header(21, 992271001);
    m.name.assign("LE HAVRE LHA@@");
    m.position = at(49.5, 0.0);
    m.dimensions = {3, 3, 2, 2};
    const auto r = from_ais(Message{m}, {}, fallback);
    ASSERT_TRUE(r.position);
    ASSERT_TRUE(r.identity);
    EXPECT_EQ(r.position->transponder, TransponderClass::other);
    EXPECT_EQ(r.identity->name.view(), "LE HAVRE LHA");
    EXPECT_EQ(r.identity->transponder, TransponderClass::other);
    EXPECT_EQ(r.identity->length_m, 6);
    EXPECT_EQ(r.identity->width_m, 4);
    EXPECT_EQ(r.identity->ship_type, 0);
}

TEST(FromAis, StaticVoyageType5) {
    decoding::StaticVoyageData m;
    m.header = header(5, 351759000);
    m.imo = 9134270;
    m.callsign.assign("3FOF8  ");
    m.shipname.assign("EVER DIADEM @@@@@@@@");
    m.shiptype = 70;
    m.dimensions = {225, 70, 1, 31};
    m.draught = 122;
    m.destination.assign("NEW YORK@@@");
    const auto r = from_ais(Message{m}, meta_with_time(), fallback);
    EXPECT_FALSE(r.position);
    ASSERT_TRUE(r.identity);
    const IdentityReport& id = *r.identity;
    EXPECT_EQ(id.time, tagged);
    EXPECT_EQ(id.mmsi, 351759000U);
    EXPECT_EQ(id.imo, 9134270U);
    EXPECT_EQ(id.callsign.view(), "3FOF8");
    EXPECT_EQ(id.name.view(), "EVER DIADEM");
    EXPECT_EQ(id.destination.view(), "NEW YORK");
    EXPECT_EQ(id.ship_type, 70);
    EXPECT_EQ(id.length_m, 295);
    EXPECT_EQ(id.width_m, 32);
    EXPECT_FLOAT_EQ(id.draught_m, 12.2F);
    EXPECT_EQ(id.transponder, TransponderClass::a);

    m.draught = 0;
    m.imo = 0;
    m.shipname.assign("@@@@@@@@@@@@@@@@@@@@");
    const auto empty = from_ais(Message{m}, {}, fallback);
    EXPECT_TRUE(std::isnan(empty.identity->draught_m));
    EXPECT_EQ(empty.identity->imo, 0U);
    EXPECT_TRUE(empty.identity->name.empty());
}

TEST(FromAis, StaticDataType24PartsAAndB) {
    decoding::StaticDataB a;
    a.header = header(24, 271041815);
    a.part = decoding::StaticDataB::Part::a;
    a.shipname.assign("PROGUY  ");
    auto r = from_ais(Message{a}, {}, fallback);
    EXPECT_FALSE(r.position);
    ASSERT_TRUE(r.identity);
    EXPECT_EQ(r.identity->name.view(), "PROGUY");
    EXPECT_TRUE(r.identity->callsign.empty());
    EXPECT_EQ(r.identity->length_m, 0);
    EXPECT_EQ(r.identity->transponder, TransponderClass::b);

    decoding::StaticDataB b;
    b.header = header(24, 271041815);
    b.part = decoding::StaticDataB::Part::b;
    b.shipname.assign("IGNORED");
    b.callsign.assign("TC6163@");
    b.shiptype = 60;
    b.dimensions = {0, 15, 0, 5};
    r = from_ais(Message{b}, {}, fallback);
    ASSERT_TRUE(r.identity);
    EXPECT_TRUE(r.identity->name.empty());
    EXPECT_EQ(r.identity->callsign.view(), "TC6163");
    EXPECT_EQ(r.identity->ship_type, 60);
    EXPECT_EQ(r.identity->length_m, 15);
    EXPECT_EQ(r.identity->width_m, 5);

    // An auxiliary craft's dimension bits are its parent's MMSI, not a hull size.
    b.header.mmsi = 982271001;
    r = from_ais(Message{b}, {}, fallback);
    EXPECT_EQ(r.identity->length_m, 0);
    EXPECT_EQ(r.identity->width_m, 0);
}

TEST(FromAis, OtherTypesGiveNothing) {
    decoding::BroadcastSafety m;
    m.header = header(14);
    const auto r = from_ais(Message{m}, {}, fallback);
    EXPECT_FALSE(r.position);
    EXPECT_FALSE(r.identity);
}

} // namespace
} // namespace sagar::feeds
