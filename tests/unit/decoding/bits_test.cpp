#include "support/bit_writer.hpp"

#include <sagar/decoding/bits.hpp>

#include <gtest/gtest.h>

namespace {

using sagar::decoding::Bits;

TEST(Bits, UnpacksArmourMostSignificantBitFirst) {
    Bits bits;
    ASSERT_TRUE(bits.assign("15RTgt0PAso;90TKcjM8h6g208CQ", 0));
    EXPECT_EQ(bits.size(), 168U);
    EXPECT_EQ(bits.u(0, 6), 1U);          // message type
    EXPECT_EQ(bits.u(8, 30), 371798000U); // MMSI of gpsd's first sample
    EXPECT_EQ(bits.s32(42, 8), -127);     // rate of turn
}

TEST(Bits, FillBitsShortenTheMessageAndReadAsZero) {
    Bits bits;
    ASSERT_TRUE(bits.assign("w", 2)); // 111111 with 2 fill bits
    EXPECT_EQ(bits.size(), 4U);
    EXPECT_EQ(bits.u(0, 6), 0b111100U);
    EXPECT_EQ(bits.u(4, 20), 0U);
    EXPECT_EQ(bits.u(1000, 30), 0U);
}

TEST(Bits, RejectsCharactersOutsideTheArmour) {
    Bits bits;
    EXPECT_FALSE(bits.assign("15RT X", 0));
    EXPECT_FALSE(bits.assign("abc", 6));
    EXPECT_FALSE(bits.assign(std::string(sagar::decoding::max_payload_chars + 1, '0'), 0));
    EXPECT_EQ(bits.size(), 0U);
}

TEST(Bits, RoundTripsEveryArmourCharacter) {
    for (std::uint8_t v = 0; v < 64; ++v) {
        EXPECT_EQ(sagar::decoding::armour_value(sagar::decoding::armour_char(v)), v);
    }
}

TEST(Bits, ReadsSignedAndTextFields) {
    sagar::testing::BitWriter w;
    w.s(-5, 8).text("AB\"\\ C ", 8).u(0x3FFFFFF, 26);
    const Bits bits = w.bits();
    EXPECT_EQ(bits.s32(0, 8), -5);
    sagar::FixedString<20> text;
    bits.text(8, 8, text);
    EXPECT_EQ(text.view(), "AB\"\\ C"); // trailing space trimmed, '@' padding ends the text
    EXPECT_EQ(bits.u(56, 26), 0x3FFFFFFU);
}

} // namespace
