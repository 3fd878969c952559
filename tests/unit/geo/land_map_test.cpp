// LandMap on the grid built by this build tree (<build>/share/sagar/land.grid) against real places. The
// reference distances are exact distances to the Natural Earth 1:10m coastline itself (computed from the
// source polygons), so the tolerance is the grid's own error, stated in docs/land-data.md.

#include <sagar/geo/land_map.hpp>
#include <sagar/geo/waterways.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {

using sagar::geo::LandMap;
using sagar::geo::LatLon;
using sagar::geo::metres_per_nautical_mile;

const std::filesystem::path grid_path =
    std::filesystem::path(SAGAR_TEST_BIN_DIR) / ".." / "share" / "sagar" / "land.grid";

class LandMapTest : public testing::Test {
protected:
    static void SetUpTestSuite() {
        auto loaded = LandMap::load(grid_path);
        ASSERT_TRUE(loaded) << loaded.error();
        map = std::make_unique<LandMap>(std::move(loaded).value());
    }
    static void TearDownTestSuite() { map.reset(); }
    static std::unique_ptr<LandMap> map;
};
std::unique_ptr<LandMap> LandMapTest::map;

constexpr double tolerance_m = 2'000.0;

TEST_F(LandMapTest, OpenOceanIsFarFromShore) {
    for (const LatLon p :
         {LatLon{0.0, 80.0}, LatLon{-10.0, 65.0}, LatLon{-48.88, -123.39}, LatLon{30.0, -40.0}}) {
        EXPECT_FALSE(map->on_land(p)) << p.lat << ' ' << p.lon;
        EXPECT_GT(map->distance_to_shore_m(p), 300.0 * metres_per_nautical_mile) << p.lat << ' ' << p.lon;
        EXPECT_FALSE(map->inland_beyond(p, 2'000.0));
    }
    // Point Nemo, the pole of inaccessibility of the oceans: about 2,690 km from the nearest land.
    EXPECT_NEAR(map->distance_to_shore_m({-48.88, -123.39}), 2'690'000.0, 30'000.0);
}

TEST_F(LandMapTest, CoastalCitiesAreOnLand) {
    for (const LatLon p :
         {LatLon{19.07, 72.88}, LatLon{6.91, 79.87}, LatLon{1.35, 103.82}, LatLon{-31.95, 115.86},
          LatLon{-1.29, 36.82}, LatLon{51.51, -0.13}, LatLon{-33.87, 151.21}}) {
        EXPECT_TRUE(map->on_land(p)) << p.lat << ' ' << p.lon;
    }
}

TEST_F(LandMapTest, DeepInlandIsInlandBeyondTwoKilometres) {
    const LatLon nairobi{-1.29, 36.82};
    EXPECT_TRUE(map->inland_beyond(nairobi, 2'000.0));
    // 415 km from the Indian Ocean: beyond 100 nm only coarse accuracy is promised.
    EXPECT_NEAR(map->distance_to_shore_m(nairobi), 415'000.0, 15'000.0);
    EXPECT_TRUE(map->inland_beyond({29.98, 31.13}, 2'000.0)); // Giza pyramids, 9 km from the Nile
    EXPECT_TRUE(map->inland_beyond({40.42, -3.70}, 2'000.0)); // Madrid
    // Other margins combine the mask with the distance.
    EXPECT_TRUE(map->inland_beyond(nairobi, 350'000.0));
    EXPECT_FALSE(map->inland_beyond(nairobi, 450'000.0));
    EXPECT_TRUE(map->inland_beyond(nairobi, 500.0));
}

TEST_F(LandMapTest, DistancesNearKnownCoastsWithinTolerance) {
    // Exact distances to the source coastline (see the file comment).
    struct Case {
        LatLon p;
        double metres;
    };
    for (const Case c : {Case{{44.0, -1.6}, 19'514.0},  // off the straight Landes coast, about 10 nm
                         Case{{-25.0, 14.6}, 21'449.0}, // off the Namib coast, about 12 nm
                         Case{{7.5, 79.6}, 21'590.0},   // off the west coast of Sri Lanka
                         Case{{36.0, -7.0}, 83'001.0},  // Gulf of Cadiz
                         Case{{44.0, -1.3}, 4'065.0},   // inland, in the Landes forest
                         Case{{53.54, 9.97}, 9'029.0}}) {
        EXPECT_NEAR(map->distance_to_shore_m(c.p), c.metres, tolerance_m) << c.p.lat << ' ' << c.p.lon;
    }
}

TEST_F(LandMapTest, SeaOneKilometreOffTheCoast) {
    for (const LatLon p : {LatLon{-25.0, 14.819}, LatLon{44.0, -1.365}}) {
        EXPECT_FALSE(map->on_land(p)) << p.lat << ' ' << p.lon;
        EXPECT_FALSE(map->inland_beyond(p, 2'000.0)) << p.lat << ' ' << p.lon;
        EXPECT_NEAR(map->distance_to_shore_m(p), 1'000.0, tolerance_m) << p.lat << ' ' << p.lon;
    }
}

TEST_F(LandMapTest, WaterwaysFilledByTheSourceAreNotInland) {
    const LatLon port_said{31.27, 32.31};
    const LatLon suez_canal{30.58, 32.33}; // Natural Earth has it as land, 56 km from its sea
    const LatLon bosphorus{41.08, 29.06};
    const LatLon hamburg{53.54, 9.97};
    const LatLon kiel_canal{54.13, 9.42};
    const LatLon gatun_lake{9.18, -79.85};
    const LatLon shatt_al_arab{30.35, 48.27};
    // Quays where ships reported in the DMA sample (docs/land-data.md): 3 to 9 km inside the source's land.
    const LatLon randers{56.4571, 10.0436};
    const LatLon naestved{55.2265, 11.7555};
    const LatLon schlei{54.5944, 9.8443};
    const LatLon goeta_aelv{57.7383, 12.0003};
    for (const LatLon p : {port_said, suez_canal, bosphorus, hamburg, kiel_canal, gatun_lake, shatt_al_arab,
                           randers, naestved, schlei, goeta_aelv}) {
        EXPECT_TRUE(sagar::geo::in_waterway(p)) << p.lat << ' ' << p.lon;
        EXPECT_FALSE(map->inland_beyond(p, 2'000.0)) << p.lat << ' ' << p.lon;
        EXPECT_FALSE(map->inland_beyond(p, 500.0)) << p.lat << ' ' << p.lon;
    }
    // The exception is what makes these false: the source does fill them.
    EXPECT_TRUE(map->on_land(suez_canal));
    EXPECT_TRUE(map->on_land(hamburg));
    EXPECT_GT(map->distance_to_shore_m(suez_canal), 20'000.0);
}

TEST_F(LandMapTest, LakesAndRiversAreNotInland) {
    // Land in Natural Earth 1:10m, water in its 1:50m lakes and rivers (docs/land-data.md): ship positions
    // on the Mississippi, the Ohio and Lake Michigan, hundreds of kilometres from the sea.
    for (const LatLon p : {LatLon{35.1014, -90.0863},  // Mississippi at Memphis (MarineCadastre sample)
                           LatLon{30.4410, -91.1923},  // Mississippi at Baton Rouge
                           LatLon{38.5919, -90.1975},  // Mississippi at St. Louis
                           LatLon{39.0950, -84.5050},  // Ohio at Cincinnati
                           LatLon{40.5875, -80.2377},  // Ohio below Pittsburgh
                           LatLon{43.4179, -86.6079},  // Lake Michigan, 14 km off its east shore
                           LatLon{42.0, -87.0},        // Lake Michigan, mid-lake
                           LatLon{45.5808, -122.7598}, // Columbia at Portland
                           LatLon{47.0, -87.5}}) {     // Lake Superior
        EXPECT_TRUE(map->on_land(p)) << p.lat << ' ' << p.lon;
        EXPECT_TRUE(map->near_inland_water(p)) << p.lat << ' ' << p.lon;
        EXPECT_FALSE(map->inland_beyond(p, 2'000.0)) << p.lat << ' ' << p.lon;
        EXPECT_FALSE(map->inland_beyond(p, 500.0)) << p.lat << ' ' << p.lon;
    }
    // Away from them the land is inland as before: Iowa farmland, over 20 km from the Mississippi, the
    // Des Moines and the Iowa rivers; the Kansas plains.
    for (const LatLon p : {LatLon{41.75, -92.75}, LatLon{42.40, -93.00}, LatLon{38.50, -98.50}}) {
        EXPECT_FALSE(map->near_inland_water(p)) << p.lat << ' ' << p.lon;
        EXPECT_TRUE(map->inland_beyond(p, 2'000.0)) << p.lat << ' ' << p.lon;
        EXPECT_TRUE(map->inland_beyond(p, 500.0)) << p.lat << ' ' << p.lon;
    }
    EXPECT_FALSE(map->near_inland_water({std::nan(""), 0.0}));
}

TEST_F(LandMapTest, InlandMaskIsConservativeAgainstTheSourceCoastline) {
    // Harbour positions from the DMA sample, on land in the source but nearer than 2 km to its coastline
    // (exact distances to the source segments in the comments): never inland.
    for (const LatLon p : {LatLon{55.6754, 11.1005},    // Kalundborg, 1,570 m
                           LatLon{54.8335, 11.1213},    // Nakskov, 872 m
                           LatLon{54.8288, 11.1337},    // Nakskov, 1,691 m
                           LatLon{54.7950, 9.4332},     // Flensburg, 1,699 m
                           LatLon{54.0938, 12.1400}}) { // Rostock, 1,626 m
        EXPECT_TRUE(map->on_land(p)) << p.lat << ' ' << p.lon;
        EXPECT_FALSE(map->inland_beyond(p, 2'000.0)) << p.lat << ' ' << p.lon;
    }
    // Farther than 2 km plus a cell diagonal (4.6 km at most): always inland.
    for (const LatLon p : {LatLon{44.0, -1.25},      // Landes forest, 7,839 m
                           LatLon{-25.0, 14.9},      // Namib, 6,266 m
                           LatLon{55.6645, 12.3677}, // Glostrup, 5,558 m
                           LatLon{57.0040, 9.9318},  // Aalborg, south of the Limfjord, 6,013 m
                           LatLon{21.5, 79.0},       // central India
                           LatLon{23.0, 5.0},        // Sahara
                           LatLon{-25.0, 134.0}}) {  // central Australia
        EXPECT_TRUE(map->inland_beyond(p, 2'000.0)) << p.lat << ' ' << p.lon;
    }
}

TEST_F(LandMapTest, InlandMaskAgreesWithTheDistanceAwayFromTheCoast) {
    // Where the interpolated distance (within ±3 km of the truth) says more than 8 km inland, the mask must
    // say inland unless a waterway box covers the point; where it says at sea, never inland.
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> lat(-60.0, 75.0);
    std::uniform_real_distribution<double> lon(-180.0, 180.0);
    int inland_checked = 0;
    for (int i = 0; i < 200'000; ++i) {
        const LatLon p{lat(random), lon(random)};
        const bool inland = map->inland_beyond(p, 2'000.0);
        if (!map->on_land(p)) {
            ASSERT_FALSE(inland) << p.lat << ' ' << p.lon;
        } else if (map->distance_to_shore_m(p) > 8'000.0 && !sagar::geo::in_waterway(p) &&
                   !map->near_inland_water(p)) {
            ASSERT_TRUE(inland) << p.lat << ' ' << p.lon;
            ++inland_checked;
        }
    }
    EXPECT_GT(inland_checked, 40'000);
}

TEST_F(LandMapTest, WrapsLongitudeAndClampsLatitude) {
    // Fiji straddles the antimeridian; Taveuni is on land on both representations of its longitude.
    EXPECT_EQ(map->on_land({-16.85, 179.95}), map->on_land({-16.85, -180.05}));
    EXPECT_DOUBLE_EQ(map->distance_to_shore_m({10.0, 190.0}), map->distance_to_shore_m({10.0, -170.0}));
    EXPECT_TRUE(map->on_land({-90.0, 0.0})); // Antarctica, closed around the pole
    EXPECT_TRUE(map->on_land({-89.99, 123.0}));
    EXPECT_FALSE(map->on_land({90.0, 0.0})); // Arctic Ocean
    EXPECT_FALSE(map->on_land({91.0, 0.0})); // clamped to the pole
    EXPECT_FALSE(map->on_land({std::nan(""), 0.0}));
    EXPECT_TRUE(std::isnan(map->distance_to_shore_m({0.0, std::numeric_limits<double>::infinity()})));
    EXPECT_FALSE(map->inland_beyond({std::nan(""), 0.0}, 2'000.0));
}

TEST_F(LandMapTest, DistanceIsContinuousAcrossTheAntimeridianAndNeverNegative) {
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> lat(-90.0, 90.0);
    std::uniform_real_distribution<double> lon(-180.0, 180.0);
    for (int i = 0; i < 100'000; ++i) {
        const double d = map->distance_to_shore_m({lat(random), lon(random)});
        ASSERT_GE(d, 0.0);
        ASSERT_LT(d, 3'300'000.0);
    }
    EXPECT_NEAR(map->distance_to_shore_m({-40.0, 179.999}), map->distance_to_shore_m({-40.0, -179.999}),
                200.0);
}

TEST_F(LandMapTest, ReportsItsResolutionAndMemory) {
    EXPECT_DOUBLE_EQ(map->mask_cell_deg(), 1.0 / 60.0);
    EXPECT_DOUBLE_EQ(map->distance_cell_deg(), 0.05);
    EXPECT_EQ(map->inland_margin_m(), 2'000.0);
    EXPECT_GT(map->memory_bytes(), 50'000'000U);
    EXPECT_LT(map->memory_bytes(), 80'000'000U);
}

// --- loading -------------------------------------------------------------------------------------------

std::vector<std::byte> read_all(const std::filesystem::path& path) {
    std::vector<std::byte> bytes(std::filesystem::file_size(path));
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

class LandMapLoadTest : public testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("sagar-geo-test-" + std::to_string(std::random_device{}()) + "-" +
                 testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    std::filesystem::path write(const std::string& name, std::span<const std::byte> bytes) const {
        const auto path = m_dir / name;
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        return path;
    }
    std::filesystem::path m_dir;
};

std::string load_error(std::span<const std::byte> bytes) {
    auto map = LandMap::load_from_bytes(bytes);
    return map ? std::string("(loaded)") : map.error();
}

TEST_F(LandMapLoadTest, RejectsMissingEmptyAndTruncatedFiles) {
    auto missing = LandMap::load(m_dir / "nope.grid");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().find("nope.grid"), std::string::npos) << missing.error();

    auto empty = LandMap::load(write("empty.grid", {}));
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().find("too short"), std::string::npos) << empty.error();

    const std::vector<std::byte> real = read_all(grid_path);
    ASSERT_GT(real.size(), 1'000'000U);
    auto truncated = LandMap::load(write("truncated.grid", std::span(real).first(real.size() / 2)));
    ASSERT_FALSE(truncated);
    EXPECT_NE(truncated.error().find("truncated"), std::string::npos) << truncated.error();
    EXPECT_NE(load_error(std::span(real).first(20)).find("too short"), std::string::npos);
    EXPECT_NE(load_error(std::span(real).first(real.size() - 1)).find("truncated"), std::string::npos);
}

TEST_F(LandMapLoadTest, RejectsCorruptHeadersAndPayloads) {
    std::vector<std::byte> bytes = read_all(grid_path);
    ASSERT_EQ(load_error(bytes), "(loaded)");
    const auto corrupted = [&](std::size_t offset, std::byte value) {
        const std::byte original = bytes[offset];
        bytes[offset] = value;
        std::string error = load_error(bytes);
        bytes[offset] = original;
        return error;
    };
    EXPECT_NE(corrupted(0, std::byte{'X'}).find("magic"), std::string::npos);
    EXPECT_NE(corrupted(8, std::byte{99}).find("version"), std::string::npos);
    EXPECT_NE(corrupted(12, std::byte{49}).find("header size"), std::string::npos);
    EXPECT_NE(corrupted(17, std::byte{0xff}).find("out of range"), std::string::npos); // mask rows
    EXPECT_NE(corrupted(16, std::byte{0x01}).find("truncated"), std::string::npos);    // size mismatch
    EXPECT_NE(corrupted(bytes.size() - 3, std::byte{0x5a}).find("checksum"), std::string::npos);
    EXPECT_NE(corrupted(100, std::byte{0x7f}).find("checksum"), std::string::npos);

    // A corrupt file on disk gives the same error, with the path.
    bytes[5'000'000] ^= std::byte{0x10};
    auto from_file = LandMap::load(write("flipped.grid", bytes));
    ASSERT_FALSE(from_file);
    EXPECT_NE(from_file.error().find("checksum"), std::string::npos) << from_file.error();
    EXPECT_NE(from_file.error().find("flipped.grid"), std::string::npos) << from_file.error();
}

TEST(LandMapDefaultPath, EnvironmentOverridesTheInstalledLocation) {
    ASSERT_EQ(::setenv("SAGAR_LAND_GRID", "/somewhere/else.grid", 1), 0);
    EXPECT_EQ(LandMap::default_path(), std::filesystem::path("/somewhere/else.grid"));
    ASSERT_EQ(::unsetenv("SAGAR_LAND_GRID"), 0);
    // This test program lives in <build>/tests, so the installed location is <build>/share/sagar/land.grid.
    const auto path = LandMap::default_path();
    EXPECT_EQ(path.filename(), "land.grid");
    EXPECT_EQ(path.parent_path().filename(), "sagar");
    EXPECT_EQ(std::filesystem::weakly_canonical(path), std::filesystem::weakly_canonical(grid_path));
}

} // namespace
