// Property tests of the paging model, with fixed seeds: the reference
// mapper and the MMU against a flat oracle under random map/unmap, splits
// that preserve every translation, and the same translations at 4 and 5
// levels for 48-bit canonical addresses.
// C++ headers come first, in kernel.h: the kernel headers define macros
// (__init, __ref, ...) that break the standard library.
#include "kernel.h"

namespace {

constexpr unsigned long kPage = 1UL << 12;
constexpr unsigned long k2M = 1UL << 21;
constexpr unsigned long k1G = 1UL << 30;
// Simulated RAM: 32 MiB of page tables; mappings point up to 1 TiB.
constexpr unsigned long kRamPages = 8192;
constexpr unsigned long kPaLimit = 1UL << 40;

// Flat oracle: disjoint extents [start, end) -> pa, prot (4K form).
struct Extent {
  unsigned long end;
  unsigned long pa;
  pgprotval_t prot;
};

class Oracle {
public:
  void map(unsigned long va, unsigned long size, unsigned long pa,
           pgprotval_t prot) {
    unmap(va, size);
    extents_[va] = {va + size, pa, prot};
  }

  void unmap(unsigned long va, unsigned long size) {
    const unsigned long end = va + size;
    auto it = extents_.lower_bound(va);
    if (it != extents_.begin()) {
      auto prev = std::prev(it);
      if (prev->second.end > va) {
        Extent whole = prev->second;
        prev->second.end = va;
        if (whole.end > end)
          extents_[end] = {whole.end, whole.pa + (end - prev->first),
                           whole.prot};
      }
    }
    it = extents_.lower_bound(va);
    while (it != extents_.end() && it->first < end) {
      if (it->second.end > end) {
        Extent rest = it->second;
        unsigned long start = it->first;
        extents_.erase(it);
        extents_[end] = {rest.end, rest.pa + (end - start), rest.prot};
        break;
      }
      it = extents_.erase(it);
    }
  }

  bool lookup(unsigned long va, unsigned long *pa, pgprotval_t *prot) const {
    auto it = extents_.upper_bound(va);
    if (it == extents_.begin())
      return false;
    --it;
    if (va >= it->second.end)
      return false;
    *pa = it->second.pa + (va - it->first);
    *prot = it->second.prot;
    return true;
  }

  const std::map<unsigned long, Extent> &extents() const { return extents_; }

private:
  std::map<unsigned long, Extent> extents_;
};

// Protections in their 4K form, including a non-present one and cache bits.
const pgprotval_t kProts[] = {
    __PAGE_KERNEL,
    __PAGE_KERNEL_RO,
    __PAGE_KERNEL_EXEC,
    __PAGE_KERNEL_ROX,
    pgprot_val(PAGE_SHARED),
    pgprot_val(PAGE_SHARED_EXEC),
    pgprot_val(PAGE_READONLY),
    pgprot_val(PAGE_READONLY_EXEC),
    pgprot_val(PAGE_NONE),
    __PAGE_KERNEL | _PAGE_PAT,
    __PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT,
};

class Rng {
public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  uint64_t below(uint64_t n) { return gen_() % n; }
  bool chance(unsigned percent) { return below(100) < percent; }
  uint64_t next() { return gen_(); }

private:
  std::mt19937_64 gen_;
};

unsigned int randomAccess(Rng &rng) {
  static const unsigned int kinds[] = {REFIMPL_ACC_READ, REFIMPL_ACC_WRITE,
                                       REFIMPL_ACC_EXEC};
  unsigned int access = kinds[rng.below(3)];
  return rng.chance(50) ? access | REFIMPL_ACC_USER : access;
}

std::string describe(const struct refimpl_translation &t) {
  std::ostringstream s;
  s << std::hex << "{ok " << t.ok << " fault " << refimpl_fault_name(t.fault)
    << " at " << t.fault_level << " level " << t.level << " pa " << t.pa
    << " leaf " << t.leaf << " w " << t.writable << " u " << t.user << " nx "
    << t.nx << "}";
  return s.str();
}

// The translation of va (with a random offset and access) agrees with the
// oracle: not present where nothing (or PROT_NONE) is mapped, else the
// oracle's frame, the protection's rights, the leaf's flags in the form of
// its size, and the fault the rights imply for the access.
testing::AssertionResult matchesOracle(pgd_t *root, const Oracle &oracle,
                                       unsigned long page, Rng &rng) {
  const unsigned long va = page + rng.below(kPage);
  const unsigned int access = randomAccess(rng);
  struct refimpl_translation t = refimpl_translate(root, va, access);
  unsigned long pa;
  pgprotval_t prot;
  auto fail = [&](const char *what) {
    return testing::AssertionFailure()
           << what << " at va " << std::hex << va << " access " << access
           << ": " << describe(t);
  };

  if (!oracle.lookup(va, &pa, &prot) || !(prot & _PAGE_PRESENT)) {
    if (t.fault != REFIMPL_FAULT_NOT_PRESENT)
      return fail("expected not present");
    return testing::AssertionSuccess();
  }
  if (t.level == PG_LEVEL_NONE)
    return fail("walk did not reach a leaf");
  if (t.pa != pa)
    return fail(("expected pa " + std::to_string(pa)).c_str());
  if (t.writable != !!(prot & _PAGE_RW) || t.user != !!(prot & _PAGE_USER) ||
      t.nx != !!(prot & _PAGE_NX))
    return fail("wrong effective rights");
  pteval_t flags = t.leaf & (PTE_FLAGS_MASK | _PAGE_PAT_LARGE);
  pteval_t want =
      t.level == PG_LEVEL_4K ? prot : protval_4k_2_large(prot) | _PAGE_PSE;
  if (t.level == PG_LEVEL_4K)
    flags &= PTE_FLAGS_MASK;
  if (flags != want)
    return fail("wrong leaf flags");
  enum refimpl_fault fault = REFIMPL_FAULT_NONE;
  if ((access & REFIMPL_ACC_USER) && !(prot & _PAGE_USER))
    fault = REFIMPL_FAULT_USER;
  else if ((access & REFIMPL_ACC_WRITE) && !(prot & _PAGE_RW))
    fault = REFIMPL_FAULT_WRITE;
  else if ((access & REFIMPL_ACC_EXEC) && (prot & _PAGE_NX))
    fault = REFIMPL_FAULT_EXEC;
  if (t.fault != fault || t.ok != (fault == REFIMPL_FAULT_NONE))
    return fail("wrong access fault");
  return testing::AssertionSuccess();
}

// A random operation on [base, base + span): map (with a 4K-, 2M- or
// 1G-aligned range and frame) or unmap.
struct Op {
  bool map;
  unsigned long va, size, pa;
  pgprotval_t prot;
  unsigned int flags;
};

Op randomOp(Rng &rng, unsigned long base, unsigned long span) {
  Op op{};
  op.map = rng.chance(60);
  unsigned long align, max_units;
  switch (rng.below(3)) {
  case 0:
    align = kPage;
    max_units = 1024; // up to 4 MiB: crosses 2 MiB boundaries
    break;
  case 1:
    align = k2M;
    max_units = 8;
    break;
  default:
    align = k1G;
    max_units = 2;
    break;
  }
  op.size = (1 + rng.below(max_units)) * align;
  op.va = base + rng.below((span - op.size) / align + 1) * align;
  // Mostly a frame of the same alignment; sometimes only 4K aligned.
  unsigned long pa_align = rng.chance(85) ? align : kPage;
  op.pa = rng.below((kPaLimit - op.size) / pa_align) * pa_align;
  op.prot = kProts[rng.below(sizeof(kProts) / sizeof(kProts[0]))];
  unsigned int r = rng.below(100);
  op.flags = r < 70 ? REFIMPL_MAP_LARGE : r < 85 ? REFIMPL_MAP_2M : 0;
  if (op.size >= k1G && op.flags == 0)
    op.flags = REFIMPL_MAP_2M; // keep 4K tables within simulated RAM
  return op;
}

int apply(pgd_t *root, Oracle *oracle, const Op &op) {
  if (!op.map) {
    if (oracle)
      oracle->unmap(op.va, op.size);
    return refimpl_unmap_range(root, op.va, op.size);
  }
  if (oracle)
    oracle->map(op.va, op.size, op.pa, op.prot);
  return refimpl_map_range(root, op.va, op.pa, op.size, __pgprot(op.prot),
                           op.flags);
}

std::string depthName(const testing::TestParamInfo<int> &info) {
  return "L" + std::to_string(info.param);
}

class PagingProperty : public testing::TestWithParam<int> {
protected:
  void SetUp() override {
    ASSERT_EQ(refimpl_set_paging_levels(GetParam()), 0);
    ASSERT_EQ(refimpl_mem_init(kRamPages), 0);
    ASSERT_EQ(refimpl_paging_init(), 0);
  }

  void TearDown() override {
    refimpl_paging_teardown();
    EXPECT_EQ(refimpl_check_leaks(), 0UL);
    EXPECT_EQ(refimpl_violation_count(), 0UL);
    if (HasFailure())
      refimpl_violations_dump();
    refimpl_mem_teardown();
  }

  // Unmaps everything: only the root table may stay allocated.
  void unmapAll(unsigned long base, unsigned long span) {
    ASSERT_EQ(refimpl_unmap_range(init_mm.pgd, base, span), 0);
    EXPECT_EQ(refimpl_live_allocations(), 1UL);
  }
};

INSTANTIATE_TEST_SUITE_P(Depth, PagingProperty, testing::Values(4, 5),
                         depthName);

// 8 GiB around a 512 GiB boundary (a pgd entry boundary at 4 levels, a p4d
// one at 5), in the kernel half.
constexpr unsigned long kRegion = 0xffff888000000000UL - 4 * k1G;
constexpr unsigned long kSpan = 8 * k1G;

TEST_P(PagingProperty, RandomMapUnmapMatchesFlatOracle) {
  Rng rng(0x5eed0001 + GetParam());
  Oracle oracle;
  const int kOps = 1500;
  for (int i = 0; i < kOps; i++) {
    Op op = randomOp(rng, kRegion, kSpan);
    ASSERT_EQ(apply(init_mm.pgd, &oracle, op), 0) << "op " << i;
    SCOPED_TRACE("op " + std::to_string(i) + (op.map ? " map " : " unmap ") +
                 std::to_string(op.va) + " + " + std::to_string(op.size));

    // The changed range: all of it when small, else its edges and samples.
    const unsigned long pages = op.size / kPage;
    if (pages <= 64) {
      for (unsigned long p = 0; p < pages; p++)
        ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle, op.va + p * kPage, rng));
    } else {
      ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle, op.va, rng));
      ASSERT_TRUE(
          matchesOracle(init_mm.pgd, oracle, op.va + op.size - kPage, rng));
      for (int s = 0; s < 32; s++)
        ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle,
                                  op.va + rng.below(pages) * kPage, rng));
    }
    // Just outside it, and inside the 1 GiB blocks a split may have touched.
    if (op.va > kRegion) {
      ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle, op.va - kPage, rng));
    }
    if (op.va + op.size < kRegion + kSpan) {
      ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle, op.va + op.size, rng));
    }
    const unsigned long block = op.va & ~(k1G - 1);
    const unsigned long blocks = (op.va + op.size - block + k1G - 1) / k1G;
    for (int s = 0; s < 16; s++)
      ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle,
                                block + rng.below(blocks * k1G / kPage) * kPage,
                                rng));
    // Anywhere.
    for (int s = 0; s < 16; s++)
      ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle,
                                kRegion + rng.below(kSpan / kPage) * kPage,
                                rng));
    // Now and then, every 2 MiB of the region.
    if (i % 100 == 99) {
      for (unsigned long c = 0; c < kSpan / k2M; c++)
        ASSERT_TRUE(matchesOracle(
            init_mm.pgd, oracle,
            kRegion + c * k2M + rng.below(k2M / kPage) * kPage, rng));
    }
  }
  // Both ends of every extent the oracle still has.
  for (const auto &e : oracle.extents()) {
    ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle, e.first, rng));
    ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle, e.second.end - kPage, rng));
  }
  EXPECT_GT(oracle.extents().size(), 10UL); // the test mapped something
  unmapAll(kRegion, kSpan);
}

// Every translation of a leaf, before and after splitting it.
TEST_P(PagingProperty, SplitPreservesEveryTranslation) {
  Rng rng(0x5eed0002 + GetParam());
  Oracle oracle;
  const unsigned long kSlots = 16; // 1 GiB slots
  const int kSplits = 1000;
  int splits_1g = 0, splits_2m = 0;
  for (int i = 0; i < kSplits; i++) {
    const unsigned long slot = kRegion + rng.below(kSlots) * k1G;
    pgprotval_t prot;
    do
      prot = kProts[rng.below(sizeof(kProts) / sizeof(kProts[0]))];
    while (!(prot & _PAGE_PRESENT));
    const bool gib = rng.chance(40);
    const unsigned long size = gib ? k1G : k2M;
    const unsigned long va = gib ? slot : slot + rng.below(k1G / k2M) * k2M;
    const unsigned long pa = rng.below(kPaLimit / size) * size;
    oracle.map(va, size, pa, prot);
    ASSERT_EQ(refimpl_map_range(init_mm.pgd, va, pa, size, __pgprot(prot),
                                REFIMPL_MAP_LARGE),
              0);

    // The pages to compare: all 512 of a 2 MiB leaf; of a 1 GiB leaf, the
    // first, last and a random page of each 2 MiB.
    std::vector<unsigned long> pages;
    if (!gib) {
      for (unsigned long p = 0; p < k2M / kPage; p++)
        pages.push_back(va + p * kPage);
    } else {
      for (unsigned long c = 0; c < k1G / k2M; c++) {
        pages.push_back(va + c * k2M);
        pages.push_back(va + c * k2M + k2M - kPage);
        pages.push_back(va + c * k2M + rng.below(k2M / kPage) * kPage);
      }
    }
    std::vector<struct refimpl_translation> before;
    for (unsigned long p : pages)
      before.push_back(refimpl_translate(init_mm.pgd, p + 0x800, 0));
    ASSERT_EQ(before[0].level, gib ? PG_LEVEL_1G : PG_LEVEL_2M);

    ASSERT_EQ(refimpl_split_leaf(init_mm.pgd, va + rng.below(size)), 0);
    (gib ? splits_1g : splits_2m)++;
    for (size_t k = 0; k < pages.size(); k++) {
      struct refimpl_translation after =
          refimpl_translate(init_mm.pgd, pages[k] + 0x800, 0);
      const struct refimpl_translation &b = before[k];
      ASSERT_TRUE(after.ok) << describe(after);
      ASSERT_EQ(after.level, gib ? PG_LEVEL_2M : PG_LEVEL_4K);
      ASSERT_EQ(after.pa, b.pa) << std::hex << pages[k];
      ASSERT_EQ(after.writable, b.writable);
      ASSERT_EQ(after.user, b.user);
      ASSERT_EQ(after.nx, b.nx);
      pteval_t leaf_flags =
          after.level == PG_LEVEL_4K
              ? protval_4k_2_large(after.leaf & PTE_FLAGS_MASK) | _PAGE_PSE
              : after.leaf & (PTE_FLAGS_MASK | _PAGE_PAT_LARGE);
      ASSERT_EQ(leaf_flags, b.leaf & (PTE_FLAGS_MASK | _PAGE_PAT_LARGE));
      ASSERT_TRUE(matchesOracle(init_mm.pgd, oracle, pages[k], rng));
    }
    // The neighbouring slots are untouched.
    for (int s = 0; s < 8; s++)
      ASSERT_TRUE(matchesOracle(
          init_mm.pgd, oracle,
          kRegion + rng.below(kSlots * k1G / kPage) * kPage, rng));
    if (rng.chance(50)) {
      oracle.unmap(va, size);
      ASSERT_EQ(refimpl_unmap_range(init_mm.pgd, va, size), 0);
    }
  }
  EXPECT_GT(splits_1g, 300);
  EXPECT_GT(splits_2m, 300);
  unmapAll(kRegion, kSlots * k1G);
}

// The same operations at both depths give the same translation for every
// sampled 48-bit canonical address, in both halves of the address space.
TEST(PagingDepths, FourAndFiveLevelsTranslateAlike) {
  // Two 8 GiB regions around 512 GiB boundaries: the top of the lower half
  // and the kernel's direct map.
  const unsigned long regions[] = {0x00007f8000000000UL - 4 * k1G, kRegion};
  const int kOps = 1200;
  std::vector<struct refimpl_translation> seen[2];

  for (int depth = 4; depth <= 5; depth++) {
    SCOPED_TRACE("depth " + std::to_string(depth));
    std::vector<struct refimpl_translation> &out = seen[depth - 4];
    ASSERT_EQ(refimpl_set_paging_levels(depth), 0);
    ASSERT_EQ(refimpl_mem_init(kRamPages), 0);
    ASSERT_EQ(refimpl_paging_init(), 0);
    Rng rng(0x5eed0003);
    for (int i = 0; i < kOps; i++) {
      const unsigned long base = regions[rng.below(2)];
      Op op = randomOp(rng, base, kSpan);
      ASSERT_EQ(apply(init_mm.pgd, nullptr, op), 0) << "op " << i;
      for (int s = 0; s < 24; s++) {
        const unsigned long region = regions[rng.below(2)];
        // Mostly inside the changed range, else anywhere in a region.
        unsigned long va =
            s < 8 ? op.va + rng.below(op.size) : region + rng.below(kSpan);
        out.push_back(refimpl_translate(init_mm.pgd, va, randomAccess(rng)));
      }
    }
    for (unsigned long base : regions)
      ASSERT_EQ(refimpl_unmap_range(init_mm.pgd, base, kSpan), 0);
    EXPECT_EQ(refimpl_live_allocations(), 1UL);
    refimpl_paging_teardown();
    EXPECT_EQ(refimpl_check_leaks(), 0UL);
    EXPECT_EQ(refimpl_violation_count(), 0UL);
    refimpl_violations_dump();
    refimpl_mem_teardown();
  }

  ASSERT_EQ(seen[0].size(), seen[1].size());
  size_t mapped = 0;
  for (size_t k = 0; k < seen[0].size(); k++) {
    const struct refimpl_translation &a = seen[0][k], &b = seen[1][k];
    // Where a walk stops may differ (one more level), never the outcome.
    bool same = a.ok == b.ok && a.fault == b.fault && a.level == b.level &&
                a.pa == b.pa && a.leaf == b.leaf && a.writable == b.writable &&
                a.user == b.user && a.nx == b.nx;
    ASSERT_TRUE(same) << "sample " << k << ": " << describe(a) << " vs "
                      << describe(b);
    mapped += a.level != PG_LEVEL_NONE;
  }
  EXPECT_GT(mapped, seen[0].size() / 4); // not all faults
  ASSERT_EQ(refimpl_set_paging_levels(4), 0);
}

} // namespace
