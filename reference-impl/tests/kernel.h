// Kernel-shaped model headers for C++ tests: C linkage for everything the
// model defines, plus the model's control interface.
#ifndef REFIMPL_TESTS_KERNEL_H
#define REFIMPL_TESTS_KERNEL_H

// The kernel headers define macros (__ref, __init, likely, ...) that clash
// with the C++ standard library: every C++ header comes before them.
#include <cstdint>
#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
#include <linux/mm.h>
#include <asm/pgalloc.h>
#include <asm/tlb.h>
#include <refimpl/mmu.h>
#include <refimpl/refimpl.h>
}

#endif
