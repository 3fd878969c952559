#include <sagar/reference/zones.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

namespace sagar::reference {
namespace {

// Zone "box": lon 0..10, lat 0..10 with a hole lon 4..6, lat 4..6 (exterior clockwise on purpose).
// Zone 7 (numeric id): two squares, lon 20..22 / 30..32, lat 0..2 (counter-clockwise).
// Zone "overlap": lon 8..12, lat 8..12, overlapping "box".
const std::string zones_json = R"({
  "type": "FeatureCollection",
  "features": [
    {"type": "Feature", "properties": {"id": "box", "name": "Box with a hole"},
     "geometry": {"type": "Polygon", "coordinates": [
        [[0,0],[0,10],[10,10],[10,0],[0,0]],
        [[4,4],[6,4],[6,6],[4,6],[4,4]]]}},
    {"type": "Feature", "properties": {"id": 7, "name": "Two islands"},
     "geometry": {"type": "MultiPolygon", "coordinates": [
        [[[20,0],[22,0],[22,2],[20,2],[20,0]]],
        [[[30,0],[32,0],[32,2],[30,2],[30,0]]]]}},
    {"type": "Feature", "properties": {"id": "overlap"},
     "geometry": {"type": "Polygon", "coordinates": [[[8,8],[12,8],[12,12],[8,12],[8,8]]]}}
  ]
})";

std::vector<std::uint32_t> at(const ZoneIndex& zones, double lat, double lon) {
    std::array<std::uint32_t, 8> buffer{};
    const std::size_t n = zones.zones_at(lat, lon, buffer);
    std::vector<std::uint32_t> out(buffer.begin(),
                                   buffer.begin() + static_cast<std::ptrdiff_t>(std::min(n, buffer.size())));
    std::sort(out.begin(), out.end());
    return out;
}

ZoneIndex load() {
    auto r = ZoneIndex::parse_geojson(zones_json, "zones.geojson");
    if (!r) {
        ADD_FAILURE() << r.error();
        std::abort();
    }
    return std::move(r).value();
}

using Ids = std::vector<std::uint32_t>;

TEST(Zones, LoadsIdsAndNames) {
    const ZoneIndex zones = load();
    ASSERT_EQ(zones.size(), 3U);
    EXPECT_EQ(zones.id(0), "box");
    EXPECT_EQ(zones.name(0), "Box with a hole");
    EXPECT_EQ(zones.id(1), "7");
    EXPECT_EQ(zones.name(2), "");
    EXPECT_EQ(zones.find_id("overlap"), 2U);
    EXPECT_EQ(zones.find_id("none"), 3U);
}

TEST(Zones, InsideOutsideHoleAndOverlap) {
    const ZoneIndex zones = load();
    EXPECT_EQ(at(zones, 1, 1), (Ids{0}));
    EXPECT_EQ(at(zones, 5, 5), Ids{});      // in the hole
    EXPECT_EQ(at(zones, 3.9, 5), (Ids{0})); // just outside the hole
    EXPECT_EQ(at(zones, -1, 5), Ids{});
    EXPECT_EQ(at(zones, 9, 9), (Ids{0, 2}));
    EXPECT_EQ(at(zones, 11, 11), (Ids{2}));
    EXPECT_EQ(at(zones, 0, 0), (Ids{0})); // a corner: boundary included
    EXPECT_EQ(at(zones, 10, 5), (Ids{0}));
    EXPECT_TRUE(zones.contains(0, 1, 1));
    EXPECT_FALSE(zones.contains(0, 5, 5));
    EXPECT_FALSE(zones.contains(2, 1, 1));
}

TEST(Zones, MultiPolygonIsOneZone) {
    const ZoneIndex zones = load();
    EXPECT_EQ(at(zones, 1, 21), (Ids{1}));
    EXPECT_EQ(at(zones, 1, 31), (Ids{1}));
    EXPECT_EQ(at(zones, 1, 26), Ids{});
    EXPECT_TRUE(zones.contains(1, 1, 31));
}

TEST(Zones, SharedEdgeOfOneZoneReportsItOnce) {
    const auto r = ZoneIndex::parse_geojson(R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"MultiPolygon","coordinates":[
          [[[0,0],[1,0],[1,1],[0,1],[0,0]]], [[[1,0],[2,0],[2,1],[1,1],[1,0]]]]}}]})",
                                            "t");
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(at(*r, 0.5, 1.0), (Ids{0}));
    std::size_t calls = 0;
    EXPECT_EQ(r->zones_at(0.5, 1.0,
                          [&](std::size_t zone) {
                              EXPECT_EQ(zone, 0U);
                              ++calls;
                          }),
              1U);
    EXPECT_EQ(calls, 1U);
}

TEST(Zones, BufferSmallerThanTheHits) {
    const ZoneIndex zones = load();
    std::array<std::uint32_t, 1> one{};
    EXPECT_EQ(zones.zones_at(9, 9, one), 2U);
}

std::string error_of(const std::string& json) {
    const auto r = ZoneIndex::parse_geojson(json, "z.json");
    return r ? std::string{"(loaded)"} : r.error();
}

std::string feature(const std::string& properties, const std::string& geometry) {
    return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"ok"},"geometry":)"
           R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},{"type":"Feature","properties":)" +
           properties + R"(,"geometry":)" + geometry + "}]}";
}

TEST(Zones, ErrorMessagesNameFileAndFeature) {
    const std::string square = R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]})";
    EXPECT_EQ(error_of("{").rfind("z.json: not JSON: ", 0), 0U);
    EXPECT_EQ(error_of(R"({"type":"Feature"})"),
              R"(z.json: not a GeoJSON FeatureCollection (top-level "type" must be "FeatureCollection"))");
    EXPECT_EQ(error_of(R"({"type":"FeatureCollection"})"),
              R"(z.json: FeatureCollection has no "features" array)");
    EXPECT_EQ(error_of(feature(R"({"name":"x"})", square)),
              "z.json: feature 1: properties.id is missing or not a string or integer");
    EXPECT_EQ(error_of(feature(R"({"id":1.5})", square)),
              "z.json: feature 1: properties.id is missing or not a string or integer");
    EXPECT_EQ(error_of(feature(R"({"id":"ok"})", square)),
              "z.json: feature 1 (id ok): duplicate id (also feature 0)");
    EXPECT_EQ(error_of(feature(R"({"id":"b"})", R"({"type":"Point","coordinates":[0,0]})")),
              "z.json: feature 1 (id b): geometry type Point is not Polygon or MultiPolygon");
    EXPECT_EQ(error_of(feature(R"({"id":"b"})", R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]})")),
              "z.json: feature 1 (id b): exterior ring: 3 positions; a closed ring needs at least 4 (first = "
              "last)");
    EXPECT_EQ(
        error_of(feature(R"({"id":"b"})", R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})")),
        "z.json: feature 1 (id b): exterior ring: not closed (the last position must repeat the first)");
    EXPECT_EQ(
        error_of(feature(
            R"({"id":"b"})",
            R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0,0],["x",0],[1,1],[0,0]]]})")),
        "z.json: feature 1 (id b): hole 1: position 1 is not [lon, lat]");
    EXPECT_EQ(
        error_of(
            feature(R"({"id":"b"})", R"({"type":"Polygon","coordinates":[[[0,0],[190,0],[1,1],[0,0]]]})")),
        "z.json: feature 1 (id b): exterior ring: position 1 [190, 0] is outside [-180, 180] x [-90, 90]");
    EXPECT_EQ(error_of(feature(R"({"id":"b"})", R"({"type":"MultiPolygon","coordinates":[[]]})")),
              "z.json: feature 1 (id b): polygon 0: a polygon must be a non-empty array of rings");
    EXPECT_EQ(error_of(feature(R"({"id":"b","name":3})", square)),
              "z.json: feature 1 (id b): properties.name is not a string");
    EXPECT_EQ(
        error_of(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"c"}}]})"),
        "z.json: feature 0 (id c): no geometry");
    EXPECT_EQ(ZoneIndex::load_geojson("/nonexistent/zones.json")
                  .error()
                  .rfind("/nonexistent/zones.json: cannot open", 0),
              0U);
}

TEST(Zones, EmptyCollection) {
    const auto r = ZoneIndex::parse_geojson(R"({"type":"FeatureCollection","features":[]})", "e");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->size(), 0U);
    EXPECT_EQ(at(*r, 0, 0), Ids{});
}

} // namespace
} // namespace sagar::reference
