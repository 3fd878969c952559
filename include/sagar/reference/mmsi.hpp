#pragma once
// Who an MMSI belongs to (ITU-R M.585-9, "Assignment and use of identities in the maritime mobile
// service"), and whether an IMO ship number is well formed. Pure functions over a constexpr table.

#include <cstdint>
#include <string_view>

namespace sagar::reference {

enum class MmsiKind : std::uint8_t {
    ship,                 ///< MIDxxxxxx
    coast_station,        ///< 00MIDxxxx
    group,                ///< 0MIDxxxxx (group of ship stations)
    sar_aircraft,         ///< 111MIDxxx
    aid_to_navigation,    ///< 99MIDxxxx
    craft_of_parent_ship, ///< 98MIDxxxx (e.g. a tender or lifeboat of a ship)
    handheld_vhf,         ///< 8MIDxxxxx (with DSC and GNSS)
    sart,                 ///< 970xxyyyy (AIS search and rescue transmitter)
    man_overboard,        ///< 972xxyyyy
    epirb,                ///< 974xxyyyy (EPIRB with AIS locator)
    invalid,              ///< more than 9 digits, an unallocated MID, or no pattern of M.585
};

std::string_view to_string(MmsiKind kind) noexcept;

/// The kind of station an MMSI identifies. Every pattern that embeds a MID requires an allocated MID;
/// the 97x devices carry a manufacturer id instead and are not checked further.
[[nodiscard]] MmsiKind classify_mmsi(std::uint32_t mmsi) noexcept;

/// The MID of `mmsi` for the kinds that carry one, 0 otherwise.
[[nodiscard]] unsigned mid_of(std::uint32_t mmsi) noexcept;

/// True when `mid` is in the ITU table of allocated Maritime Identification Digits.
[[nodiscard]] bool is_allocated_mid(unsigned mid) noexcept;

/// The country or territory of an allocated MID; empty when unallocated.
[[nodiscard]] std::string_view mid_country(unsigned mid) noexcept;

/// True for a 7-digit IMO ship identification number whose last digit is Σ d_i·(7,6,5,4,3,2) mod 10 of
/// the first six (IMO Resolution A.1117(30)). 0 and numbers with fewer than 7 digits are invalid.
[[nodiscard]] bool is_valid_imo(std::uint32_t imo) noexcept;

} // namespace sagar::reference
