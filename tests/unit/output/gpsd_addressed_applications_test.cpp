// Expected JSON is what gpsdecode prints (-u -j unscaled, -j scaled) for the same messages, encoded as
// NMEA with BitWriter::sentences(), with two deliberate differences: scaled positions have gpsd master's
// decimals (6 for 1/1000 minute, 7 for 1/10000 minute; Debian's gpsd 3.22 prints 4 and 6), and DAC 1
// FI 15/16 are read right after the FI (gpsd reads them at its type 8 offsets).

#include "support/bit_writer.hpp"
#include "support/decode_support.hpp"
#include "support/gpsd_json_support.hpp"

#include <sagar/decoding/message.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace {

using sagar::output::Scaling;
using sagar::testing::BitWriter;
using sagar::testing::gpsd_record;
using sagar::testing::zeros;

constexpr const char* head_unscaled = R"({"class":"AIS","device":"stdin","type":6,"repeat":0,"mmsi":2320812,)"
                                      R"("scaled":false,"seqno":1,"dest_mmsi":244123456,"retransmit":true,)";
constexpr const char* head_scaled = R"({"class":"AIS","device":"stdin","type":6,"repeat":0,"mmsi":2320812,)"
                                    R"("scaled":true,"seqno":1,"dest_mmsi":244123456,"retransmit":true,)";

BitWriter type6(unsigned dac, unsigned fi) {
    BitWriter w;
    w.header(6, 0, 2320812).u(1, 2).u(244123456, 30).flag(true).u(0, 1).u(dac, 10).u(fi, 6);
    return w;
}

/// The fields after "retransmit" ("dac" onwards), in the given mode.
std::string fields(const BitWriter& w, Scaling scaling) {
    const std::string text = gpsd_record(w, scaling);
    const std::string head = scaling == Scaling::scaled ? head_scaled : head_unscaled;
    EXPECT_EQ(text.substr(0, head.size()), head);
    return text.substr(std::min(head.size(), text.size()));
}

TEST(GpsdAddressedApplication, DangerousCargoImo236) {
    BitWriter w = type6(1, 12);
    w.text("DEHAM", 5).u(5, 4).u(17, 5).u(8, 5).u(30, 6).text("NLRTM", 5).u(5, 4).u(18, 5).u(24, 5).u(60, 6);
    w.text("AMMONIA \"X\"", 20).text("2.3", 4).u(1005, 13).u(250, 10).u(2, 2).u(0, 3);
    const std::string expected = R"("dac":1,"fid":12,"lastport":"DEHAM","departure":"05-17T08:30Z",)"
                                 R"("nextport":"NLRTM","eta":"05-18T24:60Z","dangerous":"AMMONIA \"X\"",)"
                                 R"("imdcat":"2.3","unid":1005,"amount":250,"unit":2})";
    EXPECT_EQ(fields(w, Scaling::unscaled), expected);
    EXPECT_EQ(fields(w, Scaling::scaled), expected);
}

TEST(GpsdAddressedApplication, TidalWindowImo236UsesGpsdScale) {
    BitWriter w = type6(1, 14);
    w.u(6, 4).u(12, 5);
    w.s(-24379392, 27).s(16760328, 28).u(1, 5).u(5, 6).u(3, 5).u(0, 6).u(90, 9).u(25, 7);
    w.s(3000000, 27).s(-6000000, 28).u(24, 5).u(60, 6).u(24, 5).u(60, 6).u(360, 9).u(127, 7);
    EXPECT_EQ(
        fields(w, Scaling::unscaled),
        R"("dac":1,"fid":14,"month":6,"day":12,"tidals":[)"
        R"({"lon":16760328,"lat":-24379392,"from_hour":1,"from_min":5,"to_hour":3,"to_min":0,"cdir":90,"cspeed":25},)"
        R"({"lon":-6000000,"lat":3000000,"from_hour":24,"from_min":60,"to_hour":24,"to_min":60,"cdir":360,"cspeed":127},)"
        R"({"lon":0,"lat":0,"from_hour":0,"from_min":0,"to_hour":0,"to_min":0,"cdir":0,"cspeed":0}]})");
    EXPECT_EQ(
        fields(w, Scaling::scaled),
        R"("dac":1,"fid":14,"month":6,"day":12,"tidals":[)"
        R"({"lon":279.338800,"lat":-406.323200,"from_hour":1,"from_min":5,"to_hour":3,"to_min":0,"cdir":90,"cspeed":2.5},)"
        R"({"lon":-100.000000,"lat":50.000000,"from_hour":24,"from_min":60,"to_hour":24,"to_min":60,"cdir":360,"cspeed":12.7},)"
        R"({"lon":0.000000,"lat":0.000000,"from_hour":0,"from_min":0,"to_hour":0,"to_min":0,"cdir":0,"cspeed":0.0}]})");
}

TEST(GpsdAddressedApplication, TidalWindowImo289) {
    BitWriter w = type6(1, 32);
    w.u(11, 4).u(3, 5).s(-279620, 25).s(3456789, 24).u(6, 5).u(30, 6).u(9, 5).u(15, 6).u(270, 9).u(35, 8);
    EXPECT_EQ(
        fields(w, Scaling::scaled),
        R"("dac":1,"fid":32,"month":11,"day":3,"tidals":[)"
        R"({"lon":-4.660333,"lat":57.613150,"from_hour":6,"from_min":30,"to_hour":9,"to_min":15,"cdir":270,"cspeed":3.5},)"
        R"({"lon":0.000000,"lat":0.000000,"from_hour":0,"from_min":0,"to_hour":0,"to_min":0,"cdir":0,"cspeed":0.0}]})");
}

TEST(GpsdAddressedApplication, AirDraughtAndPersons) {
    BitWriter draught = type6(1, 15);
    draught.u(453, 11).u(0, 5);
    EXPECT_EQ(fields(draught, Scaling::scaled), R"("dac":1,"fid":15,"airdraught":453})");
    BitWriter persons = type6(1, 16);
    persons.u(1234, 13);
    zeros(persons, 35);
    EXPECT_EQ(fields(persons, Scaling::unscaled), R"("dac":1,"fid":16,"persons":1234})");
}

TEST(GpsdAddressedApplication, ClearanceTimeToEnterPort) {
    BitWriter w = type6(1, 18);
    w.u(513, 10).u(7, 4).u(4, 5).u(13, 5).u(45, 6).text("ROTTERDAM BERTH 7", 20).text("NLRTM", 5);
    w.s(267000, 25).s(3114000, 24).u(0, 43);
    const std::string common = R"("dac":1,"fid":18,"linkage":513,"arrival":"07-04T13:45Z",)"
                               R"("portname":"ROTTERDAM BERTH 7","destination":"NLRTM",)";
    EXPECT_EQ(fields(w, Scaling::unscaled), common + R"("lon":267000,"lat":3114000})");
    EXPECT_EQ(fields(w, Scaling::scaled), common + R"("lon":4.450000,"lat":51.900000})");
}

TEST(GpsdAddressedApplication, BerthingData) {
    BitWriter w = type6(1, 20);
    w.u(77, 10).u(250, 9).u(125, 8).u(1, 3).u(2, 4).u(28, 5).u(23, 5).u(5, 6).flag(true);
    for (unsigned i = 0; i < 24; ++i) {
        w.u(i % 4, 2);
    }
    w.u(1, 2).u(2, 2).text("QUAY 12", 20).s(-5000, 25).s(-120000, 24);
    const std::string common =
        R"("dac":1,"fid":20,"linkage":77,"berth_length":250,"position":1,"position_text":"Port-side to",)"
        R"("arrival":"2-28T23:5","availability":1,"agent":0,"fuel":1,"chandler":2,"stevedore":3,)"
        R"("electrical":0,"water":1,"customs":2,"cartage":3,"crane":0,"lift":1,"medical":2,"navrepair":3,)"
        R"("provisions":0,"shiprepair":1,"surveyor":2,"steam":3,"tugs":0,"solidwaste":1,"liquidwaste":2,)"
        R"("hazardouswaste":3,"ballast":0,"additional":1,"regional1":2,"regional2":3,"future1":1,"future2":2,)"
        R"("berth_name":"QUAY 12",)";
    EXPECT_EQ(fields(w, Scaling::unscaled),
              common + R"("berth_lon":-5000,"berth_lat":-120000,"berth_depth":125})");
    EXPECT_EQ(fields(w, Scaling::scaled),
              common + R"("berth_lon":-0.083333,"berth_lat":-2.000000,"berth_depth":12.5})");
}

TEST(GpsdAddressedApplication, AreaNoticeIsRawData) {
    BitWriter w = type6(1, 23);
    w.u(0x2AAAA, 18).u(3, 3);
    EXPECT_EQ(fields(w, Scaling::scaled), R"("dac":1,"fid":23,"data":"21:aaaa98"})");
}

TEST(GpsdAddressedApplication, DangerousCargoImo289) {
    BitWriter w = type6(1, 25);
    w.u(2, 2).u(500, 10).u(3, 4).u(1203, 13).u(9, 4).u(3077, 13).u(1, 4).u(1, 3);
    EXPECT_EQ(fields(w, Scaling::unscaled),
              R"("dac":1,"fid":25,"unit":2,"amount":500,"cargos":[{"code":3,"subtype":1203},)"
              R"({"code":9,"subtype":3077},{"code":1,"subtype":1024}]})");
}

TEST(GpsdAddressedApplication, RouteInformation) {
    BitWriter w = type6(1, 28);
    w.u(12, 10).u(2, 3).u(1, 5).u(3, 4).u(15, 5).u(6, 5).u(0, 6).u(1440, 18).u(2, 5);
    w.s(-73500000, 28).s(24600000, 27).s(5400000, 28).s(-3000000, 27);
    const std::string common =
        R"("dac":1,"fid":28,"linkage":12,"sender":2,"rtype":1,"rtype_text":"Mandatory",)"
        R"("start":"03-15T06:00Z","duration":1440,)";
    EXPECT_EQ(fields(w, Scaling::unscaled),
              common + R"("waypoints":[{"lon":-73500000,"lat":24600000},{"lon":5400000,"lat":-3000000}]})");
    EXPECT_EQ(
        fields(w, Scaling::scaled),
        common +
            R"("waypoints":[{"lon":-122.5000000,"lat":41.0000000},{"lon":9.0000000,"lat":-5.0000000}]})");
}

TEST(GpsdAddressedApplication, TextDescription) {
    BitWriter w = type6(1, 30);
    w.u(5, 10).text("PILOT ON STATION 4", 18);
    EXPECT_EQ(fields(w, Scaling::scaled), R"("dac":1,"fid":30,"linkage":5,"text":"PILOT ON STATION 4"})");
}

TEST(GpsdAddressedApplication, InlandEtaRtaAndPersons) {
    BitWriter eta = type6(200, 21);
    eta.text("NL", 2).text("RTM", 3).text("01234", 5).text("T0001", 5).text("00123", 5);
    eta.u(4, 4).u(22, 5).u(16, 5).u(45, 6).u(2, 3).u(1234, 12).u(0, 5);
    EXPECT_EQ(fields(eta, Scaling::scaled),
              R"("dac":200,"fid":21,"country":"NL","locode":"RTM","section":"01234","terminal":"T0001",)"
              R"("hectometre":"00123","eta":"4-22T16:45","tugs":2,"airdraught":1234})");

    BitWriter rta = type6(200, 22);
    rta.text("BE", 2).text("ANR", 3).text("00077", 5).text("LOCK", 5).text("00045", 5);
    rta.u(12, 4).u(31, 5).u(23, 5).u(59, 6).u(1, 2).u(0, 2);
    EXPECT_EQ(fields(rta, Scaling::unscaled),
              R"("dac":200,"fid":22,"country":"BE","locode":"ANR","section":"00077","terminal":"LOCK",)"
              R"("hectometre":"00045","eta":"12-31T23:59","status":1,"status_text":"Limited operation"})");

    BitWriter persons = type6(200, 55);
    persons.u(12, 8).u(345, 13).u(6, 8);
    zeros(persons, 51);
    EXPECT_EQ(fields(persons, Scaling::scaled),
              R"("dac":200,"fid":55,"crew":12,"passengers":345,"personnel":6})");

    BitWriter short_eta = type6(200, 21);
    short_eta.text("NL", 2).text("RTM", 3);
    EXPECT_EQ(fields(short_eta, Scaling::unscaled), R"("dac":200,"fid":21,"data":"30:38c49434"})");
}

TEST(GpsdAddressedApplication, AtonMonitoringVoltages) {
    BitWriter uk = type6(235, 10);
    uk.u(274, 10).u(0, 10).u(1023, 10).u(2, 2).u(1, 2).flag(true).u(0xA5, 8).flag(true).u(0, 4);
    const std::string uk_common = R"("dac":235,"fid":10,"off_pos":true,"alarm":true,"stat_ext":165,)";
    const std::string uk_texts =
        R"("racon":2,"racon_text":"RACON operational","light":1,"light_text":"Light ON"})";
    EXPECT_EQ(fields(uk, Scaling::unscaled),
              uk_common + R"("ana_int":274,"ana_ext1":0,"ana_ext2":1023,)" + uk_texts);
    // gpsd writes a zero voltage as an integer even when scaling.
    EXPECT_EQ(fields(uk, Scaling::scaled),
              uk_common + R"("ana_int":13.70,"ana_ext1":0,"ana_ext2":51.15,)" + uk_texts);

    BitWriter ireland = type6(250, 10);
    ireland.u(0, 10).u(100, 10).u(7, 10).u(3, 2).u(3, 2).flag(false).u(0, 8).flag(false).u(0, 4);
    EXPECT_EQ(
        fields(ireland, Scaling::scaled),
        R"("dac":250,"fid":10,"off_pos":false,"alarm":false,"stat_ext":0,"ana_int":0,"ana_ext1":5.00,)"
        R"("ana_ext2":0.35,"racon":3,"racon_text":"RACON ERROR","light":3,"light_text":"Light ERROR"})");
}

} // namespace
