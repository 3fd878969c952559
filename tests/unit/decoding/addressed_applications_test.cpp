// The type 6 applications (DAC/FI pairs) that are decoded, and the fallback to raw bits.

#include "support/bit_writer.hpp"
#include "support/decode_support.hpp"

#include <sagar/decoding/message.hpp>

#include <gtest/gtest.h>

#include <string_view>

namespace {

using sagar::decoding::AddressedBinary;
using sagar::decoding::decode_message;
using sagar::decoding::RawApplicationData;
using sagar::testing::BitWriter;
using sagar::testing::zeros;
namespace app = sagar::decoding::addressed;

BitWriter type6(unsigned dac, unsigned fi) {
    BitWriter w;
    w.header(6, 0, 2320812).u(1, 2).u(244123456, 30).flag(true).u(0, 1).u(dac, 10).u(fi, 6);
    return w;
}

template <class T>
T application_as(const BitWriter& w) {
    const auto result = decode_message(w.bits());
    if (!result.has_value() || !std::holds_alternative<AddressedBinary>(*result)) {
        ADD_FAILURE() << "not decoded as type 6";
        return T{};
    }
    const auto& application = std::get<AddressedBinary>(*result).application;
    if (!std::holds_alternative<T>(application)) {
        ADD_FAILURE() << "application decoded as alternative " << application.index();
        return T{};
    }
    return std::get<T>(application);
}

void expect_time(const app::PartialUtcTime& t, unsigned month, unsigned day, unsigned hour, unsigned minute) {
    EXPECT_EQ(t.month, month);
    EXPECT_EQ(t.day, day);
    EXPECT_EQ(t.hour, hour);
    EXPECT_EQ(t.minute, minute);
}

TEST(AddressedApplication, DangerousCargoImo236) {
    BitWriter w = type6(1, 12);
    w.text("DEHAM", 5).u(5, 4).u(17, 5).u(8, 5).u(30, 6).text("NLRTM", 5).u(5, 4).u(18, 5).u(24, 5).u(60, 6);
    w.text("AMMONIA", 20).text("2.3", 4).u(1005, 13).u(250, 10).u(2, 2).u(0, 3);
    ASSERT_EQ(w.size(), 360U);
    const auto a = application_as<app::DangerousCargoImo236>(w);
    EXPECT_EQ(a.last_port.view(), "DEHAM");
    expect_time(a.departure, 5, 17, 8, 30);
    EXPECT_EQ(a.next_port.view(), "NLRTM");
    expect_time(a.eta, 5, 18, app::PartialUtcTime::hour_not_available,
                app::PartialUtcTime::minute_not_available);
    EXPECT_EQ(a.main_dangerous_good.view(), "AMMONIA");
    EXPECT_EQ(a.imd_category.view(), "2.3");
    EXPECT_EQ(a.un_number, 1005);
    EXPECT_EQ(a.amount, 250);
    EXPECT_EQ(a.unit, 2);
}

TEST(AddressedApplication, ShortDacOneMessageReadsMissingBitsAsZeroLikeGpsd) {
    // The message ends inside the 4th character of the next port: gpsd reads that character with zero
    // bits for the missing part ('H' from the 3 bits 001), then '@' ends the text.
    BitWriter w = type6(1, 12);
    w.text("DEHAM", 5).u(5, 4).u(17, 5).u(8, 5).u(30, 6).text("NLR", 3).u(1, 3);
    const auto a = application_as<app::DangerousCargoImo236>(w);
    EXPECT_EQ(a.next_port.view(), "NLRH");
    EXPECT_EQ(a.eta, (app::PartialUtcTime{0, 0, 0, 0}));
    EXPECT_EQ(a.un_number, 0);
}

TEST(AddressedApplication, TidalWindowImo236CountsAGroupStartingAtTheEnd) {
    BitWriter w = type6(1, 14);
    w.u(6, 4).u(12, 5);
    w.s(-24379392, 27).s(16760328, 28).u(1, 5).u(5, 6).u(3, 5).u(0, 6).u(90, 9).u(25, 7);
    w.s(3000000, 27).s(-6000000, 28).u(24, 5).u(60, 6).u(24, 5).u(60, 6).u(360, 9).u(127, 7);
    const auto a = application_as<app::TidalWindowImo236>(w);
    EXPECT_EQ(a.month, 6);
    EXPECT_EQ(a.day, 12);
    // gpsd reports a third, all-zero prediction that starts exactly where the message ends.
    ASSERT_EQ(a.count, 3);
    EXPECT_EQ(a.predictions[0].lat, -24379392);
    EXPECT_EQ(a.predictions[0].lon, 16760328);
    EXPECT_EQ(a.predictions[0].from_hour, 1);
    EXPECT_EQ(a.predictions[0].from_minute, 5);
    EXPECT_EQ(a.predictions[0].to_hour, 3);
    EXPECT_EQ(a.predictions[0].to_minute, 0);
    EXPECT_EQ(a.predictions[0].current_direction, 90);
    EXPECT_EQ(a.predictions[0].current_speed, 25);
    EXPECT_EQ(a.predictions[1].lon, -6000000);
    EXPECT_EQ(a.predictions[1].current_direction, app::TidalPrediction::direction_not_available);
    EXPECT_EQ(a.predictions[1].current_speed, app::TidalWindowImo236::speed_not_available);
    EXPECT_EQ(a.predictions[2], (app::TidalPrediction{0, 0, 0, 0, 0, 0, 0, 0}));
}

TEST(AddressedApplication, TidalWindowImo289) {
    BitWriter w = type6(1, 32);
    w.u(11, 4).u(3, 5).s(-279620, 25).s(3456789, 24).u(6, 5).u(30, 6).u(9, 5).u(15, 6).u(270, 9).u(35, 8);
    w.u(0, 3); // spare bits end the message inside the second group
    const auto a = application_as<app::TidalWindowImo289>(w);
    EXPECT_EQ(a.month, 11);
    ASSERT_EQ(a.count, 2);
    EXPECT_EQ(a.predictions[0].lon, -279620);
    EXPECT_EQ(a.predictions[0].lat, 3456789);
    EXPECT_EQ(a.predictions[0].to_minute, 15);
    EXPECT_EQ(a.predictions[0].current_direction, 270);
    EXPECT_EQ(a.predictions[0].current_speed, 35);
}

TEST(AddressedApplication, AirDraughtAndPersonsFollowTheFunctionIdentifier) {
    BitWriter draught = type6(1, 15);
    draught.u(453, 11).u(0, 5);
    EXPECT_EQ(application_as<app::AirDraught>(draught).air_draught, 453);
    BitWriter persons = type6(1, 16);
    persons.u(1234, 13);
    zeros(persons, 35);
    EXPECT_EQ(application_as<app::PersonsOnBoard>(persons).persons, 1234);
}

TEST(AddressedApplication, ClearanceTimeToEnterPort) {
    BitWriter w = type6(1, 18);
    w.u(513, 10).u(7, 4).u(4, 5).u(13, 5).u(45, 6).text("ROTTERDAM BERTH 7", 20).text("NLRTM", 5);
    w.s(267000, 25).s(3114000, 24).u(0, 43);
    const auto a = application_as<app::ClearanceTimeToEnterPort>(w);
    EXPECT_EQ(a.linkage, 513);
    expect_time(a.time, 7, 4, 13, 45);
    EXPECT_EQ(a.port_and_berth.view(), "ROTTERDAM BERTH 7");
    EXPECT_EQ(a.destination.view(), "NLRTM");
    EXPECT_EQ(a.position, (app::MilliMinutePosition{267000, 3114000}));
}

TEST(AddressedApplication, BerthingData) {
    BitWriter w = type6(1, 20);
    w.u(77, 10).u(250, 9).u(125, 8).u(1, 3).u(2, 4).u(28, 5).u(23, 5).u(5, 6).flag(true);
    for (unsigned i = 0; i < app::BerthingData::service_count; ++i) {
        w.u(i % 4, 2);
    }
    w.text("QUAY 12", 20).s(-5000, 25).s(-120000, 24);
    ASSERT_EQ(w.size(), 360U);
    const auto a = application_as<app::BerthingData>(w);
    EXPECT_EQ(a.linkage, 77);
    EXPECT_EQ(a.berth_length, 250);
    EXPECT_EQ(a.berth_depth, 125);
    EXPECT_EQ(a.mooring_position, 1);
    expect_time(a.time, 2, 28, 23, 5);
    EXPECT_TRUE(a.services_known);
    EXPECT_EQ(a.services[0], 0);
    EXPECT_EQ(a.services[3], 3);
    EXPECT_EQ(a.services[25], 1);
    EXPECT_EQ(a.berth_name.view(), "QUAY 12");
    EXPECT_EQ(a.berth_position, (app::MilliMinutePosition{-5000, -120000}));
}

TEST(AddressedApplication, DangerousCargoImo289CountsAPartialLastCargo) {
    BitWriter w = type6(1, 25);
    w.u(2, 2).u(500, 10).u(3, 4).u(1203, 13).u(9, 4).u(3077, 13).u(1, 4).u(1, 3);
    const auto a = application_as<app::DangerousCargoImo289>(w);
    EXPECT_EQ(a.unit, 2);
    EXPECT_EQ(a.amount, 500);
    ASSERT_EQ(a.count, 3);
    EXPECT_EQ(a.cargos[0].code, 3);
    EXPECT_EQ(a.cargos[0].subtype, 1203);
    EXPECT_EQ(a.cargos[1].code, 9);
    EXPECT_EQ(a.cargos[1].subtype, 3077);
    EXPECT_EQ(a.cargos[2].code, 1);
    EXPECT_EQ(a.cargos[2].subtype, 1024); // 001 then zeros
}

TEST(AddressedApplication, RouteInformationReadsTheAnnouncedWaypoints) {
    BitWriter w = type6(1, 28);
    w.u(12, 10).u(2, 3).u(1, 5).u(3, 4).u(15, 5).u(6, 5).u(0, 6).u(1440, 18).u(3, 5);
    w.s(-73500000, 28).s(24600000, 27).s(5400000, 28).s(-3000000, 27);
    const auto a = application_as<app::RouteInformation>(w);
    EXPECT_EQ(a.linkage, 12);
    EXPECT_EQ(a.sender, 2);
    EXPECT_EQ(a.route_type, 1);
    expect_time(a.start, 3, 15, 6, 0);
    EXPECT_EQ(a.duration, 1440U);
    ASSERT_EQ(a.waypoint_count, 3);
    EXPECT_EQ(a.waypoints[0], (app::TenThousandthMinutePosition{-73500000, 24600000}));
    EXPECT_EQ(a.waypoints[1], (app::TenThousandthMinutePosition{5400000, -3000000}));
    EXPECT_EQ(a.waypoints[2], (app::TenThousandthMinutePosition{0, 0})); // past the end of the message
}

TEST(AddressedApplication, TextDescriptionTakesWholeCharacters) {
    BitWriter w = type6(1, 30);
    w.u(5, 10).text("PILOT ON STATION 4", 18).u(1, 4);
    const auto a = application_as<app::TextDescription>(w);
    EXPECT_EQ(a.linkage, 5);
    EXPECT_EQ(a.text.view(), "PILOT ON STATION 4");
}

TEST(AddressedApplication, AreaNoticeStaysRawLikeGpsd) {
    BitWriter w = type6(1, 23);
    w.u(0x2AAAA, 18).u(3, 3);
    const auto a = application_as<RawApplicationData>(w);
    EXPECT_EQ(a.bit_count, 21);
}

TEST(AddressedApplication, InlandEtaAndRta) {
    BitWriter eta = type6(200, 21);
    eta.text("NL", 2).text("RTM", 3).text("01234", 5).text("T0001", 5).text("00123", 5);
    eta.u(4, 4).u(22, 5).u(16, 5).u(45, 6).u(2, 3).u(1234, 12).u(0, 5);
    ASSERT_EQ(eta.size(), 248U);
    const auto e = application_as<app::InlandEta>(eta);
    EXPECT_EQ(e.location.country.view(), "NL");
    EXPECT_EQ(e.location.locode.view(), "RTM");
    EXPECT_EQ(e.location.section.view(), "01234");
    EXPECT_EQ(e.location.terminal.view(), "T0001");
    EXPECT_EQ(e.location.hectometre.view(), "00123");
    expect_time(e.eta, 4, 22, 16, 45);
    EXPECT_EQ(e.tugs, 2);
    EXPECT_EQ(e.air_draught, 1234);

    BitWriter rta = type6(200, 22);
    rta.text("BE", 2).text("ANR", 3).text("00077", 5).text("LOCK", 5).text("00045", 5);
    rta.u(12, 4).u(31, 5).u(23, 5).u(59, 6).u(1, 2).u(0, 2);
    ASSERT_EQ(rta.size(), 232U);
    const auto r = application_as<app::InlandRta>(rta);
    EXPECT_EQ(r.location.terminal.view(), "LOCK");
    expect_time(r.rta, 12, 31, 23, 59);
    EXPECT_EQ(r.status, 1);
}

TEST(AddressedApplication, InlandPersonsOnBoard) {
    BitWriter w = type6(200, 55);
    w.u(12, 8).u(345, 13).u(6, 8);
    zeros(w, 51);
    const auto a = application_as<app::InlandPersonsOnBoard>(w);
    EXPECT_EQ(a.crew, 12);
    EXPECT_EQ(a.passengers, 345);
    EXPECT_EQ(a.personnel, 6);
}

TEST(AddressedApplication, InlandAndGlaPairsNeedTheirExactLength) {
    BitWriter short_eta = type6(200, 21);
    short_eta.text("NL", 2).text("RTM", 3);
    EXPECT_EQ(application_as<RawApplicationData>(short_eta).bit_count, 30);
    BitWriter long_persons = type6(200, 55);
    zeros(long_persons, 81);
    EXPECT_EQ(application_as<RawApplicationData>(long_persons).bit_count, 81);
    BitWriter short_aton = type6(235, 10);
    zeros(short_aton, 47);
    EXPECT_EQ(application_as<RawApplicationData>(short_aton).bit_count, 47);
}

TEST(AddressedApplication, AtonMonitoringForBothDesignatedAreas) {
    for (const unsigned dac : {235U, 250U}) {
        BitWriter w = type6(dac, 10);
        w.u(274, 10).u(0, 10).u(1023, 10).u(2, 2).u(1, 2).flag(true).u(0xA5, 8).flag(true).u(0, 4);
        ASSERT_EQ(w.size(), 136U);
        const auto a = application_as<app::AtonMonitoring>(w);
        EXPECT_EQ(a.analogue_internal, 274);
        EXPECT_EQ(a.analogue_external1, 0);
        EXPECT_EQ(a.analogue_external2, 1023);
        EXPECT_EQ(a.racon, 2);
        EXPECT_EQ(a.light, 1);
        EXPECT_TRUE(a.alarm);
        EXPECT_EQ(a.status_external, 0xA5);
        EXPECT_TRUE(a.off_position);
    }
}

TEST(AddressedApplication, UnknownPairsStayRaw) {
    BitWriter other_fi = type6(235, 11);
    other_fi.u(0xFF, 8);
    EXPECT_EQ(application_as<RawApplicationData>(other_fi).bit_count, 8);
    BitWriter other_dac = type6(366, 10);
    zeros(other_dac, 48);
    EXPECT_EQ(application_as<RawApplicationData>(other_dac).bit_count, 48);
}

} // namespace
