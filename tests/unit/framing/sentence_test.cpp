#include "support/bit_writer.hpp"

#include <sagar/framing/sentence.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using sagar::Reject;
using sagar::framing::ChecksumPolicy;
using sagar::framing::LineFramer;
using sagar::framing::UnitKind;
using sagar::testing::with_checksum;

/// Frames a line that must hold exactly one unit.
auto frame_one(std::string_view line, ChecksumPolicy policy = ChecksumPolicy::strict) {
    LineFramer framer{line, policy};
    auto unit = framer.next();
    EXPECT_TRUE(framer.done()) << line;
    return unit;
}

/// "\<body>*hh\" with the right checksum.
std::string tag_block(std::string_view body) {
    std::string t = with_checksum('\\', body);
    t.push_back('\\');
    return t;
}

TEST(Sentence, FramesAVdmSentence) {
    const auto unit = frame_one("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    ASSERT_TRUE(unit.has_value());
    EXPECT_EQ(unit->kind, UnitKind::ais_sentence);
    EXPECT_EQ(unit->sentence.talker, "AI");
    EXPECT_FALSE(unit->sentence.own_ship);
    EXPECT_EQ(unit->sentence.fragment_count, 1);
    EXPECT_EQ(unit->sentence.sequence_id, -1);
    EXPECT_EQ(unit->sentence.channel, 'A');
    EXPECT_EQ(unit->sentence.payload, "15RTgt0PAso;90TKcjM8h6g208CQ");
    EXPECT_EQ(unit->sentence.fill_bits, 0);
    EXPECT_FALSE(unit->tag.has_value());
}

TEST(Sentence, AcceptsAnyTalkerVdoAndNumericChannels) {
    const auto line = with_checksum('!', "BSVDO,2,2,7,2,88888888880,2");
    const auto unit = frame_one(line);
    ASSERT_TRUE(unit.has_value());
    EXPECT_EQ(unit->sentence.talker, "BS");
    EXPECT_TRUE(unit->sentence.own_ship);
    EXPECT_EQ(unit->sentence.fragment_number, 2);
    EXPECT_EQ(unit->sentence.sequence_id, 7);
    EXPECT_EQ(unit->sentence.channel, 'B');
    EXPECT_EQ(unit->sentence.fill_bits, 2);
}

TEST(Sentence, RejectsEachMalformedFieldWithItsReason) {
    const std::pair<std::string, Reject> cases[] = {
        {"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B", Reject::checksum_mismatch},
        {"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0", Reject::checksum_missing},
        {"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4", Reject::checksum_missing},
        {with_checksum('!', "AIVDM,1,1,,A,15RT,0,9"), Reject::field_count},
        {with_checksum('!', "AIVDM,1,1,A,15RT,0"), Reject::field_count},
        {with_checksum('!', "AIVDM,0,1,,A,15RT,0"), Reject::fragment_fields},
        {with_checksum('!', "AIVDM,2,3,1,A,15RT,0"), Reject::fragment_fields},
        {with_checksum('!', "AIVDM,1,1,x,A,15RT,0"), Reject::fragment_fields},
        {with_checksum('!', "AIVDM,1,1,,AB,15RT,0"), Reject::channel},
        {with_checksum('!', "AIVDM,1,1,,X,15RT,0"), Reject::channel},
        {with_checksum('!', "AIVDM,1,1,,A,15RT,6"), Reject::fill_bits},
        {with_checksum('!', "AIVDM,1,1,,A,,0"), Reject::payload_empty},
        {"foobar", Reject::not_nmea},
        {"IamNotAnAisMessage1111", Reject::not_nmea},
        {"\\s:abc*00", Reject::tag_block_malformed},
    };
    for (const auto& [line, reason] : cases) {
        const auto unit = frame_one(line);
        ASSERT_FALSE(unit.has_value()) << line;
        EXPECT_EQ(unit.error(), reason) << line << " gave " << sagar::to_string(unit.error());
    }
}

TEST(Sentence, UnusualFieldShapesAreSplitLikeAnyOther) {
    // Shapes outside the framer's fast path for "d,d,[d],[c],payload,[d]".
    const std::pair<std::string, Reject> rejected[] = {
        {with_checksum('!', "AIVDM,1,1,,A,15RT,0,"), Reject::field_count},
        {with_checksum('!', "AIVDM,1,1,,A,15RT,,"), Reject::field_count},
        {with_checksum('!', "AIVDM,1,1,,A,15RT"), Reject::field_count},
        {with_checksum('!', "AIVDM,1,1,,A"), Reject::field_count},
        {with_checksum('!', "AIVDM,1,1,,A,15RT,00"), Reject::fill_bits},
        {with_checksum('!', "AIVDM,11,1,,A,15RT,0"), Reject::fragment_fields},
        {with_checksum('!', "AIVDM,1,1,12,A,15RT,0"), Reject::fragment_fields},
        {with_checksum('!', "AIVDM,,1,,A,15RT,0"), Reject::fragment_fields},
    };
    for (const auto& [line, reason] : rejected) {
        const auto unit = frame_one(line);
        ASSERT_FALSE(unit.has_value()) << line;
        EXPECT_EQ(unit.error(), reason) << line << " gave " << sagar::to_string(unit.error());
    }
    const std::string empty_fill = with_checksum('!', "AIVDM,1,1,,A,15RT,");
    const auto unit = frame_one(empty_fill);
    ASSERT_TRUE(unit.has_value());
    EXPECT_EQ(unit->sentence.payload, "15RT");
    EXPECT_EQ(unit->sentence.fill_bits, 0);
}

TEST(Sentence, ChecksumOfEveryLengthAndItsEnd) {
    // The checksum is computed several bytes at a time: try every alignment of the '*'.
    std::string payload;
    for (int n = 1; n <= 70; ++n) {
        payload.push_back(static_cast<char>('0' + n % 40));
        const std::string line = with_checksum('!', "AIVDM,1,1,,B," + payload + ",0");
        const auto unit = frame_one(line);
        ASSERT_TRUE(unit.has_value()) << line;
        EXPECT_EQ(unit->sentence.payload, payload);
        std::string wrong = line;
        wrong[wrong.size() - 4] = wrong[wrong.size() - 4] == '0' ? '1' : '0'; // the fill bits
        const auto bad = frame_one(wrong);
        ASSERT_FALSE(bad.has_value()) << wrong;
        EXPECT_EQ(bad.error(), Reject::checksum_mismatch);
        // Without its checksum, a '!' or '\\' ends the sentence wherever it falls.
        const std::string cut = "!AIVDM,1,1,,B," + payload + ",0!AIVDM";
        LineFramer framer{cut, ChecksumPolicy::lenient};
        const auto first = framer.next();
        ASSERT_TRUE(first.has_value()) << cut;
        EXPECT_EQ(first->sentence.payload, payload);
        EXPECT_FALSE(first->sentence.checksum_ok);
    }
    const auto lower = frame_one("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4a");
    EXPECT_TRUE(lower.has_value());
}

TEST(Sentence, LenientPolicyAcceptsBadChecksumsAndSaysSo) {
    const auto unit = frame_one("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00", ChecksumPolicy::lenient);
    ASSERT_TRUE(unit.has_value());
    EXPECT_FALSE(unit->sentence.checksum_ok);
    const auto missing = frame_one("!AIVDM,1,1,,A,15RT,0", ChecksumPolicy::lenient);
    ASSERT_TRUE(missing.has_value());
    EXPECT_EQ(missing->sentence.payload, "15RT");
}

TEST(Sentence, ParsesTagBlockFields) {
    const std::string line =
        tag_block("g:1-2-1604,s:rORBCOMM008,c:1418169601,n:12,r:-3,d:dest,t:text,T:2014-12-10") +
        with_checksum('!', "AIVDM,2,1,6,A,53@o0E00,0");
    const auto unit = frame_one(line);
    ASSERT_TRUE(unit.has_value());
    ASSERT_TRUE(unit->tag.has_value());
    const auto& tag = *unit->tag;
    EXPECT_EQ(tag.source, "rORBCOMM008");
    ASSERT_TRUE(tag.time.has_value());
    EXPECT_EQ(tag.time->unix_ms(), 1418169601000);
    ASSERT_TRUE(tag.group.has_value());
    EXPECT_EQ(tag.group->sentence, 1);
    EXPECT_EQ(tag.group->total, 2);
    EXPECT_EQ(tag.group->id, 1604U);
    EXPECT_EQ(tag.line_count, 12U);
    EXPECT_EQ(tag.relative_time, -3);
    EXPECT_EQ(tag.destination, "dest");
    EXPECT_EQ(tag.text, "text");
}

TEST(Sentence, VendorTagBlockParametersAreIgnored) {
    // The Danish Maritime Authority's feed puts "\si:AISD*3F\" on a line of its own before each sentence.
    const auto lone = frame_one("\\si:AISD*3F\\");
    ASSERT_TRUE(lone.has_value()) << sagar::to_string(lone.error());
    EXPECT_EQ(lone->kind, UnitKind::tag_block_only);
    // The unit views its line, so the line must outlive it.
    const std::string mixed_line =
        tag_block("si:AISD,s:station1,xyz:1") + with_checksum('!', "AIVDM,1,1,,A,1,0");
    const auto mixed = frame_one(mixed_line);
    ASSERT_TRUE(mixed.has_value());
    ASSERT_TRUE(mixed->tag.has_value());
    EXPECT_EQ(mixed->tag->source, "station1");
    const auto no_colon = frame_one(tag_block("s:station1,junk") + with_checksum('!', "AIVDM,1,1,,A,1,0"));
    ASSERT_TRUE(no_colon.has_value());
    EXPECT_EQ(no_colon->tag_rejected, Reject::tag_block_malformed);
}

TEST(Sentence, TagBlockTimeInMillisecondsOrWithFraction) {
    const auto ms = frame_one(tag_block("c:1599239526500,s:sdr") + with_checksum('!', "AIVDM,1,1,,A,1,0"));
    ASSERT_TRUE(ms.has_value());
    EXPECT_EQ(ms->tag->time->unix_ms(), 1599239526500);
    const auto frac = frame_one(tag_block("c:1599239526.25") + with_checksum('!', "AIVDM,1,1,,A,1,0"));
    ASSERT_TRUE(frac.has_value());
    EXPECT_EQ(frac->tag->time->unix_ms(), 1599239526250);
}

TEST(Sentence, BadTagBlockIsCountedButTheSentenceSurvives) {
    const std::string bad_sum = "\\s:66,c:1661782474*00\\" + with_checksum('!', "AIVDM,1,1,,A,1,0");
    const auto unit = frame_one(bad_sum);
    ASSERT_TRUE(unit.has_value());
    EXPECT_EQ(unit->tag_rejected, Reject::tag_block_checksum);
    EXPECT_FALSE(unit->tag.has_value());
    const auto bad_group =
        frame_one(tag_block("g:1-2--001,c:1326055296") + with_checksum('!', "AIVDM,1,1,,A,1,0"));
    ASSERT_TRUE(bad_group.has_value());
    EXPECT_EQ(bad_group->tag_rejected, Reject::tag_block_malformed);
}

TEST(Sentence, LoneTagBlockAndGatehouseHeader) {
    const auto lone = frame_one(tag_block("s:station9,c:1000"));
    ASSERT_TRUE(lone.has_value());
    EXPECT_EQ(lone->kind, UnitKind::tag_block_only);
    const auto pghp = frame_one("$PGHP,1,2012,1,31,5,7,2,151,316,2,316000002,1AIS_S,51*77,1327992119157");
    ASSERT_TRUE(pghp.has_value()) << sagar::to_string(pghp.error());
    EXPECT_EQ(pghp->kind, UnitKind::gatehouse_header);
    ASSERT_TRUE(pghp->gatehouse.time.has_value());
    EXPECT_EQ(pghp->gatehouse.time->unix_ms(), 1327986422151); // 2012-01-31T05:07:02.151Z
    EXPECT_EQ(pghp->gatehouse.station, "316000002");
}

TEST(Sentence, TrailingEpochAndUscgFields) {
    const auto epoch = frame_one(with_checksum('!', "AIVDM,1,1,,B,1,0") + ",1327992119173");
    ASSERT_TRUE(epoch.has_value());
    EXPECT_EQ(epoch->trailer.time->unix_ms(), 1327992119173);
    // The unit views its line, so the line must outlive it.
    const std::string uscg_line = with_checksum('!', "AIVDM,1,1,,A,1,0") +
                                  ",d-109,S2105,t050056.00,T56.13718694,r003669946,1325394060,1325394001";
    const auto uscg = frame_one(uscg_line);
    ASSERT_TRUE(uscg.has_value());
    EXPECT_EQ(uscg->trailer.station, "r003669946");
    EXPECT_EQ(uscg->trailer.time->unix_ms(), 1325394060000);
}

TEST(Sentence, SeveralUnitsOnOneLine) {
    const std::string a = tag_block("s:x,c:1") + with_checksum('!', "AIVDM,2,1,8,A,53l3,0");
    const std::string b = tag_block("s:x,c:2") + with_checksum('!', "AIVDM,2,2,8,A,1D,2");
    const std::string line = a + b;
    LineFramer framer{line, ChecksumPolicy::strict};
    auto first = framer.next();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->sentence.fragment_number, 1);
    ASSERT_FALSE(framer.done());
    auto second = framer.next();
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(second->sentence.fragment_number, 2);
    EXPECT_EQ(second->tag->time->unix_ms(), 2000);
    EXPECT_TRUE(framer.done());
}

TEST(Sentence, OtherNmeaSentencesAreRecognisedNotRejected) {
    const auto unit = frame_one("$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D");
    ASSERT_TRUE(unit.has_value());
    EXPECT_EQ(unit->kind, UnitKind::other_sentence);
}

TEST(Sentence, BlankAndCommentLines) {
    EXPECT_TRUE(sagar::framing::is_blank_or_comment(""));
    EXPECT_TRUE(sagar::framing::is_blank_or_comment("   \t"));
    EXPECT_TRUE(sagar::framing::is_blank_or_comment("  # a comment"));
    EXPECT_FALSE(sagar::framing::is_blank_or_comment("!AIVDM"));
}

} // namespace
