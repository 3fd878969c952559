// Type 8 application messages (DAC/FI pairs): typed fields for the pairs gpsd decodes, raw bits for
// the others and for payloads too short (or, for the fixed-length inland messages, of another length).

#include "support/bit_writer.hpp"

#include <sagar/decoding/message.hpp>

#include <gtest/gtest.h>

namespace {

using sagar::decoding::BroadcastApplication;
using sagar::decoding::BroadcastBinary;
using sagar::decoding::RawApplicationData;
using sagar::testing::BitWriter;
namespace broadcast = sagar::decoding::broadcast;

BitWriter type8(unsigned dac, unsigned fi) {
    BitWriter w;
    w.header(8, 0, 244000123).u(0, 2).u(dac, 10).u(fi, 6);
    return w;
}

BroadcastApplication application(const BitWriter& w) {
    const auto message = sagar::decoding::decode_message(w.bits());
    EXPECT_TRUE(message.has_value());
    if (!message.has_value() || !std::holds_alternative<BroadcastBinary>(*message)) {
        ADD_FAILURE() << "not a type 8 message";
        return {};
    }
    return std::get<BroadcastBinary>(*message).application;
}

template <class T>
T decoded(const BitWriter& w) {
    const BroadcastApplication app = application(w);
    EXPECT_TRUE(std::holds_alternative<T>(app)) << "alternative " << app.index();
    return std::holds_alternative<T>(app) ? std::get<T>(app) : T{};
}

/// Expects the pair to be kept as raw bits, `bits` of them after the FI.
void expect_raw(const BitWriter& w, std::size_t bits) {
    const BroadcastApplication app = application(w);
    ASSERT_TRUE(std::holds_alternative<RawApplicationData>(app)) << "alternative " << app.index();
    EXPECT_EQ(std::get<RawApplicationData>(app).bit_count, bits);
}

/// DAC 1 FI 11 up to the ice field: 290 bits after the FI.
BitWriter met_hydro_236_body(BitWriter w) {
    w.s(-3197693, 24).s(368039, 25).u(18, 5).u(17, 5).u(15, 6);
    w.u(3, 7).u(6, 7).u(12, 9).u(15, 9);
    w.u(742, 11).u(50, 7).u(323, 10).u(224, 9).u(2, 2).u(153, 8);
    w.u(16, 9).u(1, 2);
    w.u(103, 8).u(256, 9).u(104, 8).u(257, 9).u(10, 5).u(126, 8).u(203, 9).u(20, 5);
    w.u(42, 8).u(35, 6).u(25, 9).u(23, 8).u(48, 6).u(124, 9).u(3, 4);
    w.u(223, 10).u(6, 3).u(53, 9).u(1, 2);
    return w;
}

TEST(BroadcastApplications, MetHydro236) {
    BitWriter w = met_hydro_236_body(type8(1, 11));
    w.u(0, 6);
    const auto m = decoded<broadcast::MetHydro236>(w);
    EXPECT_EQ(m.lat, -3197693);
    EXPECT_EQ(m.lon, 368039);
    EXPECT_EQ(m.day, 18);
    EXPECT_EQ(m.hour, 17);
    EXPECT_EQ(m.minute, 15);
    EXPECT_EQ(m.wind_speed, 3);
    EXPECT_EQ(m.wind_gust, 6);
    EXPECT_EQ(m.wind_direction, 12);
    EXPECT_EQ(m.gust_direction, 15);
    EXPECT_EQ(m.air_temperature, 742);
    EXPECT_EQ(m.humidity, 50);
    EXPECT_EQ(m.dew_point, 323);
    EXPECT_EQ(m.pressure, 224);
    EXPECT_EQ(m.pressure_tendency, 2);
    EXPECT_EQ(m.visibility, 153);
    EXPECT_EQ(m.water_level, 16);
    EXPECT_EQ(m.level_trend, 1);
    EXPECT_EQ(m.current_speed, 103);
    EXPECT_EQ(m.current_direction, 256);
    EXPECT_EQ(m.current2_speed, 104);
    EXPECT_EQ(m.current2_direction, 257);
    EXPECT_EQ(m.current2_depth, 10);
    EXPECT_EQ(m.current3_speed, 126);
    EXPECT_EQ(m.current3_direction, 203);
    EXPECT_EQ(m.current3_depth, 20);
    EXPECT_EQ(m.wave_height, 42);
    EXPECT_EQ(m.wave_period, 35);
    EXPECT_EQ(m.wave_direction, 25);
    EXPECT_EQ(m.swell_height, 23);
    EXPECT_EQ(m.swell_period, 48);
    EXPECT_EQ(m.swell_direction, 124);
    EXPECT_EQ(m.sea_state, 3);
    EXPECT_EQ(m.water_temperature, 223);
    EXPECT_EQ(m.precipitation_type, 6);
    EXPECT_EQ(m.salinity, 53);
    EXPECT_EQ(m.ice, 1);
}

TEST(BroadcastApplications, MetHydro236WithoutSpareBits) {
    // The 6 trailing spare bits are not needed: every field was transmitted.
    const auto m = decoded<broadcast::MetHydro236>(met_hydro_236_body(type8(1, 11)));
    EXPECT_EQ(m.ice, 1);
}

TEST(BroadcastApplications, MetHydro236TooShortIsRaw) {
    BitWriter w = type8(1, 11);
    w.s(3197693, 24).s(-368039, 25).u(0, 240); // 289 bits: the ice field is missing
    expect_raw(w, 289);
}

TEST(BroadcastApplications, MetHydro289) {
    BitWriter w = type8(1, 31);
    w.s(-1126600, 25).s(3264671, 24).flag(true).u(20, 5).u(18, 5).u(28, 6);
    w.u(17, 7).u(127, 7).u(132, 9).u(360, 9);
    w.s(-35, 11).u(87, 7).s(-1, 10).u(214, 9).u(0, 2).flag(true).u(127, 7);
    w.u(965, 12).u(2, 2);
    w.u(12, 8).u(90, 9).u(255, 8).u(360, 9).u(31, 5).u(255, 8).u(360, 9).u(31, 5);
    w.u(15, 8).u(4, 6).u(270, 9).u(255, 8).u(63, 6).u(360, 9).u(13, 4);
    w.s(-17, 10).u(7, 3).u(510, 9).u(3, 2).u(0, 10);
    const auto m = decoded<broadcast::MetHydro289>(w);
    EXPECT_EQ(m.lon, -1126600);
    EXPECT_EQ(m.lat, 3264671);
    EXPECT_TRUE(m.accuracy);
    EXPECT_EQ(m.day, 20);
    EXPECT_EQ(m.minute, 28);
    EXPECT_EQ(m.wind_gust, broadcast::MetHydro289::wind_speed_not_available);
    EXPECT_EQ(m.gust_direction, broadcast::MetHydro289::direction_not_available);
    EXPECT_EQ(m.air_temperature, -35);
    EXPECT_EQ(m.humidity, 87);
    EXPECT_EQ(m.dew_point, -1);
    EXPECT_EQ(m.pressure, 214);
    EXPECT_TRUE(m.visibility_greater);
    EXPECT_EQ(m.visibility, broadcast::MetHydro289::visibility_not_available);
    EXPECT_EQ(m.water_level, 965);
    EXPECT_EQ(m.level_trend, 2);
    EXPECT_EQ(m.current_speed, 12);
    EXPECT_EQ(m.current2_depth, 31);
    EXPECT_EQ(m.wave_height, 15);
    EXPECT_EQ(m.swell_period, broadcast::MetHydro289::period_not_available);
    EXPECT_EQ(m.sea_state, broadcast::MetHydro289::sea_state_not_available);
    EXPECT_EQ(m.water_temperature, -17);
    EXPECT_EQ(m.precipitation_type, broadcast::MetHydro289::precipitation_not_available);
    EXPECT_EQ(m.salinity, broadcast::MetHydro289::salinity_not_available);
    EXPECT_EQ(m.ice, broadcast::MetHydro289::ice_not_available);
}

TEST(BroadcastApplications, MetHydro289TooShortIsRaw) {
    BitWriter w = type8(1, 31);
    w.u(0, 200);
    expect_raw(w, 200);
}

TEST(BroadcastApplications, FairwayClosed) {
    BitWriter w = type8(1, 13);
    w.text("ICE", 20).text("KIEL CANAL EAST", 20).text("HOLTENAU LOCK", 20);
    w.u(12, 10).u(1, 2).u(5, 5).u(3, 4).u(6, 5).u(30, 6).u(7, 5).u(3, 4).u(18, 5).u(0, 6).u(0, 4);
    const auto m = decoded<broadcast::FairwayClosed>(w);
    EXPECT_EQ(m.reason.view(), "ICE");
    EXPECT_EQ(m.close_from.view(), "KIEL CANAL EAST");
    EXPECT_EQ(m.close_to.view(), "HOLTENAU LOCK");
    EXPECT_EQ(m.radius, 12);
    EXPECT_EQ(m.extent_unit, 1);
    EXPECT_EQ(m.from_day, 5);
    EXPECT_EQ(m.from_month, 3);
    EXPECT_EQ(m.from_hour, 6);
    EXPECT_EQ(m.from_minute, 30);
    EXPECT_EQ(m.to_day, 7);
    EXPECT_EQ(m.to_month, 3);
    EXPECT_EQ(m.to_hour, 18);
    EXPECT_EQ(m.to_minute, 0);
}

TEST(BroadcastApplications, FairwayClosedTooShortIsRaw) {
    BitWriter w = type8(1, 13);
    w.text("ICE", 20).text("KIEL", 20).text("LOCK", 20).u(0, 40);
    expect_raw(w, 400);
}

TEST(BroadcastApplications, ExtendedShipStatic) {
    BitWriter w = type8(1, 15);
    w.u(345, 11).u(0, 5);
    EXPECT_EQ(decoded<broadcast::ExtendedShipStatic>(w).air_draught, 345);
}

TEST(BroadcastApplications, PersonsOnBoardLayouts) {
    BitWriter imo289 = type8(1, 16);
    imo289.u(0, 32).u(1234, 13).u(0, 91); // 136 bits after the FI
    EXPECT_EQ(decoded<broadcast::PersonsOnBoard>(imo289).persons, 1234);

    BitWriter imo236 = type8(1, 16);
    imo236.u(321, 13).u(0, 3); // 16 bits: count and spare
    EXPECT_EQ(decoded<broadcast::PersonsOnBoard>(imo236).persons, 321);

    BitWriter padded236 = type8(1, 16);
    padded236.u(77, 13).u(0, 59); // the 72-bit length gpsd also takes for IMO236
    EXPECT_EQ(decoded<broadcast::PersonsOnBoard>(padded236).persons, 77);

    // Any other length is some other message under this FI (as gpsd judges it).
    BitWriter other = type8(1, 16);
    other.u(0, 240);
    expect_raw(other, 240);
}

TEST(BroadcastApplications, VtsTargets) {
    BitWriter w = type8(1, 17);
    w.u(0, 2).u(244123456, 42).u(0, 4).s(-3197693, 24).s(368039, 25).u(215, 9).u(33, 6).u(12, 10);
    w.u(2, 2).text("PD6543", 7).u(0, 4).s(54600000 / 10, 24).s(-7654321, 25).u(360, 9).u(60, 6).u(1023, 10);
    w.u(0, 4); // padding to a byte boundary is not a third target
    const auto m = decoded<broadcast::VtsTargets>(w);
    ASSERT_EQ(m.target_count, 2);
    EXPECT_EQ(m.targets[0].id_type, 0);
    EXPECT_EQ(m.targets[0].id, 244123456U);
    EXPECT_EQ(m.targets[0].lat, -3197693);
    EXPECT_EQ(m.targets[0].lon, 368039);
    EXPECT_EQ(m.targets[0].course, 215);
    EXPECT_EQ(m.targets[0].second, 33);
    EXPECT_EQ(m.targets[0].speed, 12);
    EXPECT_EQ(m.targets[1].id_type, 2);
    EXPECT_EQ(m.targets[1].id_text.view(), "PD6543");
    EXPECT_EQ(m.targets[1].lat, 5460000);
    EXPECT_EQ(m.targets[1].lon, -7654321);
    EXPECT_EQ(m.targets[1].speed, 1023);
}

TEST(BroadcastApplications, VtsTargetsWithoutACompleteTargetIsRaw) {
    BitWriter w = type8(1, 17);
    w.u(0, 100);
    expect_raw(w, 100);
}

TEST(BroadcastApplications, MarineTrafficSignal) {
    BitWriter w = type8(1, 19);
    w.u(7, 10).text("ROTTERDAM MAASMOND", 20).s(244500, 25).s(-3116400, 24).u(1, 2).u(9, 5).u(14, 5).u(30, 6);
    w.u(4, 5).u(0, 102);
    const auto m = decoded<broadcast::MarineTrafficSignal>(w);
    EXPECT_EQ(m.linkage, 7);
    EXPECT_EQ(m.station.view(), "ROTTERDAM MAASMOND");
    EXPECT_EQ(m.lon, 244500);
    EXPECT_EQ(m.lat, -3116400);
    EXPECT_EQ(m.status, 1);
    EXPECT_EQ(m.signal, 9);
    EXPECT_EQ(m.hour, 14);
    EXPECT_EQ(m.minute, 30);
    EXPECT_EQ(m.next_signal, 4);
}

TEST(BroadcastApplications, RouteInformation) {
    BitWriter w = type8(1, 27);
    w.u(42, 10).u(1, 3).u(31, 5).u(6, 4).u(15, 5).u(8, 5).u(30, 6).u(262143, 18).u(2, 5);
    w.s(2445000, 28).s(31164000, 27).s(-1234567, 28).s(-7654321, 27);
    const auto m = decoded<broadcast::RouteInformation>(w);
    EXPECT_EQ(m.linkage, 42);
    EXPECT_EQ(m.sender, 1);
    EXPECT_EQ(m.route_type, 31);
    EXPECT_EQ(m.month, 6);
    EXPECT_EQ(m.day, 15);
    EXPECT_EQ(m.hour, 8);
    EXPECT_EQ(m.minute, 30);
    EXPECT_EQ(m.duration, 262143U);
    ASSERT_EQ(m.waypoint_count, 2);
    EXPECT_EQ(m.waypoints[0].lon, 2445000);
    EXPECT_EQ(m.waypoints[0].lat, 31164000);
    EXPECT_EQ(m.waypoints[1].lon, -1234567);
    EXPECT_EQ(m.waypoints[1].lat, -7654321);
}

TEST(BroadcastApplications, RouteInformationMissingWaypointsIsRaw) {
    BitWriter w = type8(1, 27);
    w.u(42, 10).u(1, 3).u(2, 5).u(6, 4).u(15, 5).u(8, 5).u(30, 6).u(1440, 18).u(3, 5); // says 3
    w.s(2445000, 28).s(31164000, 27).s(-1234567, 28).s(-7654321, 27);                  // sends 2
    expect_raw(w, 171);
}

TEST(BroadcastApplications, TextDescription) {
    BitWriter w = type8(1, 29);
    w.u(3, 10).text("DREDGING IN \"B\" CHANNEL", 23).u(0, 2);
    const auto m = decoded<broadcast::TextDescription>(w);
    EXPECT_EQ(m.linkage, 3);
    EXPECT_EQ(m.text.view(), "DREDGING IN \"B\" CHANNEL");
}

BitWriter inland_ship_static(unsigned hazard) {
    BitWriter w = type8(200, 10);
    w.text("02103547", 8).u(1100, 13).u(115, 10).u(8022, 14).u(hazard, 3).u(204, 11).u(2, 2);
    w.flag(true).flag(false).flag(true).u(0, 8);
    return w;
}

TEST(BroadcastApplications, InlandShipStatic) {
    const auto m = decoded<broadcast::InlandShipStatic>(inland_ship_static(2));
    EXPECT_EQ(m.vin.view(), "02103547");
    EXPECT_EQ(m.length, 1100);
    EXPECT_EQ(m.beam, 115);
    EXPECT_EQ(m.ship_type, 8022);
    EXPECT_EQ(m.hazard, 2);
    EXPECT_EQ(m.draught, 204);
    EXPECT_EQ(m.loaded, 2);
    EXPECT_TRUE(m.speed_quality);
    EXPECT_FALSE(m.course_quality);
    EXPECT_TRUE(m.heading_quality);
}

TEST(BroadcastApplications, InlandShipStaticGuards) {
    // An undefined hazard code marks another message sent under 200/10 (gpsd's guard).
    expect_raw(inland_ship_static(6), 112);
    // The layout has a fixed length of 168 bits.
    BitWriter longer = inland_ship_static(2);
    longer.u(0, 8);
    expect_raw(longer, 120);
}

TEST(BroadcastApplications, EmmaWarning) {
    BitWriter w = type8(200, 23);
    w.u(24, 8).u(2, 4).u(14, 5).u(24, 8).u(2, 4).u(15, 5).u(6, 5).u(30, 6).u(18, 5).u(0, 6);
    w.s(2445000, 28).s(31164000, 27).s(-2445000, 28).s(-31164000, 27);
    w.u(3, 4).s(-5, 9).s(20, 9).u(2, 2).u(8, 4).u(0, 6);
    const auto m = decoded<broadcast::EmmaWarning>(w);
    EXPECT_EQ(m.start_year, 24);
    EXPECT_EQ(m.start_month, 2);
    EXPECT_EQ(m.start_day, 14);
    EXPECT_EQ(m.end_day, 15);
    EXPECT_EQ(m.start_hour, 6);
    EXPECT_EQ(m.start_minute, 30);
    EXPECT_EQ(m.end_hour, 18);
    EXPECT_EQ(m.start_lon, 2445000);
    EXPECT_EQ(m.start_lat, 31164000);
    EXPECT_EQ(m.end_lon, -2445000);
    EXPECT_EQ(m.end_lat, -31164000);
    EXPECT_EQ(m.type, 3);
    EXPECT_EQ(m.min, -5);
    EXPECT_EQ(m.max, 20);
    EXPECT_EQ(m.intensity, 2);
    EXPECT_EQ(m.wind, 8);
}

TEST(BroadcastApplications, WaterLevels) {
    BitWriter w = type8(200, 24);
    w.text("NL", 2);
    w.u(101, 11).s(-120, 14).u(102, 11).s(345, 14).u(0, 11).s(0, 14).u(2047, 11).s(-8192, 14);
    const auto m = decoded<broadcast::WaterLevels>(w);
    EXPECT_EQ(m.country.view(), "NL");
    ASSERT_EQ(m.gauge_count, 4);
    EXPECT_EQ(m.gauges[0].id, 101);
    EXPECT_EQ(m.gauges[0].level, -120);
    EXPECT_EQ(m.gauges[1].level, 345);
    EXPECT_EQ(m.gauges[3].id, 2047);
    EXPECT_EQ(m.gauges[3].level, -8192);
}

TEST(BroadcastApplications, SignalStatus) {
    BitWriter w = type8(200, 40);
    w.s(2445000, 28).s(31164000, 27).u(3, 4).u(270, 9).u(2, 3).u(0x3FFFFFFF, 30).u(0, 11);
    const auto m = decoded<broadcast::SignalStatus>(w);
    EXPECT_EQ(m.lon, 2445000);
    EXPECT_EQ(m.lat, 31164000);
    EXPECT_EQ(m.form, 3);
    EXPECT_EQ(m.facing, 270);
    EXPECT_EQ(m.direction, 2);
    EXPECT_EQ(m.status, 0x3FFFFFFFU);
}

TEST(BroadcastApplications, InlandWrongLengthIsRaw) {
    BitWriter emma = type8(200, 23);
    emma.u(0, 192);
    expect_raw(emma, 192);
    BitWriter levels = type8(200, 24);
    levels.u(0, 118);
    expect_raw(levels, 118);
    BitWriter signal = type8(200, 40);
    signal.u(0, 104);
    expect_raw(signal, 104);
}

TEST(BroadcastApplications, PairsGpsdDoesNotDecodeAreRaw) {
    // IMO289 weather observation, area notice and environmental: gpsd dumps their bits.
    for (const unsigned fi : {21U, 22U, 26U}) {
        BitWriter w = type8(1, fi);
        w.u(0x5A5A5A, 24);
        expect_raw(w, 24);
    }
    BitWriter unknown_dac = type8(366, 11);
    unknown_dac.u(0, 296);
    expect_raw(unknown_dac, 296);
}

} // namespace
