#pragma once
// Identity and static data: type 5 (Class A static and voyage), 24 (Class B static, parts A and B),
// 21 (aid to navigation).

#include <sagar/decoding/messages/common.hpp>

namespace sagar::decoding {

struct StaticVoyageData { // type 5
    Header header;
};
struct StaticDataB { // type 24, part A or part B as it came
    Header header;
};
struct AidToNavigationReport { // type 21
    Header header;
};

} // namespace sagar::decoding
