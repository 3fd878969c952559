#include <sagar/reference/mmsi.hpp>

#include <algorithm>
#include <array>

namespace sagar::reference {
namespace {

struct Mid {
    std::uint16_t mid;
    std::string_view country;
};

// Allocated Maritime Identification Digits, from the ITU "Table of Maritime Identification Digits"
// (ITU-R M.585 annex / ITU MARS), as of 2023; typed in from that public list, sorted by MID. Shortened
// country names. The table only grows: a MID allocated later shows up here as unallocated (kind
// `invalid`) until added.
constexpr std::array<Mid, 292> mids{{
    Mid{201, "Albania"},
    Mid{202, "Andorra"},
    Mid{203, "Austria"},
    Mid{204, "Portugal (Azores)"},
    Mid{205, "Belgium"},
    Mid{206, "Belarus"},
    Mid{207, "Bulgaria"},
    Mid{208, "Vatican City State"},
    Mid{209, "Cyprus"},
    Mid{210, "Cyprus"},
    Mid{211, "Germany"},
    Mid{212, "Cyprus"},
    Mid{213, "Georgia"},
    Mid{214, "Moldova"},
    Mid{215, "Malta"},
    Mid{216, "Armenia"},
    Mid{218, "Germany"},
    Mid{219, "Denmark"},
    Mid{220, "Denmark"},
    Mid{224, "Spain"},
    Mid{225, "Spain"},
    Mid{226, "France"},
    Mid{227, "France"},
    Mid{228, "France"},
    Mid{229, "Malta"},
    Mid{230, "Finland"},
    Mid{231, "Faroe Islands"},
    Mid{232, "United Kingdom"},
    Mid{233, "United Kingdom"},
    Mid{234, "United Kingdom"},
    Mid{235, "United Kingdom"},
    Mid{236, "Gibraltar"},
    Mid{237, "Greece"},
    Mid{238, "Croatia"},
    Mid{239, "Greece"},
    Mid{240, "Greece"},
    Mid{241, "Greece"},
    Mid{242, "Morocco"},
    Mid{243, "Hungary"},
    Mid{244, "Netherlands"},
    Mid{245, "Netherlands"},
    Mid{246, "Netherlands"},
    Mid{247, "Italy"},
    Mid{248, "Malta"},
    Mid{249, "Malta"},
    Mid{250, "Ireland"},
    Mid{251, "Iceland"},
    Mid{252, "Liechtenstein"},
    Mid{253, "Luxembourg"},
    Mid{254, "Monaco"},
    Mid{255, "Portugal (Madeira)"},
    Mid{256, "Malta"},
    Mid{257, "Norway"},
    Mid{258, "Norway"},
    Mid{259, "Norway"},
    Mid{261, "Poland"},
    Mid{262, "Montenegro"},
    Mid{263, "Portugal"},
    Mid{264, "Romania"},
    Mid{265, "Sweden"},
    Mid{266, "Sweden"},
    Mid{267, "Slovakia"},
    Mid{268, "San Marino"},
    Mid{269, "Switzerland"},
    Mid{270, "Czech Republic"},
    Mid{271, "Turkey"},
    Mid{272, "Ukraine"},
    Mid{273, "Russian Federation"},
    Mid{274, "North Macedonia"},
    Mid{275, "Latvia"},
    Mid{276, "Estonia"},
    Mid{277, "Lithuania"},
    Mid{278, "Slovenia"},
    Mid{279, "Serbia"},
    Mid{301, "Anguilla"},
    Mid{303, "United States (Alaska)"},
    Mid{304, "Antigua and Barbuda"},
    Mid{305, "Antigua and Barbuda"},
    Mid{306, "Netherlands (Caribbean)"},
    Mid{307, "Aruba"},
    Mid{308, "Bahamas"},
    Mid{309, "Bahamas"},
    Mid{310, "Bermuda"},
    Mid{311, "Bahamas"},
    Mid{312, "Belize"},
    Mid{314, "Barbados"},
    Mid{316, "Canada"},
    Mid{319, "Cayman Islands"},
    Mid{321, "Costa Rica"},
    Mid{323, "Cuba"},
    Mid{325, "Dominica"},
    Mid{327, "Dominican Republic"},
    Mid{329, "Guadeloupe"},
    Mid{330, "Grenada"},
    Mid{331, "Greenland"},
    Mid{332, "Guatemala"},
    Mid{334, "Honduras"},
    Mid{336, "Haiti"},
    Mid{338, "United States"},
    Mid{339, "Jamaica"},
    Mid{341, "Saint Kitts and Nevis"},
    Mid{343, "Saint Lucia"},
    Mid{345, "Mexico"},
    Mid{347, "Martinique"},
    Mid{348, "Montserrat"},
    Mid{350, "Nicaragua"},
    Mid{351, "Panama"},
    Mid{352, "Panama"},
    Mid{353, "Panama"},
    Mid{354, "Panama"},
    Mid{355, "Panama"},
    Mid{356, "Panama"},
    Mid{357, "Panama"},
    Mid{358, "Puerto Rico"},
    Mid{359, "El Salvador"},
    Mid{361, "Saint Pierre and Miquelon"},
    Mid{362, "Trinidad and Tobago"},
    Mid{364, "Turks and Caicos Islands"},
    Mid{366, "United States"},
    Mid{367, "United States"},
    Mid{368, "United States"},
    Mid{369, "United States"},
    Mid{370, "Panama"},
    Mid{371, "Panama"},
    Mid{372, "Panama"},
    Mid{373, "Panama"},
    Mid{374, "Panama"},
    Mid{375, "Saint Vincent and the Grenadines"},
    Mid{376, "Saint Vincent and the Grenadines"},
    Mid{377, "Saint Vincent and the Grenadines"},
    Mid{378, "British Virgin Islands"},
    Mid{379, "United States Virgin Islands"},
    Mid{401, "Afghanistan"},
    Mid{403, "Saudi Arabia"},
    Mid{405, "Bangladesh"},
    Mid{408, "Bahrain"},
    Mid{410, "Bhutan"},
    Mid{412, "China"},
    Mid{413, "China"},
    Mid{414, "China"},
    Mid{416, "Taiwan (Province of China)"},
    Mid{417, "Sri Lanka"},
    Mid{419, "India"},
    Mid{422, "Iran"},
    Mid{423, "Azerbaijan"},
    Mid{425, "Iraq"},
    Mid{428, "Israel"},
    Mid{431, "Japan"},
    Mid{432, "Japan"},
    Mid{434, "Turkmenistan"},
    Mid{436, "Kazakhstan"},
    Mid{437, "Uzbekistan"},
    Mid{438, "Jordan"},
    Mid{440, "Korea (Republic of)"},
    Mid{441, "Korea (Republic of)"},
    Mid{443, "State of Palestine"},
    Mid{445, "Korea (Democratic People's Republic of)"},
    Mid{447, "Kuwait"},
    Mid{450, "Lebanon"},
    Mid{451, "Kyrgyz Republic"},
    Mid{453, "Macao (China)"},
    Mid{455, "Maldives"},
    Mid{457, "Mongolia"},
    Mid{459, "Nepal"},
    Mid{461, "Oman"},
    Mid{463, "Pakistan"},
    Mid{466, "Qatar"},
    Mid{468, "Syrian Arab Republic"},
    Mid{470, "United Arab Emirates"},
    Mid{471, "United Arab Emirates"},
    Mid{472, "Tajikistan"},
    Mid{473, "Yemen"},
    Mid{475, "Yemen"},
    Mid{477, "Hong Kong (China)"},
    Mid{478, "Bosnia and Herzegovina"},
    Mid{501, "France (Adelie Land)"},
    Mid{503, "Australia"},
    Mid{506, "Myanmar"},
    Mid{508, "Brunei Darussalam"},
    Mid{510, "Micronesia"},
    Mid{511, "Palau"},
    Mid{512, "New Zealand"},
    Mid{514, "Cambodia"},
    Mid{515, "Cambodia"},
    Mid{516, "Christmas Island (Australia)"},
    Mid{518, "Cook Islands (New Zealand)"},
    Mid{520, "Fiji"},
    Mid{523, "Cocos (Keeling) Islands (Australia)"},
    Mid{525, "Indonesia"},
    Mid{529, "Kiribati"},
    Mid{531, "Lao People's Democratic Republic"},
    Mid{533, "Malaysia"},
    Mid{536, "Northern Mariana Islands (United States)"},
    Mid{538, "Marshall Islands"},
    Mid{540, "New Caledonia (France)"},
    Mid{542, "Niue (New Zealand)"},
    Mid{544, "Nauru"},
    Mid{546, "French Polynesia (France)"},
    Mid{548, "Philippines"},
    Mid{550, "Timor-Leste"},
    Mid{553, "Papua New Guinea"},
    Mid{555, "Pitcairn Island (United Kingdom)"},
    Mid{557, "Solomon Islands"},
    Mid{559, "American Samoa (United States)"},
    Mid{561, "Samoa"},
    Mid{563, "Singapore"},
    Mid{564, "Singapore"},
    Mid{565, "Singapore"},
    Mid{566, "Singapore"},
    Mid{567, "Thailand"},
    Mid{570, "Tonga"},
    Mid{572, "Tuvalu"},
    Mid{574, "Viet Nam"},
    Mid{576, "Vanuatu"},
    Mid{577, "Vanuatu"},
    Mid{578, "Wallis and Futuna Islands (France)"},
    Mid{601, "South Africa"},
    Mid{603, "Angola"},
    Mid{605, "Algeria"},
    Mid{607, "Saint Paul and Amsterdam Islands (France)"},
    Mid{608, "Ascension Island (United Kingdom)"},
    Mid{609, "Burundi"},
    Mid{610, "Benin"},
    Mid{611, "Botswana"},
    Mid{612, "Central African Republic"},
    Mid{613, "Cameroon"},
    Mid{615, "Congo"},
    Mid{616, "Comoros"},
    Mid{617, "Cabo Verde"},
    Mid{618, "Crozet Archipelago (France)"},
    Mid{619, "Cote d'Ivoire"},
    Mid{620, "Comoros"},
    Mid{621, "Djibouti"},
    Mid{622, "Egypt"},
    Mid{624, "Ethiopia"},
    Mid{625, "Eritrea"},
    Mid{626, "Gabonese Republic"},
    Mid{627, "Ghana"},
    Mid{629, "Gambia"},
    Mid{630, "Guinea-Bissau"},
    Mid{631, "Equatorial Guinea"},
    Mid{632, "Guinea"},
    Mid{633, "Burkina Faso"},
    Mid{634, "Kenya"},
    Mid{635, "Kerguelen Islands (France)"},
    Mid{636, "Liberia"},
    Mid{637, "Liberia"},
    Mid{638, "South Sudan"},
    Mid{642, "Libya"},
    Mid{644, "Lesotho"},
    Mid{645, "Mauritius"},
    Mid{647, "Madagascar"},
    Mid{649, "Mali"},
    Mid{650, "Mozambique"},
    Mid{654, "Mauritania"},
    Mid{655, "Malawi"},
    Mid{656, "Niger"},
    Mid{657, "Nigeria"},
    Mid{659, "Namibia"},
    Mid{660, "Reunion (France)"},
    Mid{661, "Rwanda"},
    Mid{662, "Sudan"},
    Mid{663, "Senegal"},
    Mid{664, "Seychelles"},
    Mid{665, "Saint Helena (United Kingdom)"},
    Mid{666, "Somalia"},
    Mid{667, "Sierra Leone"},
    Mid{668, "Sao Tome and Principe"},
    Mid{669, "Eswatini"},
    Mid{670, "Chad"},
    Mid{671, "Togolese Republic"},
    Mid{672, "Tunisia"},
    Mid{674, "Tanzania"},
    Mid{675, "Uganda"},
    Mid{676, "Democratic Republic of the Congo"},
    Mid{677, "Tanzania"},
    Mid{678, "Zambia"},
    Mid{679, "Zimbabwe"},
    Mid{701, "Argentine Republic"},
    Mid{710, "Brazil"},
    Mid{720, "Bolivia"},
    Mid{725, "Chile"},
    Mid{730, "Colombia"},
    Mid{735, "Ecuador"},
    Mid{740, "Falkland Islands (United Kingdom)"},
    Mid{745, "Guiana (France)"},
    Mid{750, "Guyana"},
    Mid{755, "Paraguay"},
    Mid{760, "Peru"},
    Mid{765, "Suriname"},
    Mid{770, "Uruguay"},
    Mid{775, "Venezuela"},
}};

static_assert(std::is_sorted(mids.begin(), mids.end(),
                             [](const Mid& a, const Mid& b) { return a.mid < b.mid; }),
              "the MID table is searched by bisection");

const Mid* find_mid(unsigned mid) noexcept {
    const auto* it = std::lower_bound(mids.begin(), mids.end(), mid,
                                      [](const Mid& m, unsigned value) { return m.mid < value; });
    return it != mids.end() && it->mid == mid ? it : nullptr;
}

/// `kind` when `mid` is allocated, else invalid.
MmsiKind if_allocated(unsigned mid, MmsiKind kind) noexcept {
    return is_allocated_mid(mid) ? kind : MmsiKind::invalid;
}

} // namespace

std::string_view to_string(MmsiKind kind) noexcept {
    switch (kind) {
    case MmsiKind::ship:
        return "ship";
    case MmsiKind::coast_station:
        return "coast_station";
    case MmsiKind::group:
        return "group";
    case MmsiKind::sar_aircraft:
        return "sar_aircraft";
    case MmsiKind::aid_to_navigation:
        return "aid_to_navigation";
    case MmsiKind::craft_of_parent_ship:
        return "craft_of_parent_ship";
    case MmsiKind::handheld_vhf:
        return "handheld_vhf";
    case MmsiKind::sart:
        return "sart";
    case MmsiKind::man_overboard:
        return "man_overboard";
    case MmsiKind::epirb:
        return "epirb";
    case MmsiKind::invalid:
        return "invalid";
    }
    return "?";
}

bool is_allocated_mid(unsigned mid) noexcept {
    return find_mid(mid) != nullptr;
}

std::string_view mid_country(unsigned mid) noexcept {
    const Mid* m = find_mid(mid);
    return m == nullptr ? std::string_view{} : m->country;
}

unsigned mid_of(std::uint32_t mmsi) noexcept {
    switch (classify_mmsi(mmsi)) {
    case MmsiKind::ship:
        return mmsi / 1000000;
    case MmsiKind::coast_station:
        return mmsi / 10000;
    case MmsiKind::group:
        return mmsi / 100000;
    case MmsiKind::sar_aircraft:
        return mmsi / 1000 % 1000;
    case MmsiKind::aid_to_navigation:
    case MmsiKind::craft_of_parent_ship:
        return mmsi / 10000 % 1000;
    case MmsiKind::handheld_vhf:
        return mmsi / 100000 % 1000;
    default:
        return 0;
    }
}

// The MMSI is always nine decimal digits (leading zeros included); the patterns are tested from the
// most specific prefix to the least, as M.585 defines them.
MmsiKind classify_mmsi(std::uint32_t mmsi) noexcept {
    if (mmsi > 999999999) {
        return MmsiKind::invalid;
    }
    const unsigned d1 = mmsi / 100000000; // first digit
    const unsigned d3 = mmsi / 1000000;   // first three digits
    const unsigned d2 = mmsi / 10000000;  // first two digits
    if (d3 == 970) {
        return MmsiKind::sart;
    }
    if (d3 == 972) {
        return MmsiKind::man_overboard;
    }
    if (d3 == 974) {
        return MmsiKind::epirb;
    }
    if (d2 == 99) {
        return if_allocated(mmsi / 10000 % 1000, MmsiKind::aid_to_navigation);
    }
    if (d2 == 98) {
        return if_allocated(mmsi / 10000 % 1000, MmsiKind::craft_of_parent_ship);
    }
    if (d3 == 111) {
        return if_allocated(mmsi / 1000 % 1000, MmsiKind::sar_aircraft);
    }
    if (d1 == 8) {
        return if_allocated(mmsi / 100000 % 1000, MmsiKind::handheld_vhf);
    }
    if (d2 == 0) {
        return if_allocated(mmsi / 10000, MmsiKind::coast_station); // 00MIDxxxx
    }
    if (d1 == 0) {
        return if_allocated(mmsi / 100000, MmsiKind::group); // 0MIDxxxxx
    }
    if (d1 >= 2 && d1 <= 7) {
        return if_allocated(d3, MmsiKind::ship);
    }
    return MmsiKind::invalid;
}

bool is_valid_imo(std::uint32_t imo) noexcept {
    if (imo < 1000000 || imo > 9999999) {
        return false;
    }
    unsigned sum = 0;
    std::uint32_t rest = imo / 10;
    for (unsigned weight = 2; weight <= 7; ++weight) { // from the sixth digit (weight 2) to the first (7)
        sum += (rest % 10) * weight;
        rest /= 10;
    }
    return sum % 10 == imo % 10;
}

} // namespace sagar::reference
