//===- MemoryRelease.h - Give a parsed unit's memory back -------*- C++ -*-===//
//
// A unit's AST is freed when its rules are done, but glibc's malloc keeps
// freed memory in each worker thread's arena: over a run of hundreds of
// units the process would hold the largest AST each worker ever had, and
// fragments of it, beside the facts it keeps. Large blocks (the AST's
// slabs) are mapped on their own so that freeing them unmaps them, and each
// worker trims its arena after a unit. Without glibc these do nothing.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_MEMORYRELEASE_H
#define PGMIGRATE_TOOL_MEMORYRELEASE_H

namespace pgmigrate {

/// Once, at start-up: blocks of 1 MiB and more get their own mapping.
void mapLargeBlocksApart();

/// After a unit: returns the free pages of every arena to the system.
void returnFreedMemory();

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_MEMORYRELEASE_H
