#pragma once
// Binary messages: types 6 (addressed), 8 (broadcast), 25 (single slot) and 26 (multiple slot),
// with the application-specific messages (DAC/FI pairs) that are decoded; the others keep raw bits.

#include <sagar/decoding/messages/addressed_applications.hpp>
#include <sagar/decoding/messages/broadcast_applications.hpp>
#include <sagar/decoding/messages/common.hpp>

namespace sagar::decoding {

struct AddressedBinary { // type 6
    Header header;
};
struct BroadcastBinary { // type 8
    Header header;
};
struct SingleSlotBinary { // type 25
    Header header;
};
struct MultiSlotBinary { // type 26
    Header header;
};

} // namespace sagar::decoding
