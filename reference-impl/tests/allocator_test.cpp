#include "kernel.h"

#include <gtest/gtest.h>

TEST(Allocator, ZeroedPage) {
  ASSERT_EQ(refimpl_mem_init(64), 0);
  unsigned long p = get_zeroed_page(GFP_KERNEL);
  ASSERT_NE(p, 0UL);
  struct refimpl_alloc_info info;
  ASSERT_TRUE(refimpl_alloc_info((void *)p, &info));
  EXPECT_STREQ(info.api, "get_zeroed_page");
  EXPECT_NE(info.file, nullptr);
  free_page(p);
  EXPECT_EQ(refimpl_check_leaks(), 0UL);
  EXPECT_EQ(refimpl_violation_count(), 0UL);
  refimpl_mem_teardown();
}
