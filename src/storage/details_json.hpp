#pragma once
// An event's details as the JSON object output's event JSON writes: measures with 3 decimals, counts as
// integers, flags as booleans. Stored as text so the API can pass it through.

#include <sagar/detectors/event.hpp>

#include <string>
#include <vector>

namespace sagar::storage {

/// Replaces `out` with the object (reusing its capacity); "{}" when there are no details.
void write_details_json(const std::vector<detectors::Detail>& details, std::string& out);

} // namespace sagar::storage
