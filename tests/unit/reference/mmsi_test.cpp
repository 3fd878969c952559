#include <sagar/reference/mmsi.hpp>

#include <gtest/gtest.h>

namespace sagar::reference {
namespace {

TEST(Mmsi, Ships) {
    EXPECT_EQ(classify_mmsi(227006760), MmsiKind::ship); // France
    EXPECT_EQ(classify_mmsi(366123456), MmsiKind::ship); // United States
    EXPECT_EQ(classify_mmsi(775000001), MmsiKind::ship); // Venezuela, the last MID
    EXPECT_EQ(classify_mmsi(201000000), MmsiKind::ship); // Albania, the first MID
    EXPECT_EQ(mid_of(227006760), 227U);
}

TEST(Mmsi, UnallocatedMidsAreInvalid) {
    EXPECT_EQ(classify_mmsi(200123456), MmsiKind::invalid);
    EXPECT_EQ(classify_mmsi(217123456), MmsiKind::invalid);
    EXPECT_EQ(classify_mmsi(776000000), MmsiKind::invalid);
    EXPECT_EQ(classify_mmsi(799999999), MmsiKind::invalid);
    EXPECT_FALSE(is_allocated_mid(200));
    EXPECT_FALSE(is_allocated_mid(0));
    EXPECT_FALSE(is_allocated_mid(999));
    EXPECT_TRUE(is_allocated_mid(219));
    EXPECT_EQ(mid_of(200123456), 0U);
}

TEST(Mmsi, EdgeValues) {
    EXPECT_EQ(classify_mmsi(0), MmsiKind::invalid);          // 000000000: coast station pattern, MID 000
    EXPECT_EQ(classify_mmsi(999999999), MmsiKind::invalid);  // AtoN pattern, MID 999
    EXPECT_EQ(classify_mmsi(1000000000), MmsiKind::invalid); // ten digits
    EXPECT_EQ(classify_mmsi(0xFFFFFFFF), MmsiKind::invalid);
    EXPECT_EQ(classify_mmsi(123456789), MmsiKind::invalid); // 1xx other than 111
    EXPECT_EQ(classify_mmsi(912345678), MmsiKind::invalid); // 9xx other than 97x/98/99
    EXPECT_EQ(classify_mmsi(971000000), MmsiKind::invalid);
}

TEST(Mmsi, CoastStationsAndGroups) {
    EXPECT_EQ(classify_mmsi(2190064), MmsiKind::coast_station); // 002190064: Danish base station
    EXPECT_EQ(mid_of(2190064), 219U);
    EXPECT_EQ(classify_mmsi(2000064), MmsiKind::invalid); // 002000064: MID 200
    EXPECT_EQ(classify_mmsi(22712345), MmsiKind::group);  // 022712345
    EXPECT_EQ(mid_of(22712345), 227U);
    EXPECT_EQ(classify_mmsi(20012345), MmsiKind::invalid);
}

TEST(Mmsi, SarAircraftAidsCraftAndHandhelds) {
    EXPECT_EQ(classify_mmsi(111232506), MmsiKind::sar_aircraft); // 111 + 232 (UK)
    EXPECT_EQ(mid_of(111232506), 232U);
    EXPECT_EQ(classify_mmsi(111200506), MmsiKind::invalid);
    EXPECT_EQ(classify_mmsi(992271001), MmsiKind::aid_to_navigation);
    EXPECT_EQ(mid_of(992271001), 227U);
    EXPECT_EQ(classify_mmsi(992001001), MmsiKind::invalid);
    EXPECT_EQ(classify_mmsi(982271001), MmsiKind::craft_of_parent_ship);
    EXPECT_EQ(classify_mmsi(982001001), MmsiKind::invalid);
    EXPECT_EQ(classify_mmsi(822712345), MmsiKind::handheld_vhf);
    EXPECT_EQ(mid_of(822712345), 227U);
    EXPECT_EQ(classify_mmsi(820012345), MmsiKind::invalid);
}

TEST(Mmsi, DistressDevices) {
    EXPECT_EQ(classify_mmsi(970012345), MmsiKind::sart);
    EXPECT_EQ(classify_mmsi(970999999), MmsiKind::sart);
    EXPECT_EQ(classify_mmsi(972000001), MmsiKind::man_overboard);
    EXPECT_EQ(classify_mmsi(974123456), MmsiKind::epirb);
    EXPECT_EQ(mid_of(970012345), 0U);
}

TEST(Mmsi, Countries) {
    EXPECT_EQ(mid_country(219), "Denmark");
    EXPECT_EQ(mid_country(366), "United States");
    EXPECT_EQ(mid_country(636), "Liberia");
    EXPECT_EQ(mid_country(200), "");
    EXPECT_EQ(to_string(MmsiKind::sar_aircraft), "sar_aircraft");
    EXPECT_EQ(to_string(MmsiKind::invalid), "invalid");
}

TEST(Imo, CheckDigitsOfRealShips) {
    EXPECT_TRUE(is_valid_imo(9074729)); // the IMO's own example: 9*7+0*6+7*5+4*4+7*3+2*2 = 139
    EXPECT_FALSE(is_valid_imo(9074728));
    EXPECT_TRUE(is_valid_imo(9307839)); // MSC NAISHA III (MarineCadastre sample)
    EXPECT_TRUE(is_valid_imo(9203588)); // ASIAN DYNASTY
    EXPECT_TRUE(is_valid_imo(9241061));
    EXPECT_TRUE(is_valid_imo(9686429)); // GUARDVESSEL ADVANCER (DMA sample)
    EXPECT_TRUE(is_valid_imo(9134270)); // EVER DIADEM
    EXPECT_FALSE(is_valid_imo(9134271));
    EXPECT_FALSE(is_valid_imo(0));
    EXPECT_FALSE(is_valid_imo(999999)); // six digits
    EXPECT_FALSE(is_valid_imo(10000000));
    EXPECT_TRUE(is_valid_imo(1000007)); // 1*7 = 7
}

} // namespace
} // namespace sagar::reference
