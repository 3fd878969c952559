#pragma once
// Subcommands of the `sagar` program: each registers its options on the CLI11 app and runs.

#include <CLI/CLI.hpp>

#include <functional>

namespace sagar::cli {

/// Registers `decode`; the returned action runs it after parsing and gives the exit status.
std::function<int()> add_decode_command(CLI::App& app);
/// Registers `detect`.
std::function<int()> add_detect_command(CLI::App& app);
/// Registers `simulate`.
std::function<int()> add_simulate_command(CLI::App& app);

} // namespace sagar::cli
