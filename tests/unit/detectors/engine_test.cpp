// The detectors on small hand-made tracks, one rule of docs/detection.md at a time. Without land data
// (the tests pass none, except the position_on_land ones at the end, which load this build's land grid)
// every point counts as far from shore and none as on land.

#include <sagar/detectors/engine.hpp>
#include <sagar/geo/land_map.hpp>
#include <sagar/reference/detections.hpp>
#include <sagar/reference/ports.hpp>
#include <sagar/reference/zones.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <vector>

namespace {

using namespace sagar;
using detectors::Event;
using detectors::EventType;

constexpr std::int64_t t0 = 1'767'225'600; // 2026-01-01T00:00:00Z

PositionReport at(std::uint32_t mmsi, double minutes, double lat, double lon, float knots) {
    PositionReport r;
    r.mmsi = mmsi;
    r.time = UtcTime::from_unix_ms(t0 * 1000 + static_cast<std::int64_t>(minutes * 60'000));
    r.lat = lat;
    r.lon = lon;
    r.speed_knots = knots;
    r.course_deg = 90;
    r.transponder = TransponderClass::a;
    return r;
}

struct DetectedEvents {
    std::vector<Event> events;
    [[nodiscard]] std::vector<Event> of(EventType type) const {
        std::vector<Event> out;
        std::copy_if(events.begin(), events.end(), std::back_inserter(out),
                     [&](const Event& e) { return e.type == type; });
        return out;
    }
};

DetectedEvents detect(const std::vector<PositionReport>& reports,
                      const detectors::Surroundings& surroundings = {}) {
    DetectedEvents run;
    auto sink = [&run](const Event& e) { run.events.push_back(e); };
    detectors::Engine engine{detectors::DetectConfig{}, surroundings, sink};
    for (const auto& r : reports) {
        engine.add(r);
    }
    engine.finish();
    EXPECT_TRUE(std::is_sorted(run.events.begin(), run.events.end(),
                               [](const Event& a, const Event& b) { return a.end < b.end; }));
    return run;
}

/// A ship steaming east at `knots` from (lat, lon), a report every `every` minutes over [from, to).
void steam(std::vector<PositionReport>& out, std::uint32_t mmsi, double from, double to, double every,
           double lat, double lon, float knots) {
    for (double m = from; m < to; m += every) {
        const double degrees =
            knots * (m - from) / 60.0 / 60.0; // 1 degree of longitude ~ 60 nm at the equator
        out.push_back(at(mmsi, m, lat, lon + degrees, knots));
    }
}

TEST(Engine, AGapOfTwelveHoursOffshoreIsReportedOnce) {
    std::vector<PositionReport> reports;
    steam(reports, 419000001, 0, 60, 5, -10, 70, 12);
    steam(reports, 419000001, 60 + 13 * 60, 60 + 14 * 60, 5, -10, 73, 12);
    steam(reports, 419000002, 0, 60, 5, -12, 70, 12);
    steam(reports, 419000002, 60 + 6 * 60, 60 + 7 * 60, 5, -12, 71.2, 12); // a short silence: no event
    const DetectedEvents run = detect(reports);
    const auto gaps = run.of(EventType::ais_gap);
    ASSERT_EQ(gaps.size(), 1U);
    EXPECT_EQ(gaps[0].mmsi, 419000001U);
    EXPECT_NEAR(static_cast<double>(gaps[0].end.unix_ms() - gaps[0].start.unix_ms()) / 3.6e6, 13.0 + 5.0 / 60,
                1e-6);
}

TEST(Engine, LoiteringNeedsFourSlowHours) {
    std::vector<PositionReport> reports;
    for (double m = 0; m < 5 * 60; m += 5) {
        reports.push_back(at(419000003, m, -5, 65 + m * 1e-5, 0.5F));
    }
    for (double m = 0; m < 3 * 60; m += 5) { // a short slow-down
        reports.push_back(at(419000004, m, -6, 66 + m * 1e-5, 0.5F));
    }
    reports.push_back(at(419000004, 3 * 60, -6, 66.01, 12));
    std::sort(reports.begin(), reports.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
    const auto loitering = detect(reports).of(EventType::loitering);
    ASSERT_EQ(loitering.size(), 1U);
    EXPECT_EQ(loitering[0].mmsi, 419000003U);
}

TEST(Engine, EncounterOfTwoSlowShipsAndNotOfTwoCrossingFast) {
    std::vector<PositionReport> reports;
    for (double m = 0; m < 3 * 60; m += 5) {
        reports.push_back(at(419000005, m, -8, 60, 0.3F));
        reports.push_back(at(563000006, m + 1, -8.001, 60.001, 0.4F)); // ~150 m away
    }
    // Two ships passing within 300 m at 12 knots.
    steam(reports, 419000007, 0, 120, 1, -9, 61, 12);
    steam(reports, 419000008, 0, 120, 1, -9.0027, 61.1, 12);
    std::sort(reports.begin(), reports.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
    const auto encounters = detect(reports).of(EventType::encounter);
    ASSERT_EQ(encounters.size(), 1U);
    EXPECT_EQ(encounters[0].mmsi, 419000005U);
    EXPECT_EQ(encounters[0].other_mmsi, 563000006U);
}

TEST(Engine, PortCallFromEntryToExitBeyondTheMargin) {
    auto ports = reference::PortIndex::parse_csv("name,lat,lon,radius_km\nColombo,6.95,79.84,5\n", "ports");
    ASSERT_TRUE(ports.has_value());
    detectors::Surroundings surroundings;
    surroundings.ports = &*ports;
    std::vector<PositionReport> reports;
    reports.push_back(at(417000001, 0, 6.95, 79.70, 10));    // outside
    reports.push_back(at(417000001, 30, 6.95, 79.80, 3));    // inside (4.4 km from the centre)
    reports.push_back(at(417000001, 200, 6.95, 79.84, 0));   // moored
    reports.push_back(at(417000001, 300, 6.95, 79.7882, 5)); // 5.7 km: within radius + 1 km, still in port
    reports.push_back(at(417000001, 310, 6.95, 79.77, 10));  // 7.7 km: out
    const auto calls = detect(reports, surroundings).of(EventType::port_call);
    ASSERT_EQ(calls.size(), 1U);
    EXPECT_EQ(calls[0].port, "Colombo");
    EXPECT_EQ(calls[0].start.unix_seconds(), t0 + 30 * 60);
    EXPECT_EQ(calls[0].end.unix_seconds(), t0 + 310 * 60);
}

TEST(Engine, ZoneEntryAndExit) {
    const char* geojson = R"({"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"id":"mpa-1","name":"Box"},
        "geometry":{"type":"Polygon","coordinates":[[[70,-6],[72,-6],[72,-4],[70,-4],[70,-6]]]}}]})";
    auto zones = reference::ZoneIndex::parse_geojson(geojson, "zones");
    ASSERT_TRUE(zones.has_value());
    detectors::Surroundings surroundings;
    surroundings.zones = &*zones;
    std::vector<PositionReport> reports;
    steam(reports, 419000009, 0, 60 * 30, 10, -5, 69.5, 12); // crosses 70..72 east
    const DetectedEvents run = detect(reports, surroundings);
    ASSERT_EQ(run.of(EventType::zone_entry).size(), 1U);
    ASSERT_EQ(run.of(EventType::zone_exit).size(), 1U);
    EXPECT_EQ(run.of(EventType::zone_entry)[0].zone, "mpa-1");
    EXPECT_LT(run.of(EventType::zone_entry)[0].end, run.of(EventType::zone_exit)[0].end);
}

TEST(Engine, AJumpOutAndBackIsOneImpossibleSpeedEpisode) {
    std::vector<PositionReport> reports;
    steam(reports, 419000010, 0, 60, 5, -3, 60, 10);
    reports.push_back(at(419000010, 62, -3, 63, 10)); // 330 km away two minutes later
    steam(reports, 419000010, 65, 120, 5, -3, 60.14, 10);
    const DetectedEvents run = detect(reports);
    const auto jumps = run.of(EventType::impossible_speed);
    ASSERT_EQ(jumps.size(), 1U);
    EXPECT_EQ(jumps[0].start.unix_seconds(), t0 + 55 * 60);
    EXPECT_EQ(jumps[0].end.unix_seconds(), t0 + 65 * 60);
    EXPECT_TRUE(run.of(EventType::identity_conflict).empty());
}

TEST(Engine, AnEpisodeOfASilentVesselDoesNotHoldBackLaterEvents) {
    std::vector<PositionReport> reports;
    steam(reports, 419000011, 0, 60, 5, -3, 60, 10);
    reports.push_back(at(419000011, 62, -3, 63, 10)); // jumps, then is never heard again
    steam(reports, 419000012, 0, 900, 5, -8, 60, 10);
    reports.push_back(at(123, 600, -8, 61, 10)); // an invalid MMSI ten hours later
    std::sort(reports.begin(), reports.end(),
              [](const PositionReport& a, const PositionReport& b) { return a.time < b.time; });
    const DetectedEvents run = detect(reports); // checks the order of `end`
    ASSERT_EQ(run.of(EventType::impossible_speed).size(), 1U);
    ASSERT_EQ(run.of(EventType::invalid_mmsi).size(), 1U);
    EXPECT_LT(run.of(EventType::impossible_speed)[0].end, run.of(EventType::invalid_mmsi)[0].end);
}

TEST(Engine, TwoShipsOnOneMmsiAreOneIdentityConflict) {
    std::vector<PositionReport> reports;
    steam(reports, 419000011, 0, 240, 5, -3, 60, 10);
    steam(reports, 419000011, 2.5, 180, 5, 5, 65, 10); // 1,000 km away, for three hours
    std::sort(reports.begin(), reports.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
    const DetectedEvents run = detect(reports);
    ASSERT_EQ(run.of(EventType::identity_conflict).size(), 1U);
    EXPECT_TRUE(run.of(EventType::impossible_speed).empty());
    EXPECT_TRUE(run.of(EventType::ais_gap).empty());
}

TEST(Engine, InvalidMmsiOnceAtItsFirstReport) {
    std::vector<PositionReport> reports;
    steam(reports, 100000001, 0, 60, 5, -3, 60, 10); // MID 100 is not allocated
    steam(reports, 419000012, 0, 60, 5, -4, 60, 10);
    const auto invalid = detect(reports).of(EventType::invalid_mmsi);
    ASSERT_EQ(invalid.size(), 1U);
    EXPECT_EQ(invalid[0].mmsi, 100000001U);
}

TEST(Engine, DetectionsMatchTheInterpolatedPositionOrAreDark) {
    auto detections = reference::parse_detections_csv(
        "id,time,lat,lon,length_m,source\n"
        "d1,2026-01-01T00:32:30Z,-3,60.09,120,sar\n" // where 419000013 is at 00:32:30
        "d2,2026-01-01T00:32:30Z,-3.5,60.5,40,sar\n",
        "detections");
    ASSERT_TRUE(detections.has_value());
    detectors::Surroundings surroundings;
    surroundings.detections = *detections;
    std::vector<PositionReport> reports;
    steam(reports, 419000013, 0, 120, 5, -3, 60, 10);
    const DetectedEvents run = detect(reports, surroundings);
    const auto matched = run.of(EventType::matched_detection);
    const auto dark = run.of(EventType::dark_detection);
    ASSERT_EQ(matched.size(), 1U);
    ASSERT_EQ(dark.size(), 1U);
    EXPECT_EQ(matched[0].detection_id, "d1");
    EXPECT_EQ(matched[0].mmsi, 419000013U);
    EXPECT_EQ(dark[0].detection_id, "d2");
    EXPECT_EQ(dark[0].mmsi, 0U);
}

// --- position_on_land, on the grid this build produces ----------------------------------------------------

class PositionOnLand : public testing::Test {
protected:
    static void SetUpTestSuite() {
        auto loaded = geo::LandMap::load(std::filesystem::path(SAGAR_TEST_BIN_DIR) / ".." / "share" /
                                         "sagar" / "land.grid");
        ASSERT_TRUE(loaded) << loaded.error();
        land = std::make_unique<geo::LandMap>(std::move(loaded).value());
    }
    static void TearDownTestSuite() { land.reset(); }

    /// One stationary ship per place, `count` reports a minute apart.
    static std::vector<PositionReport> moored(const std::vector<geo::LatLon>& places, int count = 3) {
        std::vector<PositionReport> reports;
        for (int m = 0; m < count; ++m) {
            for (std::size_t i = 0; i < places.size(); ++i) {
                reports.push_back(
                    at(219'000'100 + static_cast<std::uint32_t>(i), m, places[i].lat, places[i].lon, 0.0F));
            }
        }
        return reports;
    }
    static std::unique_ptr<geo::LandMap> land;
};
std::unique_ptr<geo::LandMap> PositionOnLand::land;

TEST_F(PositionOnLand, OneEventPerEpisodeFarInland) {
    detectors::Surroundings surroundings;
    surroundings.land = land.get();
    // Central India, the Sahara, inland Western Australia: one event each, with its report count.
    const std::vector<geo::LatLon> inland{{21.5, 79.0}, {23.0, 5.0}, {-25.0, 122.0}};
    const auto events = detect(moored(inland, 4), surroundings).of(EventType::position_on_land);
    ASSERT_EQ(events.size(), 3U);
    for (const Event& e : events) {
        ASSERT_FALSE(e.details.empty());
        EXPECT_EQ(e.details[0].key, "reports");
        EXPECT_EQ(e.details[0].value, 4.0);
        EXPECT_LT(e.start, e.end);
    }

    // Two episodes of one ship, split by a report at sea: two events.
    std::vector<PositionReport> reports;
    reports.push_back(at(419'000'020, 0, 21.5, 79.0, 0));
    reports.push_back(at(419'000'020, 1, 21.5, 79.0, 0));
    reports.push_back(at(419'000'020, 60, -10.0, 70.0, 0));
    reports.push_back(at(419'000'020, 120, 21.5, 79.0, 0));
    EXPECT_EQ(detect(reports, surroundings).of(EventType::position_on_land).size(), 2U);
}

TEST_F(PositionOnLand, FiveKilometresInsideTheCoastIsFlagged) {
    detectors::Surroundings surroundings;
    surroundings.land = land.get();
    // Exact distances to the Natural Earth coastline: 7.8 km in the Landes forest, 6.3 km inland of the
    // Namib coast, 5.6 km in Glostrup west of Copenhagen (where a tanker reported in the DMA sample).
    const std::vector<geo::LatLon> places{{44.0, -1.25}, {-25.0, 14.9}, {55.6645, 12.3677}};
    EXPECT_EQ(detect(moored(places), surroundings).of(EventType::position_on_land).size(), 3U);
}

TEST_F(PositionOnLand, NotInWaterwaysOrNearTheShore) {
    detectors::Surroundings surroundings;
    surroundings.land = land.get();
    const std::vector<geo::LatLon> places{
        {30.58, 32.33},     // Suez Canal
        {41.08, 29.06},     // Bosphorus
        {53.54, 9.97},      // Elbe at Hamburg
        {56.4571, 10.0436}, // Randers harbour (waterway box)
        {54.5944, 9.8443},  // the Schlei (waterway box)
        {55.6754, 11.1005}, // Kalundborg harbour: 1.6 km from the source coastline
        {54.8288, 11.1337}, // Nakskov: 1.7 km
        {54.7950, 9.4332},  // Flensburg: 1.7 km
        {54.0938, 12.1400}, // Rostock, the Warnow: 1.6 km
        {-25.0, 14.8},      // at sea off the Namib coast
    };
    EXPECT_TRUE(detect(moored(places), surroundings).of(EventType::position_on_land).empty());
}

TEST_F(PositionOnLand, NotOnLakesAndRivers) {
    detectors::Surroundings surroundings;
    surroundings.land = land.get();
    // Land in Natural Earth 1:10m, water in its 1:50m lakes and rivers: the Mississippi at Memphis and Baton
    // Rouge, the Ohio at Cincinnati, Lake Michigan; and the Houston Ship Channel (a waterway box).
    const std::vector<geo::LatLon> on_water{
        {35.1014, -90.0863}, {30.4410, -91.1923}, {39.0950, -84.5050}, {42.0, -87.0}, {29.7590, -95.0939}};
    EXPECT_TRUE(detect(moored(on_water), surroundings).of(EventType::position_on_land).empty());
    // Iowa farmland more than 20 km from any river is still flagged.
    const std::vector<geo::LatLon> iowa{{41.75, -92.75}};
    EXPECT_EQ(detect(moored(iowa), surroundings).of(EventType::position_on_land).size(), 1U);
}

TEST_F(PositionOnLand, NotInsideAPortsRadius) {
    // Antwerp's docks are land in the source, 7 km from its shore of the Scheldt.
    const std::vector<geo::LatLon> antwerp{{51.23, 4.40}};
    detectors::Surroundings surroundings;
    surroundings.land = land.get();
    EXPECT_EQ(detect(moored(antwerp), surroundings).of(EventType::position_on_land).size(), 1U);
    auto ports = reference::PortIndex::parse_csv("name,lat,lon,radius_km\nAntwerp,51.27,4.35,10\n", "ports");
    ASSERT_TRUE(ports.has_value());
    surroundings.ports = &*ports;
    EXPECT_TRUE(detect(moored(antwerp), surroundings).of(EventType::position_on_land).empty());
}

} // namespace
