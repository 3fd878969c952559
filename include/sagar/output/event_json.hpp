#pragma once
// Detection events as JSON (the record of docs/detection.md): one object per event.

#include <sagar/detectors/event.hpp>
#include <sagar/output/json_writer.hpp>

namespace sagar::output {

/// Writes one JSON object (no newline) for `event`.
void write_event_json(JsonWriter& out, const detectors::Event& event);

} // namespace sagar::output
