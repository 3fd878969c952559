#pragma once
// A scratch directory per test and per process: ctest runs the tests of one executable in parallel
// processes, so the pid is part of the name.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace sagar::storage::test {

class ScratchDir {
public:
    ScratchDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = "sagar_storage_";
        name += std::to_string(::getpid());
        name += '_';
        name += info != nullptr ? info->name() : "test";
        m_path = std::filesystem::temp_directory_path() / name;
        std::filesystem::remove_all(m_path);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace sagar::storage::test
