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

TEST(Bits, UnpacksEveryLengthAndFillLikeOneBitAtATime) {
    // Reference: each character's six bits, most significant first.
    std::string payload;
    for (std::size_t n = 1; n <= 90; ++n) {
        payload.push_back(sagar::decoding::armour_char(static_cast<std::uint8_t>((n * 37) % 64)));
        for (unsigned fill = 0; fill <= 5; ++fill) {
            Bits bits;
            ASSERT_TRUE(bits.assign(payload, fill));
            ASSERT_EQ(bits.size(), n * 6 - fill);
            for (std::size_t i = 0; i < n * 6 + 64; ++i) {
                unsigned expected = 0;
                if (i < n * 6 - fill) {
                    const std::uint8_t v = sagar::decoding::armour_value(payload[i / 6]);
                    expected = (v >> (5 - i % 6)) & 1U;
                }
                ASSERT_EQ(bits.u(i, 1), expected) << n << " chars, fill " << fill << ", bit " << i;
            }
        }
    }
    Bits bits;
    std::string bad = payload;
    bad[bad.size() - 1] = 'X'; // 'X' lies between the two armour ranges
    EXPECT_FALSE(bits.assign(bad, 0));
    bad = payload;
    bad[3] = '\x80';
    EXPECT_FALSE(bits.assign(bad, 0));
}

TEST(Bits, TextLongerThanOneReadStopsAtPaddingOrTheEnd) {
    sagar::testing::BitWriter w;
    w.u(1, 2).text("ABCDEFGHIJKLMNOPQRST", 20).text("SHORT NAME", 20).text("CUT OFF AT THE END", 18);
    w.u(0, 4);
    const Bits bits = w.bits();
    sagar::FixedString<20> text;
    bits.text(2, 20, text);
    EXPECT_EQ(text.view(), "ABCDEFGHIJKLMNOPQRST");
    bits.text(122, 20, text);
    EXPECT_EQ(text.view(), "SHORT NAME");
    bits.text(242, 20, text); // 18 characters and 4 bits in the message: the 19th is not read
    EXPECT_EQ(text.view(), "CUT OFF AT THE END");
    bits.text(266, 9, text);
    EXPECT_EQ(text.view(), "OFF AT TH");
    bits.text(bits.size() + 6, 20, text);
    EXPECT_TRUE(text.empty());
}

} // namespace
