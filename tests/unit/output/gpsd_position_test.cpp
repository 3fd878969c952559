// Expected JSON is what gpsdecode prints (-u -j unscaled, -j scaled) for the same messages, encoded as
// NMEA with BitWriter::sentences(), adjusted where gpsd master (its .chk files) differs from Debian's
// 3.22: 7-decimal degrees (3.22: 6), "turn" as a string with 2 decimals and "n/a" (3.22: a rounded
// number and "nan"), master's navigation status and EPFD texts, and type 27's status_text.

#include "support/bit_writer.hpp"
#include "support/gpsd_json_support.hpp"

#include <sagar/decoding/message.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using sagar::output::Scaling;
using sagar::testing::BitWriter;
using sagar::testing::gpsd_fields;

/// A type 1-3 report; the MMSI 244123456 vector also sets repeat, accuracy, maneuver, RAIM and radio.
BitWriter class_a(unsigned type, std::uint32_t mmsi, unsigned status, int turn, unsigned speed,
                  std::int64_t lon, std::int64_t lat, unsigned course, unsigned heading, unsigned second) {
    BitWriter w;
    w.header(type, type == 1 && mmsi == 244123456 ? 2 : 0, mmsi)
        .u(status, 4)
        .s(turn, 8)
        .u(speed, 10)
        .flag(mmsi == 244123456)
        .s(lon, 28)
        .s(lat, 27)
        .u(course, 12)
        .u(heading, 9)
        .u(second, 6)
        .u(mmsi == 244123456 ? 2 : 0, 2)
        .u(0, 3)
        .flag(mmsi == 244123456)
        .u(mmsi == 244123456 ? 0x5A5A5 : 0, 19);
    return w;
}

TEST(GpsdPosition, ClassAReport) {
    const BitWriter w = class_a(1, 244123456, 7, -37, 123, -44443279, 24410724, 2240, 215, 33);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("status":7,"status_text":"Engaged in fishing","turn":-37,"speed":123,"accuracy":true,)"
              R"("lon":-44443279,"lat":24410724,"course":2240,"heading":215,"second":33,"maneuver":2,)"
              R"("raim":true,"radio":370085})");
    // gpsd 3.22 prints "turn":61 (unsigned, rounded); the rate keeps its sign (port turn).
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("status":7,"status_text":"Engaged in fishing","turn":"-61.11","speed":12.3,"accuracy":true,)"
              R"("lon":-74.0721317,"lat":40.6845400,"course":224.0,"heading":215,"second":33,"maneuver":2,)"
              R"("raim":true,"radio":370085})");
}

TEST(GpsdPosition, ClassAReportNotAvailable) {
    const BitWriter w = class_a(1, 1, 15, -128, 1023, 108600000, 54600000, 3600, 511, 60);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("status":15,"status_text":"Not defined","turn":-128,"speed":1023,"accuracy":false,)"
              R"("lon":108600000,"lat":54600000,"course":3600,"heading":511,"second":60,"maneuver":0,)"
              R"("raim":false,"radio":0})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("status":15,"status_text":"Not defined","turn":"n/a","speed":"nan","accuracy":false,)"
              R"("lon":181.0000000,"lat":91.0000000,"course":360.0,"heading":511,"second":60,"maneuver":0,)"
              R"("raim":false,"radio":0})");
}

TEST(GpsdPosition, ClassAReportSpecialTurnAndSpeed) {
    EXPECT_EQ(gpsd_fields(class_a(2, 2, 0, 127, 1022, 600000, -600000, 0, 0, 0), Scaling::scaled),
              R"("status":0,"status_text":"Under way using engine","turn":"fastright","speed":"fast",)"
              R"("accuracy":false,"lon":1.0000000,"lat":-1.0000000,"course":0.0,"heading":0,"second":0,)"
              R"("maneuver":0,"raim":false,"radio":0})");
    EXPECT_EQ(gpsd_fields(class_a(3, 3, 5, 0, 0, 1, -1, 1, 0, 0), Scaling::scaled),
              R"("status":5,"status_text":"Moored","turn":"0.00","speed":0.0,"accuracy":false,)"
              R"("lon":0.0000017,"lat":-0.0000017,"course":0.1,"heading":0,"second":0,"maneuver":0,)"
              R"("raim":false,"radio":0})");
    // gpsd 3.22 spells status 3 "Restricted manoeuverability".
    EXPECT_EQ(gpsd_fields(class_a(1, 4, 3, -127, 5, 1, -1, 1, 0, 0), Scaling::scaled),
              R"("status":3,"status_text":"Restricted maneuverability","turn":"fastleft","speed":0.5,)"
              R"("accuracy":false,"lon":0.0000017,"lat":-0.0000017,"course":0.1,"heading":0,"second":0,)"
              R"("maneuver":0,"raim":false,"radio":0})");
}

BitWriter base_station(unsigned type, std::uint32_t mmsi, unsigned year, unsigned month, unsigned day,
                       unsigned hour, unsigned minute, unsigned second, bool accuracy, std::int64_t lon,
                       std::int64_t lat, unsigned epfd, bool raim, unsigned radio) {
    BitWriter w;
    w.header(type, 0, mmsi)
        .u(year, 14)
        .u(month, 4)
        .u(day, 5)
        .u(hour, 5)
        .u(minute, 6)
        .u(second, 6)
        .flag(accuracy)
        .s(lon, 28)
        .s(lat, 27)
        .u(epfd, 4)
        .u(0, 10)
        .flag(raim)
        .u(radio, 19);
    return w;
}

TEST(GpsdPosition, BaseStationReport) {
    const BitWriter w =
        base_station(4, 3669702, 2007, 5, 14, 19, 57, 39, true, -45811417, 22130260, 7, true, 67039);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("timestamp":"2007-05-14T19:57:39Z","accuracy":true,"lon":-45811417,"lat":22130260,)"
              R"("epfd":7,"epfd_text":"Surveyed","raim":true,"radio":67039})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("timestamp":"2007-05-14T19:57:39Z","accuracy":true,"lon":-76.3523617,"lat":36.8837667,)"
              R"("epfd":7,"epfd_text":"Surveyed","raim":true,"radio":67039})");
}

TEST(GpsdPosition, BaseStationReportRawTimestampAndEpfdTexts) {
    // gpsd 3.22 writes "INVALID EPFD" for 14 and 15; master names them.
    EXPECT_EQ(
        gpsd_fields(base_station(11, 2470052, 0, 0, 0, 24, 60, 60, false, 108600000, 54600000, 15, false, 0),
                    Scaling::scaled),
        R"("timestamp":"0000-00-00T24:60:60Z","accuracy":false,"lon":181.0000000,"lat":91.0000000,)"
        R"("epfd":15,"epfd_text":"Internal GNSS","raim":false,"radio":0})");
    EXPECT_EQ(gpsd_fields(base_station(4, 5, 10196, 0, 24, 9, 57, 37, true, 0, 0, 14, true, 2248),
                          Scaling::unscaled),
              R"("timestamp":"10196-00-24T09:57:37Z","accuracy":true,"lon":0,"lat":0,)"
              R"j("epfd":14,"epfd_text":"Reserved (14)","raim":true,"radio":2248})j");
}

BitWriter sar(std::uint32_t mmsi, unsigned alt, unsigned speed, std::int64_t lon, std::int64_t lat,
              unsigned course, unsigned second) {
    const bool full = mmsi == 111232511;
    BitWriter w;
    w.header(9, full ? 1 : 0, mmsi)
        .u(alt, 12)
        .u(speed, 10)
        .flag(full)
        .s(lon, 28)
        .s(lat, 27)
        .u(course, 12)
        .u(second, 6)
        .u(full ? 200 : 0, 8)
        .flag(full)
        .u(0, 3)
        .flag(full)
        .flag(full)
        .u(full ? 33392 : 0, 20);
    return w;
}

TEST(GpsdPosition, SarAircraftReport) {
    const BitWriter w = sar(111232511, 303, 42, -3767306, 34886400, 1545, 15);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("alt":303,"speed":42,"accuracy":true,"lon":-3767306,"lat":34886400,"course":1545,)"
              R"("second":15,"regional":200,"dte":1,"raim":true,"radio":33392})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("alt":303,"speed":42,"accuracy":true,"lon":-6.2788433,"lat":58.1440000,"course":154.5,)"
              R"("second":15,"regional":200,"dte":1,"raim":true,"radio":33392})");
}

TEST(GpsdPosition, SarAircraftReportSpecialValues) {
    EXPECT_EQ(gpsd_fields(sar(111000001, 4095, 1023, 108600000, 54600000, 3600, 60), Scaling::scaled),
              R"("alt":"nan","speed":"nan","accuracy":false,"lon":181.0000000,"lat":91.0000000,)"
              R"("course":360.0,"second":60,"regional":0,"dte":0,"raim":false,"radio":0})");
    EXPECT_EQ(gpsd_fields(sar(111000002, 4094, 1022, 0, 0, 0, 0), Scaling::scaled),
              R"("alt":"high","speed":"fast","accuracy":false,"lon":0.0000000,"lat":0.0000000,)"
              R"("course":0.0,"second":0,"regional":0,"dte":0,"raim":false,"radio":0})");
    EXPECT_EQ(gpsd_fields(sar(111000002, 4094, 1022, 0, 0, 0, 0), Scaling::unscaled),
              R"("alt":4094,"speed":1022,"accuracy":false,"lon":0,"lat":0,)"
              R"("course":0,"second":0,"regional":0,"dte":0,"raim":false,"radio":0})");
}

TEST(GpsdPosition, ClassBReport) {
    const BitWriter w = BitWriter()
                            .header(18, 0, 338087471)
                            .u(0xA5, 8)
                            .u(51, 10)
                            .flag(true)
                            .s(-43340309, 28)
                            .s(23688555, 27)
                            .u(349, 12)
                            .u(511, 9)
                            .u(17, 6)
                            .u(2, 2)
                            .flag(true)
                            .flag(false)
                            .flag(true)
                            .flag(false)
                            .flag(true)
                            .flag(true)
                            .flag(false)
                            .u(917510, 20);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("reserved":165,"speed":51,"accuracy":true,"lon":-43340309,"lat":23688555,"course":349,)"
              R"("heading":511,"second":17,"regional":2,"cs":true,"display":false,"dsc":true,"band":false,)"
              R"("msg22":true,"raim":false,"radio":917510})");
    EXPECT_EQ(
        gpsd_fields(w, Scaling::scaled),
        R"("reserved":165,"speed":5.1,"accuracy":true,"lon":-72.2338483,"lat":39.4809250,"course":34.9,)"
        R"("heading":511,"second":17,"regional":2,"cs":true,"display":false,"dsc":true,"band":false,)"
        R"("msg22":true,"raim":false,"radio":917510})");
}

TEST(GpsdPosition, ClassBReportSpeedHasNoLegend) {
    BitWriter w;
    w.header(18, 0, 338000001).u(0, 8).u(1023, 10).flag(false).s(108600000, 28).s(54600000, 27).u(3600, 12);
    w.u(511, 9).u(60, 6).u(0, 2).u(0, 7).u(0, 20);
    EXPECT_EQ(
        gpsd_fields(w, Scaling::scaled),
        R"("reserved":0,"speed":102.3,"accuracy":false,"lon":181.0000000,"lat":91.0000000,"course":360.0,)"
        R"("heading":511,"second":60,"regional":0,"cs":false,"display":false,"dsc":false,"band":false,)"
        R"("msg22":false,"raim":false,"radio":0})");
}

TEST(GpsdPosition, ExtendedClassBReport) {
    const BitWriter w = BitWriter()
                            .header(19, 0, 367059850)
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
    const std::string tail =
        R"("regional":4,"shipname":"CAPT.J.RIMES","shiptype":70,"shiptype_text":"Cargo - all ships of this type",)"
        R"("to_bow":5,"to_stern":21,"to_port":4,"to_starboard":4,"epfd":1,"epfd_text":"GPS","raim":true,)"
        R"("dte":1,"assigned":false})";
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("reserved":248,"speed":87,"accuracy":false,"lon":-53286235,"lat":17726217,"course":3359,)"
              R"("heading":511,"second":46,)" +
                  tail);
    EXPECT_EQ(
        gpsd_fields(w, Scaling::scaled),
        R"("reserved":248,"speed":8.7,"accuracy":false,"lon":-88.8103917,"lat":29.5436950,"course":335.9,)"
        R"("heading":511,"second":46,)" +
            tail);
}

TEST(GpsdPosition, LongRangePosition) {
    const BitWriter w = BitWriter()
                            .header(27, 1, 206914217)
                            .flag(true)
                            .flag(false)
                            .u(2, 4)
                            .s(-92521, 18)
                            .s(2904, 17)
                            .u(57, 6)
                            .u(167, 9)
                            .flag(true)
                            .u(0, 1);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("status":2,"accuracy":true,"lon":-92521,"lat":2904,"speed":57,"course":167,"raim":false,)"
              R"("gnss":true})");
    // gpsd 3.22 writes the text in "status" and 1 decimal; master adds status_text and 4 decimals.
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("status":2,"status_text":"Not under command","accuracy":true,"lon":-154.2017,"lat":4.8400,)"
              R"("speed":57,"course":167,"raim":false,"gnss":true})");
}

TEST(GpsdPosition, LongRangePositionNotAvailable) {
    const BitWriter w = BitWriter()
                            .header(27, 0, 206914218)
                            .flag(false)
                            .flag(true)
                            .u(15, 4)
                            .s(108600, 18)
                            .s(54600, 17)
                            .u(63, 6)
                            .u(511, 9)
                            .flag(false)
                            .u(0, 1);
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("status":15,"status_text":"Not defined","accuracy":false,"lon":181.0000,"lat":91.0000,)"
              R"("speed":63,"course":511,"raim":true,"gnss":false})");
}

} // namespace
