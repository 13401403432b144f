#include "kernel.h"
#include <gtest/gtest.h>
TEST(Placeholder, Builds) {}
