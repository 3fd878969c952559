// Expected JSON is what gpsdecode -s prints (-u -j unscaled, -j scaled) for the same messages, encoded as
// NMEA with BitWriter::sentences(), adjusted where gpsd master (its .chk files) differs from Debian's
// 3.22: 7-decimal degrees (3.22: 6) and master's EPFD texts.

#include "support/bit_writer.hpp"
#include "support/gpsd_json_support.hpp"

#include <sagar/decoding/message.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace {

using sagar::output::Scaling;
using sagar::testing::BitWriter;
using sagar::testing::gpsd_fields;

TEST(GpsdStaticData, StaticVoyageData) {
    const BitWriter w = BitWriter()
                            .header(5, 0, 351759000)
                            .u(1, 2)
                            .u(9134270, 30)
                            .text("3FOF8", 7)
                            .text("EVER DIADEM         ", 20)
                            .u(70, 8)
                            .u(225, 9)
                            .u(70, 9)
                            .u(1, 6)
                            .u(31, 6)
                            .u(1, 4)
                            .u(5, 4)
                            .u(15, 5)
                            .u(14, 5)
                            .u(0, 6)
                            .u(122, 8)
                            .text("NEW YORK", 20)
                            .flag(true)
                            .u(0, 1);
    const std::string head =
        R"("imo":9134270,"ais_version":1,"callsign":"3FOF8","shipname":"EVER DIADEM","shiptype":70,)"
        R"("shiptype_text":"Cargo - all ships of this type","to_bow":225,"to_stern":70,"to_port":1,)"
        R"("to_starboard":31,"epfd":1,"epfd_text":"GPS","eta":"05-15T14:00Z",)";
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled), head + R"("draught":122,"destination":"NEW YORK","dte":1})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled), head + R"("draught":12.2,"destination":"NEW YORK","dte":1})");
}

TEST(GpsdStaticData, StaticVoyageDataEdgeValues) {
    // Quotes in six-bit text are escaped; not-available ETA and out-of-table codes are written raw.
    const BitWriter w = BitWriter()
                            .header(5, 0, 271010059)
                            .u(0, 2)
                            .u(0, 30)
                            .text("TCA2350", 7)
                            .text("HEALTH \"CONTROL\" 13", 20)
                            .u(255, 8)
                            .u(6, 9)
                            .u(10, 9)
                            .u(2, 6)
                            .u(2, 6)
                            .u(14, 4)
                            .u(0, 4)
                            .u(0, 5)
                            .u(24, 5)
                            .u(60, 6)
                            .u(255, 8)
                            .text("", 20)
                            .u(0, 2);
    EXPECT_EQ(
        gpsd_fields(w, Scaling::scaled),
        R"("imo":0,"ais_version":0,"callsign":"TCA2350","shipname":"HEALTH \"CONTROL\" 13","shiptype":255,)"
        R"("shiptype_text":"INVALID SHIP TYPE","to_bow":6,"to_stern":10,"to_port":2,"to_starboard":2,)"
        R"j("epfd":14,"epfd_text":"Reserved (14)","eta":"00-00T24:60Z","draught":25.5,"destination":"",)j"
        R"("dte":0})");
}

TEST(GpsdStaticData, StaticDataPartA) {
    const BitWriter w = BitWriter().header(24, 0, 271041815).u(0, 2).text("PROGUY", 20);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled), R"("part":"A","shipname":"PROGUY"})");
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled), R"("part":"A","shipname":"PROGUY"})");
}

TEST(GpsdStaticData, StaticDataPartB) {
    const BitWriter w = BitWriter()
                            .header(24, 0, 271041815)
                            .u(1, 2)
                            .u(60, 8)
                            .text("1D0", 3)
                            .u(12, 4)
                            .u(199796, 20)
                            .text("TC6163", 7)
                            .u(10, 9)
                            .u(15, 9)
                            .u(3, 6)
                            .u(5, 6)
                            .u(0, 6);
    const std::string expected =
        R"("part":"B","shiptype":60,"shiptype_text":"Passenger - all ships of this type","vendorid":"1D00014",)"
        R"("model":12,"serial":199796,"callsign":"TC6163","to_bow":10,"to_stern":15,"to_port":3,)"
        R"("to_starboard":5})";
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled), expected);
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled), expected);
}

TEST(GpsdStaticData, StaticDataPartBOfAuxiliaryCraft) {
    const BitWriter w = BitWriter()
                            .header(24, 0, 982001234)
                            .u(1, 2)
                            .u(52, 8)
                            .text("ABC", 3)
                            .u(0, 4)
                            .u(0, 20)
                            .text("CALL", 7)
                            .u(244123456, 30)
                            .u(0, 6);
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("part":"B","shiptype":52,"shiptype_text":"Tug","vendorid":"ABC","model":0,"serial":0,)"
              R"("callsign":"CALL","mothership_mmsi":244123456})");
}

BitWriter aid(std::uint32_t mmsi, unsigned aid_type, std::string_view name, bool flags, std::int64_t lon,
              std::int64_t lat, unsigned dimension, unsigned epfd, unsigned second, unsigned regional) {
    BitWriter w;
    w.header(21, 0, mmsi)
        .u(aid_type, 5)
        .text(name.substr(0, 20), 20)
        .flag(flags)
        .s(lon, 28)
        .s(lat, 27)
        .u(dimension, 9)
        .u(dimension, 9)
        .u(dimension, 6)
        .u(dimension, 6)
        .u(epfd, 4)
        .u(second, 6)
        .flag(flags)
        .u(regional, 8)
        .flag(flags)
        .flag(flags)
        .flag(flags)
        .u(0, 1);
    if (name.size() > 20) {
        w.text(name.substr(20), name.size() - 20);
    }
    return w;
}

TEST(GpsdStaticData, AidToNavigationWithNameExtension) {
    const BitWriter w =
        aid(123456789, 20, "CHINA ROSE MURPHY EXPRESS ALERT", false, -73619155, 28752371, 5, 1, 50, 165);
    const std::string tail =
        R"("to_bow":5,"to_stern":5,"to_port":5,"to_starboard":5,"epfd":1,"epfd_text":"GPS","second":50,)"
        R"("regional":165,"off_position":false,"raim":false,"virtual_aid":false})";
    // gpsd puts "accuracy" after the position when scaled, before it when unscaled.
    EXPECT_EQ(gpsd_fields(w, Scaling::unscaled),
              R"("aid_type":20,"aid_type_text":"Cardinal Mark N","name":"CHINA ROSE MURPHY EXPRESS ALERT",)"
              R"("accuracy":false,"lon":-73619155,"lat":28752371,)" +
                  tail);
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("aid_type":20,"aid_type_text":"Cardinal Mark N","name":"CHINA ROSE MURPHY EXPRESS ALERT",)"
              R"("lon":-122.6985917,"lat":47.9206183,"accuracy":false,)" +
                  tail);
}

TEST(GpsdStaticData, AidToNavigationNotAvailable) {
    const BitWriter w = aid(992000001, 31, "BUOY\\", true, 108600000, 54600000, 0, 15, 61, 0);
    EXPECT_EQ(gpsd_fields(w, Scaling::scaled),
              R"("aid_type":31,"aid_type_text":"Light Vessel / LANBY / Rigs","name":"BUOY\\",)"
              R"("lon":181.0000000,"lat":91.0000000,"accuracy":true,"to_bow":0,"to_stern":0,"to_port":0,)"
              R"("to_starboard":0,"epfd":15,"epfd_text":"Internal GNSS","second":61,"regional":0,)"
              R"("off_position":true,"raim":true,"virtual_aid":true})");
}

TEST(GpsdStaticData, ShipTypeTexts) {
    const std::pair<unsigned, std::string_view> cases[] = {
        {0, "Not available"},
        {9, "Reserved for future use"},
        {25, "Wing in ground (WIG) - Reserved for future use"},
        {29, "Wing in ground (WIG) - Reserved for future use"},
        {34, "Diving ops"},
        {38, "Reserved"},
        {49, "High speed craft (HSC) - No additional information"},
        {59, "Ship according to RR Resolution No. 18"},
        {64, "Passenger - Hazardous category D"},
        {99, "Other Type - no additional information"},
        {100, "INVALID SHIP TYPE"},
    };
    for (const auto& [code, text] : cases) {
        const BitWriter w =
            BitWriter().header(24, 0, 1).u(1, 2).u(code, 8).text("", 3).u(0, 24).text("", 7).u(0, 36);
        const std::string json = gpsd_fields(w, Scaling::unscaled);
        EXPECT_NE(json.find("\"shiptype_text\":\"" + std::string{text} + "\""), std::string::npos) << json;
    }
}

} // namespace
