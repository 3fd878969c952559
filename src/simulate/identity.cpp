#include "identity.hpp"

#include <array>
#include <string_view>

namespace sagar::simulate {

namespace {

struct Flag {
    std::uint16_t mid;
    std::string_view callsign_prefix;
    unsigned weight; ///< relative share of the region's traffic
};

// MIDs of the flags common in the Indian Ocean, with the ITU call sign series each uses.
constexpr std::array flags{
    Flag{419, "AV", 10}, Flag{417, "4R", 3},  Flag{563, "9V", 4}, Flag{564, "9V", 3}, Flag{565, "9V", 2},
    Flag{566, "9V", 3},  Flag{470, "A6E", 3}, Flag{412, "B", 3},  Flag{413, "B", 4},  Flag{414, "B", 2},
    Flag{431, "JD", 2},  Flag{503, "VH", 2},  Flag{338, "WD", 1}, Flag{366, "WD", 1}, Flag{367, "WD", 1},
    Flag{368, "WD", 1},  Flag{369, "WD", 1},  Flag{636, "D5", 8}, Flag{538, "V7", 7}, Flag{370, "3F", 2},
    Flag{371, "3F", 2},  Flag{372, "3F", 3},  Flag{373, "3F", 2},
};

// Fishing fleets of the region fly these flags.
constexpr std::array fishing_flags{Flag{419, "AV", 6}, Flag{417, "4R", 4}, Flag{412, "B", 3},
                                   Flag{413, "B", 2}, Flag{431, "JD", 1}};

// First digits of MMSIs that are no ship identity under ITU-R M.585: '1' outside the 111 SAR series,
// the unallocated MID 200, and the 8-series (handheld VHF) with the unallocated MID 001.
constexpr std::array<std::uint32_t, 3> invalid_prefixes{100, 200, 800};

constexpr std::array<std::string_view, 20> adjectives{
    "OCEAN",  "GULF",   "INDIAN", "ARABIAN", "EASTERN", "GOLDEN",   "SILVER", "BLUE", "CORAL", "MONSOON",
    "ORIENT", "MARINE", "NORDIC", "GRAND",   "ROYAL",   "SOUTHERN", "ISLAND", "STAR", "PRIME", "GLOBAL"};
constexpr std::array<std::string_view, 20> nouns{"PEARL",   "TRADER",  "SPIRIT",    "VOYAGER",   "GLORY",
                                                 "HORIZON", "PIONEER", "NAVIGATOR", "PRIDE",     "BREEZE",
                                                 "FORTUNE", "HARMONY", "EXPRESS",   "VENTURE",   "DAWN",
                                                 "CROWN",   "JEWEL",   "WAVE",      "ENDEAVOUR", "MERCHANT"};
constexpr std::array<std::string_view, 8> indian_names{"JAG ",    "DESH ",   "SAGAR ",  "JAL ",
                                                       "SWARNA ", "VISHVA ", "SHANTI ", "MAHA "};
constexpr std::array<std::string_view, 8> indian_words{"RATNA", "KIRAN", "UJALA",   "PRAKASH",
                                                       "LAXMI", "VIJAY", "PRERANA", "SAMRAT"};
constexpr std::array<std::string_view, 6> chinese_names{"XIN HAI", "HUA YANG", "ZHONG YUAN",
                                                        "JIN HUI", "HAI FENG", "TIAN LONG"};
constexpr std::array<std::string_view, 6> chinese_fishing{"LU RONG YU", "FU YUAN YU",  "ZHE DAI YU",
                                                          "LIAO YU",    "YUE DIAN YU", "HAI SHENG YU"};
constexpr std::array<std::string_view, 8> south_asian_fishing{
    "SRI MURUGAN",  "ST ANTONY",    "ANNAI VELANKANNI", "MATHA",
    "SIYATH PUTHA", "SAMUDRA DEVI", "AYYAPPAN",         "SRI LAKSHMI"};
constexpr std::array<std::string_view, 4> japanese_fishing{"SHOFUKU MARU", "KOYO MARU", "TAIYO MARU",
                                                           "HOKO MARU"};
constexpr std::array<std::string_view, 18> destinations{"AEJEA", "OMSLL", "INBOM", "INMAA", "LKCMB", "SGSIN",
                                                        "PKKHI", "KEMBA", "ZADUR", "AUFRE", "CNSHA", "NLRTM",
                                                        "SAJED", "EGSUZ", "QARAF", "MYPKG", "INNSA", "BDCGP"};

template <class Array>
std::string_view pick(Random& rng, const Array& a) {
    return a[rng.below(static_cast<std::uint32_t>(a.size()))];
}

template <class Array>
const Flag& pick_flag(Random& rng, const Array& table) {
    unsigned total = 0;
    for (const Flag& f : table) {
        total += f.weight;
    }
    unsigned r = rng.below(total);
    for (const Flag& f : table) {
        if (r < f.weight) {
            return f;
        }
        r -= f.weight;
    }
    return table[0];
}

char letter(Random& rng) {
    return static_cast<char>('A' + rng.below(26));
}
char digit(Random& rng) {
    return static_cast<char>('0' + rng.below(10));
}

std::string callsign(Random& rng, const Flag& flag) {
    std::string out{flag.callsign_prefix};
    while (out.size() < 5) {
        out += letter(rng);
    }
    if (rng.chance(0.5)) {
        out += digit(rng);
    }
    return out;
}

std::string number_suffix(Random& rng, unsigned max) {
    // Appended, not `" " + std::to_string(...)`: GCC 12 reports a false -Wrestrict on that at -O2 and above.
    std::string suffix{" "};
    suffix += std::to_string(1 + rng.below(max));
    return suffix;
}

std::string ship_name(Random& rng, const Flag& flag, VesselKind kind) {
    const bool chinese = flag.mid >= 412 && flag.mid <= 414;
    if (kind == VesselKind::fishing) {
        if (chinese) {
            return std::string{pick(rng, chinese_fishing)} + number_suffix(rng, 9000);
        }
        if (flag.mid == 431) {
            return std::string{pick(rng, japanese_fishing)} + number_suffix(rng, 88);
        }
        return std::string{pick(rng, south_asian_fishing)} + number_suffix(rng, 40);
    }
    if (chinese) {
        return std::string{pick(rng, chinese_names)} + number_suffix(rng, 99);
    }
    if (flag.mid == 419 && rng.chance(0.6)) {
        return std::string{pick(rng, indian_names)} + std::string{pick(rng, indian_words)};
    }
    std::string name = std::string{pick(rng, adjectives)} + " " + std::string{pick(rng, nouns)};
    if (flag.mid == 431) {
        name = std::string{pick(rng, nouns)} + " MARU";
    }
    if (rng.chance(0.3)) {
        name += number_suffix(rng, 9);
    }
    return name.substr(0, 20);
}

} // namespace

std::uint32_t imo_with_check_digit(std::uint32_t first_six) noexcept {
    unsigned sum = 0;
    std::uint32_t rest = first_six;
    for (unsigned weight = 2; weight <= 7; ++weight) {
        sum += (rest % 10) * weight;
        rest /= 10;
    }
    return first_six * 10 + sum % 10;
}

Identity make_identity(Random& rng, VesselKind kind, bool invalid_mmsi) {
    Identity id;
    const Flag& flag = kind == VesselKind::fishing ? pick_flag(rng, fishing_flags) : pick_flag(rng, flags);
    // Six random digits after the MID, not ending in 0 (trailing zeros mark group and coast identities).
    const std::uint32_t serial = 100000 + rng.below(900000);
    const std::uint32_t tail = serial - serial % 10 + 1 + rng.below(9);
    const std::uint32_t mid = invalid_mmsi ? invalid_prefixes[rng.below(invalid_prefixes.size())] : flag.mid;
    id.mmsi = mid * 1000000 + tail;
    id.name = ship_name(rng, flag, kind);
    id.callsign = callsign(rng, flag);
    switch (kind) {
    case VesselKind::fishing:
        id.ship_type = 30;
        id.length_m = static_cast<std::uint16_t>(rng.uniform(14, 60));
        id.beam_m = static_cast<std::uint16_t>(id.length_m / 5 + 2);
        id.draught_dm = static_cast<std::uint8_t>(rng.uniform(25, 60));
        break;
    case VesselKind::port:
        id.ship_type = rng.chance(0.5) ? 52 : 70; // tugs and feeders
        id.length_m =
            static_cast<std::uint16_t>(id.ship_type == 52 ? rng.uniform(25, 40) : rng.uniform(90, 180));
        id.beam_m = static_cast<std::uint16_t>(id.length_m / 6 + 3);
        id.draught_dm = static_cast<std::uint8_t>(rng.uniform(40, 100));
        break;
    default: {
        const bool tanker = rng.chance(0.35);
        id.ship_type = static_cast<std::uint8_t>(tanker ? 80 + rng.below(5) : 70 + rng.below(5));
        id.length_m = static_cast<std::uint16_t>(rng.uniform(120, 366));
        id.beam_m = static_cast<std::uint16_t>(id.length_m / 7 + 4);
        id.draught_dm = static_cast<std::uint8_t>(rng.uniform(80, 160));
        break;
    }
    }
    if (kind != VesselKind::fishing) {
        id.imo = imo_with_check_digit(900000 + rng.below(100000)); // 9xxxxxx: hulls of the last 40 years
    }
    id.destination = std::string{pick(rng, destinations)};
    return id;
}

} // namespace sagar::simulate
