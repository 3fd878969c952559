#include "decoders.hpp"

namespace sagar::decoding::detail {
} // namespace sagar::decoding::detail
