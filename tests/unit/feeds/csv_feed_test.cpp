#include <sagar/feeds/csv_feed.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace sagar::feeds {
namespace {

const std::string mc_header =
    "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,"
    "Length,Width,Draft,Cargo,TransceiverClass\n";
const std::string dma_header =
    "# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,"
    "Heading,IMO,Callsign,Name,Ship type,Cargo type,Width,Length,Type of position "
    "fixing device,Draught,Destination,ETA,Data source type,A,B,C,D\n";

struct ReadAll {
    std::vector<CsvRecord> records;
    CsvStats stats;
    std::vector<std::string> errors;
    std::uint64_t dropped = 0;
    CsvFormat format = CsvFormat::unknown;
    std::string fatal;
};

ReadAll read_all(const std::string& text, CsvOptions options = {}) {
    framing::MemorySource source{text};
    CsvFeedReader reader{source, "test.csv", options};
    ReadAll out;
    CsvRecord record;
    while (reader.next(record)) {
        out.records.push_back(record);
    }
    out.stats = reader.stats();
    out.errors = reader.error_messages();
    out.dropped = reader.error_messages_dropped();
    out.format = reader.format();
    out.fatal = reader.fatal_error();
    return out;
}

constexpr UtcTime utc(int y, unsigned mo, unsigned d, unsigned h, unsigned mi, unsigned s) {
    return UtcTime::from_unix_seconds(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s);
}

TEST(CsvSplit, PlainQuotedEscapedAndEmpty) {
    std::array<std::string_view, 8> fields{};
    std::array<char, 64> scratch{};
    bool too_many = false;
    const std::string_view line = R"(a, b ,"c,d","say ""hi""",,"")";
    const auto n = split_csv_line(line, fields, scratch, too_many);
    ASSERT_TRUE(n);
    ASSERT_EQ(*n, 6U);
    EXPECT_FALSE(too_many);
    EXPECT_EQ(fields[0], "a");
    EXPECT_EQ(fields[1], "b");
    EXPECT_EQ(fields[2], "c,d");
    EXPECT_EQ(fields[3], R"(say "hi")");
    EXPECT_EQ(fields[4], "");
    EXPECT_EQ(fields[5], "");

    EXPECT_EQ(*split_csv_line("", fields, scratch, too_many), 1U);
    EXPECT_EQ(*split_csv_line(",", fields, scratch, too_many), 2U);
    EXPECT_FALSE(split_csv_line(R"(a,"open)", fields, scratch, too_many));
    EXPECT_FALSE(split_csv_line(R"(a,"open"")", fields, scratch, too_many));
    std::array<std::string_view, 2> two{};
    EXPECT_EQ(*split_csv_line("1,2,3", two, scratch, too_many), 2U);
    EXPECT_TRUE(too_many);
}

TEST(MarineCadastre, GoodRowGivesPositionAndIdentity) {
    const auto r = read_all(mc_header + "636021061,2023-01-11T00:00:00,26.09241,-80.04806,8.8,272.7,270.0,"
                                        "MSC NAISHA III,IMO9307839,5LCB4,70,8.0,208.0,30.0,8.0,70.0,A\n");
    EXPECT_EQ(r.format, CsvFormat::marine_cadastre);
    ASSERT_EQ(r.records.size(), 1U);
    const CsvRecord& rec = r.records[0];
    EXPECT_EQ(rec.line, 2U);
    ASSERT_TRUE(rec.position);
    const PositionReport& p = *rec.position;
    EXPECT_EQ(p.mmsi, 636021061U);
    EXPECT_EQ(p.time, utc(2023, 1, 11, 0, 0, 0));
    EXPECT_DOUBLE_EQ(p.lat, 26.09241);
    EXPECT_DOUBLE_EQ(p.lon, -80.04806);
    EXPECT_FLOAT_EQ(p.speed_knots, 8.8F);
    EXPECT_FLOAT_EQ(p.course_deg, 272.7F);
    EXPECT_FLOAT_EQ(p.heading_deg, 270.0F);
    EXPECT_EQ(p.nav_status, 8);
    EXPECT_EQ(p.message_type, 0);
    EXPECT_EQ(p.transponder, TransponderClass::a);
    ASSERT_TRUE(rec.identity);
    const IdentityReport& id = *rec.identity;
    EXPECT_EQ(id.mmsi, 636021061U);
    EXPECT_EQ(id.imo, 9307839U);
    EXPECT_EQ(id.name.view(), "MSC NAISHA III");
    EXPECT_EQ(id.callsign.view(), "5LCB4");
    EXPECT_EQ(id.ship_type, 70);
    EXPECT_EQ(id.length_m, 208);
    EXPECT_EQ(id.width_m, 30);
    EXPECT_FLOAT_EQ(id.draught_m, 8.0F);
    EXPECT_EQ(id.transponder, TransponderClass::a);
    EXPECT_EQ(r.stats.rows, 1U);
    EXPECT_EQ(r.stats.positions, 1U);
    EXPECT_EQ(r.stats.identities, 1U);
    EXPECT_EQ(r.stats.rejected, 0U);
    EXPECT_TRUE(r.errors.empty());
    EXPECT_TRUE(r.fatal.empty());
}

TEST(MarineCadastre, SentinelsAndEmptyCells) {
    const auto r =
        read_all(mc_header + "367752440,2023-01-11T00:00:02,43.07917,-70.75733,102.3,360.0,511.0,,,"
                             ",,,,,,,B\n"
                             "367752441,2023-01-11T00:00:03,43.0,-70.0,,,,,,,,,,,,,\n");
    ASSERT_EQ(r.records.size(), 2U);
    const PositionReport& p = *r.records[0].position;
    EXPECT_TRUE(std::isnan(p.speed_knots));
    EXPECT_TRUE(std::isnan(p.course_deg));
    EXPECT_TRUE(std::isnan(p.heading_deg));
    EXPECT_EQ(p.nav_status, 15);
    EXPECT_EQ(p.transponder, TransponderClass::b);
    EXPECT_EQ(p.time, utc(2023, 1, 11, 0, 0, 2));
    EXPECT_FALSE(r.records[0].identity); // no static cell filled
    EXPECT_TRUE(std::isnan(r.records[1].position->speed_knots));
    EXPECT_EQ(r.records[1].position->transponder, TransponderClass::unknown);
}

TEST(MarineCadastre, QuotedNameWithCommaAndCrlf) {
    const auto r =
        read_all("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,"
                 "Length,Width,Draft,Cargo,TransceiverClass\r\n"
                 "538009563,2022-06-20T00:00:04,29.23668,-116.63519,20.4,149.9,152.0,\"DEL MONTE, "
                 "\"\"PRIDE\"\"\",IMO9869693,V7A4893,70,0,192,30,7.6,70,A\r\n");
    ASSERT_EQ(r.records.size(), 1U) << (r.errors.empty() ? r.fatal : r.errors[0]);
    EXPECT_EQ(r.records[0].identity->name.view(), "DEL MONTE, \"PRIDE\"");
    EXPECT_EQ(r.records[0].identity->imo, 9869693U);
    EXPECT_FLOAT_EQ(r.records[0].identity->draught_m, 7.6F);
}

TEST(MarineCadastre, LowerCaseCsv2LayoutWithLonFirst) {
    const auto r =
        read_all("mmsi,base_date_time,longitude,latitude,sog,cog,heading,vessel_name,imo,call_sign,"
                 "vessel_type,status,length,width,draft,cargo,transceiver\n"
                 "538009563,2022-06-20 00:00:04,-116.5,29.25,20.4,149.9,152,X,,,70,0,192,30,7.6,70,A\n");
    EXPECT_EQ(r.format, CsvFormat::marine_cadastre);
    ASSERT_EQ(r.records.size(), 1U);
    EXPECT_DOUBLE_EQ(r.records[0].position->lat, 29.25);
    EXPECT_DOUBLE_EQ(r.records[0].position->lon, -116.5);
    EXPECT_EQ(r.records[0].position->time, utc(2022, 6, 20, 0, 0, 4));
}

TEST(MarineCadastre, EveryBadRowReasonWithItsLine) {
    const std::string rows =
        "123456789,2023-01-11T00:00:00,10,20,1,2,3,A,,,70,0,,,,,A\n"       // 2 good
        "12345678X,2023-01-11T00:00:00,10,20,1,2,3,A,,,70,0,,,,,A\n"       // 3 mmsi
        "0,2023-01-11T00:00:00,10,20,1,2,3,A,,,70,0,,,,,A\n"               // 4 mmsi 0
        "1234567890,2023-01-11T00:00:00,10,20,1,2,3,A,,,70,0,,,,,A\n"      // 5 mmsi 10 digits
        "123456789,2023-02-30T00:00:00,10,20,1,2,3,A,,,70,0,,,,,A\n"       // 6 impossible date
        "123456789,11/01/2023 00:00:00,10,20,1,2,3,A,,,70,0,,,,,A\n"       // 7 wrong layout
        "123456789,2023-01-11T00:00:00,ten,20,1,2,3,A,,,70,0,,,,,A\n"      // 8 lat not a number
        "123456789,2023-01-11T00:00:00,95,20,1,2,3,A,,,70,0,,,,,A\n"       // 9 lat out of range
        "123456789,2023-01-11T00:00:00,10,20,fast,2,3,A,,,70,0,,,,,A\n"    // 10 SOG not a number
        "123456789,2023-01-11T00:00:00,10,20,1,2,3,A,IMOxyz,,70,0,,,,,A\n" // 11 IMO not a number
        "123456789,2023-01-11T00:00:00,10,20,1,2,3,A,B,,,70,0,,,,,A\n"     // 12 field count
        "123456789,2023-01-11T00:00:00,10,20,1,2,3,\"A,,,70,0,,,,,A\n"     // 13 unterminated quote
        "123456789,2023-01-11T00:00:00,,,1,2,3,,,,,,,,,,A\n"               // 14 no position, no identity
        "123456789,2023-01-11T00:00:00,10,20,1,2,3,A,,,70,0,,,,,A,"        // 15 too long
        + std::string(200, 'x') +
        "\n"
        "123456789,2023-01-11T00:00:01,10,20,1,2,3,A,,,70,0,,,,,A\n"; // 16 good
    CsvOptions options;
    options.max_line = 160;
    const auto r = read_all(mc_header + rows, options);
    ASSERT_EQ(r.records.size(), 2U);
    EXPECT_EQ(r.records[0].line, 2U);
    EXPECT_EQ(r.records[1].line, 16U);
    EXPECT_EQ(r.stats.rows, 15U);
    EXPECT_EQ(r.stats.rejected, 13U);
    EXPECT_EQ(r.stats[CsvReject::mmsi], 3U);
    EXPECT_EQ(r.stats[CsvReject::timestamp], 2U);
    EXPECT_EQ(r.stats[CsvReject::position], 2U);
    EXPECT_EQ(r.stats[CsvReject::number], 2U);
    EXPECT_EQ(r.stats[CsvReject::field_count], 1U);
    EXPECT_EQ(r.stats[CsvReject::unterminated_quote], 1U);
    EXPECT_EQ(r.stats[CsvReject::no_report], 1U);
    EXPECT_EQ(r.stats[CsvReject::line_too_long], 1U);
    ASSERT_EQ(r.errors.size(), 13U);
    EXPECT_EQ(r.errors[0], "test.csv:3: MMSI '12345678X' is not a number from 1 to 999999999");
    EXPECT_EQ(r.errors[3], "test.csv:6: time '2023-02-30T00:00:00' is not YYYY-MM-DDThh:mm:ss");
    EXPECT_EQ(r.errors[5], "test.csv:8: position 'ten','20' is not a number");
    EXPECT_EQ(r.errors[6], "test.csv:9: position '95','20' is outside ±90/±180");
    EXPECT_EQ(r.errors[7], "test.csv:10: SOG 'fast' is not a number");
    EXPECT_EQ(r.errors[8], "test.csv:11: IMO 'IMOxyz' is not a number");
    EXPECT_EQ(r.errors[9].rfind("test.csv:12: 18 fields where the header has 17", 0), 0U);
    EXPECT_EQ(r.errors[10], "test.csv:13: quoted field without its closing quote");
    EXPECT_EQ(r.errors[11], "test.csv:14: no position ('','') and no identity data");
    EXPECT_EQ(r.errors[12], "test.csv:15: line longer than 160 bytes");
}

TEST(MarineCadastre, ErrorMessagesAreCappedButAllCounted) {
    std::string text = mc_header;
    for (int i = 0; i < 10; ++i) {
        text += "bad,2023-01-11T00:00:00,10,20,1,2,3,A,,,70,0,,,,,A\n";
    }
    CsvOptions options;
    options.max_error_messages = 3;
    const auto r = read_all(text, options);
    EXPECT_EQ(r.stats[CsvReject::mmsi], 10U);
    EXPECT_EQ(r.errors.size(), 3U);
    EXPECT_EQ(r.dropped, 7U);
    EXPECT_EQ(r.errors[2].rfind("test.csv:4:", 0), 0U);
}

TEST(MarineCadastre, RepeatedHeaderBlankLinesBomAndNoFinalNewline) {
    const auto r = read_all("\xEF\xBB\xBF" + mc_header + "\n" + "1,2023-01-11T00:00:00,10,20,,,,,,,,,,,,,\n" +
                            mc_header + "2,2023-01-11T00:00:00,10,20,,,,,,,,,,,,,");
    ASSERT_EQ(r.records.size(), 2U);
    EXPECT_EQ(r.records[1].line, 5U);
    EXPECT_EQ(r.stats.rows, 2U);
    EXPECT_EQ(r.stats.rejected, 0U);
}

TEST(CsvFeed, UnknownHeaderIsFatal) {
    auto r = read_all("a,b,c\n1,2,3\n");
    EXPECT_EQ(r.format, CsvFormat::unknown);
    EXPECT_TRUE(r.records.empty());
    EXPECT_NE(r.fatal.find("test.csv:1: header not recognised"), std::string::npos) << r.fatal;
    r = read_all("MMSI,BaseDateTime,LON,SOG\n");
    EXPECT_EQ(r.fatal, "test.csv:1: header has no latitude column");
    r = read_all("");
    EXPECT_EQ(r.fatal, "test.csv: no header row");
}

TEST(CsvFeed, ReadsFromIstream) {
    std::istringstream in{mc_header + "1,2023-01-11T00:00:00,10,20,,,,,,,,,,,,,\n"};
    IstreamSource source{in};
    CsvFeedReader reader{source, "stream"};
    CsvRecord record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.position->mmsi, 1U);
    EXPECT_FALSE(reader.next(record));
    EXPECT_TRUE(reader.fatal_error().empty());
}

TEST(Dma, RowsFromRealFiles) {
    const auto r = read_all(dma_header + "18/03/2023 00:00:00,Class A,352002266,55.4921,14.7525,Under way "
                                         "using engine,0.7,12.5,241.8,241,Unknown,,,"
                                         "Undefined,,,,Undefined,,,,AIS,,,,\n"
                                         "18/03/2023 00:00:00,Class A,219472000,91,0,Unknown "
                                         "value,,,,,9686429,OWMI2,GUARDVESSEL ADVANCER,Other,,8,"
                                         "23,GPS,1.9,GUARD VESSEL FEMARN,11/03/2023 21:00:00,AIS,16,7,5,3\n"
                                         "18/03/2023 00:00:00,Base Station,2190064,56.7166,11.519,Unknown "
                                         "value,,,,,Unknown,,,Undefined,,,,GPS,,,,"
                                         "AIS,,,,\n");
    EXPECT_EQ(r.format, CsvFormat::dma);
    ASSERT_EQ(r.records.size(), 3U) << (r.errors.empty() ? r.fatal : r.errors[0]);

    const CsvRecord& moving = r.records[0];
    ASSERT_TRUE(moving.position);
    EXPECT_FALSE(moving.identity);
    EXPECT_EQ(moving.position->time, utc(2023, 3, 18, 0, 0, 0));
    EXPECT_EQ(moving.position->mmsi, 352002266U);
    EXPECT_DOUBLE_EQ(moving.position->lat, 55.4921);
    EXPECT_DOUBLE_EQ(moving.position->lon, 14.7525);
    EXPECT_EQ(moving.position->nav_status, 0);
    EXPECT_FLOAT_EQ(moving.position->speed_knots, 12.5F);
    EXPECT_FLOAT_EQ(moving.position->course_deg, 241.8F);
    EXPECT_FLOAT_EQ(moving.position->heading_deg, 241.0F);
    EXPECT_EQ(moving.position->transponder, TransponderClass::a);

    const CsvRecord& static_only = r.records[1]; // lat 91: identity only
    EXPECT_FALSE(static_only.position);
    ASSERT_TRUE(static_only.identity);
    const IdentityReport& id = *static_only.identity;
    EXPECT_EQ(id.mmsi, 219472000U);
    EXPECT_EQ(id.imo, 9686429U);
    EXPECT_EQ(id.callsign.view(), "OWMI2");
    EXPECT_EQ(id.name.view(), "GUARDVESSEL ADVANCER");
    EXPECT_EQ(id.ship_type, 90);
    EXPECT_EQ(id.width_m, 8);
    EXPECT_EQ(id.length_m, 23);
    EXPECT_FLOAT_EQ(id.draught_m, 1.9F);
    EXPECT_EQ(id.destination.view(), "GUARD VESSEL FEMARN");

    const CsvRecord& base = r.records[2];
    ASSERT_TRUE(base.position);
    EXPECT_FALSE(base.identity);
    EXPECT_EQ(base.position->transponder, TransponderClass::other);
    EXPECT_EQ(base.position->nav_status, 15);
    EXPECT_TRUE(std::isnan(base.position->speed_knots));
    EXPECT_TRUE(std::isnan(base.position->heading_deg));
}

TEST(Dma, LabelsToCodes) {
    const std::string prefix = "01/01/2024 12:34:56,Class B,211000001,55,10,";
    auto row = [&](const std::string& status, const std::string& type) {
        return prefix + status + ",,,,,,,," + type + ",,,,,,,,AIS,,,,\n";
    };
    const auto r = read_all(dma_header + row("Engaged in fishing", "Fishing") + row("Moored", "Cargo") +
                            row("At anchor", "Tanker") + row("Restricted maneuverability", "Passenger") +
                            row("Power-driven vessel towing astern", "Towing long/wide") +
                            row("Something new", "Something new") + row("AIS-SART", "Pleasure") +
                            row("under way sailing", "SAILING"));
    ASSERT_EQ(r.records.size(), 8U) << (r.errors.empty() ? r.fatal : r.errors[0]);
    const std::vector<std::pair<int, int>> expected{{7, 30},  {5, 70}, {1, 80},  {3, 60},
                                                    {11, 32}, {15, 0}, {14, 37}, {8, 36}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(r.records[i].position->nav_status, expected[i].first) << i;
        if (expected[i].second == 0) {
            EXPECT_FALSE(r.records[i].identity) << i;
        } else {
            ASSERT_TRUE(r.records[i].identity) << i;
            EXPECT_EQ(r.records[i].identity->ship_type, expected[i].second) << i;
        }
        EXPECT_EQ(r.records[i].position->transponder, TransponderClass::b);
        EXPECT_EQ(r.records[i].position->time, utc(2024, 1, 1, 12, 34, 56));
    }
}

TEST(Dma, BadRowsAndPlaceholders) {
    const auto r =
        read_all(dma_header +
                 // day/month order: 13/01 is valid, 01/13 is not
                 "13/01/2024 00:00:00,Class A,211000001,55,10,Moored,,,,,,,,,,,,,,,,AIS,,,,\n"
                 "01/13/2024 00:00:00,Class A,211000001,55,10,Moored,,,,,,,,,,,,,,,,AIS,,,,\n"
                 "2024-01-01T00:00:00,Class A,211000001,55,10,Moored,,,,,,,,,,,,,,,,AIS,,,,\n"
                 "13/01/2024 00:00:00,Class A,211000001,91,181,Moored,,,,,Unknown,Unknown,,Undefined,"
                 ",,,,,,,AIS,,,,\n"
                 "13/01/2024 00:00:00,Class A,211000001,55,-181.5,Moored,,,,,,,,,,,,,,,,AIS,,,,\n");
    ASSERT_EQ(r.records.size(), 1U);
    EXPECT_EQ(r.records[0].position->time, utc(2024, 1, 13, 0, 0, 0));
    EXPECT_EQ(r.stats[CsvReject::timestamp], 2U);
    EXPECT_EQ(r.stats[CsvReject::no_report], 1U);
    EXPECT_EQ(r.stats[CsvReject::position], 1U);
    ASSERT_EQ(r.errors.size(), 4U);
    EXPECT_EQ(r.errors[0], "test.csv:3: time '01/13/2024 00:00:00' is not DD/MM/YYYY hh:mm:ss");
    EXPECT_EQ(r.errors[2], "test.csv:5: no position ('91','181') and no identity data");
}

TEST(CsvFeed, RejectNamesAreStable) {
    EXPECT_EQ(to_string(CsvReject::line_too_long), "line_too_long");
    EXPECT_EQ(to_string(CsvReject::no_report), "no_report");
    EXPECT_EQ(to_string(CsvFormat::dma), "dma");
    EXPECT_EQ(to_string(CsvFormat::marine_cadastre), "marine_cadastre");
}

} // namespace
} // namespace sagar::feeds
