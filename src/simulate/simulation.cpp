#include "geography.hpp"
#include "identity.hpp"
#include "plan.hpp"
#include "random.hpp"

#include <sagar/encoding/messages.hpp>
#include <sagar/encoding/sentence_builder.hpp>
#include <sagar/simulate/simulation.hpp>

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <memory>
#include <queue>
#include <string_view>
#include <system_error>
#include <unordered_set>

namespace sagar::simulate {

namespace {

constexpr std::int64_t ms_per_s = 1000;
constexpr std::int64_t ms_per_min = 60 * ms_per_s;
constexpr std::int64_t ms_per_h = 60 * ms_per_min;
constexpr double knot = knots_to_mps;
constexpr std::size_t max_chain_legs = 16;

std::int64_t hours_ms(double h) {
    return static_cast<std::int64_t>(std::llround(h * static_cast<double>(ms_per_h)));
}

// ---------------------------------------------------------------------------------------------------------
// Output

class OutFile {
public:
    OutFile() = default;
    OutFile(const OutFile&) = delete;
    OutFile& operator=(const OutFile&) = delete;
    ~OutFile() { close(); }

    bool open(const std::filesystem::path& path) {
        m_name = path.filename().string();
        m_file = std::fopen(path.string().c_str(), "wb");
        return m_file != nullptr;
    }
    std::string& buffer() noexcept { return m_buffer; }
    void line_done() {
        ++m_records;
        if (m_buffer.size() >= (1U << 20U)) {
            flush();
        }
    }
    void flush() {
        if (m_file != nullptr && !m_buffer.empty()) {
            if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) {
                m_failed = true;
            }
            m_bytes += m_buffer.size();
            m_buffer.clear();
        }
    }
    /// Flushes and closes; false when any write failed.
    bool close() {
        flush();
        if (m_file != nullptr) {
            m_failed = std::fclose(m_file) != 0 || m_failed;
            m_file = nullptr;
        }
        return !m_failed;
    }
    void count_records(std::uint64_t n) noexcept { m_records = n; }
    [[nodiscard]] FileSummary summary() const { return {m_name, m_records, m_bytes}; }

private:
    std::FILE* m_file = nullptr;
    std::string m_name;
    std::string m_buffer;
    std::uint64_t m_records = 0;
    std::uint64_t m_bytes = 0;
    bool m_failed = false;
};

void append_time(std::string& out, std::int64_t ms) {
    std::array<char, iso8601_max_size> text{};
    const std::size_t n = format_iso8601(UtcTime::from_unix_ms(ms), text);
    out.append(text.data(), n);
}

void append_fixed(std::string& out, double value, int decimals) {
    std::array<char, 48> text{};
    const int n = std::snprintf(text.data(), text.size(), "%.*f", decimals, value);
    out.append(text.data(), static_cast<std::size_t>(std::max(0, n)));
}

/// The wire position, back in degrees: truth quotes what the feed says, to the last unit.
LatLon quantized(LatLon p) {
    return {encoding::to_wire_degrees(p.lat) / 600000.0, encoding::to_wire_degrees(p.lon) / 600000.0};
}

// ---------------------------------------------------------------------------------------------------------
// Truth

struct TruthEvent {
    std::string_view type;
    std::uint32_t mmsi = 0;
    std::uint32_t other_mmsi = 0;
    std::int64_t start = 0;
    std::int64_t end = 0;
    LatLon pos;
    std::string_view zone;
    std::string_view port;
    std::string detection_id;
    std::string details; ///< JSON object text
};

class Details {
public:
    Details& num(std::string_view key, double value, int decimals = 3) {
        sep(key);
        append_fixed(m_text, value, decimals);
        return *this;
    }
    Details& flag(std::string_view key, bool value) {
        sep(key);
        m_text += value ? "true" : "false";
        return *this;
    }
    std::string done() { return m_text + "}"; }

private:
    void sep(std::string_view key) {
        m_text += m_text.size() > 1 ? ",\"" : "\"";
        m_text.append(key);
        m_text += "\":";
    }
    std::string m_text = "{";
};

// ---------------------------------------------------------------------------------------------------------
// Vessels and injected events

enum class SilenceKind : std::uint8_t { gap, short_silence, shore_gap, before_land };

struct Silence {
    std::int64_t t0 = 0;
    std::int64_t t1 = 0;
    SilenceKind kind = SilenceKind::short_silence;
    std::int32_t event = -1;
};

enum class FaultKind : std::uint8_t { none, jump, land };

struct Fault {
    FaultKind kind = FaultKind::none;
    std::int64_t t0 = 0;
    std::uint8_t count = 0; ///< faulty reports to send
    std::uint8_t sent = 0;
    double offset_m = 0; ///< jump: metres along the lane
    LatLon land;
    std::int32_t event = -1;
};

struct Vessel {
    Identity id;
    VesselKind kind = VesselKind::transit;
    bool class_b = false;
    bool plain = true; ///< nothing injected: a candidate for matched detections and identity cloning
    std::vector<Leg> legs;
    std::vector<Silence> silences;
    Fault fault;
    std::int64_t teleport_at = -1;
    std::int32_t teleport_event = -1;
    std::int32_t conflict_event = -1; ///< set on the clone
    bool invalid_mmsi = false;

    // Generation state.
    std::uint32_t reports = 0;
    std::uint32_t statics = 0;
    std::int64_t resume_at = -1; ///< after a land episode, no report before this
    std::int64_t last_t = -1;    ///< last report on the vessel's true track
    LatLon last_pos;
    std::int32_t open_gap = -1;
    std::int32_t open_fault = -1;
    bool in_fault = false;

    // Rule trackers (port calls and zone crossings of this physical vessel).
    std::int32_t port = -1;
    std::int64_t call_start = 0;
    LatLon call_pos;
    unsigned zones = 0;
    bool seen = false;

    [[nodiscard]] std::int64_t active_from() const { return legs.empty() ? 0 : legs.front().t0; }
    [[nodiscard]] std::int64_t active_until() const { return legs.empty() ? 0 : legs.back().t1; }
};

enum class InjectedKind : std::uint8_t { gap, encounter, loiter, slowdown, jump, teleport, land, conflict };

struct Injected {
    InjectedKind kind = InjectedKind::gap;
    std::array<std::uint32_t, 2> vessel{};
    std::array<std::int64_t, 2> first{-1, -1};
    std::array<std::int64_t, 2> last{-1, -1};
    std::array<double, 2> sum_speed{};
    std::array<std::uint32_t, 2> n{};
    double sum_lat = 0;
    double sum_lon = 0;
    std::int64_t start = -1;
    std::int64_t end = -1;
    LatLon start_pos;
    std::int64_t land_first = -1;
    std::int64_t land_last = -1;
    LatLon land_pos;
    double value = 0;
    bool closed = false;
};

struct PlannedDetection {
    std::int64_t t = 0;
    bool dark = false;
    std::uint32_t vessel = 0; ///< matched: the vessel; dark after a gap: the dark vessel
    bool has_vessel = false;
    LatLon pos;          ///< dark: where
    double offset_m = 0; ///< matched: error of the detection
    double offset_deg = 0;
    double length_m = 0;
    bool sar = true;
};

enum class ItemKind : std::uint8_t { position, statics, detection };

struct Item {
    std::int64_t t;
    ItemKind kind;
    std::uint32_t index;
    bool operator>(const Item& o) const noexcept {
        if (t != o.t) {
            return t > o.t;
        }
        if (kind != o.kind) {
            return kind > o.kind;
        }
        return index > o.index;
    }
};

// ---------------------------------------------------------------------------------------------------------

class Simulation {
public:
    explicit Simulation(const SimulationConfig& config)
        : m_config{config}
        , m_rng{config.seed}
        , m_t0{config.start.unix_ms()}
        , m_t1{config.start.unix_ms() + hours_ms(config.hours)}
        , m_interval_ms{static_cast<std::int64_t>(config.interval_s * 1000)} {}

    Result<SimulationSummary, std::string> run(const std::filesystem::path& dir);

private:
    // Planning.
    void plan();
    std::uint32_t add_vessel(VesselKind kind, bool class_b, bool invalid = false);
    void plan_background(Vessel& v);
    void plan_fishing(Vessel& v, const FishingGround& ground);
    void plan_port(Vessel& v, std::size_t port, LatLon berth, std::int64_t first_dwell_ms);
    struct Anchor {
        std::uint16_t lane = 0;
        double dir = 1;
        double s = 0;
        std::int64_t t = 0;
        double speed = 0;
        double lateral = 0;
    };
    std::optional<Anchor> open_anchor(std::int64_t earliest, std::int64_t latest);
    void lane_until(Vessel& v, const Anchor& a);
    void chain(Vessel& v, std::uint16_t lane, double dir, double s, std::int64_t t, double speed,
               double lateral);
    void hold_on_lane(Vessel& v, const Anchor& a, LatLon at, std::int64_t t0, std::int64_t t1,
                      double drift_kn, std::int32_t event, std::uint8_t role);
    std::int32_t new_event(InjectedKind kind, std::uint32_t a, std::uint32_t b = 0);
    [[nodiscard]] bool clear_of_zones_and_ports(LatLon p, double port_margin_m = 30'000) const;
    [[nodiscard]] std::optional<Motion> motion_at(const Vessel& v, std::int64_t t) const;

    void inject_gap();
    void inject_encounter();
    void inject_loiter(bool slowdown);
    void inject_short_silence();
    void inject_shore_gap();
    void inject_jump(bool teleport);
    void inject_land();
    void inject_conflict();
    void inject_crossing();
    void inject_moored_pair();

    // Generation.
    void emit_position(std::uint32_t index, std::int64_t t);
    void emit_static(std::uint32_t index, std::int64_t t);
    void emit_detection(std::uint32_t index);
    void write_message(const encoding::BitWriter& bits, std::int64_t t, std::uint32_t vessel_index,
                       std::uint32_t counter);
    void track(Vessel& v, LatLon pos, std::int64_t t);
    void finish_truth();
    void add_truth(TruthEvent e) { m_truth.push_back(std::move(e)); }
    [[nodiscard]] std::int64_t next_report_time(const Vessel& v, std::uint32_t index, std::int64_t t) const;
    [[nodiscard]] const Silence* silence_at(const Vessel& v, std::int64_t t) const;

    SimulationConfig m_config;
    Random m_rng;
    std::int64_t m_t0;
    std::int64_t m_t1;
    std::int64_t m_interval_ms;
    std::vector<Vessel> m_vessels;
    std::vector<Injected> m_events;
    std::vector<PlannedDetection> m_detections;
    std::vector<TruthEvent> m_truth;
    std::unordered_set<std::uint32_t> m_mmsis;
    std::vector<std::uint32_t> m_budget; ///< indices of vessels still free for injection
    /// Slow holds planned so far (position, start, end): new ones keep clear of them.
    struct SlowSpot {
        LatLon pos;
        std::int64_t t0;
        std::int64_t t1;
    };
    std::vector<SlowSpot> m_slow_spots;

    SimulationSummary m_summary;
    OutFile m_feed;
    OutFile m_detections_file;
    std::uint32_t m_group = 0;
    std::uint32_t m_sequence = 0;
    std::uint32_t m_detection_counter = 0;
};

// ---------------------------------------------------------------------------------------------------------
// Planning

std::uint32_t Simulation::add_vessel(VesselKind kind, bool class_b, bool invalid) {
    Vessel v;
    v.kind = kind;
    v.class_b = class_b;
    v.invalid_mmsi = invalid;
    do {
        v.id = make_identity(m_rng, kind, invalid);
    } while (!m_mmsis.insert(v.id.mmsi).second);
    if (class_b) {
        v.id.imo = 0;
    }
    m_vessels.push_back(std::move(v));
    return static_cast<std::uint32_t>(m_vessels.size() - 1);
}

std::int32_t Simulation::new_event(InjectedKind kind, std::uint32_t a, std::uint32_t b) {
    Injected e;
    e.kind = kind;
    e.vessel = {a, b};
    m_events.push_back(e);
    m_vessels[a].plain = false;
    m_vessels[b].plain = kind == InjectedKind::encounter ? false : m_vessels[b].plain;
    return static_cast<std::int32_t>(m_events.size() - 1);
}

bool Simulation::clear_of_zones_and_ports(LatLon p, double port_margin_m) const {
    return zone_mask(p) == 0 && nearest_port_m(p) > port_margin_m;
}

std::optional<Motion> Simulation::motion_at(const Vessel& v, std::int64_t t) const {
    const Leg* leg = leg_at(v.legs, t);
    if (leg == nullptr) {
        return std::nullopt;
    }
    return motion_on(*leg, t);
}

void Simulation::chain(Vessel& v, std::uint16_t lane, double dir, double s, std::int64_t t, double speed,
                       double lateral) {
    const auto& all = lanes();
    const double side = std::abs(lateral);
    while (t < m_t1 && v.legs.size() < max_chain_legs) {
        const double remaining = dir > 0 ? all[lane].length() - s : s;
        Leg leg;
        leg.kind = LegKind::lane;
        leg.lane = lane;
        leg.dir = dir;
        leg.s0 = s;
        leg.speed = speed;
        leg.lateral = lateral;
        leg.t0 = t;
        leg.t1 = std::min(m_t1, t + static_cast<std::int64_t>(remaining / speed * 1000));
        v.legs.push_back(leg);
        if (leg.t1 >= m_t1) {
            return;
        }
        // At the lane's end the ship turns onto another lane from the same terminal (the same one back only
        // when no other starts there), keeping to the right of its new direction. Lateral offsets stay within
        // 1 km, so the step where the side changes keeps inside the segmenter's 30 kn + 1 km: one track.
        const LatLon node = dir > 0 ? all[lane].back() : all[lane].front();
        std::vector<std::pair<std::uint16_t, double>> next;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (i == lane) {
                continue;
            }
            if (all[i].front() == node) {
                next.emplace_back(static_cast<std::uint16_t>(i), 1.0);
            } else if (all[i].back() == node) {
                next.emplace_back(static_cast<std::uint16_t>(i), -1.0);
            }
        }
        if (next.empty()) {
            next.emplace_back(lane, -dir);
        }
        const auto& [l, d] = next[m_rng.below(static_cast<std::uint32_t>(next.size()))];
        lane = l;
        dir = d;
        s = dir > 0 ? 0.0 : all[lane].length();
        lateral = dir * side;
        t = leg.t1;
    }
}

void Simulation::lane_until(Vessel& v, const Anchor& a) {
    const Lane& lane = lanes()[a.lane];
    const double travelled = a.speed * static_cast<double>(a.t - m_t0) / 1000.0;
    double s0 = a.s - a.dir * travelled;
    std::int64_t t0 = m_t0;
    if (s0 < 0 || s0 > lane.length()) {
        // The ship comes into coverage later, at the lane's end.
        s0 = a.dir > 0 ? 0.0 : lane.length();
        t0 = a.t - static_cast<std::int64_t>(std::abs(a.s - s0) / a.speed * 1000);
    }
    Leg leg;
    leg.kind = LegKind::lane;
    leg.lane = a.lane;
    leg.dir = a.dir;
    leg.s0 = s0;
    leg.speed = a.speed;
    leg.lateral = a.lateral;
    leg.t0 = t0;
    leg.t1 = a.t;
    if (leg.t1 > leg.t0) {
        v.legs.push_back(leg);
    }
}

std::optional<Simulation::Anchor> Simulation::open_anchor(std::int64_t earliest, std::int64_t latest) {
    if (latest <= earliest) {
        return std::nullopt;
    }
    const auto& all = lanes();
    // Choose a stretch weighted by length, then a point inside it with 20 km to spare at both ends.
    double total = 0;
    for (const Lane& lane : all) {
        for (const auto& [from, to] : lane.open()) {
            total += to - from;
        }
    }
    double r = m_rng.uniform(0, total);
    Anchor a;
    for (std::size_t i = 0; i < all.size(); ++i) {
        for (const auto& [from, to] : all[i].open()) {
            if (r >= 0 && r < to - from) {
                a.lane = static_cast<std::uint16_t>(i);
                a.s = m_rng.uniform(from + 20'000, std::max(from + 20'000, to - 20'000));
            }
            r -= to - from;
        }
    }
    a.dir = m_rng.sign();
    a.t = earliest + static_cast<std::int64_t>(m_rng.uniform() * static_cast<double>(latest - earliest));
    a.speed = m_rng.uniform(11, 16) * knot;
    a.lateral = a.dir * m_rng.uniform(200, 1000);
    return a;
}

void Simulation::hold_on_lane(Vessel& v, const Anchor& a, LatLon at, std::int64_t t0, std::int64_t t1,
                              double drift_kn, std::int32_t event, std::uint8_t role) {
    // The drift follows the lane, so the ship picks the lane up again where the drift leaves it.
    const Lane::Point p = lanes()[a.lane].at(a.s, a.lateral);
    Leg leg;
    leg.kind = LegKind::hold;
    leg.a = at;
    leg.bearing = a.dir > 0 ? p.bearing : std::fmod(p.bearing + 180, 360);
    leg.speed = drift_kn * knot;
    leg.t0 = t0;
    leg.t1 = t1;
    leg.event = event;
    leg.role = role;
    v.legs.push_back(leg);
}

void Simulation::plan_background(Vessel& v) {
    const auto& all = lanes();
    const auto lane = static_cast<std::uint16_t>(m_rng.below(static_cast<std::uint32_t>(all.size())));
    const double dir = m_rng.sign();
    const double s = m_rng.uniform(0, all[lane].length());
    chain(v, lane, dir, s, m_t0, m_rng.uniform(10, 18) * knot, dir * m_rng.uniform(200, 1000));
}

void Simulation::plan_fishing(Vessel& v, const FishingGround& ground) {
    Leg leg;
    leg.kind = LegKind::circle;
    leg.status = 7; // engaged in fishing
    leg.a = destination(ground.centre, m_rng.uniform(0, 360), m_rng.uniform(0, ground.spread_km * 1000));
    leg.radius = m_rng.uniform(3000, 8000);
    leg.speed = m_rng.uniform(3, 6) * knot;
    leg.dir = m_rng.sign();
    leg.theta0 = m_rng.uniform(0, 360);
    leg.t0 = m_t0;
    leg.t1 = m_t1;
    v.legs.push_back(leg);
}

void Simulation::plan_port(Vessel& v, std::size_t port_index, LatLon berth, std::int64_t first_dwell_ms) {
    const PortDef& port = ports()[port_index];
    const double speed = m_rng.uniform(10, 14) * knot;
    const auto run_ms = static_cast<std::int64_t>(distance_m(berth, port.offing) / speed * 1000);
    std::int64_t t = m_t0;
    bool moored = first_dwell_ms > 0;
    std::int64_t dwell = first_dwell_ms;
    const LatLon start = interpolate(port.offing, berth, m_rng.uniform(0, 0.5));
    if (!moored &&
        t + static_cast<std::int64_t>(distance_m(start, berth) / speed * 1000) + 2 * ms_per_h >= m_t1) {
        moored = true; // would arrive too late for a whole call: already in port instead
        dwell = hours_ms(m_rng.uniform(2, 24));
    }
    if (!moored) {
        // Starts somewhere on the way in.
        Leg in;
        in.kind = LegKind::straight;
        in.a = start;
        in.b = berth;
        in.bearing = geo::initial_bearing_deg(in.a, berth);
        in.speed = speed;
        in.t0 = t;
        in.t1 = t + static_cast<std::int64_t>(distance_m(in.a, berth) / speed * 1000);
        v.legs.push_back(in);
        t = in.t1;
        dwell = hours_ms(m_rng.uniform(2, 24));
    }
    while (t < m_t1 && v.legs.size() < max_chain_legs) {
        Leg stay;
        stay.kind = LegKind::hold;
        stay.status = 5; // moored
        stay.a = berth;
        stay.t0 = t;
        stay.t1 = std::min(m_t1, t + dwell);
        v.legs.push_back(stay);
        t = stay.t1;
        if (t >= m_t1) {
            break;
        }
        Leg out;
        out.kind = LegKind::straight;
        out.a = berth;
        out.b = port.offing;
        out.bearing = geo::initial_bearing_deg(berth, port.offing);
        out.speed = speed;
        out.t0 = t;
        out.t1 = std::min(m_t1, t + run_ms);
        v.legs.push_back(out);
        t = out.t1;
        // A call must be able to last an hour before the input ends; otherwise the ship stays out (and
        // leaves coverage at the offing), so no call is cut shorter than the rule's minimum.
        if (t + run_ms + 2 * ms_per_h >= m_t1) {
            break;
        }
        Leg in;
        in.kind = LegKind::straight;
        in.a = port.offing;
        in.b = berth;
        in.bearing = geo::initial_bearing_deg(port.offing, berth);
        in.speed = speed;
        in.t0 = t;
        in.t1 = t + run_ms;
        v.legs.push_back(in);
        t = in.t1;
        dwell = hours_ms(m_rng.uniform(2, 24));
    }
}

// --- injections
// ---------------------------------------------------------------------------------------------

namespace {
std::uint32_t take(std::vector<std::uint32_t>& budget) {
    const std::uint32_t v = budget.back();
    budget.pop_back();
    return v;
}
} // namespace

void Simulation::inject_gap() {
    if (m_budget.empty()) {
        return;
    }
    const double gap_h = m_rng.uniform(13, 20);
    const auto anchor = open_anchor(m_t0 + ms_per_h, m_t1 - hours_ms(gap_h + 1.5));
    if (!anchor) {
        return;
    }
    const std::uint32_t index = take(m_budget);
    Vessel& v = m_vessels[index];
    const std::int32_t event = new_event(InjectedKind::gap, index);
    // Dark for half the gap at the spot where the transmitter went off, then under way again: a detection
    // there is far from any line drawn between the reports around the gap.
    const std::int64_t hold_end = anchor->t + hours_ms(gap_h / 2);
    const LatLon spot = lanes()[anchor->lane].at(anchor->s, anchor->lateral).pos;
    lane_until(v, *anchor);
    hold_on_lane(v, *anchor, spot, anchor->t, hold_end, 0, -1, 0);
    chain(v, anchor->lane, anchor->dir, anchor->s, hold_end, anchor->speed, anchor->lateral);
    v.silences.push_back({anchor->t, anchor->t + hours_ms(gap_h), SilenceKind::gap, event});
    m_summary.injected.ais_gaps++;

    // The dark detection, when the interpolation across the gap keeps 25 km away from the ship.
    const std::int64_t td = anchor->t + static_cast<std::int64_t>(static_cast<double>(hold_end - anchor->t) *
                                                                  m_rng.uniform(0.6, 0.9));
    const auto after = motion_at(v, anchor->t + hours_ms(gap_h));
    if (after) {
        const double f = static_cast<double>(td - anchor->t) / static_cast<double>(hours_ms(gap_h));
        const LatLon guess = interpolate(spot, after->pos, f);
        if (distance_m(guess, spot) > 25'000) {
            PlannedDetection d;
            d.t = td / ms_per_s * ms_per_s;
            d.dark = true;
            d.vessel = index;
            d.has_vessel = true;
            d.pos = destination(spot, m_rng.uniform(0, 360), m_rng.uniform(0, 1000));
            d.length_m = v.id.length_m;
            d.sar = true;
            m_detections.push_back(d);
        }
    }
}

void Simulation::inject_encounter() {
    if (m_budget.size() < 2) {
        return;
    }
    // Under 3.5 h, or 4.8 h and more (then both ships also loiter): never near the 4 h loitering threshold.
    const double dur_h = m_rng.chance(0.5) ? m_rng.uniform(2.5, 3.3) : m_rng.uniform(4.8, 6.0);
    const std::int64_t stagger = static_cast<std::int64_t>(m_rng.uniform(0, 15)) * ms_per_min;
    std::optional<Anchor> anchor;
    LatLon spot;
    for (int attempt = 0; attempt < 20 && !anchor; ++attempt) {
        anchor = open_anchor(m_t0 + 2 * ms_per_h, m_t1 - hours_ms(dur_h + 2));
        if (!anchor) {
            return;
        }
        spot = lanes()[anchor->lane].at(anchor->s, anchor->lateral).pos;
        const std::int64_t end = anchor->t + stagger + hours_ms(dur_h);
        for (const SlowSpot& other : m_slow_spots) {
            if (distance_m(other.pos, spot) < 20'000 && other.t0 < end + ms_per_h &&
                anchor->t < other.t1 + ms_per_h) {
                anchor.reset();
                break;
            }
        }
    }
    if (!anchor) {
        return;
    }
    const std::uint32_t a = take(m_budget);
    const std::uint32_t b = take(m_budget);
    const std::int32_t event = new_event(InjectedKind::encounter, a, b);
    const std::int64_t end = anchor->t + stagger + hours_ms(dur_h);
    const double separation = m_rng.uniform(100, 300);
    const double drift_kn = m_rng.uniform(0.1, 0.6);
    m_events[static_cast<std::size_t>(event)].value = separation;
    m_slow_spots.push_back({spot, anchor->t, end});

    Anchor first = *anchor;
    lane_until(m_vessels[a], first);
    hold_on_lane(m_vessels[a], first, spot, first.t, end, drift_kn, event, 0);
    const double drift_bearing = m_vessels[a].legs.back().bearing;

    // The second ship comes the other way half the time, on the first one's side of the lane.
    Anchor second = *anchor;
    second.dir = m_rng.sign();
    second.speed = m_rng.uniform(11, 16) * knot;
    second.t = anchor->t + stagger;
    lane_until(m_vessels[b], second);
    // Both drift alike, so the separation holds: the second ship stops beside where the first one is by then.
    const LatLon first_then =
        destination(spot, drift_bearing, drift_kn * knot * static_cast<double>(stagger) / 1000.0);
    const LatLon alongside = destination(first_then, m_rng.uniform(0, 360), separation);
    hold_on_lane(m_vessels[b], first, alongside, second.t, end, drift_kn, event, 1);

    const double resume =
        anchor->s + anchor->dir * drift_kn * knot * static_cast<double>(end - anchor->t) / 1000.0;
    chain(m_vessels[a], first.lane, first.dir, resume, end, first.speed, first.lateral);
    chain(m_vessels[b], second.lane, second.dir, resume, end, second.speed, first.lateral);
    m_summary.injected.encounters++;
}

void Simulation::inject_loiter(bool slowdown) {
    if (m_budget.empty()) {
        return;
    }
    const double dur_h = slowdown ? m_rng.uniform(1, 3) : m_rng.uniform(5, 10);
    const double speed_kn = slowdown ? m_rng.uniform(0.5, 1.5) : m_rng.uniform(0.2, 0.8);
    std::optional<Anchor> anchor;
    LatLon spot;
    for (int attempt = 0; attempt < 20 && !anchor; ++attempt) {
        anchor = open_anchor(m_t0 + ms_per_h, m_t1 - hours_ms(dur_h + 1.5));
        if (!anchor) {
            return;
        }
        spot = lanes()[anchor->lane].at(anchor->s, anchor->lateral).pos;
        const std::int64_t end = anchor->t + hours_ms(dur_h);
        for (const SlowSpot& other : m_slow_spots) {
            if (distance_m(other.pos, spot) < 20'000 && other.t0 < end + ms_per_h &&
                anchor->t < other.t1 + ms_per_h) {
                anchor.reset();
                break;
            }
        }
    }
    if (!anchor) {
        return;
    }
    const std::uint32_t index = take(m_budget);
    const std::int32_t event = new_event(slowdown ? InjectedKind::slowdown : InjectedKind::loiter, index);
    const std::int64_t end = anchor->t + hours_ms(dur_h);
    m_slow_spots.push_back({spot, anchor->t, end});
    Vessel& v = m_vessels[index];
    lane_until(v, *anchor);
    hold_on_lane(v, *anchor, spot, anchor->t, end, speed_kn, event, 0);
    const double resume =
        anchor->s + anchor->dir * speed_kn * knot * static_cast<double>(end - anchor->t) / 1000.0;
    chain(v, anchor->lane, anchor->dir, resume, end, anchor->speed, anchor->lateral);
    if (slowdown) {
        m_summary.hard_negatives.short_slowdowns++;
    } else {
        m_summary.injected.loiterings++;
    }
}

void Simulation::inject_short_silence() {
    if (m_budget.empty()) {
        return;
    }
    const double dur_h = m_rng.uniform(2, 8);
    const auto anchor = open_anchor(m_t0 + ms_per_h, m_t1 - hours_ms(dur_h + 1));
    if (!anchor) {
        return;
    }
    const std::uint32_t index = take(m_budget);
    Vessel& v = m_vessels[index];
    v.plain = false;
    lane_until(v, *anchor);
    chain(v, anchor->lane, anchor->dir, anchor->s, anchor->t, anchor->speed, anchor->lateral);
    v.silences.push_back({anchor->t, anchor->t + hours_ms(dur_h), SilenceKind::short_silence, -1});
    m_summary.hard_negatives.short_silences++;
}

void Simulation::inject_shore_gap() {
    // A fishing boat 10-30 nm off Kerala switches off for 13-16 h: close to shore, so no ais_gap.
    const double dur_h = m_rng.uniform(13, 16);
    if (m_t1 - m_t0 < hours_ms(dur_h + 2)) {
        return;
    }
    const std::uint32_t index = add_vessel(VesselKind::fishing, m_rng.chance(0.5));
    Vessel& v = m_vessels[index];
    v.plain = false;
    for (const FishingGround& g : fishing_grounds()) {
        if (g.coastal) {
            plan_fishing(v, g);
        }
    }
    const std::int64_t start =
        m_t0 + ms_per_h +
        static_cast<std::int64_t>(m_rng.uniform() * static_cast<double>(m_t1 - m_t0 - hours_ms(dur_h + 2)));
    v.silences.push_back({start, start + hours_ms(dur_h), SilenceKind::shore_gap, -1});
    m_summary.hard_negatives.shore_gaps++;
}

void Simulation::inject_jump(bool teleport) {
    if (m_budget.empty()) {
        return;
    }
    for (int attempt = 0; attempt < 20; ++attempt) {
        const auto anchor = open_anchor(m_t0 + ms_per_h, m_t1 - 2 * ms_per_h);
        if (!anchor) {
            return;
        }
        const Lane& lane = lanes()[anchor->lane];
        double offset = anchor->dir * m_rng.uniform(100'000, 500'000);
        if (anchor->s + offset < 50'000 || anchor->s + offset > lane.length() - 50'000) {
            offset = -offset;
        }
        const double target_s = anchor->s + offset;
        if (target_s < 50'000 || target_s > lane.length() - 50'000) {
            continue;
        }
        const LatLon from = lane.at(anchor->s, anchor->lateral).pos;
        const LatLon to = lane.at(target_s, anchor->lateral).pos;
        const LatLon to_later = lane.at(target_s + anchor->dir * anchor->speed * 1800, anchor->lateral).pos;
        if (!clear_of_zones_and_ports(from, 50'000) || !clear_of_zones_and_ports(to, 50'000) ||
            !clear_of_zones_and_ports(to_later, 50'000)) {
            continue;
        }
        const std::uint32_t index = take(m_budget);
        Vessel& v = m_vessels[index];
        lane_until(v, *anchor);
        if (teleport) {
            // Everything from here on is reported from the other place: one jump and no way back.
            v.teleport_at = anchor->t;
            v.teleport_event = new_event(InjectedKind::teleport, index);
            m_events[static_cast<std::size_t>(v.teleport_event)].value = std::abs(offset);
            chain(v, anchor->lane, anchor->dir, target_s, anchor->t, anchor->speed, anchor->lateral);
            m_summary.injected.teleports++;
        } else {
            chain(v, anchor->lane, anchor->dir, anchor->s, anchor->t, anchor->speed, anchor->lateral);
            v.fault.kind = FaultKind::jump;
            v.fault.t0 = anchor->t;
            v.fault.count = static_cast<std::uint8_t>(1 + m_rng.below(2));
            v.fault.offset_m = offset;
            v.fault.event = new_event(InjectedKind::jump, index);
            m_events[static_cast<std::size_t>(v.fault.event)].value = std::abs(offset);
            m_summary.injected.jumps++;
        }
        return;
    }
}

void Simulation::inject_land() {
    if (m_budget.empty()) {
        return;
    }
    const auto anchor = open_anchor(m_t0 + 2 * ms_per_h, m_t1 - 3 * ms_per_h);
    if (!anchor) {
        return;
    }
    const LatLon from = lanes()[anchor->lane].at(anchor->s, anchor->lateral).pos;
    if (!clear_of_zones_and_ports(from, 50'000)) {
        return;
    }
    const std::uint32_t index = take(m_budget);
    Vessel& v = m_vessels[index];
    lane_until(v, *anchor);
    chain(v, anchor->lane, anchor->dir, anchor->s, anchor->t, anchor->speed, anchor->lateral);
    const auto inland = inland_points();
    v.fault.kind = FaultKind::land;
    v.fault.t0 = anchor->t;
    v.fault.count = static_cast<std::uint8_t>(2 + m_rng.below(4));
    v.fault.land = destination(inland[m_rng.below(static_cast<std::uint32_t>(inland.size()))],
                               m_rng.uniform(0, 360), m_rng.uniform(0, 30'000));
    v.fault.event = new_event(InjectedKind::land, index);
    // Silent for 40 min on both sides of the episode: the land reports then form a segment of their own that
    // never reports within the conflict window of the true track, so the episode is one impossible-speed
    // episode and not an identity conflict.
    v.silences.push_back({anchor->t - 40 * ms_per_min, anchor->t, SilenceKind::before_land, -1});
    m_summary.injected.land_episodes++;
}

void Simulation::inject_conflict() {
    const double dur_h = m_rng.uniform(3, 6);
    if (m_t1 - m_t0 < hours_ms(dur_h + 2)) {
        return;
    }
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t i = 0; i < m_vessels.size(); ++i) {
        const Vessel& v = m_vessels[i];
        if (v.plain && v.kind == VesselKind::transit && !v.invalid_mmsi) {
            candidates.push_back(i);
        }
    }
    if (candidates.empty()) {
        return;
    }
    const auto& all = lanes();
    for (int attempt = 0; attempt < 60; ++attempt) {
        const std::uint32_t original = candidates[m_rng.below(static_cast<std::uint32_t>(candidates.size()))];
        const std::int64_t t0 = m_t0 + ms_per_h +
                                static_cast<std::int64_t>(
                                    m_rng.uniform() * static_cast<double>(m_t1 - m_t0 - hours_ms(dur_h + 2)));
        const std::int64_t t1 = t0 + hours_ms(dur_h);
        Leg leg;
        leg.kind = LegKind::lane;
        leg.lane = static_cast<std::uint16_t>(m_rng.below(static_cast<std::uint32_t>(all.size())));
        leg.dir = m_rng.sign();
        leg.speed = m_rng.uniform(10, 15) * knot;
        const double run = leg.speed * dur_h * 3600;
        if (all[leg.lane].length() < run + 200'000) {
            continue;
        }
        leg.s0 = leg.dir > 0 ? m_rng.uniform(100'000, all[leg.lane].length() - run - 100'000)
                             : m_rng.uniform(run + 100'000, all[leg.lane].length() - 100'000);
        leg.lateral = leg.dir * m_rng.uniform(200, 1000);
        leg.t0 = t0;
        leg.t1 = t1;
        bool ok = true;
        for (std::int64_t t = t0 - 30 * ms_per_min; t <= t1 + 30 * ms_per_min && ok; t += 10 * ms_per_min) {
            const auto o = motion_at(m_vessels[original], t);
            const Motion c = motion_on(leg, std::clamp(t, t0, t1));
            ok = o && distance_m(o->pos, c.pos) > 400'000 && clear_of_zones_and_ports(o->pos, 50'000) &&
                 clear_of_zones_and_ports(c.pos, 50'000);
        }
        if (!ok) {
            continue;
        }
        const std::uint32_t clone = add_vessel(VesselKind::clone, false);
        Vessel& c = m_vessels[clone];
        m_mmsis.erase(c.id.mmsi);
        c.id.mmsi = m_vessels[original].id.mmsi;
        c.legs.push_back(leg);
        c.conflict_event = new_event(InjectedKind::conflict, clone, original);
        m_vessels[original].plain = false;
        m_summary.injected.identity_conflicts++;
        return;
    }
}

void Simulation::inject_crossing() {
    if (m_budget.size() < 2) {
        return;
    }
    const auto anchor = open_anchor(m_t0 + 2 * ms_per_h, m_t1 - ms_per_h);
    if (!anchor) {
        return;
    }
    const std::uint32_t a = take(m_budget);
    const std::uint32_t b = take(m_budget);
    m_vessels[a].plain = false;
    m_vessels[b].plain = false;
    // Opposite courses on the same lane, passing 100-400 m apart at 10 kn or more.
    Anchor first = *anchor;
    first.dir = 1;
    first.lateral = m_rng.uniform(-200, 200);
    Anchor second = first;
    second.dir = -1;
    second.speed = m_rng.uniform(11, 16) * knot;
    second.lateral = first.lateral + m_rng.sign() * m_rng.uniform(100, 400);
    lane_until(m_vessels[a], first);
    chain(m_vessels[a], first.lane, first.dir, first.s, first.t, first.speed, first.lateral);
    lane_until(m_vessels[b], second);
    chain(m_vessels[b], second.lane, second.dir, second.s, second.t, second.speed, second.lateral);
    m_summary.hard_negatives.fast_crossings++;
}

void Simulation::inject_moored_pair() {
    if (m_t1 - m_t0 < 4 * ms_per_h) {
        return;
    }
    const auto port_index = m_rng.below(static_cast<std::uint32_t>(ports().size()));
    const PortDef& port = ports()[port_index];
    const LatLon berth = destination(port.berth, m_rng.uniform(0, 360), m_rng.uniform(0, 300));
    const LatLon beside = destination(berth, m_rng.uniform(0, 360), m_rng.uniform(100, 300));
    const std::uint32_t a = add_vessel(VesselKind::port, false);
    const std::uint32_t b = add_vessel(VesselKind::port, m_rng.chance(0.3));
    plan_port(m_vessels[a], port_index, berth, hours_ms(m_rng.uniform(4, 12)));
    plan_port(m_vessels[b], port_index, beside, hours_ms(m_rng.uniform(4, 12)));
    m_vessels[a].plain = false;
    m_vessels[b].plain = false;
    m_summary.hard_negatives.moored_pairs++;
}

void Simulation::plan() {
    const std::uint32_t n = m_config.vessels;
    const double scale = n / 300.0;
    const auto count = [&](double per300) {
        return static_cast<int>(std::max(1.0, std::round(per300 * scale)));
    };

    // Ships with an injected event are transits taken from this budget; the rest sail in the background.
    const std::uint32_t fishing_n = n / 4;
    const std::uint32_t port_n = n * 3 / 20;
    const int invalid_n = std::min(count(3), static_cast<int>(n / 10));
    const std::uint32_t transit_n = n - fishing_n - port_n - static_cast<std::uint32_t>(invalid_n);
    for (std::uint32_t i = 0; i < transit_n; ++i) {
        const bool invalid = false;
        m_budget.push_back(add_vessel(VesselKind::transit, false, invalid));
    }
    // Keep a third of the transits in the background whatever the injection counts.
    std::vector<std::uint32_t> background;
    const std::size_t keep = m_budget.size() / 3;
    for (std::size_t i = 0; i < keep; ++i) {
        background.push_back(take(m_budget));
    }

    for (int i = 0; i < invalid_n; ++i) {
        const std::uint32_t index = add_vessel(VesselKind::transit, false, true);
        background.push_back(index);
        m_summary.injected.invalid_mmsis++;
    }

    for (int i = 0; i < count(3); ++i) {
        inject_gap();
    }
    for (int i = 0; i < count(2); ++i) {
        inject_encounter();
    }
    for (int i = 0; i < count(3); ++i) {
        inject_loiter(false);
    }
    for (int i = 0; i < count(2); ++i) {
        inject_jump(false);
    }
    for (int i = 0; i < count(1); ++i) {
        inject_jump(true);
    }
    for (int i = 0; i < count(2); ++i) {
        inject_land();
    }
    for (int i = 0; i < count(2); ++i) {
        inject_crossing();
    }
    for (int i = 0; i < count(3); ++i) {
        inject_loiter(true);
    }
    for (int i = 0; i < count(3); ++i) {
        inject_short_silence();
    }
    background.insert(background.end(), m_budget.begin(), m_budget.end());
    m_budget.clear();
    std::sort(background.begin(), background.end());
    for (const std::uint32_t index : background) {
        plan_background(m_vessels[index]);
    }
    for (const std::uint32_t index : background) {
        if (m_vessels[index].invalid_mmsi) {
            m_vessels[index].plain = false;
        }
    }

    const auto grounds_list = fishing_grounds();
    for (std::uint32_t i = 0; i < fishing_n; ++i) {
        const std::uint32_t index = add_vessel(VesselKind::fishing, m_rng.chance(0.7));
        plan_fishing(m_vessels[index],
                     grounds_list[m_rng.below(static_cast<std::uint32_t>(grounds_list.size()))]);
    }
    for (std::uint32_t i = 0; i < port_n; ++i) {
        const std::uint32_t index = add_vessel(VesselKind::port, m_rng.chance(0.2));
        const auto port_index = m_rng.below(static_cast<std::uint32_t>(ports().size()));
        const LatLon berth =
            destination(ports()[port_index].berth, m_rng.uniform(0, 360), m_rng.uniform(0, 400));
        const bool moored = m_rng.chance(0.6);
        plan_port(m_vessels[index], port_index, berth, moored ? hours_ms(m_rng.uniform(2, 24)) : 0);
    }
    for (int i = 0; i < count(2); ++i) {
        inject_moored_pair();
    }
    for (int i = 0; i < count(2); ++i) {
        inject_shore_gap();
    }
    for (int i = 0; i < count(2); ++i) {
        inject_conflict();
    }

    // Detections: dark ones in open water away from everyone, matched ones on plain ships.
    const std::int64_t margin = std::min(ms_per_h, (m_t1 - m_t0) / 4);
    for (int i = 0; i < count(3); ++i) {
        const auto anchor = open_anchor(m_t0 + margin, m_t1 - margin);
        if (!anchor) {
            break;
        }
        PlannedDetection d;
        d.t = anchor->t / ms_per_s * ms_per_s;
        d.dark = true;
        d.pos = lanes()[anchor->lane]
                    .at(anchor->s, anchor->lateral + m_rng.sign() * m_rng.uniform(30'000, 80'000))
                    .pos;
        d.length_m = m_rng.uniform(15, 120);
        d.sar = m_rng.chance(0.6);
        m_detections.push_back(d);
    }
    std::vector<std::uint32_t> plain;
    for (std::uint32_t i = 0; i < m_vessels.size(); ++i) {
        const Vessel& v = m_vessels[i];
        if (v.plain && v.kind == VesselKind::transit) { // fishing fleets crowd: rarely 10 km clear
            plain.push_back(i);
        }
    }
    for (int i = 0; i < count(6) && !plain.empty(); ++i) {
        const std::uint32_t index = plain[m_rng.below(static_cast<std::uint32_t>(plain.size()))];
        const Vessel& v = m_vessels[index];
        const std::int64_t from = std::max(m_t0, v.active_from()) + margin;
        const std::int64_t to = std::min(m_t1, v.active_until()) - margin;
        if (to <= from) {
            continue;
        }
        PlannedDetection d;
        d.t = (from + static_cast<std::int64_t>(m_rng.uniform() * static_cast<double>(to - from))) /
              ms_per_s * ms_per_s;
        d.vessel = index;
        d.has_vessel = true;
        d.offset_m = m_rng.uniform(0, 1000);
        d.offset_deg = m_rng.uniform(0, 360);
        d.length_m = v.id.length_m * m_rng.uniform(0.9, 1.1);
        d.sar = m_rng.chance(0.6);
        m_detections.push_back(d);
    }
    std::stable_sort(m_detections.begin(), m_detections.end(),
                     [](const PlannedDetection& x, const PlannedDetection& y) { return x.t < y.t; });
    m_summary.vessels = m_vessels.size();
}

// ---------------------------------------------------------------------------------------------------------
// Generation

const Silence* Simulation::silence_at(const Vessel& v, std::int64_t t) const {
    for (const Silence& s : v.silences) {
        if (t >= s.t0 && t < s.t1) {
            return &s;
        }
    }
    return nullptr;
}

std::int64_t Simulation::next_report_time(const Vessel& v, std::uint32_t index, std::int64_t t) const {
    const double jitter = 0.8 + 0.4 * hash_uniform(m_config.seed, index, v.reports);
    return t + std::max<std::int64_t>(1000,
                                      static_cast<std::int64_t>(static_cast<double>(m_interval_ms) * jitter));
}

void Simulation::write_message(const encoding::BitWriter& bits, std::int64_t t, std::uint32_t vessel_index,
                               std::uint32_t counter) {
    static constexpr std::array<std::string_view, 4> stations{"sat-1", "sat-2", "shore-1", "shore-2"};
    encoding::SentenceOptions options;
    const std::uint64_t h = splitmix64(m_config.seed ^ (std::uint64_t{vessel_index} << 32U) ^ counter);
    options.channel = (h & 1U) != 0 ? 'B' : 'A';
    options.unix_seconds = t / ms_per_s;
    const std::size_t station = (h >> 8U) % stations.size();
    options.station = stations[station];
    const bool multi = bits.payload_chars() > options.max_payload_chars;
    if (multi) {
        options.sequence_id = m_sequence++ % 10;
        options.group_id = ++m_group;
    }
    std::string& out = m_feed.buffer();
    m_summary.sentences += encoding::append_sentences(bits, options, out);
    m_feed.line_done();
    if (unit_double(splitmix64(h)) < m_config.duplicate_fraction) {
        // Heard again by another station: same payload and time, its own station (and group id).
        options.station = stations[(station + 1 + (h >> 16U) % 3) % stations.size()];
        if (multi) {
            options.group_id = ++m_group;
        }
        m_summary.sentences += encoding::append_sentences(bits, options, out);
        m_summary.duplicates++;
        m_feed.line_done();
    }
}

void Simulation::track(Vessel& v, LatLon pos, std::int64_t t) {
    const auto& all_zones = zones();
    const unsigned mask = zone_mask(pos);
    const unsigned before = v.seen ? v.zones : 0;
    for (std::size_t i = 0; i < all_zones.size(); ++i) {
        const unsigned bit = 1U << i;
        if ((mask & bit) != 0 && (before & bit) == 0) {
            TruthEvent e;
            e.type = "zone_entry";
            e.mmsi = v.id.mmsi;
            e.start = e.end = t;
            e.pos = pos;
            e.zone = all_zones[i].id;
            e.details = "{}";
            add_truth(std::move(e));
        } else if ((mask & bit) == 0 && (before & bit) != 0) {
            TruthEvent e;
            e.type = "zone_exit";
            e.mmsi = v.id.mmsi;
            e.start = e.end = t;
            e.pos = pos;
            e.zone = all_zones[i].id;
            e.details = "{}";
            add_truth(std::move(e));
        }
    }
    v.zones = mask;
    if (v.port >= 0) {
        const PortDef& port = ports()[static_cast<std::size_t>(v.port)];
        if (distance_m(pos, port.centre) > port.radius_km * 1000 + 1000) {
            const double hours = static_cast<double>(t - v.call_start) / static_cast<double>(ms_per_h);
            if (t - v.call_start >= ms_per_h) {
                TruthEvent e;
                e.type = "port_call";
                e.mmsi = v.id.mmsi;
                e.start = v.call_start;
                e.end = t;
                e.pos = v.call_pos;
                e.port = port.name;
                e.details = Details{}.num("duration_h", hours).flag("open", false).done();
                add_truth(std::move(e));
            }
            v.port = -1;
        }
    }
    if (v.port < 0) {
        const int p = port_at(pos);
        if (p >= 0) {
            v.port = p;
            v.call_start = t;
            v.call_pos = pos;
        }
    }
    v.seen = true;
    v.last_t = t;
    v.last_pos = pos;
}

void Simulation::emit_position(std::uint32_t index, std::int64_t t) {
    // `t` is when the report is due; silences and faults may move it.
    Vessel& v = m_vessels[index];
    if (t >= v.active_until()) {
        return;
    }
    if (const Silence* s = silence_at(v, t)) {
        if (s->kind == SilenceKind::gap && v.open_gap < 0) {
            v.open_gap = s->event;
        }
        return; // rescheduled by the caller at the silence's end
    }
    const auto motion = motion_at(v, t);
    if (!motion) {
        return;
    }
    Motion m = *motion;
    bool faulty = false;
    if (v.fault.kind != FaultKind::none && t >= v.fault.t0 && v.fault.sent < v.fault.count) {
        faulty = true;
        const Leg* leg = leg_at(v.legs, t);
        if (v.fault.kind == FaultKind::jump && leg != nullptr && leg->kind == LegKind::lane) {
            m.pos = lanes()[leg->lane].at(lane_s(*leg, t) + v.fault.offset_m, leg->lateral).pos;
        } else {
            m.pos = destination(v.fault.land, m.course, 300.0 * v.fault.sent);
        }
        v.fault.sent++;
    }
    const LatLon pos = quantized(m.pos);

    encoding::BitWriter bits;
    const auto speed = static_cast<std::uint16_t>(std::min(1022L, std::lround(m.speed_kn * 10)));
    const auto course = static_cast<std::uint16_t>(std::lround(m.course * 10) % 3600);
    const auto heading = static_cast<std::uint16_t>(std::lround(m.course) % 360);
    const auto second = static_cast<std::uint8_t>((t / ms_per_s) % 60);
    if (v.class_b) {
        encoding::ClassBPosition r;
        r.mmsi = v.id.mmsi;
        r.speed = speed;
        r.lon = encoding::to_wire_degrees(m.pos.lon);
        r.lat = encoding::to_wire_degrees(m.pos.lat);
        r.course = course;
        r.heading = heading;
        r.second = second;
        encoding::encode(r, bits);
    } else {
        encoding::ClassAPosition r;
        r.mmsi = v.id.mmsi;
        r.status = m.status;
        r.speed = speed;
        r.lon = encoding::to_wire_degrees(m.pos.lon);
        r.lat = encoding::to_wire_degrees(m.pos.lat);
        r.course = course;
        r.heading = heading;
        r.second = second;
        encoding::encode(r, bits);
    }
    write_message(bits, t, index, v.reports * 2U);
    m_summary.position_reports++;
    v.reports++;

    if (v.invalid_mmsi && !v.seen) {
        TruthEvent e;
        e.type = "invalid_mmsi";
        e.mmsi = v.id.mmsi;
        e.start = e.end = t;
        e.pos = pos;
        e.details = "{}";
        add_truth(std::move(e));
    }

    if (faulty) {
        Injected& e = m_events[static_cast<std::size_t>(v.fault.event)];
        if (e.land_first < 0) {
            e.start = v.last_t;
            e.start_pos = v.last_pos;
            e.land_first = t;
            e.land_pos = pos;
        }
        e.land_last = t;
        if (v.fault.kind == FaultKind::land && v.fault.sent == v.fault.count) {
            v.resume_at = t + 40 * ms_per_min;
        }
        v.in_fault = true;
        v.seen = true;
        return;
    }
    if (v.in_fault) {
        Injected& e = m_events[static_cast<std::size_t>(v.fault.event)];
        e.end = t;
        e.closed = true;
        v.in_fault = false;
    }
    if (v.open_gap >= 0) {
        Injected& e = m_events[static_cast<std::size_t>(v.open_gap)];
        e.start = v.last_t;
        e.start_pos = v.last_pos;
        e.end = t;
        e.closed = v.last_t >= 0;
        v.open_gap = -1;
    }
    if (v.teleport_event >= 0 && t >= v.teleport_at) {
        Injected& e = m_events[static_cast<std::size_t>(v.teleport_event)];
        if (!e.closed && v.last_t >= 0) {
            e.start = v.last_t;
            e.start_pos = v.last_pos;
            e.end = t;
            e.land_pos = pos;
            e.closed = true;
        }
    }
    if (const Leg* leg = leg_at(v.legs, t); leg != nullptr && leg->event >= 0) {
        Injected& e = m_events[static_cast<std::size_t>(leg->event)];
        const std::size_t role = leg->role;
        if (e.first[role] < 0) {
            e.first[role] = t;
        }
        e.last[role] = t;
        e.sum_speed[role] += speed / 10.0;
        e.n[role]++;
        e.sum_lat += pos.lat;
        e.sum_lon += pos.lon;
    }
    if (v.conflict_event >= 0) {
        Injected& e = m_events[static_cast<std::size_t>(v.conflict_event)];
        if (e.first[0] < 0) {
            e.first[0] = t;
            e.start_pos = pos;
        }
        e.last[0] = t;
    }
    track(v, pos, t);
}

void Simulation::emit_static(std::uint32_t index, std::int64_t t) {
    Vessel& v = m_vessels[index];
    if (t < v.active_from() || t >= v.active_until() || silence_at(v, t) != nullptr || t < v.resume_at ||
        v.in_fault) {
        return;
    }
    encoding::BitWriter bits;
    const Identity& id = v.id;
    encoding::Dimensions dims;
    dims.to_bow = static_cast<std::uint16_t>(id.length_m * 2 / 3);
    dims.to_stern = static_cast<std::uint16_t>(id.length_m - dims.to_bow);
    dims.to_port = static_cast<std::uint8_t>(std::min(63, id.beam_m / 2));
    dims.to_starboard = static_cast<std::uint8_t>(std::min(63, id.beam_m - id.beam_m / 2));
    if (v.class_b) {
        encoding::ClassBStaticA a;
        a.mmsi = id.mmsi;
        a.shipname = id.name;
        encoding::encode(a, bits);
        write_message(bits, t, index, v.statics * 2U + 1U);
        encoding::ClassBStaticB b;
        b.mmsi = id.mmsi;
        b.shiptype = id.ship_type;
        b.vendorid = "SRT";
        b.model = 1;
        b.serial = (id.mmsi * 7U) % 1'000'000U;
        b.callsign = id.callsign;
        b.dimensions = dims;
        encoding::encode(b, bits);
        write_message(bits, t, index, v.statics * 2U + 0x80000001U);
        m_summary.static_messages += 2;
    } else {
        encoding::StaticVoyage s;
        s.mmsi = id.mmsi;
        s.imo = id.imo;
        s.callsign = id.callsign;
        s.shipname = id.name;
        s.shiptype = id.ship_type;
        s.dimensions = dims;
        s.draught = id.draught_dm;
        s.destination = id.destination;
        s.eta_month = 1;
        s.eta_day = static_cast<std::uint8_t>(1 + (id.mmsi % 28));
        s.eta_hour = static_cast<std::uint8_t>(id.mmsi % 24);
        s.eta_minute = 0;
        encoding::encode(s, bits);
        write_message(bits, t, index, v.statics * 2U + 1U);
        m_summary.static_messages++;
    }
    v.statics++;
}

void Simulation::emit_detection(std::uint32_t index) {
    const PlannedDetection& d = m_detections[index];
    LatLon pos = d.pos;
    double offset = 0;
    if (!d.dark) {
        const auto m = motion_at(m_vessels[d.vessel], d.t);
        if (!m) {
            m_summary.injected.detections_dropped++;
            return;
        }
        pos = destination(m->pos, d.offset_deg, d.offset_m);
        offset = distance_m(pos, m->pos);
    }
    // Nobody else may be near (by the last reports, at most one interval old): 20 km for dark, so the truth
    // does not hinge on the 5 km matching radius; 4 km for matched (the detection is within 1 km of its
    // ship), so the nearest is its ship even on a busy lane.
    const double clear_m = d.dark ? 20'000 : 4'000;
    const double clear_deg = clear_m / 111'000 + 0.05;
    double nearest = 1e12;
    for (std::uint32_t i = 0; i < m_vessels.size(); ++i) {
        const Vessel& v = m_vessels[i];
        if (!v.seen || (d.has_vessel && i == d.vessel) || std::abs(v.last_pos.lat - pos.lat) > clear_deg) {
            continue;
        }
        if (std::abs(v.last_pos.lon - pos.lon) * std::cos(radians(pos.lat)) > clear_deg) {
            continue;
        }
        nearest = std::min(nearest, distance_m(v.last_pos, pos));
    }
    if (nearest < clear_m) {
        m_summary.injected.detections_dropped++;
        return;
    }
    const LatLon q{std::round(pos.lat * 1e6) / 1e6, std::round(pos.lon * 1e6) / 1e6};
    ++m_detection_counter;
    std::array<char, 32> id_text{};
    const int n =
        std::snprintf(id_text.data(), id_text.size(), "%s-%06u", d.sar ? "sar" : "rf", m_detection_counter);
    const std::string id(id_text.data(), static_cast<std::size_t>(std::max(0, n)));
    std::string& out = m_detections_file.buffer();
    out += id;
    out += ',';
    append_time(out, d.t);
    out += ',';
    append_fixed(out, q.lat, 6);
    out += ',';
    append_fixed(out, q.lon, 6);
    out += ',';
    append_fixed(out, d.length_m, 1);
    out += d.sar ? ",sar\n" : ",rf\n";
    m_detections_file.line_done();

    TruthEvent e;
    e.start = e.end = d.t;
    e.pos = q;
    e.detection_id = id;
    if (d.dark) {
        e.type = "dark_detection";
        // The nearest last-reported AIS position, when one is within a few tenths of a degree.
        e.details = nearest < 1e11 ? Details{}.num("nearest_ais_km", nearest / 1000, 1).done()
                                   : Details{}.num("clear_km", clear_m / 1000, 0).done();
        m_summary.injected.dark_detections++;
    } else {
        e.type = "matched_detection";
        e.mmsi = m_vessels[d.vessel].id.mmsi;
        e.details = Details{}.num("distance_m", offset, 0).done();
        m_summary.injected.matched_detections++;
    }
    add_truth(std::move(e));
}

void Simulation::finish_truth() {
    for (Vessel& v : m_vessels) {
        if (v.port >= 0 && v.last_t - v.call_start >= ms_per_h) {
            TruthEvent e;
            e.type = "port_call";
            e.mmsi = v.id.mmsi;
            e.start = v.call_start;
            e.end = v.last_t;
            e.pos = v.call_pos;
            e.port = ports()[static_cast<std::size_t>(v.port)].name;
            e.details = Details{}
                            .num("duration_h",
                                 static_cast<double>(v.last_t - v.call_start) / static_cast<double>(ms_per_h))
                            .flag("open", true)
                            .done();
            add_truth(std::move(e));
        }
    }
    const auto hours = [](std::int64_t a, std::int64_t b) {
        return static_cast<double>(b - a) / static_cast<double>(ms_per_h);
    };
    for (const Injected& e : m_events) {
        const Vessel& a = m_vessels[e.vessel[0]];
        switch (e.kind) {
        case InjectedKind::gap:
            if (e.closed) {
                TruthEvent t;
                t.type = "ais_gap";
                t.mmsi = a.id.mmsi;
                t.start = e.start;
                t.end = e.end;
                t.pos = e.start_pos;
                t.details = Details{}.num("duration_h", hours(e.start, e.end)).done();
                add_truth(std::move(t));
            }
            break;
        case InjectedKind::encounter: {
            const Vessel& b = m_vessels[e.vessel[1]];
            if (e.n[0] == 0 || e.n[1] == 0) {
                break;
            }
            const std::int64_t start = std::max(e.first[0], e.first[1]);
            const std::int64_t end = std::min(e.last[0], e.last[1]);
            if (end - start >= 2 * ms_per_h) {
                TruthEvent t;
                t.type = "encounter";
                t.mmsi = std::min(a.id.mmsi, b.id.mmsi);
                t.other_mmsi = std::max(a.id.mmsi, b.id.mmsi);
                t.start = start;
                t.end = end;
                const double n = e.n[0] + e.n[1];
                t.pos = {std::round(e.sum_lat / n * 1e6) / 1e6, std::round(e.sum_lon / n * 1e6) / 1e6};
                t.details =
                    Details{}.num("duration_h", hours(start, end)).num("distance_m", e.value, 0).done();
                add_truth(std::move(t));
            }
            // Each ship of a long encounter is also loitering (the rules report both).
            for (std::size_t role = 0; role < 2; ++role) {
                if (e.last[role] - e.first[role] >= 4 * ms_per_h) {
                    TruthEvent t;
                    t.type = "loitering";
                    t.mmsi = m_vessels[e.vessel[role]].id.mmsi;
                    t.start = e.first[role];
                    t.end = e.last[role];
                    const double n = e.n[0] + e.n[1];
                    t.pos = {std::round(e.sum_lat / n * 1e6) / 1e6, std::round(e.sum_lon / n * 1e6) / 1e6};
                    t.details = Details{}
                                    .num("duration_h", hours(t.start, t.end))
                                    .num("mean_speed_knots", e.sum_speed[role] / e.n[role], 2)
                                    .done();
                    add_truth(std::move(t));
                }
            }
            break;
        }
        case InjectedKind::loiter:
            if (e.n[0] > 0 && e.last[0] - e.first[0] >= 4 * ms_per_h) {
                TruthEvent t;
                t.type = "loitering";
                t.mmsi = a.id.mmsi;
                t.start = e.first[0];
                t.end = e.last[0];
                t.pos = {std::round(e.sum_lat / e.n[0] * 1e6) / 1e6,
                         std::round(e.sum_lon / e.n[0] * 1e6) / 1e6};
                t.details = Details{}
                                .num("duration_h", hours(t.start, t.end))
                                .num("mean_speed_knots", e.sum_speed[0] / e.n[0], 2)
                                .done();
                add_truth(std::move(t));
            }
            break;
        case InjectedKind::jump:
        case InjectedKind::teleport:
        case InjectedKind::land:
            if (e.closed && e.start >= 0) {
                const LatLon after = e.land_pos; // the first faulty (or teleported) report
                TruthEvent t;
                t.type = "impossible_speed";
                t.mmsi = a.id.mmsi;
                t.start = e.start;
                t.end = e.end;
                t.pos = e.start_pos;
                const double d = distance_m(e.start_pos, after);
                const double first_leg_h =
                    hours(e.start, e.kind == InjectedKind::teleport ? e.end : e.land_first);
                t.details =
                    Details{}
                        .num("distance_m", d, 0)
                        .num("implied_speed_knots", d / metres_per_nm / std::max(first_leg_h, 1e-6), 1)
                        .done();
                add_truth(std::move(t));
            }
            if (e.kind == InjectedKind::land && e.land_first >= 0) {
                TruthEvent t;
                t.type = "position_on_land";
                t.mmsi = a.id.mmsi;
                t.start = e.land_first;
                t.end = e.land_last;
                t.pos = e.land_pos;
                t.details = Details{}.num("reports", static_cast<double>(a.fault.sent), 0).done();
                add_truth(std::move(t));
            }
            break;
        case InjectedKind::conflict: {
            if (e.first[0] < 0) {
                break;
            }
            TruthEvent t;
            t.type = "identity_conflict";
            t.mmsi = a.id.mmsi;
            t.start = e.first[0];
            t.end = e.last[0];
            t.pos = e.start_pos;
            t.details = Details{}.num("duration_h", hours(t.start, t.end)).done();
            add_truth(std::move(t));
            break;
        }
        case InjectedKind::slowdown:
            break;
        }
    }
    std::stable_sort(m_truth.begin(), m_truth.end(),
                     [](const TruthEvent& x, const TruthEvent& y) { return x.end < y.end; });
}

void write_truth_line(std::string& out, const TruthEvent& e) {
    out += "{\"type\":\"";
    out.append(e.type);
    out += '"';
    if (e.mmsi != 0) {
        out += ",\"mmsi\":";
        out += std::to_string(e.mmsi);
    }
    if (e.other_mmsi != 0) {
        out += ",\"other_mmsi\":";
        out += std::to_string(e.other_mmsi);
    }
    out += ",\"start\":\"";
    append_time(out, e.start);
    out += "\",\"end\":\"";
    append_time(out, e.end);
    out += "\",\"lat\":";
    append_fixed(out, e.pos.lat, 6);
    out += ",\"lon\":";
    append_fixed(out, e.pos.lon, 6);
    if (!e.zone.empty()) {
        out += ",\"zone\":\"";
        out.append(e.zone);
        out += '"';
    }
    if (!e.port.empty()) {
        out += ",\"port\":\"";
        out.append(e.port);
        out += '"';
    }
    if (!e.detection_id.empty()) {
        out += ",\"detection_id\":\"";
        out += e.detection_id;
        out += '"';
    }
    out += ",\"details\":";
    out += e.details;
    out += "}\n";
}

std::string zones_geojson() {
    std::string out = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    const auto& all = zones();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const ZoneDef& z = all[i];
        const bool multi = z.polygons.size() > 1;
        out += "{\"type\":\"Feature\",\"properties\":{\"id\":\"";
        out.append(z.id);
        out += "\",\"name\":\"";
        out.append(z.name);
        out += multi ? "\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
                     : "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":";
        for (std::size_t p = 0; p < z.polygons.size(); ++p) {
            out += p > 0 ? ",[[" : "[[";
            const auto& ring = z.polygons[p];
            for (std::size_t k = 0; k <= ring.size(); ++k) {
                const LatLon c = ring[k % ring.size()]; // closed ring: the first position again
                out += k > 0 ? ",[" : "[";
                append_fixed(out, c.lon, 4);
                out += ',';
                append_fixed(out, c.lat, 4);
                out += ']';
            }
            out += "]]";
        }
        out += multi ? "]}}" : "}}";
        out += i + 1 < all.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

Result<SimulationSummary, std::string> Simulation::run(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        return unexpected("cannot create " + dir.string() + ": " + ec.message());
    }
    plan();

    OutFile zones_file;
    OutFile ports_file;
    OutFile truth_file;
    for (auto [file, name] :
         {std::pair{&m_feed, "feed.nmea"}, std::pair{&zones_file, "zones.geojson"},
          std::pair{&ports_file, "ports.csv"}, std::pair{&m_detections_file, "detections.csv"},
          std::pair{&truth_file, "truth.jsonl"}}) {
        if (!file->open(dir / name)) {
            return unexpected("cannot write " + (dir / name).string());
        }
    }
    zones_file.buffer() = zones_geojson();
    zones_file.count_records(zones().size());
    ports_file.buffer() = "name,lat,lon,radius_km\n";
    for (const PortDef& p : ports()) {
        std::string& out = ports_file.buffer();
        out.append(p.name);
        out += ',';
        append_fixed(out, p.centre.lat, 4);
        out += ',';
        append_fixed(out, p.centre.lon, 4);
        out += ',';
        append_fixed(out, p.radius_km, 1);
        out += '\n';
    }
    ports_file.count_records(ports().size() + 1);
    m_detections_file.buffer() = "id,time,lat,lon,length_m,source\n";
    m_detections_file.line_done();

    // Feeds carry whole seconds (tag block c:), so every report time is one: truth quotes the feed.
    struct Queue : std::priority_queue<Item, std::vector<Item>, std::greater<>> {
        void add(std::int64_t t, ItemKind kind, std::uint32_t index) {
            push({(t + ms_per_s - 1) / ms_per_s * ms_per_s, kind, index});
        }
    } queue;
    const auto interval = static_cast<double>(m_interval_ms);
    const auto static_ms = static_cast<std::int64_t>(m_config.static_interval_s * 1000);
    for (std::uint32_t i = 0; i < m_vessels.size(); ++i) {
        const Vessel& v = m_vessels[i];
        const std::int64_t from = std::max(m_t0, v.active_from());
        queue.add(from + static_cast<std::int64_t>(interval * hash_uniform(m_config.seed, i, 0xA11)),
                  ItemKind::position, i);
        queue.add(from + static_cast<std::int64_t>(static_cast<double>(static_ms) *
                                                   hash_uniform(m_config.seed, i, 0x57A)),
                  ItemKind::statics, i);
    }
    for (std::uint32_t i = 0; i < m_detections.size(); ++i) {
        queue.add(m_detections[i].t, ItemKind::detection, i);
    }
    while (!queue.empty()) {
        const Item item = queue.top();
        queue.pop();
        if (item.t >= m_t1) {
            continue;
        }
        if (item.kind == ItemKind::detection) {
            emit_detection(item.index);
            continue;
        }
        Vessel& v = m_vessels[item.index];
        if (item.t >= v.active_until()) {
            continue;
        }
        if (item.kind == ItemKind::statics) {
            emit_static(item.index, item.t);
            const double jitter =
                0.9 + 0.2 * hash_uniform(m_config.seed, item.index, 0x5000000ULL + v.statics);
            queue.add(item.t + static_cast<std::int64_t>(static_cast<double>(static_ms) * jitter),
                      ItemKind::statics, item.index);
            continue;
        }
        if (item.t < v.resume_at) {
            queue.add(v.resume_at, ItemKind::position, item.index);
            continue;
        }
        if (const Silence* s = silence_at(v, item.t)) {
            if (s->kind == SilenceKind::gap && v.open_gap < 0) {
                v.open_gap = s->event;
            }
            // A land episode starts exactly at its planned time, right after the silence before it.
            const std::int64_t resume =
                s->kind == SilenceKind::before_land
                    ? s->t1
                    : s->t1 + static_cast<std::int64_t>(interval * 0.5 *
                                                        hash_uniform(m_config.seed, item.index, 0xE0D));
            queue.add(resume, ItemKind::position, item.index);
            continue;
        }
        const bool in_land_episode =
            v.fault.kind == FaultKind::land && item.t >= v.fault.t0 && v.fault.sent < v.fault.count;
        emit_position(item.index, item.t);
        // Land reports come at the nominal interval, so their count is exact.
        const std::int64_t next = in_land_episode && v.fault.sent < v.fault.count
                                      ? item.t + m_interval_ms
                                      : next_report_time(v, item.index, item.t);
        queue.add(std::max(next, v.resume_at), ItemKind::position, item.index);
    }
    finish_truth();
    for (const TruthEvent& e : m_truth) {
        write_truth_line(truth_file.buffer(), e);
        truth_file.line_done();
        m_summary.truth_by_type[std::string{e.type}]++;
    }
    for (OutFile* file : {&m_feed, &zones_file, &ports_file, &m_detections_file, &truth_file}) {
        if (!file->close()) {
            return unexpected("write error on " + (dir / file->summary().name).string());
        }
        m_summary.files.push_back(file->summary());
    }
    return m_summary;
}

} // namespace

std::optional<std::string> validate(const SimulationConfig& config) {
    if (config.vessels < 1 || config.vessels > 5'000'000) {
        return "--vessels must be between 1 and 5000000";
    }
    if (!(config.hours > 0) || config.hours > 24 * 366) {
        return "--hours must be above 0 and at most 8784";
    }
    if (!(config.interval_s >= 2) || config.interval_s > 3600) {
        return "--interval-s must be between 2 and 3600";
    }
    if (!(config.static_interval_s >= 10)) {
        return "the static data interval must be at least 10 s";
    }
    if (!(config.duplicate_fraction >= 0) || config.duplicate_fraction > 1) {
        return "the duplicate fraction must be between 0 and 1";
    }
    return std::nullopt;
}

Result<SimulationSummary, std::string> run_simulation(const SimulationConfig& config,
                                                      const std::filesystem::path& out_dir) {
    if (auto problem = validate(config)) {
        return unexpected(std::move(*problem));
    }
    auto simulation = std::make_unique<Simulation>(config);
    return simulation->run(out_dir);
}

} // namespace sagar::simulate
