#pragma once
// Reading input line by line with bounded memory: one reusable buffer, lines handed out as views.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::framing {

/// Where bytes come from. One virtual call per buffer refill (hundreds of kilobytes), never per line.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    ByteSource() = default;
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;
    /// Reads up to `buffer.size()` bytes; returns 0 at the end, or -1 on a read error.
    virtual std::ptrdiff_t read(std::span<char> buffer) = 0;
    /// A description of the last read error.
    [[nodiscard]] virtual std::string error() const { return {}; }
};

/// A file, or standard input for "-"; gzip-compressed input is recognised by its magic bytes and
/// decompressed transparently. Returns nullptr and sets `error` when the file cannot be opened.
std::unique_ptr<ByteSource> open_input(const std::string& path, std::string& error);

/// Bytes already in memory (tests, fuzzing, embedding).
class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string_view data) noexcept
        : m_data{data} {}
    std::ptrdiff_t read(std::span<char> buffer) override;

private:
    std::string_view m_data;
};

/// Longest line accepted by default. A type 5 in one sentence with a tag block is ~200 characters; satellite
/// providers add longer tag blocks. 4 KiB keeps every real line with a wide margin.
inline constexpr std::size_t default_max_line = 4096;

/// Splits a byte stream into lines ending in LF, CR or CRLF; a last line without an end is returned too.
/// A line longer than `max_line` is skipped to its end without being buffered and reported as too long.
class LineReader {
public:
    struct Line {
        std::string_view text; ///< without its line end; empty for a too-long line
        bool too_long = false;
    };

    explicit LineReader(ByteSource& source, std::size_t max_line = default_max_line);

    /// The next line, or nullopt at the end of input (or after a read error; see failed()).
    std::optional<Line> next();
    [[nodiscard]] bool failed() const noexcept { return m_failed; }
    [[nodiscard]] std::uint64_t line_number() const noexcept { return m_line_number; }

private:
    bool refill();
    /// Index of the first LF or CR at or after `from` in the buffered bytes, or m_end when there is none.
    std::size_t find_line_end(std::size_t from) noexcept;

    static constexpr std::size_t unknown = static_cast<std::size_t>(-1);

    ByteSource& m_source;
    std::size_t m_max_line;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0; ///< first unread byte
    std::size_t m_end = 0;   ///< one past the last valid byte
    bool m_eof = false;
    bool m_failed = false;
    bool m_skip_lf = false; ///< the previous line ended in CR: a following LF belongs to it
    std::uint64_t m_line_number = 0;
    std::size_t m_next_lf = unknown; ///< first LF at or after the last search start (m_end: none), or unknown
};

} // namespace sagar::framing
