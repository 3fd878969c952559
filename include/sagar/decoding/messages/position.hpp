#pragma once
// Position reports: types 1-3 (Class A), 4 and 11 (base station / UTC response), 9 (SAR aircraft),
// 18 and 19 (Class B), 27 (long-range).

#include <sagar/decoding/messages/common.hpp>

namespace sagar::decoding {

struct PositionReportA { // types 1, 2, 3
    Header header;
};
struct BaseStationReport { // types 4, 11
    Header header;
};
struct SarAircraftReport { // type 9
    Header header;
};
struct PositionReportB { // type 18
    Header header;
};
struct ExtendedPositionReportB { // type 19
    Header header;
};
struct LongRangePosition { // type 27
    Header header;
};

} // namespace sagar::decoding
