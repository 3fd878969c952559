#pragma once
// Application-specific messages carried by type 8 (broadcast binary) that sagar decodes.

#include <sagar/decoding/messages/application_data.hpp>

#include <variant>

namespace sagar::decoding {

using BroadcastApplication = std::variant<RawApplicationData>;

} // namespace sagar::decoding
