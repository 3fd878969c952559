// The event record of docs/detection.md: field order, optional fields, times with `Z`, and details written
// as measures, counts or flags.

#include <sagar/output/event_json.hpp>

#include <gtest/gtest.h>

namespace {

using sagar::detectors::Detail;
using sagar::detectors::Event;
using sagar::detectors::EventType;

std::string json_of(const Event& event) {
    sagar::output::JsonWriter out;
    sagar::output::write_event_json(out, event);
    return std::string{out.view()};
}

TEST(EventJson, PairEventWithMeasures) {
    Event event;
    event.type = EventType::encounter;
    event.mmsi = 419000001;
    event.other_mmsi = 419000002;
    event.start = sagar::UtcTime::from_unix_seconds(1'767'225'600);
    event.end = sagar::UtcTime::from_unix_seconds(1'767'225'600 + 9000);
    event.lat = -10.5;
    event.lon = 70.25;
    event.details = {{"duration_h", 2.5}, {"median_distance_m", 120.4567}};
    EXPECT_EQ(json_of(event),
              R"({"type":"encounter","mmsi":419000001,"other_mmsi":419000002,"start":"2026-01-01T00:00:00Z",)"
              R"("end":"2026-01-01T02:30:00Z","lat":-10.500000,"lon":70.250000,)"
              R"("details":{"duration_h":2.500,"median_distance_m":120.457}})");
}

TEST(EventJson, CountsAndFlagsAreNotDecimals) {
    Event event;
    event.type = EventType::loitering;
    event.mmsi = 563000001;
    event.details = {{"jumps", 2, Detail::Kind::count},
                     {"open", 1, Detail::Kind::flag},
                     {"closed", 0, Detail::Kind::flag}};
    EXPECT_NE(json_of(event).find(R"("details":{"jumps":2,"open":true,"closed":false})"), std::string::npos)
        << json_of(event);
}

TEST(EventJson, DarkDetectionHasNoMmsiAndKeepsItsId) {
    Event event;
    event.type = EventType::dark_detection;
    event.detection_id = "sar-\"7\"";
    event.zone = "eez";
    const std::string json = json_of(event);
    EXPECT_EQ(json.find("mmsi"), std::string::npos) << json;
    EXPECT_NE(json.find(R"("zone":"eez","detection_id":"sar-\"7\"")"), std::string::npos) << json;
    EXPECT_EQ(json.find("details"), std::string::npos) << json;
}

TEST(EventJson, MmsiZeroIsStillWritten) {
    Event event;
    event.type = EventType::invalid_mmsi;
    EXPECT_NE(json_of(event).find(R"("type":"invalid_mmsi","mmsi":0,"start")"), std::string::npos)
        << json_of(event);
}

} // namespace
