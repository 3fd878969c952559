// Types 6, 8, 25 and 26: the envelopes around application data.

#include "support/bit_writer.hpp"
#include "support/decode_support.hpp"

#include <sagar/decoding/message.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace {

using sagar::Reject;
using sagar::decoding::decode_message;
using sagar::decoding::RawApplicationData;
using sagar::testing::BitWriter;
using sagar::testing::decode_as;
using sagar::testing::reject_of;
using sagar::testing::zeros;

std::vector<std::uint8_t> bytes_of(const RawApplicationData& data) {
    return {data.bytes.begin(), data.bytes.begin() + static_cast<std::ptrdiff_t>(data.byte_count())};
}

BitWriter addressed_header(unsigned dac, unsigned fi) {
    BitWriter w;
    w.header(6, 1, 150834090).u(3, 2).u(313240222, 30).flag(false).u(0, 1).u(dac, 10).u(fi, 6);
    return w;
}

// ---- type 6

TEST(AddressedBinary, DecodesEnvelopeAndKeepsUnknownPairRaw) {
    BitWriter w = addressed_header(366, 1);
    w.u(0xDEADBEEF, 32).u(0x15, 5);
    const auto m = decode_as<sagar::decoding::AddressedBinary>(w);
    EXPECT_EQ(m.header.type, 6);
    EXPECT_EQ(m.header.repeat, 1);
    EXPECT_EQ(m.header.mmsi, 150834090U);
    EXPECT_EQ(m.seqno, 3);
    EXPECT_EQ(m.dest_mmsi, 313240222U);
    EXPECT_FALSE(m.retransmit);
    EXPECT_EQ(m.dac, 366);
    EXPECT_EQ(m.fi, 1);
    ASSERT_TRUE(std::holds_alternative<RawApplicationData>(m.application));
    const auto& data = std::get<RawApplicationData>(m.application);
    EXPECT_EQ(data.bit_count, 37);
    // The bits past the data in the last byte are zero (the message ends there).
    EXPECT_EQ(bytes_of(data), (std::vector<std::uint8_t>{0xDE, 0xAD, 0xBE, 0xEF, 0xA8}));
}

TEST(AddressedBinary, AcceptsEmptyApplicationData) {
    const auto m = decode_as<sagar::decoding::AddressedBinary>(addressed_header(1, 40));
    ASSERT_TRUE(std::holds_alternative<RawApplicationData>(m.application));
    EXPECT_EQ(std::get<RawApplicationData>(m.application).bit_count, 0);
}

TEST(AddressedBinary, RejectsMessageWithoutFunctionIdentifier) {
    BitWriter w;
    w.header(6, 0, 2320812).u(0, 2).u(244123456, 30).u(0, 2).u(1, 10).u(0, 5);
    EXPECT_EQ(reject_of(w), Reject::payload_too_short);
}

TEST(AddressedBinary, RejectsMoreThanFiveSlots) {
    BitWriter w = addressed_header(1, 40);
    zeros(w, 1008 - 88);
    EXPECT_TRUE(decode_message(w.bits()).has_value());
    w.u(0, 6);
    EXPECT_EQ(reject_of(w), Reject::payload_too_long);
}

// ---- type 8 (the applications themselves are tested with broadcast_applications)

TEST(BroadcastBinary, DecodesEnvelope) {
    BitWriter w;
    w.header(8, 0, 3669713).u(0, 2).u(555, 10).u(7, 6).u(0xABCDE, 20);
    const auto m = decode_as<sagar::decoding::BroadcastBinary>(w);
    EXPECT_EQ(m.header.mmsi, 3669713U);
    EXPECT_EQ(m.dac, 555);
    EXPECT_EQ(m.fi, 7);
    ASSERT_TRUE(std::holds_alternative<RawApplicationData>(m.application));
    const auto& data = std::get<RawApplicationData>(m.application);
    EXPECT_EQ(data.bit_count, 20);
    EXPECT_EQ(bytes_of(data), (std::vector<std::uint8_t>{0xAB, 0xCD, 0xE0}));
}

TEST(BroadcastBinary, RejectsMessageWithoutFunctionIdentifier) {
    BitWriter w;
    w.header(8, 0, 3669713).u(0, 2).u(1, 10).u(0, 5);
    EXPECT_EQ(reject_of(w), Reject::payload_too_short);
}

// ---- type 25

TEST(SingleSlotBinary, UnaddressedUnstructured) {
    BitWriter w;
    w.header(25, 0, 440002170).flag(false).flag(false).u(0x0123456789AB, 48).u(5, 3);
    const auto m = decode_as<sagar::decoding::SingleSlotBinary>(w);
    EXPECT_FALSE(m.addressed());
    EXPECT_FALSE(m.structured());
    EXPECT_EQ(m.data.bit_count, 51);
    EXPECT_EQ(bytes_of(m.data), (std::vector<std::uint8_t>{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xA0}));
}

TEST(SingleSlotBinary, AddressedAndStructured) {
    BitWriter w;
    w.header(25, 0, 563648329).flag(true).flag(true).u(244000111, 30).u(200, 10).u(10, 6).u(7, 3);
    const auto m = decode_as<sagar::decoding::SingleSlotBinary>(w);
    ASSERT_TRUE(m.dest_mmsi.has_value());
    EXPECT_EQ(*m.dest_mmsi, 244000111U);
    ASSERT_TRUE(m.app_id.has_value());
    EXPECT_EQ(m.app_id->dac, 200);
    EXPECT_EQ(m.app_id->fi, 10);
    EXPECT_EQ(m.app_id->value(), 200U * 64 + 10);
    EXPECT_EQ(m.data.bit_count, 3);
    EXPECT_EQ(bytes_of(m.data), (std::vector<std::uint8_t>{0xE0}));
}

TEST(SingleSlotBinary, StructuredOnly) {
    BitWriter w;
    w.header(25, 2, 563648328).flag(false).flag(true).u(1, 10).u(31, 6).u(0xBEEF, 16);
    const auto m = decode_as<sagar::decoding::SingleSlotBinary>(w);
    EXPECT_FALSE(m.addressed());
    ASSERT_TRUE(m.app_id.has_value());
    EXPECT_EQ(m.app_id->value(), 95);
    EXPECT_EQ(bytes_of(m.data), (std::vector<std::uint8_t>{0xBE, 0xEF}));
}

TEST(SingleSlotBinary, RejectsMessageTooShortForItsFlags) {
    BitWriter w;
    w.header(25, 0, 440006460).flag(true).flag(true).u(134218384, 30).u(1, 15);
    EXPECT_EQ(reject_of(w), Reject::payload_too_short);
    BitWriter bare;
    bare.header(25, 0, 440006460).flag(false);
    EXPECT_EQ(reject_of(bare), Reject::payload_too_short);
}

TEST(SingleSlotBinary, RejectsMoreThanOneSlot) {
    BitWriter w;
    w.header(25, 0, 440002170).flag(false).flag(false);
    zeros(w, 168 - 40);
    EXPECT_TRUE(decode_message(w.bits()).has_value());
    w.u(0, 6);
    EXPECT_EQ(reject_of(w), Reject::payload_too_long);
}

// ---- type 26

TEST(MultiSlotBinary, AddressedStructuredWithCommunicationState) {
    BitWriter w;
    w.header(26, 1, 137920605).flag(true).flag(true).u(838351848, 30).u(368, 10).u(35, 6);
    w.u(0x123456789, 36).u(0xFFFFF, 20);
    const auto m = decode_as<sagar::decoding::MultiSlotBinary>(w);
    EXPECT_EQ(m.dest_mmsi, std::optional<std::uint32_t>{838351848});
    ASSERT_TRUE(m.app_id.has_value());
    EXPECT_EQ(m.app_id->dac, 368);
    EXPECT_EQ(m.app_id->fi, 35);
    EXPECT_EQ(m.data.bit_count, 36);
    // gpsd shows the first bits of the communication state after the data.
    EXPECT_EQ(bytes_of(m.data), (std::vector<std::uint8_t>{0x12, 0x34, 0x56, 0x78, 0x9F}));
    EXPECT_EQ(m.radio, 0xFFFFFU);
}

TEST(MultiSlotBinary, AddressedDataEndingJustPastAByteHidesTheFollowingBits) {
    // gpsd's byte copy (counted from the destination MMSI) ends with the 10 data bits, so the
    // communication state does not show after them.
    BitWriter w;
    w.header(26, 0, 84148325).flag(true).flag(false).u(834699643, 30).u(0x3FF, 10).u(0xFFFFF, 20);
    const auto m = decode_as<sagar::decoding::MultiSlotBinary>(w);
    EXPECT_EQ(m.data.bit_count, 10);
    EXPECT_EQ(bytes_of(m.data), (std::vector<std::uint8_t>{0xFF, 0xC0}));
    EXPECT_EQ(m.radio, 0xFFFFFU);
}

TEST(MultiSlotBinary, RejectsMessageWithoutCommunicationState) {
    BitWriter w;
    w.header(26, 0, 16777280).flag(false).flag(true).u(1, 16).u(0, 19);
    EXPECT_EQ(reject_of(w), Reject::payload_too_short);
}

} // namespace
