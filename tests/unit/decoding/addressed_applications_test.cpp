#include "support/bit_writer.hpp"

#include <gtest/gtest.h>
