#include "support/bit_writer.hpp"
#include "support/sample_messages.hpp"

#include <sagar/decoding/stream_decoder.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using sagar::Reject;
using sagar::decoding::Message;
using sagar::decoding::StreamDecoder;
using sagar::framing::Meta;
using sagar::testing::BitWriter;
using sagar::testing::position_report;
using sagar::testing::static_voyage;
using sagar::testing::tagged;
using sagar::testing::with_checksum;

struct Seen {
    std::uint32_t type;
    std::uint32_t mmsi;
    Meta meta;
};

struct Harness {
    StreamDecoder decoder;
    std::vector<Seen> seen;

    explicit Harness(sagar::decoding::StreamOptions options = {})
        : decoder{options} {}

    void feed(std::string_view line) {
        decoder.feed_line(line, [this](const Meta& meta, const Message& message) {
            const auto& h = sagar::decoding::header_of(message);
            seen.push_back({h.type, h.mmsi, meta});
        });
    }
};

TEST(StreamDecoder, DecodesASentenceWithTagBlockMetadata) {
    Harness h;
    h.feed(tagged("s:rORBCOMM104,c:1418172113", position_report(371798000).sentences()[0]));
    ASSERT_EQ(h.seen.size(), 1U);
    EXPECT_EQ(h.seen[0].type, 1U);
    EXPECT_EQ(h.seen[0].mmsi, 371798000U);
    EXPECT_EQ(h.seen[0].meta.station.view(), "rORBCOMM104");
    EXPECT_EQ(h.seen[0].meta.time->unix_ms(), 1418172113000);
    EXPECT_EQ(h.seen[0].meta.channel, 'A');
    EXPECT_EQ(h.seen[0].meta.talker.view(), "AI");
    const auto stats = h.decoder.stats();
    EXPECT_EQ(stats.messages, 1U);
    EXPECT_EQ(stats.by_type[1], 1U);
}

TEST(StreamDecoder, GatehouseHeaderAppliesToTheNextSentenceOnly) {
    Harness h;
    h.feed("$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17");
    h.feed(position_report(1).sentences()[0]);
    h.feed(position_report(2).sentences()[0]);
    ASSERT_EQ(h.seen.size(), 2U);
    ASSERT_TRUE(h.seen[0].meta.time.has_value());
    EXPECT_EQ(h.seen[0].meta.time->unix_ms(), 1210291200010); // 2008-05-09T00:00:00.010Z
    EXPECT_FALSE(h.seen[1].meta.time.has_value());
}

TEST(StreamDecoder, HeaderTimeComesBeforeTheTrailerTime) {
    Harness h;
    h.feed("$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17");
    h.feed(position_report(1).sentences()[0] + ",1210295000000");
    h.feed(position_report(2).sentences()[0] + ",1210295000000");
    ASSERT_EQ(h.seen.size(), 2U);
    EXPECT_EQ(h.seen[0].meta.time->unix_ms(), 1210291200010); // the header's
    EXPECT_EQ(h.seen[1].meta.time->unix_ms(), 1210295000000); // no header: the trailer's
}

TEST(StreamDecoder, ReassemblesInterleavedMultiPartMessages) {
    Harness h;
    const auto a = static_voyage(351759000).sentences('A', 3);
    const auto b = static_voyage(244660667).sentences('B', 3);
    ASSERT_EQ(a.size(), 2U);
    h.feed(a[0]);
    h.feed(b[0]);
    h.feed(position_report(5).sentences()[0]);
    h.feed(b[1]);
    h.feed(a[1]);
    ASSERT_EQ(h.seen.size(), 3U);
    EXPECT_EQ(h.seen[0].type, 1U);
    EXPECT_EQ(h.seen[1].mmsi, 244660667U);
    EXPECT_EQ(h.seen[1].meta.fragments, 2);
    EXPECT_EQ(h.seen[2].mmsi, 351759000U);
    EXPECT_EQ(h.decoder.stats().by_type[5], 2U);
}

TEST(StreamDecoder, AStationOnOneFragmentOnlyDoesNotSplitTheMessage) {
    // Some receivers append ",<station>" or ",<epoch>" to single sentences only (gpsd's sample.aivdm has
    // one); only the tag block source takes part in the reassembly key.
    Harness h;
    const auto parts = static_voyage(351759000).sentences('A', 6);
    ASSERT_EQ(parts.size(), 2U);
    h.feed(parts[0]);
    h.feed(parts[1] + ",b003660465");
    ASSERT_EQ(h.seen.size(), 1U);
    EXPECT_EQ(h.seen[0].mmsi, 351759000U);
    EXPECT_EQ(h.seen[0].meta.station.view(), "b003660465");
}

TEST(StreamDecoder, CountsEveryRejectionAndAccountsForEveryLine) {
    Harness h;
    BitWriter unknown_type;
    unknown_type.header(40, 0, 1).u(0, 40);
    BitWriter too_short;
    too_short.header(1, 0, 1).u(0, 20);
    const std::vector<std::string> lines = {
        "# comment",
        "",
        "$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D",
        "garbage",
        "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B",
        with_checksum('!', "AIVDM,1,1,,A,15RT gt0,0"),
        unknown_type.sentences()[0],
        too_short.sentences()[0],
        "$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17",
        position_report(7).sentences()[0],
        static_voyage(8).sentences()[0], // first half of a message that never completes
    };
    for (const auto& line : lines) {
        h.feed(line);
    }
    h.decoder.skipped_long_line();
    h.decoder.finish();
    const auto s = h.decoder.stats();
    EXPECT_EQ(s.lines, lines.size() + 1);
    EXPECT_EQ(s.blank_or_comment, 2U);
    EXPECT_EQ(s.other_sentences, 1U);
    EXPECT_EQ(s.headers, 1U);
    EXPECT_EQ(s.messages, 1U);
    EXPECT_EQ(s.rejects[Reject::not_nmea], 1U);
    EXPECT_EQ(s.rejects[Reject::checksum_mismatch], 1U);
    EXPECT_EQ(s.rejects[Reject::payload_char], 1U);
    EXPECT_EQ(s.rejects[Reject::message_type], 1U);
    EXPECT_EQ(s.rejects[Reject::payload_too_short], 1U);
    EXPECT_EQ(s.rejects[Reject::fragment_incomplete], 1U);
    EXPECT_EQ(s.rejects[Reject::line_too_long], 1U);
    // One line, one outcome: ignored, a header, decoded, or rejected with a reason.
    EXPECT_EQ(s.lines, s.blank_or_comment + s.other_sentences + s.headers + s.messages + s.rejects.total());
}

TEST(StreamDecoder, LenientChecksumsAreCountedWhenAccepted) {
    sagar::decoding::StreamOptions options;
    options.checksums = sagar::framing::ChecksumPolicy::lenient;
    Harness h{options};
    std::string line = position_report(9).sentences()[0];
    line[line.size() - 1] = line[line.size() - 1] == '0' ? '1' : '0';
    h.feed(line);
    ASSERT_EQ(h.seen.size(), 1U);
    EXPECT_EQ(h.decoder.stats().checksums_accepted, 1U);
}

} // namespace
