// Expected JSON is what gpsdecode (Debian's gpsd 3.22) prints, -u -j unscaled and -j scaled, for the same
// messages encoded as NMEA with BitWriter::sentences(), adjusted to gpsd master: 6-decimal degrees (3.22: 4
// for the 1/1000-minute positions), and the departures from gpsd documented in
// src/output/gpsd_broadcast_applications.cpp (valid JSON for 1/19, 1/31 water levels below the reference
// printed negative, the EMMA start date in order, no phantom trailing VTS target).

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

BitWriter type8(unsigned dac, unsigned fi, std::uint32_t mmsi = 244000123) {
    BitWriter w;
    w.header(8, 0, mmsi).u(0, 2).u(dac, 10).u(fi, 6);
    return w;
}

/// DAC 1 FI 11 with measured values everywhere (IMO236 offsets: -8.4 m water level, 14.2 °C air).
BitWriter met_hydro_236() {
    BitWriter w = type8(1, 11);
    w.s(3197693, 24).s(-368039, 25).u(18, 5).u(17, 5).u(15, 6);   // lat, lon, day, hour, minute
    w.u(3, 7).u(6, 7).u(12, 9).u(15, 9);                          // wind speed, gust, directions
    w.u(742, 11).u(50, 7).u(323, 10).u(224, 9).u(2, 2).u(153, 8); // temps, humidity, pressure, vis
    w.u(16, 9).u(1, 2);                                           // water level, trend
    w.u(103, 8).u(256, 9).u(104, 8).u(257, 9).u(10, 5).u(126, 8).u(203, 9).u(20, 5); // currents
    w.u(42, 8).u(35, 6).u(25, 9).u(23, 8).u(48, 6).u(124, 9).u(3, 4); // waves, swell, sea state
    w.u(223, 10).u(6, 3).u(53, 9).u(0, 2).u(0, 6);                    // water temp, precip, salinity, ice
    return w;
}

/// DAC 1 FI 31 with signed temperatures below zero and a water level below the reference.
BitWriter met_hydro_289() {
    BitWriter w = type8(1, 31, 992611190);
    w.s(1126600, 25).s(3264671, 24).flag(true).u(20, 5).u(18, 5).u(28, 6);
    w.u(17, 7).u(127, 7).u(132, 9).u(360, 9);
    w.s(-35, 11).u(87, 7).s(-1, 10).u(214, 9).u(0, 2).flag(true).u(127, 7);
    w.u(965, 12).u(2, 2);
    w.u(12, 8).u(90, 9).u(255, 8).u(360, 9).u(31, 5).u(255, 8).u(360, 9).u(31, 5);
    w.u(15, 8).u(4, 6).u(270, 9).u(255, 8).u(63, 6).u(360, 9).u(4, 4);
    w.s(-17, 10).u(1, 3).u(345, 9).u(1, 2).u(0, 10);
    return w;
}

BitWriter fairway_closed() {
    BitWriter w = type8(1, 13);
    w.text("ICE", 20).text("KIEL CANAL EAST", 20).text("HOLTENAU LOCK", 20);
    w.u(12, 10).u(1, 2).u(5, 5).u(3, 4).u(6, 5).u(30, 6).u(7, 5).u(3, 4).u(18, 5).u(0, 6).u(0, 4);
    return w;
}

BitWriter vts_targets() {
    BitWriter w = type8(1, 17);
    w.u(0, 2).u(244123456, 42).u(0, 4).s(3197693, 24).s(-368039, 25).u(215, 9).u(33, 6).u(12, 10);
    w.u(2, 2).text("PD6543", 7).u(0, 4).s(-1234567, 24).s(7654321, 25).u(360, 9).u(60, 6).u(1023, 10);
    return w;
}

BitWriter traffic_signal() {
    BitWriter w = type8(1, 19);
    w.u(7, 10).text("ROTTERDAM MAASMOND", 20).s(244500, 25).s(3116400, 24).u(1, 2).u(9, 5).u(14, 5).u(30, 6);
    w.u(4, 5).u(0, 102);
    return w;
}

BitWriter route_information() {
    BitWriter w = type8(1, 27);
    w.u(42, 10).u(1, 3).u(2, 5).u(6, 4).u(15, 5).u(8, 5).u(30, 6).u(1440, 18).u(2, 5);
    w.s(2445000, 28).s(31164000, 27).s(-1234567, 28).s(-7654321, 27);
    return w;
}

BitWriter text_description() {
    BitWriter w = type8(1, 29);
    w.u(3, 10).text("DREDGING IN \"B\" CHANNEL", 23);
    return w;
}

BitWriter inland_ship_static() {
    BitWriter w = type8(200, 10, 244650946);
    w.text("02103547", 8).u(1100, 13).u(115, 10).u(8022, 14).u(2, 3).u(204, 11).u(2, 2);
    w.flag(true).flag(false).flag(true).u(0, 8);
    return w;
}

BitWriter emma_warning() {
    BitWriter w = type8(200, 23);
    w.u(24, 8).u(2, 4).u(14, 5).u(24, 8).u(2, 4).u(15, 5).u(6, 5).u(30, 6).u(18, 5).u(0, 6);
    w.s(2445000, 28).s(31164000, 27).s(-2445000, 28).s(-31164000, 27);
    w.u(3, 4).s(-5, 9).s(20, 9).u(2, 2).u(8, 4).u(0, 6);
    return w;
}

BitWriter water_levels() {
    BitWriter w = type8(200, 24);
    w.text("NL", 2);
    w.u(101, 11).s(-120, 14).u(102, 11).s(345, 14).u(0, 11).s(0, 14).u(2047, 11).s(-8192, 14);
    return w;
}

BitWriter signal_status() {
    BitWriter w = type8(200, 40);
    w.s(2445000, 28).s(31164000, 27).u(3, 4).u(270, 9).u(2, 3).u(4, 30).u(0, 11);
    return w;
}

// DAC 1 FI 11: IMO236 offsets, precipitation and ice texts in both modes.
TEST(GpsdBroadcastApplications, MetHydro236) {
    const BitWriter w = met_hydro_236();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":1,"fid":11,"lat":3197693,"lon":-368039,"timestamp":"18T17:15Z","wspeed":3,)"
              R"("wgust":6,"wdir":12,"wgustdir":15,"humidity":50,"airtemp":742,"dewpoint":323,)"
              R"("pressure":224,"pressuretend":2,"visibility":153,"waterlevel":16,"leveltrend":1,)"
              R"("cspeed":103,"cdir":256,"cspeed2":104,"cdir2":257,"cdepth2":10,"cspeed3":126,)"
              R"("cdir3":203,"cdepth3":20,"waveheight":42,"waveperiod":35,"wavedir":25,"swellheight":23,)"
              R"("swellperiod":48,"swelldir":124,"seastate":3,"watertemp":223,"preciptype":6,)"
              R"("preciptype_text":"reserved","salinity":53,"ice":0,"ice_text":"no"})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":1,"fid":11,"lat":53.294883,"lon":-6.133983,"timestamp":"18T17:15Z","wspeed":3,)"
              R"("wgust":6,"wdir":12,"wgustdir":15,"humidity":50,"airtemp":14.2,"dewpoint":12.3,)"
              R"("pressure":1024,"pressuretend":"decreasing","visibility":15.3,"waterlevel":-8.4,)"
              R"("leveltrend":"increasing","cspeed":10.3,"cdir":256,"cspeed2":10.4,"cdir2":257,)"
              R"("cdepth2":10,"cspeed3":12.6,"cdir3":203,"cdepth3":20,"waveheight":4.2,"waveperiod":35,)"
              R"("wavedir":25,"swellheight":2.3,"swellperiod":48,"swelldir":124,"seastate":3,)"
              R"("watertemp":12.3,"preciptype":6,"preciptype_text":"reserved","salinity":5.3,"ice":0,)"
              R"("ice_text":"no"})");
}

// DAC 1 FI 31: signed temperatures; precipitation and ice are bare texts when scaled, bare codes when not.
TEST(GpsdBroadcastApplications, MetHydro289) {
    const BitWriter w = met_hydro_289();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":1,"fid":31,"lat":3264671,"lon":1126600,"accuracy":true,"timestamp":"20T18:28Z",)"
              R"("wspeed":17,"wgust":127,"wdir":132,"wgustdir":360,"humidity":87,"airtemp":-35,)"
              R"("dewpoint":-1,"pressure":214,"pressuretend":0,"visgreater":true,"visibility":127,)"
              R"("waterlevel":965,"leveltrend":2,"cspeed":12,"cdir":90,"cspeed2":255,"cdir2":360,)"
              R"("cdepth2":31,"cspeed3":255,"cdir3":360,"cdepth3":31,"waveheight":15,"waveperiod":4,)"
              R"("wavedir":270,"swellheight":255,"swellperiod":63,"swelldir":360,"seastate":4,)"
              R"("watertemp":-17,"preciptype":1,"salinity":345,"ice":1})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":1,"fid":31,"lat":54.411183,"lon":18.776667,"accuracy":true,)"
              R"("timestamp":"20T18:28Z","wspeed":17,"wgust":127,"wdir":132,"wgustdir":360,"humidity":87,)"
              R"("airtemp":-3.5,"dewpoint":-0.1,"pressure":1013,"pressuretend":"steady",)"
              R"("visgreater":true,"visibility":12.7,"waterlevel":-0.3,"leveltrend":"decreasing",)"
              R"("cspeed":1.2,"cdir":90,"cspeed2":25.5,"cdir2":360,"cdepth2":31,"cspeed3":25.5,)"
              R"("cdir3":360,"cdepth3":31,"waveheight":1.5,"waveperiod":4,"wavedir":270,)"
              R"("swellheight":25.5,"swellperiod":63,"swelldir":360,"seastate":4,"watertemp":-1.7,)"
              R"("preciptype":"rain","salinity":34.5,"ice":"yes"})");
}

TEST(GpsdBroadcastApplications, FairwayClosed) {
    const BitWriter w = fairway_closed();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":1,"fid":13,"reason":"ICE","closefrom":"KIEL CANAL EAST","closeto":"HOLTENAU LOCK",)"
              R"("radius":12,"extunit":1,"from":"03-05T06:30","to":"03-07T18:00"})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":1,"fid":13,"reason":"ICE","closefrom":"KIEL CANAL EAST","closeto":"HOLTENAU LOCK",)"
              R"("radius":12,"extunit":1,"from":"03-05T06:30","to":"03-07T18:00"})");
}

// The id is printed under the name of its type; MMSI/IMO as a string.
TEST(GpsdBroadcastApplications, VtsTargets) {
    const BitWriter w = vts_targets();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":1,"fid":17,"targets":[{"idtype":0,"idtype_text":"mmsi","mmsi":"244123456",)"
              R"("lat":3197693,"lon":-368039,"course":215,"second":33,"speed":12},{"idtype":2,)"
              R"("idtype_text":"callsign","callsign":"PD6543","lat":-1234567,"lon":7654321,"course":360,)"
              R"("second":60,"speed":1023}]})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":1,"fid":17,"targets":[{"idtype":0,"idtype_text":"mmsi","mmsi":"244123456",)"
              R"("lat":53.294883,"lon":-6.133983,"course":215,"second":33,"speed":12},{"idtype":2,)"
              R"("idtype_text":"callsign","callsign":"PD6543","lat":-20.576117,"lon":127.572017,)"
              R"("course":360,"second":60,"speed":1023}]})");
}

// gpsd prints this position in degrees even unscaled; the signal texts hold quotes, escaped here.
TEST(GpsdBroadcastApplications, MarineTrafficSignal) {
    const BitWriter w = traffic_signal();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":1,"fid":19,"linkage":7,"station":"ROTTERDAM MAASMOND","lon":4.075000,)"
              R"("lat":51.940000,"status":1,"signal":9,"signal_text":"I = \"in-bound\" only acceptable.",)"
              R"("hour":14,"minute":30,"nextsignal":4,)"
              R"("nextsignal_text":"Vessels may proceed. Two way traffic."})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":1,"fid":19,"linkage":7,"station":"ROTTERDAM MAASMOND","lon":4.075000,)"
              R"("lat":51.940000,"status":1,"signal":9,"signal_text":"I = \"in-bound\" only acceptable.",)"
              R"("hour":14,"minute":30,"nextsignal":4,)"
              R"("nextsignal_text":"Vessels may proceed. Two way traffic."})");
}

// Waypoints are lon/lat in 1/10000 minute.
TEST(GpsdBroadcastApplications, RouteInformation) {
    const BitWriter w = route_information();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":1,"fid":27,"linkage":42,"sender":1,"rtype":2,"rtype_text":"Recommended",)"
              R"("start":"06-15T08:30Z","duration":1440,"waypoints":[{"lon":2445000,)"
              R"("lat":31164000},{"lon":-1234567,"lat":-7654321}]})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":1,"fid":27,"linkage":42,"sender":1,"rtype":2,"rtype_text":"Recommended",)"
              R"("start":"06-15T08:30Z","duration":1440,"waypoints":[{"lon":4.075000,)"
              R"("lat":51.940000},{"lon":-2.057612,"lat":-12.757202}]})");
}

TEST(GpsdBroadcastApplications, TextDescription) {
    const BitWriter w = text_description();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":1,"fid":29,"linkage":3,"text":"DREDGING IN \"B\" CHANNEL"})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":1,"fid":29,"linkage":3,"text":"DREDGING IN \"B\" CHANNEL"})");
}

TEST(GpsdBroadcastApplications, InlandShipStatic) {
    const BitWriter w = inland_ship_static();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":200,"fid":10,"vin":"02103547","length":1100,"beam":115,"shiptype":8022,)"
              R"("shiptype_text":"Motor tanker, liquid cargo, type C","hazard":2,)"
              R"("hazard_text":"2 blue cones/lights","draught":204,"loaded":2,"loaded_text":"Loaded",)"
              R"("speed_q":true,"course_q":false,"heading_q":true})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":200,"fid":10,"vin":"02103547","length":1100,"beam":115,"shiptype":8022,)"
              R"("shiptype_text":"Motor tanker, liquid cargo, type C","hazard":2,)"
              R"("hazard_text":"2 blue cones/lights","draught":204,"loaded":2,"loaded_text":"Loaded",)"
              R"("speed_q":true,"course_q":false,"heading_q":true})");
}

// "start" in the order its format describes (gpsd master swaps day, hour and minute).
TEST(GpsdBroadcastApplications, EmmaWarning) {
    const BitWriter w = emma_warning();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":200,"fid":23,"start":"2024-02-14T06:30","end":"2024-02-15T18:00",)"
              R"("start_lon":2445000,"start_lat":31164000,"end_lon":-2445000,"end_lat":-31164000,)"
              R"("type":3,"type_text":"Snow and ice","min":-5,"max":20,"class":2,"class_text":"Strong",)"
              R"("wind":8,"wind_text":"North West"})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":200,"fid":23,"start":"2024-02-14T06:30","end":"2024-02-15T18:00",)"
              R"("start_lon":4.075000,"start_lat":51.940000,"end_lon":-4.075000,"end_lat":-51.940000,)"
              R"("type":3,"type_text":"Snow and ice","min":-5,"max":20,"class":2,"class_text":"Strong",)"
              R"("wind":8,"wind_text":"North West"})");
}

// Gauge levels are never scaled.
TEST(GpsdBroadcastApplications, WaterLevels) {
    const BitWriter w = water_levels();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":200,"fid":24,"country":"NL","gauges":[{"id":101,"level":-120},{"id":102,)"
              R"("level":345},{"id":0,"level":0},{"id":2047,"level":-8192}]})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":200,"fid":24,"country":"NL","gauges":[{"id":101,"level":-120},{"id":102,)"
              R"("level":345},{"id":0,"level":0},{"id":2047,"level":-8192}]})");
}

TEST(GpsdBroadcastApplications, SignalStatus) {
    const BitWriter w = signal_status();
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("dac":200,"fid":40,"lon":2445000,"lat":31164000,"form":3,"facing":270,"direction":2,)"
              R"("direction_text":"Downstream","status":4,"status_text":"Green"})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("dac":200,"fid":40,"lon":4.075000,"lat":51.940000,"form":3,"facing":270,"direction":2,)"
              R"("direction_text":"Downstream","status":4,"status_text":"Green"})");
}

TEST(GpsdBroadcastApplications, PersonsOnBoard) {
    // gpsd master prints the count from the type 6 view of its union (garbage for type 8); this prints it.
    BitWriter w = type8(1, 16);
    w.u(0, 32).u(1234, 13).u(0, 91);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled), R"("dac":1,"fid":16,"persons":1234})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled), R"("dac":1,"fid":16,"persons":1234})");
}

TEST(GpsdBroadcastApplications, ExtendedShipStatic) {
    BitWriter w = type8(1, 15);
    w.u(345, 11).u(0, 5);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled), R"("dac":1,"fid":15,"airdraught":345})");
}

TEST(GpsdBroadcastApplications, UndecodedPairIsRawData) {
    // gpsd does not decode the IMO289 area notice (DAC 1 FI 22): its bits are dumped.
    BitWriter w = type8(1, 22);
    w.u(0xABCD, 16);
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled), R"("dac":1,"fid":22,"data":"16:abcd"})");
}

} // namespace
