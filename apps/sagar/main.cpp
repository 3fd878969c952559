#include <sagar/cli/cli.hpp>

int main(int argc, char** argv) {
    return sagar::cli::run(argc, argv);
}
