// Expected JSON is what gpsdecode prints (-u -j unscaled, -j scaled) for the same messages, encoded as
// NMEA with BitWriter::sentences().

#include "support/bit_writer.hpp"
#include "support/gpsd_json_support.hpp"

#include <sagar/decoding/message.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using sagar::output::Scaling;
using sagar::testing::BitWriter;
using sagar::testing::gpsd_record;

TEST(GpsdLinkManagement, BinaryAcknowledgeWritesAllFourSlots) {
    const BitWriter w = BitWriter()
                            .header(7, 0, 244620320)
                            .u(0, 2)
                            .u(2268402, 30)
                            .u(1, 2)
                            .u(316001234, 30)
                            .u(2, 2)
                            .u(3, 30)
                            .u(0, 2);
    const std::string fields = R"("mmsi1":2268402,"mmsi2":316001234,"mmsi3":3,"mmsi4":0})";
    EXPECT_EQ(gpsd_record(w, Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":7,"repeat":0,"mmsi":244620320,"scaled":false,)" +
                  fields);
    EXPECT_EQ(gpsd_record(w, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":7,"repeat":0,"mmsi":244620320,"scaled":true,)" +
                  fields);
}

TEST(GpsdLinkManagement, SafetyAcknowledge) {
    const BitWriter w = BitWriter().header(13, 1, 211378120).u(0, 2).u(211217560, 30).u(3, 2);
    EXPECT_EQ(gpsd_record(w, Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":13,"repeat":1,"mmsi":211378120,"scaled":false,)"
              R"("mmsi1":211217560,"mmsi2":0,"mmsi3":0,"mmsi4":0})");
}

TEST(GpsdLinkManagement, UtcInquiry) {
    const BitWriter w = BitWriter().header(10, 0, 366814480).u(0, 2).u(366832740, 30).u(0, 2);
    EXPECT_EQ(gpsd_record(w, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":10,"repeat":0,"mmsi":366814480,"scaled":true,)"
              R"("dest_mmsi":366832740})");
}

TEST(GpsdLinkManagement, AddressedSafetyEscapesText) {
    const BitWriter w = BitWriter()
                            .header(12, 0, 271002099)
                            .u(2, 2)
                            .u(271002111, 30)
                            .flag(true)
                            .u(0, 1)
                            .text("SAY \"HI\" \\ OUT", 14);
    EXPECT_EQ(gpsd_record(w, Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":12,"repeat":0,"mmsi":271002099,"scaled":false,)"
              R"("seqno":2,"dest_mmsi":271002111,"retransmit":true,"text":"SAY \"HI\" \\ OUT"})");
}

TEST(GpsdLinkManagement, BroadcastSafety) {
    const BitWriter w = BitWriter().header(14, 3, 351809000).u(0, 2).text("RCVD YR TEST MSG  ", 18);
    EXPECT_EQ(gpsd_record(w, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":14,"repeat":3,"mmsi":351809000,"scaled":true,)"
              R"("text":"RCVD YR TEST MSG"})");
}

TEST(GpsdLinkManagement, InterrogationWritesAbsentRequestsAsZero) {
    const BitWriter three = BitWriter()
                                .header(15, 0, 211439370)
                                .u(0, 2)
                                .u(211507560, 30)
                                .u(5, 6)
                                .u(0, 12)
                                .u(0, 2)
                                .u(55, 6)
                                .u(663, 12)
                                .u(0, 2)
                                .u(605843451, 30)
                                .u(32, 6)
                                .u(560, 12)
                                .u(0, 2);
    EXPECT_EQ(gpsd_record(three, Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":15,"repeat":0,"mmsi":211439370,"scaled":false,)"
              R"("mmsi1":211507560,"type1_1":5,"offset1_1":0,"type1_2":55,"offset1_2":663,"mmsi2":605843451,)"
              R"("type2_1":32,"offset2_1":560})");
    const BitWriter one = BitWriter().header(15, 2, 368578000).u(0, 2).u(5158, 30).u(5, 6).u(1234, 12);
    EXPECT_EQ(gpsd_record(one, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":15,"repeat":2,"mmsi":368578000,"scaled":true,)"
              R"("mmsi1":5158,"type1_1":5,"offset1_1":1234,"type1_2":0,"offset1_2":0,"mmsi2":0,)"
              R"("type2_1":0,"offset2_1":0})");
}

TEST(GpsdLinkManagement, AssignedModeCommand) {
    const BitWriter two = BitWriter()
                              .header(16, 0, 439952844)
                              .u(0, 2)
                              .u(315920, 30)
                              .u(2049, 12)
                              .u(681, 10)
                              .u(230137673, 30)
                              .u(424, 12)
                              .u(419, 10);
    EXPECT_EQ(
        gpsd_record(two, Scaling::unscaled),
        R"({"class":"AIS","device":"stdin","type":16,"repeat":0,"mmsi":439952844,"scaled":false,)"
        R"("mmsi1":315920,"offset1":2049,"increment1":681,"mmsi2":230137673,"offset2":424,"increment2":419})");
    const BitWriter one =
        BitWriter().header(16, 0, 2053501).u(0, 2).u(224251000, 30).u(200, 12).u(0, 10).u(0, 4);
    EXPECT_EQ(gpsd_record(one, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":16,"repeat":0,"mmsi":2053501,"scaled":true,)"
              R"("mmsi1":224251000,"offset1":200,"increment1":0,"mmsi2":0,"offset2":0,"increment2":0})");
}

TEST(GpsdLinkManagement, DgnssCorrection) {
    // lon 90 is 0.15 degrees: gpsd's "%.1f" of the double 0.1499... gives 0.1.
    const BitWriter w =
        BitWriter().header(17, 0, 2734450).u(0, 2).s(90, 18).s(-26818, 17).u(0, 5).u(0x7c0556c, 28);
    EXPECT_EQ(gpsd_record(w, Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":17,"repeat":0,"mmsi":2734450,"scaled":false,)"
              R"("lon":90,"lat":-26818,"data":"28:7c0556c0"})");
    EXPECT_EQ(gpsd_record(w, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":17,"repeat":0,"mmsi":2734450,"scaled":true,)"
              R"("lon":0.1,"lat":-44.7,"data":"28:7c0556c0"})");
}

TEST(GpsdLinkManagement, DgnssCorrectionWithoutData) {
    const BitWriter w = BitWriter().header(17, 1, 4310302).u(0, 2).s(-30, 18).s(21371, 17).u(0, 5);
    EXPECT_EQ(gpsd_record(w, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":17,"repeat":1,"mmsi":4310302,"scaled":true,)"
              R"("lon":-0.1,"lat":35.6,"data":"0:"})");
}

TEST(GpsdLinkManagement, DataLinkManagement) {
    const BitWriter one =
        BitWriter().header(20, 0, 2442003).u(0, 2).u(1385, 12).u(2, 4).u(7, 3).u(1125, 11).u(0, 2);
    EXPECT_EQ(gpsd_record(one, Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":20,"repeat":0,"mmsi":2442003,"scaled":false,)"
              R"("offset1":1385,"number1":2,"timeout1":7,"increment1":1125,)"
              R"("offset2":0,"number2":0,"timeout2":0,"increment2":0,)"
              R"("offset3":0,"number3":0,"timeout3":0,"increment3":0,)"
              R"("offset4":0,"number4":0,"timeout4":0,"increment4":0})");
    const BitWriter four = BitWriter()
                               .header(20, 0, 2320025)
                               .u(0, 2)
                               .u(1162, 12)
                               .u(1, 4)
                               .u(7, 3)
                               .u(250, 11)
                               .u(225, 12)
                               .u(1, 4)
                               .u(7, 3)
                               .u(0, 11)
                               .u(1475, 12)
                               .u(5, 4)
                               .u(6, 3)
                               .u(750, 11)
                               .u(19, 12)
                               .u(9, 4)
                               .u(0, 3)
                               .u(1296, 11);
    EXPECT_EQ(gpsd_record(four, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":20,"repeat":0,"mmsi":2320025,"scaled":true,)"
              R"("offset1":1162,"number1":1,"timeout1":7,"increment1":250,)"
              R"("offset2":225,"number2":1,"timeout2":7,"increment2":0,)"
              R"("offset3":1475,"number3":5,"timeout3":6,"increment3":750,)"
              R"("offset4":19,"number4":9,"timeout4":0,"increment4":1296})");
}

BitWriter channel_area() {
    return BitWriter()
        .header(22, 0, 3160048)
        .u(0, 2)
        .u(2087, 12)
        .u(2088, 12)
        .u(0, 4)
        .flag(false)
        .s(-44100, 18)
        .s(27330, 17)
        .s(-48101, 18)
        .s(25400, 17)
        .flag(false)
        .flag(false)
        .flag(true)
        .u(4, 3)
        .u(0, 23);
}

TEST(GpsdLinkManagement, ChannelManagementArea) {
    EXPECT_EQ(gpsd_record(channel_area(), Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":22,"repeat":0,"mmsi":3160048,"scaled":false,)"
              R"("channel_a":2087,"channel_b":2088,"txrx":0,"power":false,)"
              R"("ne_lon":-44100,"ne_lat":27330,"sw_lon":-48101,"sw_lat":25400,)"
              R"("addressed":false,"band_a":false,"band_b":true,"zonesize":4})");
    // gpsd writes the scaled corners as strings of printf("%f").
    EXPECT_EQ(gpsd_record(channel_area(), Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":22,"repeat":0,"mmsi":3160048,"scaled":true,)"
              R"("channel_a":2087,"channel_b":2088,"txrx":0,"power":false,)"
              R"("ne_lon":"-73.500000","ne_lat":"45.550000","sw_lon":"-80.168333","sw_lat":"42.333333",)"
              R"("addressed":false,"band_a":false,"band_b":true,"zonesize":4})");
}

TEST(GpsdLinkManagement, ChannelManagementAddressed) {
    const BitWriter w = BitWriter()
                            .header(22, 1, 17419965)
                            .u(0, 2)
                            .u(3584, 12)
                            .u(8, 12)
                            .u(1, 4)
                            .flag(true)
                            .u(28144881, 30)
                            .u(0, 5)
                            .u(268435519, 30)
                            .u(0, 5)
                            .flag(true)
                            .flag(true)
                            .flag(false)
                            .u(7, 3)
                            .u(0, 23);
    const std::string fields =
        R"("channel_a":3584,"channel_b":8,"txrx":1,"power":true,"dest1":28144881,)"
        R"("dest2":268435519,"addressed":true,"band_a":true,"band_b":false,"zonesize":7})";
    EXPECT_EQ(gpsd_record(w, Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":22,"repeat":1,"mmsi":17419965,"scaled":false,)" +
                  fields);
    EXPECT_EQ(gpsd_record(w, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":22,"repeat":1,"mmsi":17419965,"scaled":true,)" +
                  fields);
}

TEST(GpsdLinkManagement, GroupAssignment) {
    const BitWriter w = BitWriter()
                            .header(23, 0, 2268120)
                            .u(0, 2)
                            .s(1578, 18)
                            .s(30642, 17)
                            .s(-1096, 18)
                            .s(-30408, 17)
                            .u(6, 4)
                            .u(30, 8)
                            .u(0, 22)
                            .u(2, 2)
                            .u(9, 4)
                            .u(5, 4)
                            .u(0, 6);
    EXPECT_EQ(gpsd_record(w, Scaling::unscaled),
              R"({"class":"AIS","device":"stdin","type":23,"repeat":0,"mmsi":2268120,"scaled":false,)"
              R"("ne_lon":1578,"ne_lat":30642,"sw_lon":-1096,"sw_lat":-30408,)"
              R"("stationtype":6,"stationtype_text":"Regional use and inland waterways",)"
              R"("shiptype":30,"shiptype_text":"Fishing","interval":9,"quiet":5})");
    EXPECT_EQ(gpsd_record(w, Scaling::scaled),
              R"({"class":"AIS","device":"stdin","type":23,"repeat":0,"mmsi":2268120,"scaled":true,)"
              R"("ne_lon":"2.630000","ne_lat":"51.070000","sw_lon":"-1.826667","sw_lat":"-50.680000",)"
              R"("stationtype":6,"stationtype_text":"Regional use and inland waterways",)"
              R"("shiptype":30,"shiptype_text":"Fishing","interval":9,"quiet":5})");
}

} // namespace
