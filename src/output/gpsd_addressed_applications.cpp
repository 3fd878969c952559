#include "gpsd_fields.hpp"

namespace sagar::output::detail {
} // namespace sagar::output::detail
