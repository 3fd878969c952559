#include <sagar/encoding/sentence_builder.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace sagar::encoding {

namespace {

constexpr std::array<char, 16> hex_digits{'0', '1', '2', '3', '4', '5', '6', '7',
                                          '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

template <class Int>
void append_int(std::string& out, Int value) {
    std::array<char, 24> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    (void)ec; // 24 characters hold any 64-bit integer
    out.append(buffer.data(), end);
}

void append_tag_block(const SentenceOptions& options, std::size_t number, std::size_t count,
                      std::string& body, std::string& out) {
    body.clear();
    if (count > 1 && options.group_id) {
        body += "g:";
        append_int(body, number);
        body += '-';
        append_int(body, count);
        body += '-';
        append_int(body, *options.group_id);
    }
    if (!options.station.empty()) {
        if (!body.empty()) {
            body += ',';
        }
        body += "s:";
        body.append(options.station);
    }
    if (options.unix_seconds) {
        if (!body.empty()) {
            body += ',';
        }
        body += "c:";
        append_int(body, *options.unix_seconds);
    }
    if (body.empty()) {
        return;
    }
    append_with_checksum('\\', body, out);
    out += '\\';
}

} // namespace

std::uint8_t checksum(std::string_view body) noexcept {
    unsigned x = 0;
    for (const char c : body) {
        x ^= static_cast<unsigned char>(c);
    }
    return static_cast<std::uint8_t>(x);
}

void append_with_checksum(char start, std::string_view body, std::string& out) {
    const std::uint8_t x = checksum(body);
    out += start;
    out.append(body);
    out += '*';
    out += hex_digits[x >> 4U];
    out += hex_digits[x & 15U];
}

std::size_t append_sentences(const BitWriter& bits, const SentenceOptions& options, std::string& out) {
    // Reused across calls: the simulator builds millions of sentences on one thread.
    thread_local std::string payload;
    thread_local std::string body;
    thread_local std::string tag;
    payload.clear();
    const unsigned fill = bits.append_payload(payload);
    const std::size_t per = std::max<std::size_t>(1, options.max_payload_chars);
    const std::size_t count = payload.empty() ? 1 : (payload.size() + per - 1) / per;
    for (std::size_t i = 0; i < count; ++i) {
        append_tag_block(options, i + 1, count, tag, out);
        body.clear();
        body.append(options.talker);
        body += "VDM,";
        append_int(body, count);
        body += ',';
        append_int(body, i + 1);
        body += ',';
        if (count > 1) {
            append_int(body, options.sequence_id % 10);
        }
        body += ',';
        body += options.channel;
        body += ',';
        body.append(payload, std::min(i * per, payload.size()), per);
        body += ',';
        append_int(body, i + 1 == count ? fill : 0U);
        append_with_checksum('!', body, out);
        out += '\n';
    }
    return count;
}

std::vector<std::string> sentences(const BitWriter& bits, const SentenceOptions& options) {
    std::string all;
    append_sentences(bits, options, all);
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (begin < all.size()) {
        const std::size_t end = all.find('\n', begin);
        out.emplace_back(all, begin, end - begin);
        begin = end + 1;
    }
    return out;
}

} // namespace sagar::encoding
