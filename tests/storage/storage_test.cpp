#include "scratch_dir.hpp"

#include <sagar/storage/history_store.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sqlite3.h>

namespace sagar::storage {
namespace {

using detectors::Event;
using detectors::EventType;
using test::ScratchDir;

constexpr std::int64_t t_base = 1'700'000'000'000; // 2023-11-14

UtcTime at(std::int64_t seconds) {
    return UtcTime::from_unix_ms(t_base + seconds * 1000);
}

PositionReport position(std::uint32_t mmsi, std::int64_t seconds, double lat, double lon) {
    PositionReport r;
    r.mmsi = mmsi;
    r.time = at(seconds);
    r.lat = lat;
    r.lon = lon;
    r.speed_knots = 12.3F;
    r.course_deg = 271.5F;
    r.heading_deg = 270.0F;
    r.nav_status = 0;
    r.message_type = 1;
    r.transponder = TransponderClass::a;
    return r;
}

HistoryStore open_store(const ScratchDir& dir, StoreConfig config = {}) {
    auto store = HistoryStore::open(dir.path(), config);
    if (!store) {
        throw std::runtime_error(store.error());
    }
    return std::move(*store);
}

HistoryReader open_reader(const ScratchDir& dir) {
    auto reader = HistoryReader::open(dir.path());
    if (!reader) {
        throw std::runtime_error(reader.error());
    }
    return std::move(*reader);
}

void expect_same(const PositionReport& a, const PositionReport& b) {
    EXPECT_EQ(a.time, b.time);
    EXPECT_EQ(a.mmsi, b.mmsi);
    EXPECT_EQ(a.lat, b.lat); // exact: inputs have at most 7 decimals
    EXPECT_EQ(a.lon, b.lon);
    if (std::isnan(b.speed_knots)) {
        EXPECT_TRUE(std::isnan(a.speed_knots));
    } else {
        EXPECT_EQ(a.speed_knots, b.speed_knots);
    }
    if (std::isnan(b.course_deg)) {
        EXPECT_TRUE(std::isnan(a.course_deg));
    } else {
        EXPECT_EQ(a.course_deg, b.course_deg);
    }
    if (std::isnan(b.heading_deg)) {
        EXPECT_TRUE(std::isnan(a.heading_deg));
    } else {
        EXPECT_EQ(a.heading_deg, b.heading_deg);
    }
    EXPECT_EQ(a.nav_status, b.nav_status);
    EXPECT_EQ(a.message_type, b.message_type);
    EXPECT_EQ(a.transponder, b.transponder);
}

std::vector<PositionReport> full_track(const HistoryReader& reader, std::uint32_t mmsi) {
    auto track = reader.track(mmsi, at(-1'000'000), at(1'000'000), 1'000'000);
    EXPECT_TRUE(track) << track.error();
    return track ? track->points : std::vector<PositionReport>{};
}

TEST(HistoryStore, PositionsRoundTripExactly) {
    ScratchDir dir;
    StoreConfig config;
    config.chunk_points = 4; // several full chunks and one open
    std::vector<PositionReport> sent;
    {
        HistoryStore store = open_store(dir, config);
        for (int i = 0; i < 11; ++i) {
            // Decimals of at most 7 places (lat, lon) and 2 (speed) come back exactly: a division of
            // integers is the nearest double (float) to the decimal, as the store's decoding is.
            PositionReport r =
                position(366'000'001, i * 10, (571'234'567 + i) / 1e7, (-1'237'654'321 - i * 10'000) / 1e7);
            r.speed_knots = static_cast<float>(i * 11) / 10.0F;
            r.nav_status = static_cast<std::uint8_t>(i);
            r.transponder = i % 2 == 0 ? TransponderClass::a : TransponderClass::b;
            if (i == 3) {
                r.speed_knots = not_available;
                r.course_deg = not_available;
                r.heading_deg = not_available;
                r.message_type = 0;
            }
            sent.push_back(r);
            store.add_position(r);
            store.add_position(position(366'000'002, i * 10, -33.0, 151.0)); // another vessel
        }
        ASSERT_TRUE(store.commit());
        EXPECT_EQ(store.counters().points_added, 22U);
        EXPECT_EQ(store.counters().chunks_written, 4U); // 2 vessels x 2 full chunks of 4
    }
    HistoryReader reader = open_reader(dir);
    const std::vector<PositionReport> got = full_track(reader, 366'000'001);
    ASSERT_EQ(got.size(), sent.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        SCOPED_TRACE(i);
        expect_same(got[i], sent[i]);
    }
    EXPECT_EQ(full_track(reader, 366'000'002).size(), 11U);
    EXPECT_TRUE(full_track(reader, 366'000'003).empty());
    auto check = reader.check();
    ASSERT_TRUE(check);
    EXPECT_EQ(check->chunks, 6U);
    EXPECT_EQ(check->points, 22U);
    EXPECT_EQ(check->bad_chunks, 0U);
    EXPECT_EQ(check->sqlite_check, "ok");
}

TEST(HistoryStore, TrackRangeLimitAndOrder) {
    ScratchDir dir;
    StoreConfig config;
    config.chunk_points = 5;
    HistoryStore store = open_store(dir, config);
    // Out of order: 20 after 30 and 60 after 70 are sorted into their open chunk; 5 arrives after its
    // chunk closed (a late point: a chunk of its own).
    for (const int s : {0, 10, 30, 20, 40, 50, 70, 60, 5, 80, 90}) {
        store.add_position(position(1, s, 1.0 + s * 1e-4, 2.0));
    }
    ASSERT_TRUE(store.commit());
    EXPECT_EQ(store.counters().late_points, 1U);
    HistoryReader reader = open_reader(dir);
    const std::vector<PositionReport> all = full_track(reader, 1);
    ASSERT_EQ(all.size(), 11U);
    for (std::size_t i = 1; i < all.size(); ++i) {
        EXPECT_LT(all[i - 1].time, all[i].time);
    }
    EXPECT_EQ(all[1].time, at(5));

    auto range = reader.track(1, at(20), at(60), 100); // inclusive bounds
    ASSERT_TRUE(range);
    ASSERT_EQ(range->points.size(), 5U);
    EXPECT_EQ(range->points.front().time, at(20));
    EXPECT_EQ(range->points.back().time, at(60));
    EXPECT_FALSE(range->truncated);

    auto limited = reader.track(1, at(0), at(100), 3);
    ASSERT_TRUE(limited);
    ASSERT_EQ(limited->points.size(), 3U);
    EXPECT_TRUE(limited->truncated);
    EXPECT_EQ(limited->points[0].time, at(0));
    EXPECT_EQ(limited->points[1].time, at(5));
    EXPECT_EQ(limited->points[2].time, at(10));

    auto exact = reader.track(1, at(0), at(100), 11);
    ASSERT_TRUE(exact);
    EXPECT_FALSE(exact->truncated);
    auto none = reader.track(1, at(0), at(100), 0);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->points.empty());
    EXPECT_TRUE(none->truncated);
    EXPECT_EQ(reader.check()->bad_chunks, 0U);
}

TEST(HistoryStore, OpenChunkIsRewrittenInPlaceAtEachCommit) {
    ScratchDir dir;
    HistoryStore store = open_store(dir);
    HistoryReader reader = open_reader(dir);
    for (int s = 0; s < 3; ++s) {
        store.add_position(position(7, s, 1, 1));
    }
    EXPECT_TRUE(full_track(reader, 7).empty()); // not committed yet
    auto first = store.commit();
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->committed);
    EXPECT_EQ(first->chunks_upserted, 1U);
    EXPECT_EQ(full_track(reader, 7).size(), 3U);
    store.add_position(position(7, 3, 1, 1));
    store.add_position(position(7, 4, 1, 1));
    ASSERT_TRUE(store.commit());
    EXPECT_EQ(full_track(reader, 7).size(), 5U);
    EXPECT_EQ(reader.check()->chunks, 1U); // the same row, updated
    auto idle = store.commit();
    ASSERT_TRUE(idle);
    EXPECT_FALSE(idle->committed); // nothing pending
}

TEST(HistoryStore, CommitIfDueWaitsForTheInterval) {
    ScratchDir dir;
    StoreConfig config;
    config.commit_interval = std::chrono::hours{1};
    HistoryStore store = open_store(dir, config);
    HistoryReader reader = open_reader(dir);
    store.add_position(position(9, 0, 1, 1));
    const auto now = std::chrono::steady_clock::now();
    auto early = store.commit_if_due(now);
    ASSERT_TRUE(early);
    EXPECT_FALSE(early->committed);
    EXPECT_TRUE(full_track(reader, 9).empty());
    auto due = store.commit_if_due(now + std::chrono::hours{2});
    ASSERT_TRUE(due);
    EXPECT_TRUE(due->committed);
    EXPECT_EQ(full_track(reader, 9).size(), 1U);
    EXPECT_EQ(store.counters().commits, 1U);
}

TEST(HistoryStore, ReopeningKeepsEverythingAndContinues) {
    ScratchDir dir;
    {
        HistoryStore store = open_store(dir);
        for (int s = 0; s < 40; ++s) {
            store.add_position(position(5, s, 1, 1));
        }
        Event e;
        e.type = EventType::loitering;
        e.mmsi = 5;
        store.add_event(e);
        IdentityReport id;
        id.mmsi = 5;
        id.name = FixedString<20>{"FIVE"};
        store.add_identity(id);
        // The destructor commits.
    }
    {
        HistoryStore store = open_store(dir);
        for (int s = 40; s < 50; ++s) {
            store.add_position(position(5, s, 1, 1));
        }
        ASSERT_TRUE(store.close());
    }
    HistoryReader reader = open_reader(dir);
    const std::vector<PositionReport> track = full_track(reader, 5);
    ASSERT_EQ(track.size(), 50U);
    for (std::size_t i = 0; i < track.size(); ++i) {
        EXPECT_EQ(track[i].time, at(static_cast<std::int64_t>(i)));
    }
    EXPECT_EQ(reader.events({})->events.size(), 1U);
    EXPECT_EQ(reader.identity(5)->value().name.view(), "FIVE");
}

TEST(HistoryStore, IdentitiesMergeAndVersion) {
    ScratchDir dir;
    {
        HistoryStore store = open_store(dir);
        IdentityReport a; // type 24 part A: the name only
        a.mmsi = 244'000'001;
        a.time = at(0);
        a.name = FixedString<20>{"SEA STAR"};
        store.add_identity(a);
        IdentityReport b; // part B: the rest
        b.mmsi = a.mmsi;
        b.time = at(10);
        b.callsign = FixedString<7>{"PD1234"};
        b.ship_type = 37;
        b.length_m = 12;
        b.width_m = 4;
        b.transponder = TransponderClass::b;
        store.add_identity(b);
        store.add_identity(b); // a repeat: no version
        IdentityReport c = b;
        c.time = at(20);
        c.destination = FixedString<20>{"ROTTERDAM"};
        c.draught_m = 2.5F;
        store.add_identity(c);
        EXPECT_EQ(store.counters().identities_added, 4U);
        EXPECT_EQ(store.counters().identity_versions, 3U);
    }
    {
        // After a restart the latest version comes from the store: a repeat is still a repeat.
        HistoryStore store = open_store(dir);
        IdentityReport repeat;
        repeat.mmsi = 244'000'001;
        repeat.time = at(30);
        repeat.name = FixedString<20>{"SEA STAR"};
        store.add_identity(repeat);
        EXPECT_EQ(store.counters().identity_versions, 0U);
    }
    HistoryReader reader = open_reader(dir);
    auto latest = reader.identity(244'000'001);
    ASSERT_TRUE(latest);
    ASSERT_TRUE(latest->has_value());
    const IdentityReport& id = **latest;
    EXPECT_EQ(id.time, at(20));
    EXPECT_EQ(id.name.view(), "SEA STAR");
    EXPECT_EQ(id.callsign.view(), "PD1234");
    EXPECT_EQ(id.destination.view(), "ROTTERDAM");
    EXPECT_EQ(id.ship_type, 37);
    EXPECT_EQ(id.length_m, 12);
    EXPECT_EQ(id.width_m, 4);
    EXPECT_EQ(id.draught_m, 2.5F);
    EXPECT_EQ(id.transponder, TransponderClass::b);
    auto history = reader.identity_history(244'000'001);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 3U);
    EXPECT_EQ((*history)[0].time, at(0));
    EXPECT_TRUE((*history)[0].callsign.empty());
    EXPECT_TRUE(std::isnan((*history)[1].draught_m));
    auto missing = reader.identity(1);
    ASSERT_TRUE(missing);
    EXPECT_FALSE(missing->has_value());
}

Event event(EventType type, std::uint32_t mmsi, std::int64_t start, std::int64_t end, double lat,
            double lon) {
    Event e;
    e.type = type;
    e.mmsi = mmsi;
    e.start = at(start);
    e.end = at(end);
    e.lat = lat;
    e.lon = lon;
    return e;
}

std::vector<std::int64_t> event_starts(const Result<EventPage, std::string>& page) {
    EXPECT_TRUE(page);
    std::vector<std::int64_t> starts;
    if (page) {
        for (const StoredEvent& e : page->events) {
            starts.push_back((e.start.unix_ms() - t_base) / 1000);
        }
    }
    return starts;
}

TEST(HistoryStore, EventsRoundTripWithEveryFilter) {
    ScratchDir dir;
    {
        HistoryStore store = open_store(dir);
        Event encounter = event(EventType::encounter, 100, 300, 900, 51.0, 2.0);
        encounter.other_mmsi = 200;
        encounter.details = {{"min_distance_m", 120.5}, {"duration_h", 0.1666667}};
        store.add_event(encounter);
        Event gap = event(EventType::ais_gap, 200, 100, 200, 52.0, 3.0);
        gap.details = {{"gap_h", 6.5},
                       {"reports", 3, detectors::Detail::Kind::count},
                       {"on_land", 1, detectors::Detail::Kind::flag}};
        store.add_event(gap);
        Event zone = event(EventType::zone_entry, 300, 500, 500, -10.0, 179.5);
        zone.zone = "MPA \"north\"";
        store.add_event(zone);
        Event port = event(EventType::port_call, 100, 1000, 5000, 51.9, 4.1);
        port.port = "NLRTM";
        store.add_event(port);
        Event dark = event(EventType::dark_detection, 0, 700, 700, -10.0, -179.5);
        dark.detection_id = "S1-0042";
        store.add_event(dark);
    }
    HistoryReader reader = open_reader(dir);
    auto all = reader.events({});
    ASSERT_TRUE(all);
    ASSERT_EQ(all->events.size(), 5U);
    EXPECT_FALSE(all->truncated);
    EXPECT_EQ(event_starts(all), (std::vector<std::int64_t>{100, 300, 500, 700, 1000}));
    const StoredEvent& enc = all->events[1];
    EXPECT_EQ(enc.type, EventType::encounter);
    EXPECT_EQ(enc.mmsi, 100U);
    EXPECT_EQ(enc.other_mmsi, 200U);
    EXPECT_EQ(enc.end, at(900));
    EXPECT_EQ(enc.lat, 51.0);
    EXPECT_EQ(enc.details_json, R"({"min_distance_m":120.500,"duration_h":0.167})");
    EXPECT_EQ(all->events[0].details_json, R"({"gap_h":6.500,"reports":3,"on_land":true})");
    EXPECT_EQ(all->events[2].zone, "MPA \"north\"");
    EXPECT_EQ(all->events[2].details_json, "{}");
    EXPECT_EQ(all->events[3].detection_id, "S1-0042");
    EXPECT_EQ(all->events[4].port, "NLRTM");

    EventFilter types;
    types.types = {EventType::port_call, EventType::ais_gap};
    EXPECT_EQ(event_starts(reader.events(types)), (std::vector<std::int64_t>{100, 1000}));

    EventFilter range; // overlapping [600, 1000]
    range.from = at(600);
    range.to = at(1000);
    EXPECT_EQ(event_starts(reader.events(range)), (std::vector<std::int64_t>{300, 700, 1000}));

    EventFilter box;
    box.bbox = BoundingBox{50.0, 1.0, 52.5, 3.5};
    EXPECT_EQ(event_starts(reader.events(box)), (std::vector<std::int64_t>{100, 300}));
    EventFilter antimeridian;
    antimeridian.bbox = BoundingBox{-11.0, 179.0, -9.0, -179.0};
    EXPECT_EQ(event_starts(reader.events(antimeridian)), (std::vector<std::int64_t>{500, 700}));

    EventFilter vessel; // as mmsi or as the other vessel of an encounter
    vessel.mmsi = 200;
    EXPECT_EQ(event_starts(reader.events(vessel)), (std::vector<std::int64_t>{100, 300}));

    EventFilter limited;
    limited.limit = 2;
    auto page = reader.events(limited);
    EXPECT_EQ(event_starts(page), (std::vector<std::int64_t>{100, 300}));
    EXPECT_TRUE(page->truncated);
    limited.limit = 5;
    EXPECT_FALSE(reader.events(limited)->truncated);

    EventFilter combined;
    combined.mmsi = 100;
    combined.types = {EventType::port_call};
    combined.from = at(4000);
    combined.bbox = BoundingBox{51.0, 4.0, 52.0, 5.0};
    EXPECT_EQ(event_starts(reader.events(combined)), (std::vector<std::int64_t>{1000}));
    combined.from = at(6000);
    EXPECT_TRUE(event_starts(reader.events(combined)).empty());
}

TEST(HistoryStore, LatestPositionsPerVessel) {
    ScratchDir dir;
    StoreConfig config;
    config.chunk_points = 3;
    HistoryStore store = open_store(dir, config);
    for (int s = 0; s < 10; ++s) {
        store.add_position(position(1, s * 60, 1.0 + s * 0.01, 1.0)); // last at 540 s
    }
    store.add_position(position(2, 100, 2.0, 2.0));
    store.add_position(position(3, 400, 3.0, 3.0));
    store.add_position(position(3, 300, 3.5, 3.5)); // out of order: 400 stays the latest
    ASSERT_TRUE(store.commit());
    HistoryReader reader = open_reader(dir);
    auto latest = reader.latest_positions(at(200));
    ASSERT_TRUE(latest);
    ASSERT_EQ(latest->size(), 2U);
    EXPECT_EQ((*latest)[0].mmsi, 3U);
    EXPECT_EQ((*latest)[0].time, at(400));
    EXPECT_EQ((*latest)[0].lat, 3.0);
    EXPECT_EQ((*latest)[1].mmsi, 1U);
    EXPECT_EQ((*latest)[1].time, at(540));
    EXPECT_EQ((*latest)[1].lat, 1.09);
    EXPECT_EQ(reader.latest_positions(at(0))->size(), 3U);
}

TEST(HistoryStore, RetentionDeletesOldHistory) {
    ScratchDir dir;
    StoreConfig config;
    config.chunk_points = 2;
    config.retention_days = 1;
    config.retention_batch = 3; // several calls needed
    constexpr std::int64_t day = 86'400;
    HistoryStore store = open_store(dir, config);
    for (int i = 0; i < 10; ++i) {
        store.add_position(position(1, i, 1, 1)); // day 0: 5 chunks
    }
    store.add_event(event(EventType::ais_gap, 1, 0, 10, 1, 1));
    store.add_event(event(EventType::port_call, 1, 10, 3 * day, 1, 1)); // still open at the cutoff
    IdentityReport id;
    id.mmsi = 1;
    id.time = at(0);
    id.name = FixedString<20>{"OLD NAME"};
    store.add_identity(id);
    id.time = at(100);
    id.name = FixedString<20>{"NEW NAME"};
    store.add_identity(id);
    IdentityReport other; // a vessel's only version stays however old
    other.mmsi = 2;
    other.time = at(0);
    other.name = FixedString<20>{"ONLY"};
    store.add_identity(other);
    store.add_position(position(3, 0, 1, 1)); // an open chunk whose row retention deletes
    for (int i = 0; i < 4; ++i) {
        store.add_position(position(1, 2 * day + i, 1, 1)); // day 2
    }
    ASSERT_TRUE(store.commit());

    RetentionInfo total;
    for (int calls = 0; calls < 10; ++calls) {
        auto info = store.apply_retention(at(2 * day + 10)); // cutoff: day 1 + 10 s
        ASSERT_TRUE(info) << info.error();
        total.chunks_deleted += info->chunks_deleted;
        total.events_deleted += info->events_deleted;
        total.identities_deleted += info->identities_deleted;
        if (info->complete) {
            break;
        }
    }
    EXPECT_EQ(total.chunks_deleted, 6U);
    EXPECT_EQ(total.events_deleted, 1U);
    EXPECT_EQ(total.identities_deleted, 1U);

    store.add_position(position(3, 1, 1, 1)); // the vessel's open chunk: its row is written again
    ASSERT_TRUE(store.commit());
    HistoryReader reader = open_reader(dir);
    EXPECT_EQ(full_track(reader, 1).size(), 4U);
    EXPECT_EQ(full_track(reader, 3).size(), 2U);
    auto events = reader.events({});
    ASSERT_EQ(events->events.size(), 1U);
    EXPECT_EQ(events->events[0].type, EventType::port_call);
    EXPECT_EQ(reader.identity_history(1)->size(), 1U);
    EXPECT_EQ(reader.identity(1)->value().name.view(), "NEW NAME");
    EXPECT_EQ(reader.identity(2)->value().name.view(), "ONLY");
    EXPECT_EQ(reader.check()->bad_chunks, 0U);
}

TEST(HistoryStore, RefusesANewerSchemaVersion) {
    ScratchDir dir;
    { HistoryStore store = open_store(dir); }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir.path() / "history.sqlite").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    auto store = HistoryStore::open(dir.path());
    ASSERT_FALSE(store);
    EXPECT_NE(store.error().find("schema version 99, newer than this sagar supports (1)"), std::string::npos)
        << store.error();
    auto reader = HistoryReader::open(dir.path());
    ASSERT_FALSE(reader);
    EXPECT_NE(reader.error().find("newer"), std::string::npos);
}

TEST(HistoryStore, BadDirectoriesAreErrorValues) {
    ScratchDir dir;
    std::filesystem::create_directories(dir.path());
    const std::filesystem::path file = dir.path() / "a-file";
    std::ofstream{file} << "not a directory";
    auto under_file = HistoryStore::open(file / "data");
    ASSERT_FALSE(under_file);
    EXPECT_NE(under_file.error().find("cannot create the data directory"), std::string::npos);
    auto not_a_store = HistoryReader::open(dir.path());
    ASSERT_FALSE(not_a_store);
    EXPECT_NE(not_a_store.error().find("no history store"), std::string::npos);
    // A file where the database should be that is not SQLite.
    std::filesystem::create_directories(dir.path() / "junk");
    std::ofstream{dir.path() / "junk" / "history.sqlite"} << std::string(4096, 'x');
    auto junk = HistoryStore::open(dir.path() / "junk");
    ASSERT_FALSE(junk);
    StoreConfig bad;
    bad.chunk_points = 65;
    EXPECT_FALSE(HistoryStore::open(dir.path() / "ok", bad));
}

TEST(HistoryStore, ASecondWriterIsRefused) {
    ScratchDir dir;
    HistoryStore first = open_store(dir);
    auto second = HistoryStore::open(dir.path());
    ASSERT_FALSE(second);
    EXPECT_NE(second.error().find("in use by another writer"), std::string::npos);
    ASSERT_TRUE(first.close());
    EXPECT_TRUE(HistoryStore::open(dir.path()));
}

TEST(HistoryStore, BoundedOpenChunks) {
    ScratchDir dir;
    StoreConfig config;
    config.max_open_chunks = 2;
    HistoryStore store = open_store(dir, config);
    for (std::uint32_t mmsi = 1; mmsi <= 3; ++mmsi) {
        store.add_position(position(mmsi, 0, 1, 1));
    }
    EXPECT_EQ(store.counters().points_added, 2U);
    EXPECT_EQ(store.counters().points_dropped, 1U);
}

} // namespace
} // namespace sagar::storage
