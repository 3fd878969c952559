#pragma once
// The `sagar` command line: parses the subcommand and its options, runs it, returns the exit status.

namespace sagar::cli {

/// Exit status: 0 on success (a dirty feed is still a success), 2 for unusable arguments,
/// 1 when an input cannot be read or output cannot be written.
int run(int argc, char** argv);

} // namespace sagar::cli
