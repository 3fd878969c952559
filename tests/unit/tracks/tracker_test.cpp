#include <sagar/tracks/tracker.hpp>

#include <gtest/gtest.h>

#include <vector>

namespace {

using sagar::PositionReport;
using sagar::UtcTime;
using sagar::tracks::Tracker;
using sagar::tracks::TrackerConfig;
using sagar::tracks::TrackPoint;

PositionReport report(std::uint32_t mmsi, std::int64_t seconds, double lat, double lon, float knots = 10) {
    PositionReport r;
    r.mmsi = mmsi;
    r.time = UtcTime::from_unix_seconds(1'700'000'000 + seconds);
    r.lat = lat;
    r.lon = lon;
    r.speed_knots = knots;
    return r;
}

std::vector<TrackPoint> release_all(Tracker& tracker) {
    std::vector<TrackPoint> points;
    tracker.release([&](const TrackPoint& p) { points.push_back(p); }, true);
    return points;
}

TEST(Tracker, ReleasesInEventTimeOrderWithinTheWindow) {
    Tracker tracker{TrackerConfig{}};
    tracker.add(report(1, 60, 0, 60));
    tracker.add(report(1, 0, 0, 60.001));
    tracker.add(report(2, 30, 5, 70));
    std::vector<TrackPoint> points;
    tracker.release([&](const TrackPoint& p) { points.push_back(p); });
    EXPECT_TRUE(points.empty()); // all within the 600 s window of the newest
    tracker.add(report(2, 2000, 5, 70.01));
    tracker.release([&](const TrackPoint& p) { points.push_back(p); });
    ASSERT_EQ(points.size(), 3U);
    EXPECT_EQ(points[0].report.time.unix_seconds(), 1'700'000'000);
    EXPECT_EQ(points[1].report.mmsi, 2U);
    EXPECT_EQ(points[2].report.time.unix_seconds(), 1'700'000'060);
    // Older than what was released: late, dropped and counted.
    tracker.add(report(3, 10, 1, 1));
    EXPECT_EQ(tracker.stats().late, 1U);
}

TEST(Tracker, OneMessageHeardTwiceIsOneReport) {
    Tracker tracker{TrackerConfig{}};
    tracker.add(report(1, 0, 10, 60));
    tracker.add(report(1, 2, 10, 60)); // another receiver, stamped 2 s later
    tracker.add(report(1, 300, 10, 60.01));
    EXPECT_EQ(release_all(tracker).size(), 2U);
    EXPECT_EQ(tracker.stats().duplicates, 1U);
}

TEST(Tracker, TwoShipsOnOneMmsiBecomeTwoSegments) {
    Tracker tracker{TrackerConfig{}};
    // One ship off Colombo, one off Mumbai, interleaved every 5 minutes, each moving 10 knots.
    for (int i = 0; i < 10; ++i) {
        tracker.add(report(1, i * 600, 6.9, 79.5 + i * 0.015));
        tracker.add(report(1, i * 600 + 300, 18.9, 72.5 + i * 0.015));
    }
    const auto points = release_all(tracker);
    ASSERT_EQ(points.size(), 20U);
    EXPECT_EQ(tracker.stats().segments, 2U);
    for (const TrackPoint& p : points) {
        EXPECT_EQ(p.segment, p.report.lat < 10 ? points[0].segment : points[1].segment);
    }
}

TEST(Tracker, IdentityKeepsTheLastNonEmptyValues) {
    Tracker tracker{TrackerConfig{}};
    sagar::IdentityReport a;
    a.mmsi = 7;
    a.name.assign("OCEAN STAR");
    tracker.add(a);
    sagar::IdentityReport b;
    b.mmsi = 7;
    b.callsign.assign("VRAB3");
    b.ship_type = 70;
    tracker.add(b);
    const auto* id = tracker.identity(7);
    ASSERT_NE(id, nullptr);
    EXPECT_EQ(id->name.view(), "OCEAN STAR");
    EXPECT_EQ(id->callsign.view(), "VRAB3");
    EXPECT_EQ(id->ship_type, 70);
    EXPECT_EQ(tracker.identity(8), nullptr);
}

} // namespace
