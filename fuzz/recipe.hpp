#pragma once
// Structure-aware fuzz input: the fuzz bytes are read as a recipe for a well-formed NMEA stream, so that
// mutations change message types, DAC/FI pairs, lengths, fragmentation, tag blocks and interleaving
// instead of breaking checksums. Random bytes rarely get past the checksum; these always do, unless the
// recipe asks for a corruption.
//
// The recipe records which message each line belongs to and whether the message is "clean" (no corrupted,
// dropped or repeated fragment, and no other multi-part message that the reassembler could confuse with
// it), so the target can check that whatever is decoded from a clean message has the type, repeat and
// MMSI it was built with.

#include <sagar/framing/sentence.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fuzzer/FuzzedDataProvider.h>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace sagar::fuzzing {

struct BuiltMessage {
    unsigned type = 0;
    unsigned repeat = 0;
    std::uint32_t mmsi = 0;
    std::size_t fragments = 1;
    bool clean = true;
    std::string payload; ///< armoured, all fragments joined
    unsigned fill_bits = 0;
};

struct Recipe {
    std::string text;                 ///< the stream, lines with their line ends
    std::vector<std::string> lines;   ///< the same lines without their ends
    std::vector<int> message_of_line; ///< per line (0-based): index into `messages`, or -1 for noise
    std::vector<BuiltMessage> messages;
    bool lenient = false;
    std::size_t reassembly_capacity = 16;
};

namespace detail {

/// Message bits, one entry per bit (fuzzing favours clarity over speed here).
class BitSink {
public:
    void put(std::uint64_t value, unsigned width) {
        for (unsigned i = width; i-- > 0;) {
            m_bits.push_back(static_cast<std::uint8_t>((value >> i) & 1U));
        }
    }
    [[nodiscard]] std::size_t size() const noexcept { return m_bits.size(); }
    void resize(std::size_t n) { m_bits.resize(n, 0); }
    [[nodiscard]] std::string armour(unsigned& fill_bits) const {
        fill_bits = static_cast<unsigned>((6 - m_bits.size() % 6) % 6);
        std::string out;
        for (std::size_t i = 0; i < m_bits.size(); i += 6) {
            unsigned v = 0;
            for (std::size_t k = 0; k < 6; ++k) {
                v = (v << 1U) | (i + k < m_bits.size() ? m_bits[i + k] : 0U);
            }
            out.push_back(v < 40 ? static_cast<char>(v + 48) : static_cast<char>(v + 56));
        }
        return out;
    }

private:
    std::vector<std::uint8_t> m_bits;
};

/// Bit lengths that ITU-R M.1371 (and gpsd) give each type, the usual target of the length mutation.
constexpr std::array<unsigned, 28> nominal_bits{0,  168, 168, 168, 168, 424, 88, 72, 56,  168,
                                                72, 168, 72,  72,  40,  88,  96, 80, 168, 312,
                                                72, 272, 168, 160, 168, 40,  60, 96};

/// DAC/FI pairs of application messages that gpsd decodes (types 6 and 8), so the fuzzer starts next to
/// the application decoders instead of finding the 16-bit identifiers by itself.
constexpr std::array<std::pair<unsigned, unsigned>, 34> application_ids{{
    {1, 0},    {1, 2},    {1, 3},    {1, 4},    {1, 5},    {1, 11},   {1, 12},   {1, 13}, {1, 14},
    {1, 15},   {1, 16},   {1, 17},   {1, 18},   {1, 19},   {1, 20},   {1, 21},   {1, 22}, {1, 24},
    {1, 25},   {1, 27},   {1, 28},   {1, 29},   {1, 30},   {1, 31},   {1, 32},   {1, 40}, {200, 10},
    {200, 21}, {200, 22}, {200, 23}, {200, 24}, {200, 40}, {200, 55}, {235, 10},
}};

inline void put_application_id(FuzzedDataProvider& in, BitSink& bits) {
    if (in.ConsumeBool()) {
        const auto& id =
            application_ids[in.ConsumeIntegralInRange<std::size_t>(0, application_ids.size() - 1)];
        bits.put(id.first, 10);
        bits.put(id.second, 6);
    } else {
        bits.put(in.ConsumeIntegral<std::uint16_t>(), 16);
    }
}

/// The message bits: header, then the binary-message addressing that selects an application decoder,
/// then fuzz bytes up to a length chosen around the type's nominal length.
inline BitSink build_bits(FuzzedDataProvider& in, BuiltMessage& m) {
    m.type = in.ConsumeBool() ? in.ConsumeIntegralInRange<unsigned>(1, 27)
                              : in.ConsumeIntegralInRange<unsigned>(0, 63);
    m.repeat = in.ConsumeIntegralInRange<unsigned>(0, 3);
    m.mmsi = in.ConsumeIntegral<std::uint32_t>() & ((1U << 30) - 1);
    BitSink bits;
    bits.put(m.type, 6);
    bits.put(m.repeat, 2);
    bits.put(m.mmsi, 30);
    switch (m.type) {
    case 6:
        bits.put(in.ConsumeIntegralInRange<unsigned>(0, 3), 2); // sequence number
        bits.put(in.ConsumeIntegral<std::uint32_t>(), 30);      // destination
        bits.put(in.ConsumeIntegralInRange<unsigned>(0, 3), 2); // retransmit, spare
        put_application_id(in, bits);
        break;
    case 8:
        bits.put(0, 2);
        put_application_id(in, bits);
        break;
    case 25:
    case 26: {
        const bool addressed = in.ConsumeBool();
        const bool structured = in.ConsumeBool();
        bits.put(addressed ? 1 : 0, 1);
        bits.put(structured ? 1 : 0, 1);
        if (addressed) {
            bits.put(in.ConsumeIntegral<std::uint32_t>(), 30);
        }
        if (structured) {
            put_application_id(in, bits);
        }
        break;
    }
    default:
        break;
    }

    const unsigned nominal = m.type < nominal_bits.size() ? nominal_bits[m.type] : 168;
    std::size_t length = nominal;
    switch (in.ConsumeIntegralInRange<unsigned>(0, 3)) {
    case 1: // near the nominal length: the boundaries of every length check
        length = static_cast<std::size_t>(
            std::max(0, static_cast<int>(nominal) + in.ConsumeIntegralInRange(-12, 12)));
        break;
    case 2: // anything a receiver could pass on, up to past the longest payload accepted
        length = in.ConsumeIntegralInRange<std::size_t>(0, 1100);
        break;
    case 3: // variable-length types: a whole number of application bytes or slots beyond the header
        length = bits.size() + 8 * in.ConsumeIntegralInRange<std::size_t>(0, 120);
        break;
    default:
        break;
    }
    if (length < bits.size()) {
        bits.resize(length);
    }
    while (bits.size() < length) {
        const unsigned width = static_cast<unsigned>(std::min<std::size_t>(8, length - bits.size()));
        bits.put(in.ConsumeIntegral<std::uint8_t>(), width);
    }
    return bits;
}

inline std::string hex2(unsigned v) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return {digits[(v >> 4U) & 15U], digits[v & 15U]};
}

/// One fragment line with everything around the sentence.
struct Fragment {
    std::string line;
    int message = -1;
};

} // namespace detail

inline Recipe build_recipe(FuzzedDataProvider& in) {
    using detail::Fragment;
    Recipe recipe;
    const unsigned flags = in.ConsumeIntegral<std::uint8_t>();
    recipe.lenient = (flags & 1U) != 0;
    recipe.reassembly_capacity = (flags & 2U) != 0 ? 2 : 16;

    static constexpr std::array<std::string_view, 6> talkers{"AI", "AB", "BS", "SA", "AN", "EV"};
    static constexpr std::array<std::string_view, 7> channels{"A", "B", "1", "2", "", "C", "D"};
    static constexpr std::array<std::string_view, 5> stations{"2573250", "rORBCOMM000", "bs-1", "r003669946",
                                                              ""};
    static constexpr std::array<std::string_view, 6> noise{
        "# comment",
        " ",
        "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47",
        "!AIALR,123519,001,A,V,AIS: ALARM*00",
        "garbage \x01\x7f",
        "\\s:lone,c:1700000000*1B\\"};
    std::int64_t clock = 1'700'000'000 + in.ConsumeIntegralInRange<std::int64_t>(0, 100'000'000);

    std::vector<std::vector<Fragment>> pending;
    const std::size_t message_count = in.ConsumeIntegralInRange<std::size_t>(1, 8);
    for (std::size_t mi = 0; mi < message_count; ++mi) {
        BuiltMessage m;
        const detail::BitSink bits = detail::build_bits(in, m);
        unsigned fill_bits = 0;
        const std::string payload = bits.armour(fill_bits);
        const std::size_t count =
            payload.empty()
                ? 1
                : std::min<std::size_t>(payload.size(), in.ConsumeIntegralInRange<std::size_t>(1, 9));
        m.fragments = count;
        m.payload = payload;
        m.fill_bits = fill_bits;

        const std::string_view talker =
            talkers[in.ConsumeIntegralInRange<std::size_t>(0, talkers.size() - 1)];
        const bool own_ship = in.ConsumeIntegralInRange(0, 7) == 0;
        const std::string_view channel =
            channels[in.ConsumeIntegralInRange<std::size_t>(0, channels.size() - 1)];
        const int sequence = in.ConsumeIntegralInRange(-1, 9);
        const unsigned tag_mode = in.ConsumeIntegralInRange<unsigned>(0, 4);
        const std::string_view station =
            stations[in.ConsumeIntegralInRange<std::size_t>(0, stations.size() - 1)];
        const unsigned group_id = in.ConsumeIntegralInRange<unsigned>(0, 99'999);
        const unsigned trailer = in.ConsumeIntegralInRange<unsigned>(0, 3);
        const bool millis = in.ConsumeBool();
        clock += in.ConsumeIntegralInRange<std::int64_t>(0, 120);

        std::vector<Fragment> fragments;
        if (tag_mode == 4) { // a $PGHP header gives time and station to the sentence after it
            const std::string body = "PGHP,1,2023,11,14,22,13,20,123,219,219," + std::string{station} + ",1";
            fragments.push_back({"$" + body + "*" + detail::hex2(framing::nmea_checksum(body)), -1});
        }
        const std::size_t chars = (payload.size() + count - 1) / count;
        for (std::size_t fi = 0; fi < count; ++fi) {
            const bool last = fi + 1 == count;
            std::string body{talker};
            body += own_ship ? "VDO," : "VDM,";
            body += std::to_string(count) + "," + std::to_string(fi + 1) + ",";
            if (sequence >= 0) {
                body += std::to_string(sequence);
            }
            body += "," + std::string{channel} + ",";
            body += payload.substr(std::min(payload.size(), fi * chars), chars);
            body += "," + std::to_string(last ? fill_bits : 0);
            std::string line;
            const std::string time =
                millis ? std::to_string(clock * 1000 + static_cast<std::int64_t>(fi)) : std::to_string(clock);
            std::string tag;
            if (tag_mode == 1 && fi == 0) {
                tag = "s:" + std::string{station} + ",c:" + time;
            } else if (tag_mode == 2) {
                tag = "g:" + std::to_string(fi + 1) + "-" + std::to_string(count) + "-" +
                      std::to_string(group_id);
                if (fi == 0) {
                    tag = "s:" + std::string{station} + ",c:" + time + "," + tag;
                }
            } else if (tag_mode == 3) {
                tag = "c:" + time + ",s:" + std::string{station} + ",n:" + std::to_string(fi + 1);
            }
            if (!tag.empty()) {
                line = "\\" + tag + "*" + detail::hex2(framing::nmea_checksum(tag)) + "\\";
            }
            line += "!" + body + "*" + detail::hex2(framing::nmea_checksum(body));
            if (trailer == 1) {
                line += "," + time;
            } else if (trailer == 2) {
                line += ",r003669946," + std::to_string(clock);
            }
            fragments.push_back({std::move(line), static_cast<int>(mi)});
        }
        recipe.messages.push_back(m);
        pending.push_back(std::move(fragments));
    }

    // Keys under which the reassembler may join fragments, computed conservatively (station ignored,
    // channel numbers folded): a message sharing one with another multi-part message is not clean, since
    // its fragments may legitimately be joined with the other's.
    std::map<std::tuple<int, unsigned, int, std::size_t>, int> key_users;
    std::vector<std::tuple<int, unsigned, int, std::size_t>> keys(message_count);
    {
        for (std::size_t mi = 0; mi < message_count; ++mi) {
            if (recipe.messages[mi].fragments < 2) {
                continue;
            }
            const std::string& line = pending[mi].back().line;
            const std::size_t g = line.find("g:");
            if (line[0] == '\\' && g != std::string::npos && g < line.find('\\', 1)) {
                const std::size_t id_start = line.find('-', line.find('-', g) + 1) + 1;
                keys[mi] = {1, static_cast<unsigned>(std::stoul(line.substr(id_start))), 0, 0};
            } else {
                // Fields: talker+formatter, count, number, sequence, channel.
                const std::size_t bang = line.find('!');
                std::array<std::string, 5> f;
                std::size_t pos = bang + 1;
                for (auto& field : f) {
                    const std::size_t comma = line.find(',', pos);
                    field = line.substr(pos, comma - pos);
                    pos = comma + 1;
                }
                const char ch = f[4].empty() ? '\0' : (f[4] == "1" ? 'A' : (f[4] == "2" ? 'B' : f[4][0]));
                const int seq = f[3].empty() ? -1 : f[3][0] - '0';
                keys[mi] = {0, static_cast<unsigned>(ch), seq, recipe.messages[mi].fragments};
            }
            ++key_users[keys[mi]];
        }
        for (std::size_t mi = 0; mi < message_count; ++mi) {
            if (recipe.messages[mi].fragments >= 2 && key_users[keys[mi]] > 1) {
                recipe.messages[mi].clean = false;
            }
        }
    }

    // Interleave the messages' lines; each step may also reorder, repeat, drop or corrupt a fragment, or
    // insert a line that is not AIS.
    bool corrupted = false;
    std::vector<std::size_t> open;
    for (std::size_t mi = 0; mi < message_count; ++mi) {
        open.push_back(mi);
    }
    while (!open.empty()) {
        const std::size_t slot = in.ConsumeIntegralInRange<std::size_t>(0, open.size() - 1);
        const std::size_t mi = open[slot];
        auto& queue = pending[mi];
        const unsigned op = in.ConsumeIntegral<std::uint8_t>();
        std::size_t pick = 0;
        if (op >= 200 && op < 215) { // out of order: the last fragment first
            pick = queue.size() - 1;
        }
        Fragment fragment = queue[pick];
        bool keep = false;
        if (op >= 215 && op < 225) { // sent twice
            recipe.messages[mi].clean = false;
            keep = true;
        } else if (op >= 225 && op < 235) { // lost
            recipe.messages[mi].clean = false;
            fragment.line.clear();
        } else if (op >= 235 && op < 245 && !fragment.line.empty()) { // one byte changed, never a line end
            recipe.messages[mi].clean = false;
            corrupted = true;
            const std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, fragment.line.size() - 1);
            char c = static_cast<char>(in.ConsumeIntegral<std::uint8_t>());
            fragment.line[at] = c == '\n' || c == '\r' ? ',' : c;
        } else if (op >= 245) {
            recipe.text += noise[op % noise.size()];
            recipe.text += '\n';
            recipe.lines.emplace_back(noise[op % noise.size()]);
            recipe.message_of_line.push_back(-1);
        }
        if (!fragment.line.empty()) {
            recipe.text += fragment.line;
            recipe.lines.push_back(fragment.line);
            const unsigned ending = in.ConsumeIntegralInRange<unsigned>(0, 2);
            recipe.text += ending == 0 ? "\n" : (ending == 1 ? "\r\n" : "\r");
            recipe.message_of_line.push_back(fragment.message);
        }
        if (!keep) {
            queue.erase(queue.begin() + static_cast<std::ptrdiff_t>(pick));
        }
        if (queue.empty()) {
            open.erase(open.begin() + static_cast<std::ptrdiff_t>(slot));
        }
    }
    // A corrupted fragment may now carry another message's reassembly key.
    for (auto& m : recipe.messages) {
        if (corrupted && m.fragments >= 2) {
            m.clean = false;
        }
    }
    return recipe;
}

} // namespace sagar::fuzzing
