//===- UnitRecord.h - One unit's result as JSON, and back -------*- C++ -*-===//
//
// What the rules made of one translation unit (its findings, facts,
// coverage, the files it read with their hashes), as one JSON object: the
// facts cache (FactsCache.h) and the shard files (ShardFiles.h) store it, so
// that a unit read back takes part in the merge exactly as if it had just
// been parsed. Strings that are not UTF-8 are stored as {"hex": "..."}.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_TOOL_UNITRECORD_H
#define PGMIGRATE_TOOL_UNITRECORD_H

#include "TranslationUnitRunner.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace pgmigrate {

/// Result as JSON; nullopt when it cannot be stored exactly (facts with a
/// string that is not UTF-8, or a finding the solve has already keyed):
/// such a unit is parsed again instead.
std::optional<llvm::json::Value>
unitRecordToJson(const TranslationUnitResult &Result);

/// The record back, for Job (which the record does not hold). An error says
/// what is wrong with it.
llvm::Expected<TranslationUnitResult>
unitRecordFromJson(const llvm::json::Value &Record, const CompileJob &Job);

/// A 64-bit hash as 16 hex digits, and back.
std::string hashText(uint64_t Hash);
std::optional<uint64_t> parseHashText(llvm::StringRef Text);

} // namespace pgmigrate

#endif // PGMIGRATE_TOOL_UNITRECORD_H
