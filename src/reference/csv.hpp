#pragma once
// A small CSV reader for the reference files (ports, detections): files of at most thousands of rows read
// once at start-up, so clarity wins over speed here (the feed reader has the fast splitter).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::reference::detail {

/// Splits one line with RFC 4180 quoting; unquoted fields are trimmed of spaces. nullopt for an
/// unterminated quote.
std::optional<std::vector<std::string>> split_csv(std::string_view line);

/// Lines of `text` split at LF, CR or CRLF, each with its 1-based number; blank lines are left out.
struct CsvLine {
    std::size_t number;
    std::string_view text;
};
std::vector<CsvLine> csv_lines(std::string_view text);

/// Index of `name` (case-insensitive) in `header`, or nullopt.
std::optional<std::size_t> column_index(const std::vector<std::string>& header, std::string_view name);

/// The whole of `text` as a finite number.
bool parse_number(std::string_view text, double& out) noexcept;

/// Reads a whole file; false (with `error`) when it cannot be read.
bool read_file(const std::string& path, std::string& out, std::string& error);

} // namespace sagar::reference::detail
