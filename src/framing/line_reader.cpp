#include <sagar/framing/line_reader.hpp>

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace sagar::framing {
namespace {

constexpr std::size_t read_chunk = std::size_t{256} * 1024;

/// zlib reads gzip and, transparently, uncompressed files, so one source serves both.
class ZlibFileSource final : public ByteSource {
public:
    explicit ZlibFileSource(gzFile file) noexcept
        : m_file{file} {}
    ~ZlibFileSource() override { gzclose(m_file); }
    ZlibFileSource(const ZlibFileSource&) = delete;
    ZlibFileSource& operator=(const ZlibFileSource&) = delete;

    std::ptrdiff_t read(std::span<char> buffer) override {
        const int n = gzread(m_file, buffer.data(),
                             static_cast<unsigned>(std::min<std::size_t>(buffer.size(), 1U << 30)));
        return n;
    }
    [[nodiscard]] std::string error() const override {
        int code = 0;
        const char* message = gzerror(m_file, &code);
        if (code == Z_ERRNO) {
            return std::strerror(errno);
        }
        return message != nullptr ? message : "read error";
    }

private:
    gzFile m_file;
};

} // namespace

std::unique_ptr<ByteSource> open_input(const std::string& path, std::string& error) {
    int fd = 0;
    if (path == "-") {
        fd = dup(STDIN_FILENO);
    } else {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) {
        error = path + ": " + std::strerror(errno);
        return nullptr;
    }
    gzFile file = gzdopen(fd, "rb");
    if (file == nullptr) {
        close(fd);
        error = path + ": cannot start decompression";
        return nullptr;
    }
    gzbuffer(file, read_chunk);
    return std::make_unique<ZlibFileSource>(file);
}

std::ptrdiff_t MemorySource::read(std::span<char> buffer) {
    const std::size_t n = std::min(buffer.size(), m_data.size());
    std::memcpy(buffer.data(), m_data.data(), n);
    m_data.remove_prefix(n);
    return static_cast<std::ptrdiff_t>(n);
}

LineReader::LineReader(ByteSource& source, std::size_t max_line)
    : m_source{source}
    , m_max_line{max_line}
    , m_buffer(std::max(read_chunk, 2 * max_line)) {}

bool LineReader::refill() {
    if (m_eof) {
        return false;
    }
    // Keep the unread tail (a partial line) at the front, then fill the rest.
    m_next_lf = unknown; // positions move and new bytes arrive
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    const std::ptrdiff_t n = m_source.read(std::span<char>{m_buffer.data() + m_end, m_buffer.size() - m_end});
    if (n < 0) {
        m_failed = true;
        m_eof = true;
        return false;
    }
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_end += static_cast<std::size_t>(n);
    return true;
}

std::size_t LineReader::find_line_end(std::size_t from) noexcept {
    // Two memchr calls beat a byte loop several times over on AIS-length lines. The LF position is
    // remembered so that with CR-only line ends the LF search runs once per buffer, not once per line.
    const char* data = m_buffer.data();
    if (m_next_lf == unknown || m_next_lf < from) {
        const void* lf = std::memchr(data + from, '\n', m_end - from);
        m_next_lf = lf == nullptr ? m_end : static_cast<std::size_t>(static_cast<const char*>(lf) - data);
    }
    // No LF in [from, m_next_lf): the line ends there unless a CR comes first.
    const void* cr = std::memchr(data + from, '\r', m_next_lf - from);
    return cr == nullptr ? m_next_lf : static_cast<std::size_t>(static_cast<const char*>(cr) - data);
}

std::optional<LineReader::Line> LineReader::next() {
    bool too_long = false;
    std::size_t scan = m_begin;
    while (true) {
        if (m_skip_lf && m_begin < m_end) {
            if (m_buffer[m_begin] == '\n') {
                ++m_begin;
            }
            m_skip_lf = false;
            scan = std::max(scan, m_begin);
        }
        const char* data = m_buffer.data();
        const std::size_t i = find_line_end(scan);
        if (i < m_end) {
            const std::size_t length = i - m_begin;
            m_skip_lf = data[i] == '\r';
            const std::string_view text{data + m_begin, length};
            m_begin = i + 1;
            ++m_line_number;
            if (too_long || length > m_max_line) {
                return Line{{}, true};
            }
            return Line{text, false};
        }
        if (m_end - m_begin > m_max_line) {
            // Drop what is buffered of an over-long line and keep scanning for its end.
            too_long = true;
            m_begin = m_end;
        }
        scan = m_end - m_begin; // after refill the unread bytes start at 0
        if (!refill()) {
            if (m_begin < m_end) {
                const std::string_view text{m_buffer.data() + m_begin, m_end - m_begin};
                m_begin = m_end;
                ++m_line_number;
                return too_long || text.size() > m_max_line ? Line{{}, true} : Line{text, false};
            }
            if (too_long) {
                ++m_line_number;
                return Line{{}, true};
            }
            return std::nullopt;
        }
        if (m_skip_lf) {
            scan = 0;
        }
    }
}

} // namespace sagar::framing
