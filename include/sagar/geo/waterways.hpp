#pragma once
// Ship waterways that Natural Earth 1:10m fills as land: canals, narrow straits, rivers and harbour basins
// narrower than the source's resolution. A ship reported there is where it should be, so the "position
// inside land" test (LandMap::inland_beyond) is false inside these boxes. The boxes are deliberately
// generous (a few km around the fairway): the only cost is that a genuinely wrong position inside a box is
// not flagged. Coordinates are facts read off charts; see docs/land-data.md for the reasons per entry.

#include <sagar/geo/geodesy.hpp>

#include <array>
#include <string_view>

namespace sagar::geo {

/// A latitude/longitude box (degrees, south ≤ north, west ≤ east; none crosses the antimeridian).
struct WaterwayBox {
    std::string_view name;
    double south;
    double west;
    double north;
    double east;
};

inline constexpr std::array waterway_boxes{
    // Port Said to Port Tewfik, with Lake Timsah and the Great and Little Bitter Lakes.
    WaterwayBox{"Suez Canal", 29.85, 32.20, 31.35, 32.62},
    WaterwayBox{"Bosphorus", 40.98, 28.93, 41.26, 29.17},
    WaterwayBox{"Dardanelles", 39.95, 26.15, 40.45, 26.75},
    // Brunsbüttel to Kiel-Holtenau in three legs that follow the canal's south-west to north-east course.
    WaterwayBox{"Kiel Canal (Brunsbuettel)", 53.86, 9.08, 54.09, 9.36},
    WaterwayBox{"Kiel Canal (Rendsburg)", 54.05, 9.28, 54.33, 9.73},
    WaterwayBox{"Kiel Canal (Holtenau)", 54.27, 9.65, 54.41, 10.18},
    // The Elbe from Cuxhaven to the port of Hamburg, including the southern harbour basins.
    WaterwayBox{"Elbe (Cuxhaven to Glueckstadt)", 53.74, 8.62, 53.93, 9.30},
    WaterwayBox{"Elbe (Glueckstadt to Hamburg)", 53.49, 9.25, 53.80, 10.08},
    // Colon to Balboa, with Gatun Lake and the Gaillard Cut.
    WaterwayBox{"Panama Canal", 8.85, -80.00, 9.42, -79.50},
    WaterwayBox{"Corinth Canal", 37.90, 22.94, 37.96, 23.03},
    // The Shatt al-Arab from its mouth at Al-Faw to Basra.
    WaterwayBox{"Shatt al-Arab (mouth to Abadan)", 29.85, 48.00, 30.42, 48.65},
    WaterwayBox{"Shatt al-Arab (Abadan to Basra)", 30.30, 47.75, 30.62, 48.15},
    // The Hooghly from Sagar Island through Haldia and Diamond Harbour to the port of Kolkata.
    WaterwayBox{"Hooghly (Sagar Island to Diamond Harbour)", 21.55, 87.90, 22.25, 88.30},
    WaterwayBox{"Hooghly (Diamond Harbour to Kolkata)", 22.15, 88.05, 22.65, 88.40},
    // The Straits of Johor between Singapore and Malaysia, the Johor River to Pasir Gudang and the Pulai
    // estuary to Tanjung Pelepas.
    WaterwayBox{"Straits of Johor", 1.36, 103.60, 1.50, 104.05},
    WaterwayBox{"Johor River", 1.40, 103.85, 1.62, 104.05},
    WaterwayBox{"Pulai estuary (Tanjung Pelepas)", 1.30, 103.48, 1.48, 103.62},
    // Hoek van Holland up the Nieuwe Waterweg and the Nieuwe Maas to the Rotterdam city harbours,
    // with the Maasvlakte and Europoort basins.
    WaterwayBox{"Rotterdam Nieuwe Waterweg", 51.85, 3.98, 52.00, 4.56},
    // Harbours at the inner end of Baltic fjords and rivers that the source closes several kilometres short
    // of the quays, each seen with ships at the quay in the DMA sample (docs/land-data.md).
    WaterwayBox{"Randers Fjord (Randers harbour)", 56.44, 10.00, 56.53, 10.22},
    WaterwayBox{"Naestved canal (Karrebaek Fjord to Naestved)", 55.20, 11.70, 55.245, 11.78},
    WaterwayBox{"Schlei (Schleimuende to Lindaunis)", 54.57, 9.80, 54.69, 10.04},
    WaterwayBox{"Schlei (Lindaunis to Schleswig)", 54.48, 9.53, 54.60, 9.84},
    WaterwayBox{"Goeta aelv (Gothenburg to Kungaelv)", 57.68, 11.86, 57.88, 12.06},
    // The Musi from the end of the source's estuary to the port of Palembang (the exactEarth sample).
    WaterwayBox{"Musi (Palembang)", -3.05, 104.65, -2.55, 105.00},
    // Dredged ship channels of the US Gulf coast that no Natural Earth layer has, each with 17 to 38
    // vessels in the MarineCadastre sample (docs/land-data.md): Galveston Bay to the Port of Houston, Sabine
    // Pass to Port Arthur, Beaumont and Orange, the Calcasieu channel to Lake Charles, and the Atchafalaya at
    // Morgan City with the Intracoastal Waterway to Houma.
    WaterwayBox{"Houston Ship Channel", 29.68, -95.31, 29.86, -94.98},
    WaterwayBox{"Sabine-Neches Waterway", 29.65, -94.12, 30.12, -93.75},
    WaterwayBox{"Calcasieu Ship Channel (Lake Charles)", 29.78, -93.50, 30.25, -93.18},
    WaterwayBox{"Atchafalaya and Intracoastal Waterway (Morgan City to Houma)", 29.45, -91.32, 29.72, -90.55},
};

/// True when `p` lies inside one of waterway_boxes (longitude taken as given, in [-180, 180)).
[[nodiscard]] constexpr bool in_waterway(LatLon p) noexcept {
    for (const WaterwayBox& box : waterway_boxes) {
        if (p.lat >= box.south && p.lat <= box.north && p.lon >= box.west && p.lon <= box.east) {
            return true;
        }
    }
    return false;
}

} // namespace sagar::geo
