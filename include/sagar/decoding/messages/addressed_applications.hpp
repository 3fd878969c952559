#pragma once
// Application-specific messages carried by type 6 (addressed binary) that sagar decodes.

#include <sagar/decoding/messages/application_data.hpp>

#include <variant>

namespace sagar::decoding {

using AddressedApplication = std::variant<RawApplicationData>;

} // namespace sagar::decoding
