#include "text.hpp"

#include <sagar/feeds/csv_feed.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <istream>
#include <utility>

namespace sagar::feeds {
namespace {

using Column = CsvFeedReader::Column;

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        x = x >= 'A' && x <= 'Z' ? static_cast<char>(x - 'A' + 'a') : x;
        y = y >= 'A' && y <= 'Z' ? static_cast<char>(y - 'A' + 'a') : y;
        if (x != y) {
            return false;
        }
    }
    return true;
}

/// Cells that mean "no value": empty, and the DMA placeholders.
bool is_empty_value(std::string_view v) noexcept {
    return v.empty() || iequals(v, "Unknown") || iequals(v, "Unknown value") || iequals(v, "Undefined");
}

/// The whole of `v` as a decimal number (std::from_chars: locale-independent and does not allocate).
bool parse_double(std::string_view v, double& out) noexcept {
    if (!v.empty() && v.front() == '+') {
        v.remove_prefix(1);
    }
    const char* end = v.data() + v.size();
    const auto [ptr, ec] = std::from_chars(v.data(), end, out);
    return ec == std::errc{} && ptr == end && std::isfinite(out);
}

bool parse_uint(std::string_view v, std::uint64_t& out) noexcept {
    const char* end = v.data() + v.size();
    const auto [ptr, ec] = std::from_chars(v.data(), end, out);
    return !v.empty() && ec == std::errc{} && ptr == end;
}

/// `digits` decimal digits at `text[pos]`.
bool digits_at(std::string_view text, std::size_t pos, std::size_t digits, unsigned& out) noexcept {
    if (pos + digits > text.size()) {
        return false;
    }
    unsigned v = 0;
    for (std::size_t i = pos; i < pos + digits; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    out = v;
    return true;
}

constexpr bool is_leap(unsigned y) noexcept {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr unsigned days_in_month(unsigned y, unsigned m) noexcept {
    constexpr std::array<unsigned, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

std::optional<UtcTime> checked_civil(const CivilTime& t) noexcept {
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month)) {
        return std::nullopt;
    }
    return from_civil(t);
}

/// "HH:MM:SS" at `pos`, then an optional fraction and 'Z'.
bool parse_clock(std::string_view text, std::size_t pos, CivilTime& t) noexcept {
    if (!digits_at(text, pos, 2, t.hour) || text.size() < pos + 8 || text[pos + 2] != ':' ||
        !digits_at(text, pos + 3, 2, t.minute) || text[pos + 5] != ':' ||
        !digits_at(text, pos + 6, 2, t.second)) {
        return false;
    }
    std::size_t i = pos + 8;
    if (i < text.size() && text[i] == '.') {
        unsigned scale = 100;
        ++i;
        const std::size_t first = i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            t.millis += static_cast<unsigned>(text[i] - '0') * scale;
            scale /= 10;
        }
        if (i == first) {
            return false;
        }
    }
    if (i < text.size() && text[i] == 'Z') {
        ++i;
    }
    return i == text.size();
}

/// MarineCadastre: "2023-01-01T00:00:02" (csv2: a space instead of 'T'), UTC.
std::optional<UtcTime> parse_iso_time(std::string_view text) noexcept {
    CivilTime t;
    if (!digits_at(text, 0, 4, t.year) || text.size() < 11 || text[4] != '-' ||
        !digits_at(text, 5, 2, t.month) || text[7] != '-' || !digits_at(text, 8, 2, t.day) ||
        (text[10] != 'T' && text[10] != ' ') || !parse_clock(text, 11, t)) {
        return std::nullopt;
    }
    return checked_civil(t);
}

/// DMA: "01/01/2024 00:00:00", day/month/year, UTC.
std::optional<UtcTime> parse_dma_time(std::string_view text) noexcept {
    CivilTime t;
    if (!digits_at(text, 0, 2, t.day) || text.size() < 11 || text[2] != '/' ||
        !digits_at(text, 3, 2, t.month) || text[5] != '/' || !digits_at(text, 6, 4, t.year) ||
        text[10] != ' ' || !parse_clock(text, 11, t)) {
        return std::nullopt;
    }
    return checked_civil(t);
}

struct Label {
    std::string_view text;
    std::uint8_t code;
};

/// DMA navigational status labels → ITU-R M.1371 codes. Unlisted labels (and "Unknown value") → 15.
constexpr std::array<Label, 17> nav_status_labels{{
    {"Under way using engine", 0},
    {"At anchor", 1},
    {"Not under command", 2},
    {"Restricted maneuverability", 3},
    {"Restricted manoeuvrability", 3},
    {"Constrained by her draught", 4},
    {"Moored", 5},
    {"Aground", 6},
    {"Engaged in fishing", 7},
    {"Under way sailing", 8},
    {"Reserved for future amendment [HSC]", 9},
    {"Reserved for future amendment [WIG]", 10},
    {"Power-driven vessel towing astern", 11},
    {"Power-driven vessel pushing ahead or towing alongside", 12},
    {"Reserved for future use", 13},
    {"AIS-SART", 14},
    {"Unknown value", 15},
}};

/// DMA ship type labels → the first ITU code of the group (the label does not say which of 70-79 etc.).
constexpr std::array<Label, 26> ship_type_labels{{
    {"Undefined", 0},
    {"WIG", 20},
    {"Fishing", 30},
    {"Towing", 31},
    {"Towing long/wide", 32},
    {"Dredging", 33},
    {"Diving", 34},
    {"Military", 35},
    {"Sailing", 36},
    {"Pleasure", 37},
    {"Reserved", 38},
    {"HSC", 40},
    {"Pilot", 50},
    {"SAR", 51},
    {"Tug", 52},
    {"Port tender", 53},
    {"Anti-pollution", 54},
    {"Law enforcement", 55},
    {"Spare 1", 56},
    {"Spare 2", 57},
    {"Medical", 58},
    {"Not party to conflict", 59},
    {"Passenger", 60},
    {"Cargo", 70},
    {"Tanker", 80},
    {"Other", 90},
}};

template <std::size_t N>
std::optional<std::uint8_t> find_label(const std::array<Label, N>& labels, std::string_view text) noexcept {
    for (const Label& l : labels) {
        if (iequals(l.text, text)) {
            return l.code;
        }
    }
    return std::nullopt;
}

TransponderClass transponder_of(std::string_view v) noexcept {
    if (iequals(v, "A") || iequals(v, "Class A")) {
        return TransponderClass::a;
    }
    if (iequals(v, "B") || iequals(v, "Class B")) {
        return TransponderClass::b;
    }
    if (iequals(v, "Base Station") || iequals(v, "AtoN") || iequals(v, "SAR Airborne")) {
        return TransponderClass::other;
    }
    return TransponderClass::unknown;
}

struct ColumnName {
    Column column;
    std::string_view name; ///< lower case, without a leading "# "
};

/// Header names of both formats (compared case-insensitively); the two formats share no name with
/// different meanings, so one table serves both.
constexpr std::array<ColumnName, 30> column_names{{
    {Column::mmsi, "mmsi"},
    {Column::time, "basedatetime"},
    {Column::time, "base_date_time"},
    {Column::time, "timestamp"},
    {Column::lat, "lat"},
    {Column::lat, "latitude"},
    {Column::lon, "lon"},
    {Column::lon, "longitude"},
    {Column::sog, "sog"},
    {Column::cog, "cog"},
    {Column::heading, "heading"},
    {Column::status, "status"},
    {Column::status, "navigational status"},
    {Column::imo, "imo"},
    {Column::callsign, "callsign"},
    {Column::callsign, "call_sign"},
    {Column::name, "vesselname"},
    {Column::name, "vessel_name"},
    {Column::name, "name"},
    {Column::ship_type, "vesseltype"},
    {Column::ship_type, "vessel_type"},
    {Column::ship_type, "ship type"},
    {Column::length, "length"},
    {Column::width, "width"},
    {Column::draught, "draft"},
    {Column::draught, "draught"},
    {Column::destination, "destination"},
    {Column::transponder, "transceiverclass"},
    {Column::transponder, "transceiver"},
    {Column::transponder, "type of mobile"},
}};

constexpr std::array<std::string_view, static_cast<std::size_t>(Column::count)> column_labels{
    "MMSI",     "time", "latitude",  "longitude", "SOG",   "COG",     "heading",     "status",     "IMO",
    "callsign", "name", "ship type", "length",    "width", "draught", "destination", "transponder"};

std::string_view label_of(Column c) noexcept {
    return column_labels[static_cast<std::size_t>(c)];
}

/// Text quoted for an error message, cut to a readable length.
std::string quoted(std::string_view v) {
    constexpr std::size_t max = 40;
    std::string out = "'";
    out.append(v.substr(0, max));
    if (v.size() > max) {
        out += "...";
    }
    out += "'";
    return out;
}

std::uint16_t metres_u16(double v) noexcept {
    return v >= 0.5 && v < 65535.5 ? static_cast<std::uint16_t>(std::lround(v)) : 0;
}

} // namespace

std::string_view to_string(CsvFormat format) noexcept {
    switch (format) {
    case CsvFormat::unknown:
        return "unknown";
    case CsvFormat::marine_cadastre:
        return "marine_cadastre";
    case CsvFormat::dma:
        return "dma";
    }
    return "?";
}

std::string_view to_string(CsvReject reason) noexcept {
    switch (reason) {
    case CsvReject::line_too_long:
        return "line_too_long";
    case CsvReject::unterminated_quote:
        return "unterminated_quote";
    case CsvReject::field_count:
        return "field_count";
    case CsvReject::mmsi:
        return "mmsi";
    case CsvReject::timestamp:
        return "timestamp";
    case CsvReject::position:
        return "position";
    case CsvReject::number:
        return "number";
    case CsvReject::no_report:
        return "no_report";
    }
    return "?";
}

// Hand-written rather than a CSV library: this runs once per row over files of millions of rows, and the
// common case (no quotes) is one memchr per field with no copy and no allocation.
std::optional<std::size_t> split_csv_line(std::string_view line, std::span<std::string_view> fields,
                                          std::span<char> scratch, bool& too_many) noexcept {
    too_many = false;
    std::size_t count = 0;
    std::size_t used = 0; // bytes of scratch taken by earlier fields of this line
    std::size_t pos = 0;
    const std::size_t n = line.size();
    for (;;) {
        // Leading blanks before a quote are tolerated (some writers pad after the comma).
        std::size_t start = pos;
        while (start < n && (line[start] == ' ' || line[start] == '\t')) {
            ++start;
        }
        std::string_view value;
        std::size_t next = 0; // index of the comma ending this field, or n
        if (start < n && line[start] == '"') {
            std::size_t i = start + 1;
            bool escaped = false;
            for (;;) {
                const void* q = std::memchr(line.data() + i, '"', n - i);
                if (q == nullptr) {
                    return std::nullopt;
                }
                i = static_cast<std::size_t>(static_cast<const char*>(q) - line.data());
                if (i + 1 < n && line[i + 1] == '"') {
                    escaped = true;
                    i += 2;
                    continue;
                }
                break; // line[i] is the closing quote
            }
            value = line.substr(start + 1, i - start - 1);
            if (escaped) {
                // Invariant: the unescaped text is shorter than its quoted source, and the sources of
                // the line's fields do not overlap, so `used` never passes line.size() <= scratch.size().
                const std::size_t begin = used;
                for (std::size_t k = 0; k < value.size(); ++k) {
                    scratch[used++] = value[k];
                    if (value[k] == '"') {
                        ++k; // skip the second quote of the pair
                    }
                }
                value = std::string_view{scratch.data() + begin, used - begin};
            }
            // Anything between the closing quote and the comma is malformed; it is ignored.
            const void* comma = std::memchr(line.data() + i + 1, ',', n - i - 1);
            next = comma == nullptr ? n
                                    : static_cast<std::size_t>(static_cast<const char*>(comma) - line.data());
        } else {
            const void* comma = pos < n ? std::memchr(line.data() + pos, ',', n - pos) : nullptr;
            next = comma == nullptr ? n
                                    : static_cast<std::size_t>(static_cast<const char*>(comma) - line.data());
            value = trim_spaces(line.substr(pos, next - pos));
        }
        if (count == fields.size()) {
            too_many = true;
            return count;
        }
        fields[count++] = value;
        if (next >= n) {
            return count;
        }
        pos = next + 1;
    }
}

std::ptrdiff_t IstreamSource::read(std::span<char> buffer) {
    if (m_in.bad()) {
        return -1;
    }
    m_in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (m_in.bad()) {
        return -1;
    }
    return static_cast<std::ptrdiff_t>(m_in.gcount());
}

std::string IstreamSource::error() const {
    return m_in.bad() ? "stream read error" : "";
}

CsvFeedReader::CsvFeedReader(framing::ByteSource& source, std::string file_name, CsvOptions options)
    : m_source{source}
    , m_reader{source, options.max_line}
    , m_file{std::move(file_name)}
    , m_options{options}
    , m_scratch(options.max_line + 1) {
    m_columns.fill(absent);
}

std::string_view CsvFeedReader::field(Column column) const noexcept {
    const std::uint8_t index = m_columns[static_cast<std::size_t>(column)];
    return index == absent ? std::string_view{} : m_fields[index];
}

void CsvFeedReader::reject(CsvReject reason, FunctionRef<std::string()> describe) {
    ++m_stats.rejected;
    ++m_stats.rejects[static_cast<std::size_t>(reason)];
    if (m_errors.size() >= m_options.max_error_messages) {
        ++m_errors_dropped;
        return;
    }
    std::string message = m_file;
    message += ':';
    message += std::to_string(m_line);
    message += ": ";
    message += describe();
    m_errors.push_back(std::move(message));
}

bool CsvFeedReader::read_header(std::string_view line) {
    bool too_many = false;
    const auto count = split_csv_line(line, m_fields, m_scratch, too_many);
    const std::string where = m_file + ":" + std::to_string(m_line) + ": ";
    if (!count || too_many) {
        m_fatal = where + "header row is not a CSV row of at most " + std::to_string(max_fields) + " columns";
        return false;
    }
    bool has_basedatetime = false;
    bool has_type_of_mobile = false;
    for (std::size_t i = 0; i < *count; ++i) {
        std::string_view name = m_fields[i];
        if (i == 0 && name.starts_with('#')) {
            name = trim_spaces(name.substr(1)); // DMA: "# Timestamp"
        }
        for (const ColumnName& c : column_names) {
            if (iequals(c.name, name)) {
                m_columns[static_cast<std::size_t>(c.column)] = static_cast<std::uint8_t>(i);
                has_basedatetime = has_basedatetime || c.name == "basedatetime" || c.name == "base_date_time";
                has_type_of_mobile = has_type_of_mobile || c.name == "type of mobile";
            }
        }
    }
    if (has_basedatetime) {
        m_format = CsvFormat::marine_cadastre;
    } else if (has_type_of_mobile) {
        m_format = CsvFormat::dma;
    } else {
        m_fatal = where +
                  "header not recognised: expected NOAA MarineCadastre (MMSI,BaseDateTime,LAT,LON,...) "
                  "or Danish Maritime Authority (# Timestamp,Type of mobile,MMSI,...) columns";
        return false;
    }
    for (const Column c : {Column::mmsi, Column::time, Column::lat, Column::lon}) {
        if (m_columns[static_cast<std::size_t>(c)] == absent) {
            m_fatal = where + "header has no " + std::string{label_of(c)} + " column";
            m_format = CsvFormat::unknown;
            return false;
        }
    }
    m_header_fields = *count;
    m_header_first.assign(m_fields[0]);
    return true;
}

bool CsvFeedReader::next(CsvRecord& record) {
    while (!m_done) {
        const auto line = m_reader.next();
        if (!line) {
            if (m_reader.failed()) {
                m_fatal = m_file + ": read error: " + m_source.error();
            } else if (m_format == CsvFormat::unknown && m_fatal.empty()) {
                m_fatal = m_file + ": no header row";
            }
            m_done = true;
            return false;
        }
        ++m_stats.lines;
        m_line = m_reader.line_number();
        if (line->too_long) {
            if (m_format == CsvFormat::unknown) {
                m_fatal = m_file + ":" + std::to_string(m_line) + ": header row longer than " +
                          std::to_string(m_options.max_line) + " bytes";
                m_done = true;
                return false;
            }
            ++m_stats.rows;
            reject(CsvReject::line_too_long, [&] {
                return std::string{"line longer than " + std::to_string(m_options.max_line) + " bytes"};
            });
            continue;
        }
        std::string_view text = line->text;
        if (m_line == 1 && text.starts_with("\xEF\xBB\xBF")) {
            text.remove_prefix(3); // UTF-8 byte order mark written by spreadsheet tools
        }
        if (trim_spaces(text).empty()) {
            continue;
        }
        if (m_format == CsvFormat::unknown) {
            if (!read_header(text)) {
                m_done = true;
                return false;
            }
            continue;
        }
        if (parse_row(text, record)) {
            return true;
        }
    }
    return false;
}

bool CsvFeedReader::parse_row(std::string_view line, CsvRecord& record) {
    bool too_many = false;
    const auto count = split_csv_line(line, m_fields, m_scratch, too_many);
    if (count && !too_many && *count >= 1 && m_fields[0] == m_header_first) {
        return false; // the header again: files concatenated with `cat`
    }
    ++m_stats.rows;
    if (!count) {
        reject(CsvReject::unterminated_quote,
               [&] { return std::string{"quoted field without its closing quote"}; });
        return false;
    }
    if (too_many || *count != m_header_fields) {
        reject(CsvReject::field_count, [&] {
            return std::string{
                (too_many ? "more than " + std::to_string(max_fields) : std::to_string(*count)) +
                " fields where the header has " + std::to_string(m_header_fields) +
                " (an unquoted comma in a name?)"};
        });
        return false;
    }

    std::uint64_t mmsi = 0;
    if (const std::string_view v = field(Column::mmsi);
        !parse_uint(v, mmsi) || mmsi == 0 || mmsi > 999999999) {
        reject(CsvReject::mmsi,
               [&] { return std::string{"MMSI " + quoted(v) + " is not a number from 1 to 999999999"}; });
        return false;
    }
    const std::string_view time_text = field(Column::time);
    const auto time = m_format == CsvFormat::dma ? parse_dma_time(time_text) : parse_iso_time(time_text);
    if (!time) {
        reject(CsvReject::timestamp, [&] {
            return std::string{
                "time " + quoted(time_text) +
                (m_format == CsvFormat::dma ? " is not DD/MM/YYYY hh:mm:ss" : " is not YYYY-MM-DDThh:mm:ss")};
        });
        return false;
    }

    // Numeric cells: empty or a placeholder is "not available" (NaN); anything else must be a number.
    Column bad_column = Column::count;
    auto number = [&](Column c) noexcept {
        const std::string_view v = field(c);
        double out = std::numeric_limits<double>::quiet_NaN();
        if (!is_empty_value(v) && !parse_double(v, out)) {
            bad_column = bad_column == Column::count ? c : bad_column;
            out = std::numeric_limits<double>::quiet_NaN();
        }
        return out;
    };

    record.line = m_line;
    record.position.reset();
    record.identity.reset();

    const double lat = number(Column::lat);
    const double lon = number(Column::lon);
    if (bad_column != Column::count) {
        reject(CsvReject::position, [&] {
            return std::string{"position " + quoted(field(Column::lat)) + "," + quoted(field(Column::lon)) +
                               " is not a number"};
        });
        return false;
    }
    // 91/181 are the AIS not-available values (DMA writes them, with lon 0 on static-only rows).
    const bool has_position = !std::isnan(lat) && !std::isnan(lon) && lat != 91.0 && lon != 181.0;
    if (has_position && (lat < -90.0 || lat > 90.0 || lon < -180.0 || lon > 180.0)) {
        reject(CsvReject::position, [&] {
            return std::string{"position " + quoted(field(Column::lat)) + "," + quoted(field(Column::lon)) +
                               " is outside ±90/±180"};
        });
        return false;
    }

    const TransponderClass transponder = transponder_of(field(Column::transponder));
    const double sog = number(Column::sog);
    const double cog = number(Column::cog);
    const double heading = number(Column::heading);

    // Status and ship type: a number (MarineCadastre, sometimes "70.0") or a DMA label.
    auto coded = [&](Column c, const auto& labels, std::uint8_t unknown,
                     unsigned max) noexcept -> std::uint8_t {
        const std::string_view v = field(c);
        double d = 0;
        if (is_empty_value(v)) {
            return unknown;
        }
        if (parse_double(v, d)) {
            return d >= 0 && d <= max && d == std::floor(d) ? static_cast<std::uint8_t>(d) : unknown;
        }
        if (const auto code = find_label(labels, v)) {
            return *code;
        }
        return unknown;
    };
    const std::uint8_t status = coded(Column::status, nav_status_labels, 15, 15);
    const std::uint8_t ship_type = coded(Column::ship_type, ship_type_labels, 0, 255);

    // IMO: "IMO9241061" (MarineCadastre) or "9241061" (DMA); "Unknown" is empty.
    std::uint64_t imo = 0;
    if (std::string_view v = field(Column::imo); !is_empty_value(v)) {
        if (v.size() > 3 && iequals(v.substr(0, 3), "IMO")) {
            v.remove_prefix(3);
        }
        double d = 0;
        if (parse_uint(v, imo)) {
            imo = imo <= 0xFFFFFFFFU ? imo : 0;
        } else if (parse_double(v, d) && d >= 0 && d < 4294967296.0) {
            imo = static_cast<std::uint64_t>(d); // "9241061.0" from spreadsheet round trips
        } else {
            bad_column = bad_column == Column::count ? Column::imo : bad_column;
        }
    }
    const double length = number(Column::length);
    const double width = number(Column::width);
    const double draught = number(Column::draught);
    if (bad_column != Column::count) {
        reject(CsvReject::number, [&] {
            return std::string{std::string{label_of(bad_column)} + " " + quoted(field(bad_column)) +
                               " is not a number"};
        });
        return false;
    }

    if (has_position) {
        PositionReport& p = record.position.emplace();
        p.time = *time;
        p.mmsi = static_cast<std::uint32_t>(mmsi);
        p.lat = lat;
        p.lon = lon;
        // MarineCadastre keeps the AIS sentinels in degrees and knots: SOG 102.3, COG 360, heading 511.
        p.speed_knots = sog >= 0 && sog < 102.3 - 1e-6 ? static_cast<float>(sog) : not_available;
        p.course_deg = cog >= 0 && cog < 360 ? static_cast<float>(cog) : not_available;
        p.heading_deg = heading >= 0 && heading < 360 ? static_cast<float>(heading) : not_available;
        p.nav_status = status;
        p.transponder = transponder;
        ++m_stats.positions;
    }

    const std::string_view name = field(Column::name);
    std::string_view callsign = field(Column::callsign);
    callsign = is_empty_value(callsign) ? std::string_view{} : callsign;
    const std::string_view destination = field(Column::destination);
    const bool has_identity = imo != 0 || ship_type != 0 || !is_empty_value(name) || !callsign.empty() ||
                              !is_empty_value(destination) || length > 0 || width > 0 || draught > 0;
    if (has_identity) {
        IdentityReport& id = record.identity.emplace();
        id.time = *time;
        id.mmsi = static_cast<std::uint32_t>(mmsi);
        id.imo = static_cast<std::uint32_t>(imo);
        id.name.assign(is_empty_value(name) ? std::string_view{} : trim_ais_text(name));
        id.callsign.assign(trim_ais_text(callsign));
        id.destination.assign(is_empty_value(destination) ? std::string_view{} : trim_ais_text(destination));
        id.ship_type = ship_type;
        id.length_m = metres_u16(length);
        id.width_m = metres_u16(width);
        id.draught_m = draught > 0 ? static_cast<float>(draught) : not_available;
        id.transponder = transponder;
        ++m_stats.identities;
    }
    if (!has_position && !has_identity) {
        reject(CsvReject::no_report, [&] {
            return std::string{"no position (" + quoted(field(Column::lat)) + "," +
                               quoted(field(Column::lon)) + ") and no identity data"};
        });
        return false;
    }
    return true;
}

} // namespace sagar::feeds
