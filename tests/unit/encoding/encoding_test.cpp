// Round trips: sagar::encoding builds each message and sentence, sagar::decoding reads it back.

#include <sagar/decoding/message.hpp>
#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/encoding/messages.hpp>
#include <sagar/encoding/sentence_builder.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

namespace enc = sagar::encoding;
namespace dec = sagar::decoding;

dec::Message decode(const enc::BitWriter& bits) {
    std::string payload;
    const unsigned fill = bits.append_payload(payload);
    dec::Bits b;
    EXPECT_TRUE(b.assign(payload, fill));
    auto result = dec::decode_message(b);
    EXPECT_TRUE(result.has_value());
    return result ? *result : dec::Message{};
}

struct Decoded {
    sagar::framing::Meta meta;
    dec::Message message;
};

/// Feeds text (lines separated by '\n') through the stream decoder; expects no rejects.
std::vector<Decoded> decode_stream(const std::string& text) {
    dec::StreamDecoder decoder;
    std::vector<Decoded> out;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = text.find('\n', begin);
        decoder.feed_line(std::string_view{text}.substr(begin, end - begin),
                          [&](const sagar::framing::Meta& meta, const dec::Message& m) {
                              out.push_back({meta, m});
                          });
        begin = end + 1;
    }
    decoder.finish();
    EXPECT_EQ(decoder.stats().rejects.total(), 0U);
    return out;
}

TEST(BitWriter, ArmoursAndCountsFillBits) {
    enc::BitWriter w;
    w.u(1, 6).u(0, 2).u(123456789, 30);
    EXPECT_EQ(w.size(), 38U);
    EXPECT_EQ(w.fill_bits(), 4U);
    EXPECT_EQ(w.payload().size(), 7U);
    EXPECT_EQ(w.payload()[0], '1');
    EXPECT_FALSE(w.overflowed());
    for (int i = 0; i < 400; ++i) {
        w.u(0, 6);
    }
    EXPECT_TRUE(w.overflowed());
    EXPECT_EQ(w.size(), enc::BitWriter::capacity_bits);
}

TEST(BitWriter, SixBitText) {
    EXPECT_EQ(enc::sixbit_code('@'), 0);
    EXPECT_EQ(enc::sixbit_code('A'), 1);
    EXPECT_EQ(enc::sixbit_code(' '), 32);
    EXPECT_EQ(enc::sixbit_code('9'), 57);
    EXPECT_EQ(enc::armour_char(0), '0');
    EXPECT_EQ(enc::armour_char(40), '`');
    EXPECT_EQ(enc::armour_char(63), 'w');
}

TEST(Encoding, ClassAPositionRoundTrip) {
    enc::ClassAPosition m;
    m.type = 3;
    m.repeat = 1;
    m.mmsi = 419001234;
    m.status = 7;
    m.turn = -20;
    m.speed = 123;
    m.accuracy = true;
    m.lon = enc::to_wire_degrees(72.123456);
    m.lat = enc::to_wire_degrees(-12.5);
    m.course = 2715;
    m.heading = 271;
    m.second = 42;
    m.maneuver = 1;
    m.raim = true;
    m.radio = 0x4ABCD;
    enc::BitWriter w;
    enc::encode(m, w);
    EXPECT_EQ(w.size(), 168U);
    const dec::Message r_message = decode(w);
    const auto& r = std::get<dec::PositionReportA>(r_message);
    EXPECT_EQ(r.header.type, 3);
    EXPECT_EQ(r.header.repeat, 1);
    EXPECT_EQ(r.header.mmsi, 419001234U);
    EXPECT_EQ(r.status, 7);
    EXPECT_EQ(r.turn, -20);
    EXPECT_EQ(r.speed, 123);
    EXPECT_TRUE(r.accuracy);
    EXPECT_EQ(r.position.lon, m.lon);
    EXPECT_EQ(r.position.lat, -7500000);
    EXPECT_EQ(r.course, 2715);
    EXPECT_EQ(r.heading, 271);
    EXPECT_EQ(r.second, 42);
    EXPECT_EQ(r.maneuver, 1);
    EXPECT_TRUE(r.raim);
    EXPECT_EQ(r.radio, 0x4ABCDU);
}

TEST(Encoding, StaticVoyageRoundTrip) {
    enc::StaticVoyage m;
    m.mmsi = 563123456;
    m.ais_version = 2;
    m.imo = 9074729;
    m.callsign = "9VAB2";
    m.shipname = "OCEAN PEARL";
    m.shiptype = 70;
    m.dimensions = {200, 50, 16, 16};
    m.epfd = 1;
    m.eta_month = 3;
    m.eta_day = 14;
    m.eta_hour = 6;
    m.eta_minute = 30;
    m.draught = 121;
    m.destination = "SGSIN";
    enc::BitWriter w;
    enc::encode(m, w);
    EXPECT_EQ(w.size(), 424U);
    const dec::Message r_message = decode(w);
    const auto& r = std::get<dec::StaticVoyageData>(r_message);
    EXPECT_EQ(r.header.mmsi, 563123456U);
    EXPECT_EQ(r.ais_version, 2);
    EXPECT_EQ(r.imo, 9074729U);
    EXPECT_EQ(r.callsign.view(), "9VAB2");
    EXPECT_EQ(r.shipname.view(), "OCEAN PEARL");
    EXPECT_EQ(r.shiptype, 70);
    EXPECT_EQ(r.dimensions, (dec::Dimensions{200, 50, 16, 16}));
    EXPECT_EQ(r.epfd, 1);
    EXPECT_EQ(r.eta_month, 3);
    EXPECT_EQ(r.eta_day, 14);
    EXPECT_EQ(r.eta_hour, 6);
    EXPECT_EQ(r.eta_minute, 30);
    EXPECT_EQ(r.draught, 121);
    EXPECT_EQ(r.destination.view(), "SGSIN");
    EXPECT_FALSE(r.dte);
}

TEST(Encoding, ClassBPositionRoundTrip) {
    enc::ClassBPosition m;
    m.mmsi = 417222333;
    m.speed = 45;
    m.lon = enc::to_wire_degrees(79.4);
    m.lat = enc::to_wire_degrees(8.55);
    m.course = 901;
    m.heading = 90;
    m.second = 7;
    m.radio = 0xE0001;
    enc::BitWriter w;
    enc::encode(m, w);
    EXPECT_EQ(w.size(), 168U);
    const dec::Message r_message = decode(w);
    const auto& r = std::get<dec::PositionReportB>(r_message);
    EXPECT_EQ(r.header.mmsi, 417222333U);
    EXPECT_EQ(r.speed, 45);
    EXPECT_EQ(r.position.lon, 47640000);
    EXPECT_EQ(r.position.lat, 5130000);
    EXPECT_EQ(r.course, 901);
    EXPECT_EQ(r.heading, 90);
    EXPECT_EQ(r.second, 7);
    EXPECT_TRUE(r.cs);
    EXPECT_TRUE(r.band);
    EXPECT_FALSE(r.msg22);
    EXPECT_EQ(r.radio, 0xE0001U);
}

TEST(Encoding, ClassBStaticRoundTrip) {
    enc::ClassBStaticA a;
    a.mmsi = 419555666;
    a.shipname = "SRI MURUGAN 7";
    enc::BitWriter w;
    enc::encode(a, w);
    const dec::Message ra_message = decode(w);
    const auto& ra = std::get<dec::StaticDataB>(ra_message);
    EXPECT_EQ(ra.part, dec::StaticDataB::Part::a);
    EXPECT_EQ(ra.shipname.view(), "SRI MURUGAN 7");

    enc::ClassBStaticB b;
    b.mmsi = 419555666;
    b.shiptype = 30;
    b.vendorid = "SRT";
    b.model = 3;
    b.serial = 12345;
    b.callsign = "AVXY";
    b.dimensions = {12, 8, 3, 3};
    enc::encode(b, w);
    EXPECT_EQ(w.size(), 168U);
    const dec::Message rb_message = decode(w);
    const auto& rb = std::get<dec::StaticDataB>(rb_message);
    EXPECT_EQ(rb.part, dec::StaticDataB::Part::b);
    EXPECT_EQ(rb.shiptype, 30);
    EXPECT_EQ(rb.vendorid.view().substr(0, 3), "SRT");
    EXPECT_EQ(rb.model, 3);
    EXPECT_EQ(rb.serial, 12345U);
    EXPECT_EQ(rb.callsign.view(), "AVXY");
    EXPECT_EQ(rb.dimensions, (dec::Dimensions{12, 8, 3, 3}));

    // Auxiliary craft carry the parent's MMSI where the dimensions would be.
    b.mmsi = 984190001;
    b.mothership_mmsi = 419555666;
    enc::encode(b, w);
    const dec::Message rc_message = decode(w);
    const auto& rc = std::get<dec::StaticDataB>(rc_message);
    EXPECT_TRUE(rc.is_auxiliary_craft());
    EXPECT_EQ(rc.mothership_mmsi, 419555666U);
}

TEST(Sentences, SingleSentenceWithTagBlock) {
    enc::ClassAPosition m;
    m.mmsi = 470111222;
    m.lon = enc::to_wire_degrees(55.06);
    m.lat = enc::to_wire_degrees(25.01);
    enc::BitWriter w;
    enc::encode(m, w);
    enc::SentenceOptions options;
    options.channel = 'B';
    options.station = "sat-1";
    options.unix_seconds = 1767225600;
    const auto lines = enc::sentences(w, options);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0].rfind("\\s:sat-1,c:1767225600*", 0), 0U);
    EXPECT_NE(lines[0].find("\\!AIVDM,1,1,,B,"), std::string::npos);
    EXPECT_EQ(lines[0].substr(lines[0].size() - 5, 3), ",0*");

    const auto decoded = decode_stream(lines[0] + "\n");
    ASSERT_EQ(decoded.size(), 1U);
    EXPECT_EQ(decoded[0].meta.station.view(), "sat-1");
    EXPECT_EQ(decoded[0].meta.channel, 'B');
    ASSERT_TRUE(decoded[0].meta.time.has_value());
    EXPECT_EQ(decoded[0].meta.time->unix_seconds(), 1767225600);
    EXPECT_EQ(std::get<dec::PositionReportA>(decoded[0].message).header.mmsi, 470111222U);
}

TEST(Sentences, MultiSentenceGroupsSurviveInterleavingAndDuplicates) {
    enc::StaticVoyage s;
    s.mmsi = 636012345;
    s.shipname = "GULF STAR";
    s.destination = "AEJEA";
    enc::BitWriter w;
    enc::encode(s, w);
    enc::SentenceOptions first;
    first.station = "sat-1";
    first.unix_seconds = 1767225601;
    first.sequence_id = 3;
    first.group_id = 41;
    enc::SentenceOptions second = first;
    second.station = "shore-2";
    second.group_id = 42;
    const auto a = enc::sentences(w, first);
    const auto b = enc::sentences(w, second);
    ASSERT_EQ(a.size(), 2U);
    EXPECT_EQ(a[0].rfind("\\g:1-2-41,s:sat-1,c:1767225601*", 0), 0U);
    EXPECT_EQ(a[1].rfind("\\g:2-2-41,s:sat-1,c:1767225601*", 0), 0U);
    EXPECT_NE(a[0].find("!AIVDM,2,1,3,A,"), std::string::npos);
    EXPECT_NE(a[1].find(",2*"), std::string::npos); // 424 bits: 2 fill bits on the last sentence
    // The same message from two stations, fragments interleaved.
    const auto decoded = decode_stream(a[0] + "\n" + b[0] + "\n" + a[1] + "\n" + b[1] + "\n");
    ASSERT_EQ(decoded.size(), 2U);
    for (const Decoded& d : decoded) {
        const auto& r = std::get<dec::StaticVoyageData>(d.message);
        EXPECT_EQ(r.header.mmsi, 636012345U);
        EXPECT_EQ(r.shipname.view(), "GULF STAR");
        EXPECT_EQ(r.destination.view(), "AEJEA");
        EXPECT_EQ(d.meta.fragments, 2);
    }
    EXPECT_EQ(decoded[0].meta.station.view(), "sat-1");
    EXPECT_EQ(decoded[1].meta.station.view(), "shore-2");
}

TEST(Sentences, NoTagBlockAndChecksum) {
    enc::BitWriter w;
    w.header(1, 0, 1).u(0, 130);
    const auto lines = enc::sentences(w, enc::SentenceOptions{});
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0][0], '!');
    const std::size_t star = lines[0].find('*');
    const auto sum = enc::checksum(std::string_view{lines[0]}.substr(1, star - 1));
    EXPECT_EQ(std::stoul(lines[0].substr(star + 1), nullptr, 16), sum);
}

} // namespace
