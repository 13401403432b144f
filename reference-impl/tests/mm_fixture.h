// Shared GoogleTest fixture for the reference model's mm suites: fresh
// simulated memory per test, and a strict TearDown that fails the test on
// any leak, pending deferred free or unexpected checker violation.
#ifndef REFIMPL_TESTS_MM_FIXTURE_H
#define REFIMPL_TESTS_MM_FIXTURE_H

// C++ standard headers first: the kernel headers define macros (likely,
// __init, ...) that clash with them.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <iterator>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "kernel.h"

namespace refimpl_test {

// The struct shares its name with the function that fills it.
using AllocInfo = struct refimpl_alloc_info;

// A copy of one violation: the checker's own array is freed on clear.
struct Violation {
  refimpl_violation_kind kind;
  unsigned long pfn;
  std::string alloc_api; // "" when the checker recorded NULL
  std::string free_api;
  bool has_alloc_api;
  bool has_free_api;
  unsigned int alloc_order;
  unsigned int free_order;
  std::string alloc_file;
  int alloc_line;
  std::string message;
};

inline std::vector<Violation> violations() {
  std::vector<Violation> out;
  for (size_t i = 0; i < refimpl_violation_count(); i++) {
    const refimpl_violation *v = refimpl_violation_at(i);
    Violation c;
    c.kind = v->kind;
    c.pfn = v->pfn;
    c.has_alloc_api = v->alloc_api != nullptr;
    c.alloc_api = v->alloc_api ? v->alloc_api : "";
    c.has_free_api = v->free_api != nullptr;
    c.free_api = v->free_api ? v->free_api : "";
    c.alloc_order = v->alloc_order;
    c.free_order = v->free_order;
    c.alloc_file = v->alloc_file ? v->alloc_file : "";
    c.alloc_line = v->alloc_line;
    c.message = v->message;
    out.push_back(c);
  }
  return out;
}

// Returns the recorded violations and clears them, so that a test that
// provokes violations on purpose still passes the strict TearDown.
inline std::vector<Violation> takeViolations() {
  std::vector<Violation> out = violations();
  refimpl_violations_clear();
  return out;
}

// Returns the recorded cross-family entry frees and clears them.
inline std::vector<refimpl_entry_free> takeEntryFrees() {
  std::vector<refimpl_entry_free> out;
  for (size_t i = 0; i < refimpl_cross_family_entry_frees(); i++)
    out.push_back(*refimpl_cross_family_entry_free_at(i));
  refimpl_cross_family_entry_frees_clear();
  return out;
}

inline unsigned long pfnOf(const void *addr) {
  return ((unsigned long)addr - (unsigned long)refimpl_mem_base) >> PAGE_SHIFT;
}

inline unsigned long pfnOf(unsigned long addr) {
  return pfnOf((const void *)addr);
}

inline AllocInfo infoOf(const void *addr) {
  AllocInfo info;
  EXPECT_TRUE(refimpl_alloc_info(addr, &info));
  return info;
}

inline AllocInfo infoOf(unsigned long addr) {
  return infoOf((const void *)addr);
}

// True if every byte of [addr, addr + len) is `byte`.
inline bool allBytes(const void *addr, size_t len, unsigned char byte) {
  const unsigned char *p = static_cast<const unsigned char *>(addr);
  for (size_t i = 0; i < len; i++)
    if (p[i] != byte)
      return false;
  return true;
}

inline bool allBytes(unsigned long addr, size_t len, unsigned char byte) {
  return allBytes((const void *)addr, len, byte);
}

class MmTest : public ::testing::Test {
protected:
  // Enough for naturally aligned order-10 blocks (pfn 0 is reserved).
  static constexpr unsigned long kPages = 2048;

  void SetUp() override { ASSERT_EQ(refimpl_mem_init(kPages), 0); }

  void TearDown() override {
    EXPECT_EQ(refimpl_kernel_pgtable_pending(), 0UL)
        << "deferred kernel page-table frees left queued";
    EXPECT_EQ(refimpl_check_leaks(), 0UL) << "allocations leaked";
    EXPECT_EQ(refimpl_ptlocks_live(), 0UL) << "split page-table locks leaked";
    EXPECT_EQ(refimpl_violation_count(), 0UL) << "unexpected violations";
    EXPECT_EQ(refimpl_cross_family_entry_frees(), 0UL)
        << "unexpected cross-family frees of tables read out of an entry";
    if (HasFailure()) {
      refimpl_violations_dump();
      refimpl_cross_family_entry_frees_dump();
    }
    refimpl_mem_teardown();
    refimpl_violations_clear();
    refimpl_cross_family_entry_frees_clear();
  }
};

} // namespace refimpl_test

#endif
