#pragma once
// Shared by the fuzz targets: a strict JSON syntax check of every record the output writes, and a crash
// helper that names the broken invariant before aborting (libFuzzer then saves the input).

#include <sagar/decoding/message.hpp>
#include <sagar/framing/meta.hpp>
#include <sagar/output/gpsd_json.hpp>
#include <sagar/output/json_writer.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace sagar::fuzzing {

/// Prints `what` and aborts: libFuzzer reports the abort as a crash and keeps the input.
[[noreturn]] inline void invariant_failed(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "sagar fuzz invariant failed: %s\n%.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

/// A recursive-descent check that `text` is exactly one JSON value (RFC 8259): the writer must never emit
/// an unescaped control character, a bare nan/inf, a trailing comma or an unbalanced bracket.
class JsonChecker {
public:
    static bool valid(std::string_view text) {
        JsonChecker c{text};
        c.skip_space();
        if (!c.value(0)) {
            return false;
        }
        c.skip_space();
        return c.m_pos == c.m_text.size();
    }

private:
    static constexpr int max_depth = 64;

    explicit JsonChecker(std::string_view text) noexcept
        : m_text{text} {}

    [[nodiscard]] bool at_end() const noexcept { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const noexcept { return at_end() ? '\0' : m_text[m_pos]; }
    bool eat(char c) noexcept {
        if (peek() != c || at_end()) {
            return false;
        }
        ++m_pos;
        return true;
    }
    void skip_space() noexcept {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++m_pos;
        }
    }
    bool literal(std::string_view word) noexcept {
        if (m_text.substr(m_pos, word.size()) != word) {
            return false;
        }
        m_pos += word.size();
        return true;
    }
    bool digits() noexcept {
        const std::size_t start = m_pos;
        while (!at_end() && peek() >= '0' && peek() <= '9') {
            ++m_pos;
        }
        return m_pos > start;
    }
    bool number() noexcept {
        eat('-');
        if (eat('0')) {
            // A leading zero stands alone.
        } else if (!digits()) {
            return false;
        }
        if (eat('.') && !digits()) {
            return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (!eat('+')) {
                eat('-');
            }
            return digits();
        }
        return true;
    }
    static bool is_hex(char c) noexcept {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    bool string() noexcept {
        if (!eat('"')) {
            return false;
        }
        while (!at_end()) {
            const auto c = static_cast<unsigned char>(m_text[m_pos++]);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (at_end()) {
                    return false;
                }
                const char e = m_text[m_pos++];
                if (e == 'u') {
                    for (int i = 0; i < 4; ++i) {
                        if (at_end() || !is_hex(m_text[m_pos++])) {
                            return false;
                        }
                    }
                } else if (std::string_view{"\"\\/bfnrt"}.find(e) == std::string_view::npos) {
                    return false;
                }
            }
        }
        return false;
    }
    template <class Element>
    bool sequence(char close, Element element) {
        skip_space();
        if (eat(close)) {
            return true;
        }
        while (true) {
            skip_space();
            if (!element()) {
                return false;
            }
            skip_space();
            if (eat(close)) {
                return true;
            }
            if (!eat(',')) {
                return false;
            }
        }
    }
    bool value(int depth) {
        if (depth > max_depth) {
            return false;
        }
        switch (peek()) {
        case '{':
            ++m_pos;
            return sequence('}', [&] {
                if (!string()) {
                    return false;
                }
                skip_space();
                if (!eat(':')) {
                    return false;
                }
                skip_space();
                return value(depth + 1);
            });
        case '[':
            ++m_pos;
            return sequence(']', [&] { return value(depth + 1); });
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

/// Aborts unless `record` is one valid JSON object.
inline void check_json_record(std::string_view record) {
    if (record.empty() || record.front() != '{' || !JsonChecker::valid(record)) {
        invariant_failed("write_gpsd_json produced invalid JSON", record);
    }
}

/// Writes record number `record` (1-based) into `json`, scaled and unscaled in turn, and checks it.
inline void write_and_check_record(output::JsonWriter& json, const framing::Meta& meta,
                                   const decoding::Message& message, output::GpsdJsonOptions& options,
                                   std::uint64_t record) {
    options.scaling = (record & 1U) != 0 ? output::Scaling::scaled : output::Scaling::unscaled;
    json.clear();
    output::write_gpsd_json(json, meta, message, options);
    check_json_record(json.view());
}

} // namespace sagar::fuzzing
