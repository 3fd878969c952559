#include <sagar/reference/detections.hpp>
#include <sagar/reference/ports.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>

namespace sagar::reference {
namespace {

// Rotterdam (radius 15 km), Antwerp (10 km), a port on each side of the antimeridian (Fiji, Samoa-ish).
const std::string ports_csv = "name,lat,lon,radius_km\n"
                              "Rotterdam,51.95,4.05,15\n"
                              "\"Antwerp, BE\",51.26,4.40,10\r\n"
                              "\n"
                              "East of 180,-17.0,179.9,5\n"
                              "West of 180,-17.0,-179.9,5\n";

PortIndex load_ports() {
    auto r = PortIndex::parse_csv(ports_csv, "ports.csv");
    if (!r) {
        ADD_FAILURE() << r.error();
        std::abort();
    }
    return std::move(r).value();
}

TEST(Ports, Loads) {
    const PortIndex ports = load_ports();
    ASSERT_EQ(ports.size(), 4U);
    EXPECT_EQ(ports.ports()[1].name, "Antwerp, BE");
    EXPECT_DOUBLE_EQ(ports.ports()[0].radius_m, 15000);
}

TEST(Ports, PointInPortWithinRadiusPlusExtra) {
    const PortIndex ports = load_ports();
    EXPECT_EQ(ports.port_at(51.95, 4.05), 0U);
    EXPECT_EQ(ports.port_at(51.95 + 0.12, 4.05), 0U); // ~13.3 km north
    EXPECT_FALSE(ports.port_at(51.95 + 0.15, 4.05));  // ~16.7 km
    EXPECT_EQ(ports.port_at(51.95 + 0.15, 4.05, 2000), 0U);
    EXPECT_EQ(ports.port_at(51.30, 4.40), 1U);
    EXPECT_FALSE(ports.port_at(0, 0));
    EXPECT_FALSE(ports.port_at(0, 0, 1000));
}

TEST(Ports, OverlapGoesToTheNearestCentre) {
    const PortIndex ports = load_ports();
    // With 60 km extra both circles contain this point; it is nearer Antwerp.
    EXPECT_EQ(ports.port_at(51.40, 4.35, 60000), 1U);
    EXPECT_EQ(ports.port_at(51.80, 4.10, 60000), 0U);
}

TEST(Ports, AcrossTheAntimeridian) {
    const PortIndex ports = load_ports();
    EXPECT_EQ(ports.port_at(-17.0, 179.93), 2U); // 3.2 km from its centre
    EXPECT_EQ(ports.port_at(-17.0, -179.93), 3U);
    EXPECT_FALSE(ports.port_at(-17.0, 180.0)); // 10.6 km from both centres
    const auto either = ports.port_at(-17.0, 180.0, 6000);
    ASSERT_TRUE(either);
    EXPECT_TRUE(*either == 2U || *either == 3U);
    const auto n = ports.nearest(-17.0, 180.0);
    ASSERT_TRUE(n);
    EXPECT_NEAR(n->distance_m, 10640, 50); // 0.1 degree of longitude at 17 S
}

TEST(Ports, NearestAndItsDistance) {
    const PortIndex ports = load_ports();
    auto n = ports.nearest(51.95, 4.05);
    ASSERT_TRUE(n);
    EXPECT_EQ(n->index, 0U);
    EXPECT_NEAR(n->distance_m, 0, 1e-6);
    n = ports.nearest(52.95, 4.05); // one degree of latitude north of Rotterdam
    EXPECT_EQ(n->index, 0U);
    EXPECT_NEAR(n->distance_m, 111195, 5);
    n = ports.nearest(-60, 100); // far from everything: the search widens to the whole sphere
    ASSERT_TRUE(n);
    EXPECT_TRUE(n->index == 2U || n->index == 3U);
    n = ports.nearest(51.0, 4.4);
    EXPECT_EQ(n->index, 1U);
}

TEST(Ports, NoPorts) {
    const auto r = PortIndex::parse_csv("name,lat,lon,radius_km\n", "p");
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->nearest(0, 0));
    EXPECT_FALSE(r->port_at(0, 0, 1e6));
}

TEST(Ports, Errors) {
    auto error = [](const std::string& text) {
        const auto r = PortIndex::parse_csv(text, "p.csv");
        return r ? std::string{"(loaded)"} : r.error();
    };
    EXPECT_EQ(error(""), "p.csv: empty; expected a header row name,lat,lon,radius_km");
    EXPECT_EQ(error("name,lat,lon\nA,1,2\n"), "p.csv:1: header must name the columns name,lat,lon,radius_km");
    EXPECT_EQ(error("name,lat,lon,radius_km\nA,1,2,3\nB,91,2,3\n"),
              "p.csv:3: lat '91' is not a latitude in [-90, 90]");
    EXPECT_EQ(error("name,lat,lon,radius_km\nB,1,x,3\n"),
              "p.csv:2: lon 'x' is not a longitude in [-180, 180]");
    EXPECT_EQ(error("name,lat,lon,radius_km\nB,1,2,0\n"),
              "p.csv:2: radius_km '0' is not a number in (0, 1000]");
    EXPECT_EQ(error("name,lat,lon,radius_km\nB,1,2\n"), "p.csv:2: 3 fields where the header has 4");
    EXPECT_EQ(error("name,lat,lon,radius_km\n\"B,1,2,3\n"), "p.csv:2: unterminated quote");
    EXPECT_EQ(error("name,lat,lon,radius_km\n,1,2,3\n"), "p.csv:2: empty port name");
    EXPECT_EQ(
        PortIndex::load_csv("/nonexistent/ports.csv").error().rfind("/nonexistent/ports.csv: cannot open", 0),
        0U);
}

TEST(Detections, Parses) {
    const auto r = parse_detections_csv("id,time,lat,lon,length_m,source\n"
                                        "S1-001,2024-03-01T06:12:30Z,54.1,7.9,120.5,sentinel-1\n"
                                        "\"RF,2\",2024-03-01T06:12:31.250Z,-10,-170,,rf\r\n",
                                        "d.csv");
    ASSERT_TRUE(r) << r.error();
    ASSERT_EQ(r->size(), 2U);
    const Detection& a = (*r)[0];
    EXPECT_EQ(a.id, "S1-001");
    EXPECT_EQ(a.time, *parse_iso8601("2024-03-01T06:12:30Z"));
    EXPECT_DOUBLE_EQ(a.lat, 54.1);
    EXPECT_DOUBLE_EQ(a.lon, 7.9);
    EXPECT_FLOAT_EQ(a.length_m, 120.5F);
    EXPECT_EQ(a.source, "sentinel-1");
    const Detection& b = (*r)[1];
    EXPECT_EQ(b.id, "RF,2");
    EXPECT_EQ(b.time.unix_ms() % 1000, 250);
    EXPECT_TRUE(std::isnan(b.length_m));
    EXPECT_EQ(b.source, "rf");
}

TEST(Detections, OptionalColumnsMayBeAbsent) {
    const auto r = parse_detections_csv("time,id,lon,lat\n2024-03-01T06:12:30Z,x,1,2\n", "d.csv");
    ASSERT_TRUE(r) << r.error();
    EXPECT_DOUBLE_EQ((*r)[0].lat, 2);
    EXPECT_TRUE((*r)[0].source.empty());
}

TEST(Detections, Errors) {
    auto error = [](const std::string& rows) {
        const auto r = parse_detections_csv("id,time,lat,lon,length_m,source\n" + rows, "d.csv");
        return r ? std::string{"(loaded)"} : r.error();
    };
    EXPECT_EQ(error("a,2024-03-01T06:12:30,1,2,,s\n"),
              "d.csv:2: time '2024-03-01T06:12:30' is not ISO 8601 UTC (YYYY-MM-DDThh:mm:ss[.fff]Z)");
    EXPECT_EQ(error("a,2024-03-01T06:12:30Z,-91,2,,s\n"),
              "d.csv:2: lat '-91' is not a latitude in [-90, 90]");
    EXPECT_EQ(error("a,2024-03-01T06:12:30Z,1,2,long,s\n"),
              "d.csv:2: length_m 'long' is not a length in [0, 2000] metres");
    EXPECT_EQ(error(",2024-03-01T06:12:30Z,1,2,,s\n"), "d.csv:2: empty id");
    EXPECT_EQ(error("a,2024-03-01T06:12:30Z,1,2,s\n"), "d.csv:2: 5 fields where the header has 6");
    const auto r = parse_detections_csv("id,lat,lon\n", "d.csv");
    EXPECT_EQ(r.error(),
              "d.csv:1: header must name the columns id,time,lat,lon (and optionally length_m,source)");
}

} // namespace
} // namespace sagar::reference
