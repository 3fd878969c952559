#pragma once
// Safety text, acknowledgements, interrogation and data-link management: types 7, 10, 12-17, 20, 22, 23.

#include <sagar/decoding/messages/common.hpp>

namespace sagar::decoding {

struct BinaryAcknowledge { // types 7 and 13
    Header header;
};
struct UtcInquiry { // type 10
    Header header;
};
struct AddressedSafety { // type 12
    Header header;
};
struct BroadcastSafety { // type 14
    Header header;
};
struct Interrogation { // type 15
    Header header;
};
struct AssignedModeCommand { // type 16
    Header header;
};
struct DgnssCorrection { // type 17
    Header header;
};
struct DataLinkManagement { // type 20
    Header header;
};
struct ChannelManagement { // type 22
    Header header;
};
struct GroupAssignment { // type 23
    Header header;
};

} // namespace sagar::decoding
