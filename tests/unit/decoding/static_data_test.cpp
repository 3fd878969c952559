#include "support/bit_writer.hpp"
#include "support/decode_support.hpp"

#include <sagar/decoding/message.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using sagar::Reject;
using sagar::decoding::AidToNavigationReport;
using sagar::decoding::StaticDataB;
using sagar::decoding::StaticVoyageData;
using sagar::testing::BitWriter;
using sagar::testing::decode_as;
using sagar::testing::reject_of;
using sagar::testing::zeros;

/// A type 5 message of `bits` bits (424 is the standard length).
BitWriter static_voyage(std::size_t bits) {
    BitWriter w;
    w.header(5, 0, 351759000)
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
    BitWriter cut;
    // Rebuild with only the first `bits` bits: BitWriter has no truncation, so re-encode from the payload.
    unsigned fill = 0;
    const std::string armoured = w.payload(fill);
    for (std::size_t i = 0; i < bits; ++i) {
        const auto value = sagar::decoding::armour_value(armoured[i / 6]);
        cut.u((value >> (5 - i % 6)) & 1U, 1);
    }
    return cut;
}

TEST(StaticVoyageData, DecodesEveryField) {
    const auto m = decode_as<StaticVoyageData>(static_voyage(424));
    EXPECT_EQ(m.header.mmsi, 351759000U);
    EXPECT_EQ(m.ais_version, 1);
    EXPECT_EQ(m.imo, 9134270U);
    EXPECT_EQ(m.callsign.view(), "3FOF8");
    EXPECT_EQ(m.shipname.view(), "EVER DIADEM");
    EXPECT_EQ(m.shiptype, 70);
    EXPECT_EQ(m.dimensions.to_bow, 225);
    EXPECT_EQ(m.dimensions.to_stern, 70);
    EXPECT_EQ(m.dimensions.to_port, 1);
    EXPECT_EQ(m.dimensions.to_starboard, 31);
    EXPECT_EQ(m.epfd, 1);
    EXPECT_EQ(m.eta_month, 5);
    EXPECT_EQ(m.eta_day, 15);
    EXPECT_EQ(m.eta_hour, 14);
    EXPECT_EQ(m.eta_minute, 0);
    EXPECT_EQ(m.draught, 122);
    EXPECT_EQ(m.destination.view(), "NEW YORK");
    EXPECT_TRUE(m.dte);
}

TEST(StaticVoyageData, AcceptsTheShortLengthsSeenInTheWild) {
    const auto m = decode_as<StaticVoyageData>(static_voyage(420));
    EXPECT_EQ(m.destination.view(), "NEW YORK");
    EXPECT_FALSE(m.dte); // not transmitted
    EXPECT_EQ(reject_of(static_voyage(419)), Reject::payload_too_short);
}

TEST(StaticDataB, PartAHasTheName) {
    BitWriter w;
    w.header(24, 0, 271041815).u(0, 2).text("PROGUY", 20);
    ASSERT_EQ(w.size(), 160U);
    const auto m = decode_as<StaticDataB>(w);
    EXPECT_EQ(m.part, StaticDataB::Part::a);
    EXPECT_EQ(m.shipname.view(), "PROGUY");

    zeros(w, 8); // 168 bits: a padded slot, still accepted
    EXPECT_EQ(decode_as<StaticDataB>(w).shipname.view(), "PROGUY");
    zeros(w, 6);
    EXPECT_EQ(reject_of(w), Reject::payload_too_long);

    BitWriter short_one;
    short_one.header(24, 0, 1).u(0, 2).text("AB", 19);
    EXPECT_EQ(reject_of(short_one), Reject::payload_too_short);
}

BitWriter part_b(std::uint32_t mmsi) {
    BitWriter w;
    w.header(24, 0, mmsi)
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
    return w;
}

TEST(StaticDataB, PartBHasTheRest) {
    const auto m = decode_as<StaticDataB>(part_b(271041815));
    EXPECT_EQ(m.part, StaticDataB::Part::b);
    EXPECT_EQ(m.shiptype, 60);
    // The 7-character vendor id overlaps model and serial (see the field's comment).
    EXPECT_EQ(m.vendorid.view().substr(0, 3), "1D0");
    EXPECT_EQ(m.model, 12);
    EXPECT_EQ(m.serial, 199796U);
    EXPECT_EQ(m.callsign.view(), "TC6163");
    EXPECT_FALSE(m.is_auxiliary_craft());
    EXPECT_EQ(m.dimensions.to_bow, 10);
    EXPECT_EQ(m.dimensions.to_stern, 15);
    EXPECT_EQ(m.dimensions.to_port, 3);
    EXPECT_EQ(m.dimensions.to_starboard, 5);
    EXPECT_TRUE(m.shipname.empty());
}

TEST(StaticDataB, AuxiliaryCraftCarryTheMothershipMmsi) {
    BitWriter w;
    w.header(24, 0, 982001234).u(1, 2).u(52, 8).text("ABC", 3).u(0, 4).u(0, 20).text("CALL", 7);
    w.u(244123456, 30).u(0, 6);
    const auto m = decode_as<StaticDataB>(w);
    EXPECT_TRUE(m.is_auxiliary_craft());
    EXPECT_EQ(m.mothership_mmsi, 244123456U);
}

TEST(StaticDataB, RejectsShortPartBAndUndefinedParts) {
    BitWriter short_one;
    zeros(short_one.header(24, 0, 1).u(1, 2), 100);
    EXPECT_EQ(reject_of(short_one), Reject::payload_too_short);
    BitWriter part3;
    zeros(part3.header(24, 0, 1).u(3, 2), 128);
    EXPECT_EQ(reject_of(part3), Reject::message_subtype);
}

/// Type 21 with `name` in the 20-character field and `extension` (if any) from bit 272.
BitWriter aid(std::string_view name, std::string_view extension, std::size_t extension_chars) {
    BitWriter w;
    w.header(21, 0, 992000001)
        .u(20, 5)
        .text(name, 20)
        .flag(true)
        .s(-73619155, 28)
        .s(28752371, 27)
        .u(5, 9)
        .u(6, 9)
        .u(7, 6)
        .u(8, 6)
        .u(1, 4)
        .u(50, 6)
        .flag(true)
        .u(165, 8)
        .flag(false)
        .flag(true)
        .flag(true)
        .u(0, 1);
    w.text(extension, extension_chars);
    return w;
}

TEST(AidToNavigationReport, DecodesEveryField) {
    const auto m = decode_as<AidToNavigationReport>(aid("IBC G BUOY", "", 0));
    EXPECT_EQ(m.aid_type, 20);
    EXPECT_EQ(m.name.view(), "IBC G BUOY");
    EXPECT_TRUE(m.accuracy);
    EXPECT_EQ(m.position.lon, -73619155);
    EXPECT_EQ(m.position.lat, 28752371);
    EXPECT_EQ(m.dimensions.to_bow, 5);
    EXPECT_EQ(m.dimensions.to_stern, 6);
    EXPECT_EQ(m.dimensions.to_port, 7);
    EXPECT_EQ(m.dimensions.to_starboard, 8);
    EXPECT_EQ(m.epfd, 1);
    EXPECT_EQ(m.second, 50);
    EXPECT_TRUE(m.off_position);
    EXPECT_EQ(m.regional, 165);
    EXPECT_FALSE(m.raim);
    EXPECT_TRUE(m.virtual_aid);
    EXPECT_TRUE(m.assigned);
}

TEST(AidToNavigationReport, AppendsTheNameExtension) {
    EXPECT_EQ(decode_as<AidToNavigationReport>(aid("CHINA ROSE MURPHY EX", "PRESS ALERT", 11)).name.view(),
              "CHINA ROSE MURPHY EXPRESS ALERT");
    // A space-padded full name still takes the extension; trailing spaces go after joining.
    EXPECT_EQ(decode_as<AidToNavigationReport>(aid("ABCDEFGHIJKLMNOPQRS ", "XY  ", 4)).name.view(),
              "ABCDEFGHIJKLMNOPQRS XY");
    // A name shorter than its field has no extension, whatever follows.
    EXPECT_EQ(decode_as<AidToNavigationReport>(aid("ABC", "XYZ", 3)).name.view(), "ABC");
    // At most 14 extension characters are kept (88 bits).
    EXPECT_EQ(
        decode_as<AidToNavigationReport>(aid("ABCDEFGHIJKLMNOPQRST", "0123456789ABCDEF", 16)).name.view(),
        "ABCDEFGHIJKLMNOPQRST0123456789ABCD");
}

TEST(AidToNavigationReport, RejectsOutsideGpsdsRange) {
    BitWriter short_one = aid("A", "", 0);
    EXPECT_EQ(short_one.size(), 272U);
    BitWriter w;
    zeros(w.header(21, 0, 1), 233);
    EXPECT_EQ(reject_of(w), Reject::payload_too_short);
    EXPECT_EQ(reject_of(aid("ABCDEFGHIJKLMNOPQRST", "0123456789ABCDEFG", 17)), Reject::payload_too_long);
}

} // namespace
