//===- MemoryRelease.cpp --------------------------------------------------===//

#include "MemoryRelease.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace pgmigrate {

void mapLargeBlocksApart() {
#if defined(__GLIBC__)
  // Setting either also stops glibc from raising the threshold as large
  // blocks are freed (its dynamic threshold would grow to 32 MiB).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
}

void returnFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

} // namespace pgmigrate
