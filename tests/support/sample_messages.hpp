#pragma once
// Ready-made messages for the stream and robustness tests, built with the test encoder.

#include "support/bit_writer.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace sagar::testing {

/// A type 1 position report (one sentence).
inline BitWriter position_report(std::uint32_t mmsi) {
    BitWriter w;
    w.header(1, 0, mmsi).u(0, 4).s(-128, 8).u(123, 10).u(1, 1).s(-74037230, 28).s(29028980, 27).u(2240, 12);
    w.u(215, 9).u(33, 6).u(0, 2).u(0, 3).u(0, 1).u(34017, 19);
    return w;
}

/// A type 5 static and voyage report (two sentences).
inline BitWriter static_voyage(std::uint32_t mmsi) {
    BitWriter w;
    w.header(5, 0, mmsi).u(0, 2).u(9134270, 30).text("3FOF8", 7).text("EVER DIADEM", 20).u(70, 8);
    w.u(225, 9).u(70, 9).u(1, 6).u(31, 6).u(1, 4).u(5, 4).u(15, 5).u(14, 5).u(0, 6).u(122, 8);
    w.text("NEW YORK", 20).u(0, 1).u(0, 1);
    return w;
}

/// `sentence` behind a tag block with body `tag_body` and its checksum.
inline std::string tagged(std::string_view tag_body, const std::string& sentence) {
    return with_checksum('\\', tag_body) + "\\" + sentence;
}

} // namespace sagar::testing
