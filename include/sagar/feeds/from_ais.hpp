#pragma once
// Decoded AIS messages → the common vessel reports. The decoding core keeps wire integers and sentinels;
// this is where they become degrees, knots and NaN, so tracks and detectors never see a sentinel.

#include <sagar/core/utc_time.hpp>
#include <sagar/core/vessel_report.hpp>
#include <sagar/decoding/message.hpp>
#include <sagar/framing/meta.hpp>

#include <optional>

namespace sagar::feeds {

/// What one AIS message says about a vessel: a position, an identity, both (types 19 and 21) or neither
/// (every other type, or a position that is not available or out of range).
struct AisReports {
    std::optional<PositionReport> position;
    std::optional<IdentityReport> identity;
};

/// Converts one decoded message. The report time is `meta.time`, or `fallback_time` (when the line was
/// read) when the input gave none.
///
/// Positions: types 1-3 (Class A), 18 and 19 (Class B), 27 (long range, 1/10 minute), 4, 9 and 21
/// (TransponderClass::other). Type 11 (UTC response) is left out: it repeats the position of a station
/// that also sends its regular reports. A position equal to the not-available sentinel (lon 181, lat 91)
/// or outside ±90/±180 gives no PositionReport. Speed, course and heading sentinels, and values beyond
/// their defined range, become NaN.
///
/// Identities: types 5, 19, 21 (name and dimensions), 24 part A (name) and part B (callsign, ship type,
/// dimensions, except for craft associated with a parent ship, whose dimension bits carry the parent's
/// MMSI). Text is stripped of trailing '@' and spaces; a type 5 IMO is passed on as transmitted (0 = not
/// available; judging its check digit is the consumer's business, see sagar::reference::is_valid_imo).
[[nodiscard]] AisReports from_ais(const decoding::Message& message, const framing::Meta& meta,
                                  UtcTime fallback_time);

} // namespace sagar::feeds
