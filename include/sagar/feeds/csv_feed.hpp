#pragma once
// Streaming readers for the CSV exports of decoded AIS: NOAA MarineCadastre (US, 2015-2023 layout, and the
// lower-case "csv2" re-export) and the Danish Maritime Authority's aisdk files. The format is recognised
// from the header row and columns are found by name, so older files with fewer columns read too.
//
// Bad rows are normal in these files: each is counted by reason and skipped, never thrown; the first few
// are also described ("file:line: problem") for the operator. Memory is bounded: one line buffer, one
// scratch buffer, and at most CsvOptions::max_error_messages strings.
//
// Limitation: a quoted field cannot span lines (framing::LineReader splits at every line end); such a row
// is rejected as unterminated_quote. Neither format writes multi-line fields.

#include <sagar/core/function_ref.hpp>
#include <sagar/core/vessel_report.hpp>
#include <sagar/framing/line_reader.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::feeds {

enum class CsvFormat : std::uint8_t {
    unknown,         ///< header not read yet, or not recognised
    marine_cadastre, ///< NOAA MarineCadastre: MMSI,BaseDateTime,LAT,LON,... (or mmsi,base_date_time,...)
    dma,             ///< Danish Maritime Authority: # Timestamp,Type of mobile,MMSI,...
};

std::string_view to_string(CsvFormat format) noexcept;

/// Why a data row gave no report. Values are only appended.
enum class CsvReject : std::uint8_t {
    line_too_long,      ///< longer than CsvOptions::max_line
    unterminated_quote, ///< a quoted field without its closing quote
    field_count,        ///< not as many fields as the header has columns
    mmsi,               ///< MMSI missing, not a number, 0 or more than 9 digits
    timestamp,          ///< time missing or not in the format's layout, or an impossible date
    position,           ///< latitude or longitude not a number, or outside ±90/±180 (sentinels excepted)
    number,             ///< another numeric column holds text that is not a number
    no_report,          ///< neither an available position nor any identity data (e.g. DMA lat 91 rows)
};

inline constexpr std::size_t csv_reject_count = static_cast<std::size_t>(CsvReject::no_report) + 1;

std::string_view to_string(CsvReject reason) noexcept;

struct CsvStats {
    std::uint64_t lines = 0;      ///< every line read, header and blank lines included
    std::uint64_t rows = 0;       ///< data rows (not the header, repeated headers or blank lines)
    std::uint64_t positions = 0;  ///< PositionReports produced
    std::uint64_t identities = 0; ///< IdentityReports produced
    std::uint64_t rejected = 0;   ///< rows that gave nothing; the sum of `rejects`
    std::array<std::uint64_t, csv_reject_count> rejects{};

    [[nodiscard]] std::uint64_t operator[](CsvReject reason) const noexcept {
        return rejects[static_cast<std::size_t>(reason)];
    }
};

struct CsvOptions {
    std::size_t max_line = framing::default_max_line;
    /// Rejections described in error_messages(); later ones are only counted.
    std::size_t max_error_messages = 20;
};

/// What one data row gave: a position, an identity (when the row carries any static data), or both.
struct CsvRecord {
    std::uint64_t line = 0; ///< 1-based line number in the input
    std::optional<PositionReport> position;
    std::optional<IdentityReport> identity;
};

/// Reads one CSV file row by row.
///
/// Mapping: MarineCadastre SOG ≥ 102.3, COG ≥ 360 and Heading ≥ 360 (511) are not available; IMO is
/// "IMO1234567" or digits; VesselType 0-255 is the ITU code (the 2018-era 1001-1025 codes become 0);
/// Length/Width are overall metres. DMA navigational status and ship type are text, mapped to the ITU
/// code (ship type to the first code of its group, e.g. "Cargo" → 70; unknown labels → 15 / 0);
/// "Unknown", "Unknown value" and "Undefined" mean empty; lat 91 or lon 181 means no position. Empty
/// numeric cells are not available in both formats. Times are UTC.
class CsvFeedReader {
public:
    /// `file_name` only labels error messages. `source` must outlive the reader.
    CsvFeedReader(framing::ByteSource& source, std::string file_name, CsvOptions options = {});

    /// Fills `record` with the next row that gave a report; false at the end of input, after a read
    /// error, or when the header was not recognised (see fatal_error()).
    bool next(CsvRecord& record);

    [[nodiscard]] CsvFormat format() const noexcept { return m_format; }
    [[nodiscard]] const CsvStats& stats() const noexcept { return m_stats; }
    /// "file:line: problem" for the first max_error_messages rejected rows.
    [[nodiscard]] const std::vector<std::string>& error_messages() const noexcept { return m_errors; }
    /// Rejected rows beyond max_error_messages.
    [[nodiscard]] std::uint64_t error_messages_dropped() const noexcept { return m_errors_dropped; }
    /// Why reading stopped early (header not recognised, read error); empty when it did not.
    [[nodiscard]] const std::string& fatal_error() const noexcept { return m_fatal; }

    /// Columns the reader uses; their index in the header is found by name.
    enum class Column : std::uint8_t {
        mmsi,
        time,
        lat,
        lon,
        sog,
        cog,
        heading,
        status,
        imo,
        callsign,
        name,
        ship_type,
        length,
        width,
        draught,
        destination,
        transponder,
        count, ///< number of columns, not a column
    };

    /// Most fields a row may have (DMA has 26).
    static constexpr std::size_t max_fields = 48;

private:
    bool read_header(std::string_view line);
    bool parse_row(std::string_view line, CsvRecord& record);
    /// Counts a rejected row; `describe` is called only while error messages are still kept.
    void reject(CsvReject reason, FunctionRef<std::string()> describe);
    [[nodiscard]] std::string_view field(Column column) const noexcept;

    static constexpr std::uint8_t absent = 0xFF;

    framing::ByteSource& m_source;
    framing::LineReader m_reader;
    std::string m_file;
    CsvOptions m_options;
    CsvFormat m_format = CsvFormat::unknown;
    std::size_t m_header_fields = 0;
    std::string m_header_first; ///< first header field, to skip headers repeated by concatenated files
    std::array<std::uint8_t, static_cast<std::size_t>(Column::count)> m_columns{};
    std::array<std::string_view, max_fields> m_fields{};
    std::vector<char> m_scratch; ///< unescaped quoted fields ("" → ") of the current line
    CsvStats m_stats;
    std::vector<std::string> m_errors;
    std::uint64_t m_errors_dropped = 0;
    std::uint64_t m_line = 0;
    std::string m_fatal;
    bool m_done = false;
};

/// Splits one CSV line (RFC 4180 quoting, without line ends inside fields) into `fields`. Quoted fields
/// that contain "" are unescaped into `scratch`, which must be at least line.size() bytes; other fields
/// are views into `line`. Unquoted fields are trimmed of spaces and tabs. Returns the number of fields,
/// or nullopt for an unterminated quote; `too_many` is set when the line has more fields than
/// `fields.size()` (the count is then fields.size()).
std::optional<std::size_t> split_csv_line(std::string_view line, std::span<std::string_view> fields,
                                          std::span<char> scratch, bool& too_many) noexcept;

/// A ByteSource over a std::istream (the stream must outlive it).
class IstreamSource final : public framing::ByteSource {
public:
    explicit IstreamSource(std::istream& in) noexcept
        : m_in{in} {}
    std::ptrdiff_t read(std::span<char> buffer) override;
    [[nodiscard]] std::string error() const override;

private:
    std::istream& m_in;
};

} // namespace sagar::feeds
