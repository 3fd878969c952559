#include "support/bit_writer.hpp"
#include "support/decode_support.hpp"

#include <sagar/decoding/message.hpp>

#include <gtest/gtest.h>

namespace {

using sagar::Reject;
using sagar::decoding::Message;
using sagar::testing::BitWriter;
using sagar::testing::decode_as;
using sagar::testing::reject_of;
using sagar::testing::zeros;

// ---- types 7 and 13

TEST(BinaryAcknowledge, DecodesEveryAcknowledgementCarried) {
    const BitWriter w = BitWriter()
                            .header(7, 0, 244620320)
                            .u(0, 2)
                            .u(2268402, 30)
                            .u(1, 2)
                            .u(316001234, 30)
                            .u(2, 2)
                            .u(3, 30)
                            .u(0, 2);
    ASSERT_EQ(w.size(), 136U);
    const auto m = decode_as<sagar::decoding::BinaryAcknowledge>(w);
    EXPECT_EQ(m.header.type, 7);
    EXPECT_EQ(m.header.mmsi, 244620320U);
    ASSERT_EQ(m.count, 3);
    EXPECT_EQ(m.acknowledgements[0].mmsi, 2268402U);
    EXPECT_EQ(m.acknowledgements[0].seqno, 1);
    EXPECT_EQ(m.acknowledgements[1].mmsi, 316001234U);
    EXPECT_EQ(m.acknowledgements[1].seqno, 2);
    EXPECT_EQ(m.acknowledgements[2].mmsi, 3U);
    EXPECT_EQ(m.acknowledgements[3].mmsi, 0U);
}

TEST(BinaryAcknowledge, Type13WithOneAcknowledgement) {
    const auto m = decode_as<sagar::decoding::BinaryAcknowledge>(
        BitWriter().header(13, 1, 211378120).u(0, 2).u(211217560, 30).u(3, 2));
    EXPECT_EQ(m.header.type, 13);
    EXPECT_EQ(m.header.repeat, 1);
    ASSERT_EQ(m.count, 1);
    EXPECT_EQ(m.acknowledgements[0].mmsi, 211217560U);
    EXPECT_EQ(m.acknowledgements[0].seqno, 3);
    EXPECT_EQ(m.acknowledgements[1].mmsi, 0U);
}

TEST(BinaryAcknowledge, PartialTrailingGroupCountsLikeGpsd) {
    // 80 bits: the second group starts inside the message, so gpsd reads it (missing bits as zero).
    const auto m = decode_as<sagar::decoding::BinaryAcknowledge>(
        BitWriter().header(7, 0, 1).u(0, 2).u(2, 30).u(0, 2).u(0xFF, 8));
    ASSERT_EQ(m.count, 2);
    EXPECT_EQ(m.acknowledgements[1].mmsi, 0xFFU << 22);
}

TEST(BinaryAcknowledge, RejectsLessThanOneAcknowledgement) {
    EXPECT_EQ(reject_of(BitWriter().header(7, 0, 1).u(0, 2).u(2, 30).u(0, 1)), Reject::payload_too_short);
}

// ---- type 10

TEST(UtcInquiry, DecodesDestination) {
    const auto m = decode_as<sagar::decoding::UtcInquiry>(
        BitWriter().header(10, 0, 366814480).u(0, 2).u(366832740, 30).u(0, 2));
    EXPECT_EQ(m.header.mmsi, 366814480U);
    EXPECT_EQ(m.dest_mmsi, 366832740U);
}

TEST(UtcInquiry, RejectsShort) {
    EXPECT_EQ(reject_of(BitWriter().header(10, 0, 1).u(0, 2).u(2, 30).u(0, 1)), Reject::payload_too_short);
}

// ---- types 12 and 14

TEST(AddressedSafety, DecodesTextToTheEnd) {
    const auto m = decode_as<sagar::decoding::AddressedSafety>(BitWriter()
                                                                   .header(12, 0, 271002099)
                                                                   .u(2, 2)
                                                                   .u(271002111, 30)
                                                                   .flag(true)
                                                                   .u(0, 1)
                                                                   .text("SAY \"HI\" \\ OUT", 14)
                                                                   .u(0, 4)); // padding: not a character
    EXPECT_EQ(m.seqno, 2);
    EXPECT_EQ(m.dest_mmsi, 271002111U);
    EXPECT_TRUE(m.retransmit);
    EXPECT_EQ(m.text.view(), "SAY \"HI\" \\ OUT");
}

TEST(AddressedSafety, EmptyTextAndShortRejection) {
    const auto m =
        decode_as<sagar::decoding::AddressedSafety>(BitWriter().header(12, 0, 1).u(0, 2).u(2, 30).u(0, 2));
    EXPECT_TRUE(m.text.empty());
    EXPECT_EQ(reject_of(BitWriter().header(12, 0, 1).u(0, 2).u(2, 30).u(0, 1)), Reject::payload_too_short);
}

TEST(AddressedSafety, LongestTextFits) {
    BitWriter w = BitWriter().header(12, 0, 1).u(0, 2).u(2, 30).u(0, 2);
    const std::string text(sagar::decoding::AddressedSafety::max_text, 'A');
    w.text(text, text.size());
    ASSERT_EQ(w.size(), 1008U);
    EXPECT_EQ(decode_as<sagar::decoding::AddressedSafety>(w).text.view(), text);
}

TEST(BroadcastSafety, TrimsTrailingSpacesAndStopsAtPadding) {
    const auto m = decode_as<sagar::decoding::BroadcastSafety>(
        BitWriter().header(14, 3, 351809000).u(0, 2).text("RCVD YR TEST MSG  ", 18));
    EXPECT_EQ(m.header.repeat, 3);
    EXPECT_EQ(m.text.view(), "RCVD YR TEST MSG");
    const auto padded =
        decode_as<sagar::decoding::BroadcastSafety>(BitWriter().header(14, 0, 1).u(0, 2).text("TEST", 8));
    EXPECT_EQ(padded.text.view(), "TEST");
}

TEST(BroadcastSafety, HeaderOnlyIsEmptyAndShorterIsRejected) {
    EXPECT_TRUE(
        decode_as<sagar::decoding::BroadcastSafety>(BitWriter().header(14, 0, 1).u(0, 2)).text.empty());
    EXPECT_EQ(reject_of(BitWriter().header(14, 0, 1).u(0, 1)), Reject::payload_too_short);
}

// ---- type 15

TEST(Interrogation, ThreeRequests) {
    const auto m = decode_as<sagar::decoding::Interrogation>(BitWriter()
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
                                                                 .u(0, 2));
    EXPECT_EQ(m.request_count, 3);
    EXPECT_EQ(m.mmsi1, 211507560U);
    EXPECT_EQ(m.request1_1.message_type, 5);
    EXPECT_EQ(m.request1_1.slot_offset, 0);
    EXPECT_EQ(m.request1_2.message_type, 55);
    EXPECT_EQ(m.request1_2.slot_offset, 663);
    EXPECT_EQ(m.mmsi2, 605843451U);
    EXPECT_EQ(m.request2_1.message_type, 32);
    EXPECT_EQ(m.request2_1.slot_offset, 560);
}

TEST(Interrogation, OneRequestLeavesTheOthersZero) {
    const auto m = decode_as<sagar::decoding::Interrogation>(
        BitWriter().header(15, 2, 368578000).u(0, 2).u(5158, 30).u(5, 6).u(1234, 12));
    EXPECT_EQ(m.request_count, 1);
    EXPECT_EQ(m.mmsi1, 5158U);
    EXPECT_EQ(m.request1_1.message_type, 5);
    EXPECT_EQ(m.request1_1.slot_offset, 1234);
    EXPECT_EQ(m.request1_2.message_type, 0);
    EXPECT_EQ(m.mmsi2, 0U);
}

TEST(Interrogation, TwoRequestsToOneStation) {
    const auto m = decode_as<sagar::decoding::Interrogation>(
        BitWriter().header(15, 0, 1).u(0, 2).u(2, 30).u(3, 6).u(4, 12).u(0, 2).u(5, 6).u(6, 12).u(0, 2));
    EXPECT_EQ(m.request_count, 2);
    EXPECT_EQ(m.request1_2.message_type, 5);
    EXPECT_EQ(m.request1_2.slot_offset, 6);
    EXPECT_EQ(m.mmsi2, 0U);
}

TEST(Interrogation, RejectsShort) {
    EXPECT_EQ(reject_of(BitWriter().header(15, 0, 1).u(0, 2).u(2, 30).u(5, 6).u(0, 11)),
              Reject::payload_too_short);
}

// ---- type 16

TEST(AssignedModeCommand, TwoAssignments) {
    const auto m = decode_as<sagar::decoding::AssignedModeCommand>(BitWriter()
                                                                       .header(16, 0, 439952844)
                                                                       .u(0, 2)
                                                                       .u(315920, 30)
                                                                       .u(2049, 12)
                                                                       .u(681, 10)
                                                                       .u(230137673, 30)
                                                                       .u(424, 12)
                                                                       .u(419, 10));
    ASSERT_EQ(m.count, 2);
    EXPECT_EQ(m.assignments[0].mmsi, 315920U);
    EXPECT_EQ(m.assignments[0].offset, 2049);
    EXPECT_EQ(m.assignments[0].increment, 681);
    EXPECT_EQ(m.assignments[1].mmsi, 230137673U);
    EXPECT_EQ(m.assignments[1].offset, 424);
    EXPECT_EQ(m.assignments[1].increment, 419);
}

TEST(AssignedModeCommand, OneAssignment) {
    const auto m = decode_as<sagar::decoding::AssignedModeCommand>(
        BitWriter().header(16, 0, 2053501).u(0, 2).u(224251000, 30).u(200, 12).u(7, 10).u(0, 4));
    ASSERT_EQ(m.count, 1);
    EXPECT_EQ(m.assignments[0].mmsi, 224251000U);
    EXPECT_EQ(m.assignments[0].offset, 200);
    EXPECT_EQ(m.assignments[0].increment, 7);
    EXPECT_EQ(m.assignments[1].mmsi, 0U);
}

TEST(AssignedModeCommand, RejectsShort) {
    EXPECT_EQ(reject_of(BitWriter().header(16, 0, 1).u(0, 2).u(2, 30).u(200, 12).u(7, 10).u(0, 3)),
              Reject::payload_too_short);
}

// ---- type 17

TEST(DgnssCorrection, KeepsTheCorrectionBits) {
    const auto m = decode_as<sagar::decoding::DgnssCorrection>(
        BitWriter().header(17, 0, 2734450).u(0, 2).s(90, 18).s(-26818, 17).u(0, 5).u(0x7c0556c, 28));
    EXPECT_EQ(m.reference.lon, 90);
    EXPECT_EQ(m.reference.lat, -26818);
    EXPECT_TRUE(m.reference.is_available());
    EXPECT_EQ(m.data.bit_count, 28);
    EXPECT_EQ(m.data.bytes[0], 0x7c);
    EXPECT_EQ(m.data.bytes[1], 0x05);
    EXPECT_EQ(m.data.bytes[2], 0x56);
    EXPECT_EQ(m.data.bytes[3], 0xc0); // the last 4 bits, left-aligned
    EXPECT_EQ(m.data.bytes[4], 0x00);
}

TEST(DgnssCorrection, NoCorrectionWordsAndNotAvailablePosition) {
    using sagar::decoding::TenthMinutePosition;
    const auto m =
        decode_as<sagar::decoding::DgnssCorrection>(BitWriter()
                                                        .header(17, 1, 4310302)
                                                        .u(0, 2)
                                                        .s(TenthMinutePosition::not_available_lon, 18)
                                                        .s(TenthMinutePosition::not_available_lat, 17)
                                                        .u(0, 5));
    EXPECT_EQ(m.data.bit_count, 0);
    EXPECT_FALSE(m.reference.is_available());
    EXPECT_EQ(reject_of(BitWriter().header(17, 0, 1).u(0, 2).s(0, 18).s(0, 17).u(0, 4)),
              Reject::payload_too_short);
}

// ---- type 20

TEST(DataLinkManagement, FourReservations) {
    const auto m = decode_as<sagar::decoding::DataLinkManagement>(BitWriter()
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
                                                                      .u(1296, 11));
    ASSERT_EQ(m.count, 4);
    EXPECT_EQ(m.reservations[0].offset, 1162);
    EXPECT_EQ(m.reservations[0].number, 1);
    EXPECT_EQ(m.reservations[0].timeout, 7);
    EXPECT_EQ(m.reservations[0].increment, 250);
    EXPECT_EQ(m.reservations[2].timeout, 6);
    EXPECT_EQ(m.reservations[3].offset, 19);
    EXPECT_EQ(m.reservations[3].number, 9);
    EXPECT_EQ(m.reservations[3].increment, 1296);
}

TEST(DataLinkManagement, SpareBitsAreNotAReservation) {
    const auto m = decode_as<sagar::decoding::DataLinkManagement>(
        BitWriter().header(20, 0, 2442003).u(0, 2).u(1385, 12).u(2, 4).u(7, 3).u(1125, 11).u(0, 2));
    ASSERT_EQ(m.count, 1);
    EXPECT_EQ(m.reservations[0].offset, 1385);
    EXPECT_EQ(m.reservations[0].increment, 1125);
    EXPECT_EQ(m.reservations[1].offset, 0);
    EXPECT_EQ(reject_of(BitWriter().header(20, 0, 1).u(0, 2).u(1, 30).u(0, 1)), Reject::payload_too_short);
}

// ---- type 22

TEST(ChannelManagement, BroadcastArea) {
    const auto m = decode_as<sagar::decoding::ChannelManagement>(BitWriter()
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
                                                                     .u(0, 23));
    EXPECT_EQ(m.channel_a, 2087);
    EXPECT_EQ(m.channel_b, 2088);
    EXPECT_EQ(m.txrx, 0);
    EXPECT_FALSE(m.power);
    EXPECT_FALSE(m.addressed);
    EXPECT_EQ(m.ne, (sagar::decoding::TenthMinutePosition{-44100, 27330}));
    EXPECT_EQ(m.sw, (sagar::decoding::TenthMinutePosition{-48101, 25400}));
    EXPECT_FALSE(m.band_a);
    EXPECT_TRUE(m.band_b);
    EXPECT_EQ(m.zonesize, 4);
}

TEST(ChannelManagement, AddressedStations) {
    const auto m = decode_as<sagar::decoding::ChannelManagement>(BitWriter()
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
                                                                     .u(0, 23));
    EXPECT_TRUE(m.addressed);
    EXPECT_TRUE(m.power);
    EXPECT_EQ(m.txrx, 1);
    EXPECT_EQ(m.dest_mmsi[0], 28144881U);
    EXPECT_EQ(m.dest_mmsi[1], 268435519U);
    EXPECT_FALSE(m.ne.is_available()); // the corners were not sent
    EXPECT_TRUE(m.band_a);
    EXPECT_EQ(m.zonesize, 7);
}

TEST(ChannelManagement, RejectsShort) {
    BitWriter w = BitWriter().header(22, 0, 1).u(0, 2);
    zeros(w, 167 - 40);
    EXPECT_EQ(reject_of(w), Reject::payload_too_short);
}

// ---- type 23

TEST(GroupAssignment, DecodesAreaAndSelection) {
    const auto m = decode_as<sagar::decoding::GroupAssignment>(BitWriter()
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
                                                                   .u(0, 6));
    EXPECT_EQ(m.ne, (sagar::decoding::TenthMinutePosition{1578, 30642}));
    EXPECT_EQ(m.sw, (sagar::decoding::TenthMinutePosition{-1096, -30408}));
    EXPECT_EQ(m.station_type, 6);
    EXPECT_EQ(m.ship_type, 30);
    EXPECT_EQ(m.txrx, 2);
    EXPECT_EQ(m.interval, 9);
    EXPECT_EQ(m.quiet, 5);
}

TEST(GroupAssignment, RejectsShort) {
    BitWriter w = BitWriter().header(23, 0, 1).u(0, 2);
    zeros(w, 159 - 40);
    EXPECT_EQ(reject_of(w), Reject::payload_too_short);
}

} // namespace
