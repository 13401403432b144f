//===- ProvenanceTest.cpp -------------------------------------------------===//

#include "pgmigrate/Provenance.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace pgmigrate;

namespace {

const std::string Kexec = "/k/arch/x86/kernel/machine_kexec_64.c";
const std::string KexecShort = "arch/x86/kernel/machine_kexec_64.c";
const std::string PgallocH = "/k/arch/x86/include/asm/pgalloc.h";
const std::string Pgtable = "/k/arch/x86/mm/pgtable.c";

/// Facts of one unit, written by hand. Sites are keyed FILE:LINE0 (ten
/// times the line, as an offset would be).
class UnitBuilder {
public:
  explicit UnitBuilder(std::string Config) { Facts.Config = Config; }

  static std::string key(const std::string &File, unsigned Line) {
    return File + ":" + std::to_string(Line * 10);
  }

  /// get_zeroed_page() at File:Line; returns the site node.
  std::string alloc(const std::string &File, unsigned Line,
                    std::optional<uint64_t> Order = 0) {
    Facts.Sites.push_back({key(File, Line),
                           PairingRole::Allocation,
                           Order,
                           "",
                           "",
                           "get_zeroed_page()",
                           {File, Line}});
    return "site:" + key(File, Line);
  }
  /// free_page(Text) at File:Line, freeing node Freed; Guarded: the code
  /// tests the value for NULL first (most tests are not about NULL).
  std::string free(const std::string &File, unsigned Line,
                   const std::string &Freed, const std::string &Text,
                   std::optional<uint64_t> Order = 0, bool Guarded = true) {
    Facts.Sites.push_back({key(File, Line),
                           PairingRole::Free,
                           Order,
                           Freed,
                           Text,
                           "free_page()",
                           {File, Line},
                           Guarded});
    return "site:" + key(File, Line);
  }
  UnitBuilder &flow(const std::string &From, const std::string &To,
                    const std::string &File, unsigned Line,
                    bool NonNull = false) {
    Facts.Flows.push_back({From, To, {File, Line}, NonNull});
    return *this;
  }
  UnitBuilder &install(const std::string &Node, const std::string &Level,
                       const std::string &How, const std::string &File,
                       unsigned Line, const std::string &Mm = "") {
    Facts.Installs.push_back({Node, Level, How, {File, Line}, Mm});
    return *this;
  }
  UnitBuilder &read(const std::string &Node, const std::string &Level,
                    const std::string &How, const std::string &File,
                    unsigned Line, const std::string &Mm = "") {
    Facts.EntryReads.push_back({Node, Level, How, {File, Line}, Mm});
    return *this;
  }
  UnitBuilder &escape(const std::string &Node, const std::string &How,
                      const std::string &File, unsigned Line) {
    Facts.Escapes.push_back({Node, How, {File, Line}});
    return *this;
  }
  UnitBuilder &origin(const std::string &Node, const std::string &How,
                      const std::string &File, unsigned Line) {
    Facts.UnknownOrigins.push_back({Node, How, {File, Line}});
    return *this;
  }
  /// Callee(Argument) at File:Line, with the flow into its parameter 0.
  UnitBuilder &call(const std::string &Callee, const std::string &Argument,
                    const std::string &File, unsigned Line,
                    bool Variadic = false) {
    std::string Name = Callee.substr(Callee.rfind('#') + 1);
    Facts.Calls.push_back(
        {Callee, Name, {{0, Argument}}, Variadic, {File, Line}});
    return flow(Argument, "param:" + Facts.Config + ":" + Callee + ":0", File,
                Line);
  }
  UnitBuilder &addressTaken(const std::string &Function,
                            const std::string &File, unsigned Line) {
    std::string Name = Function.substr(Function.rfind('#') + 1);
    Facts.AddressTakenFunctions.push_back({Function, Name, {File, Line}});
    return *this;
  }
  UnitBuilder &define(const std::string &Function) {
    Facts.Defined.push_back(Function);
    return *this;
  }
  UnitBuilder &name(const std::string &Node, const std::string &Name) {
    Facts.Names[Node] = Name;
    return *this;
  }
  std::string var(const std::string &File, unsigned Offset) const {
    return "var:" + Facts.Config + ":" + File + ":" + std::to_string(Offset);
  }
  std::string field(const std::string &RecordField) const {
    return "field:" + Facts.Config + ":" + RecordField;
  }

  ProvenanceFacts Facts;
};

const char *const KexecLevels[] = {"p4d", "pud", "pmd", "pte"};

/// x86 kexec's transition tables: init_transition_pgtable() allocates a
/// table of each level, keeps it in image->arch.LEVEL and installs it;
/// free_transition_pgtable() frees the four fields through one variable.
UnitBuilder kexecUnit() {
  UnitBuilder U("x86_64");
  U.define("/k/arch/x86/kernel/machine_kexec_64.c#init_transition_pgtable")
      .define("/k/arch/x86/kernel/machine_kexec_64.c#free_transition_pgtable");
  std::string Page = U.var(Kexec, 3000);
  U.name(Page, "'page' in free_transition_pgtable()");
  for (unsigned I = 0; I < 4; ++I) {
    std::string Level = KexecLevels[I];
    unsigned Line = 160 + 10 * I;
    std::string Var = U.var(Kexec, 4000 + I);
    std::string Field = U.field("kimage_arch." + Level);
    U.name(Var, "'" + Level + "' in init_transition_pgtable()");
    U.name(Field, "image->arch." + Level);
    U.flow(U.alloc(Kexec, Line), Var, Kexec, Line)
        .flow(Var, Field, Kexec, Line + 2)
        .install(Var, Level, "installed by set_" + Level + "()", Kexec,
                 Line + 3);
    U.flow(Field, Page, Kexec, 120 + 2 * I);
    U.free(Kexec, 121 + 2 * I, Page, "page");
  }
  return U;
}

ProvenanceResult solve(std::vector<ProvenanceFacts> Units,
                       ProvenanceOptions Options = {}) {
  return solveProvenance(Units, KernelContracts::kernel(), Options);
}

const SiteDecision &decision(const ProvenanceResult &R, const std::string &File,
                             unsigned Line) {
  static const SiteDecision None;
  auto It = R.Sites.find(UnitBuilder::key(File, Line));
  EXPECT_NE(It, R.Sites.end()) << File << ":" << Line;
  return It == R.Sites.end() ? None : It->second;
}

TEST(Provenance, KexecTablesConvertAsOneGroup) {
  ProvenanceResult R = solve({kexecUnit().Facts});
  EXPECT_EQ(R.Groups, 1u);
  ASSERT_EQ(R.Sites.size(), 8u);
  for (const auto &[Key, D] : R.Sites) {
    EXPECT_TRUE(D.Convert) << Key << ": " << D.Reason;
    EXPECT_EQ(D.Reason, "");
    EXPECT_EQ(D.Group, 1u);
    EXPECT_EQ(D.GroupName, "the object allocated at " + KexecShort + ":160");
    EXPECT_FALSE(D.UnitLocal); // fields are never local
  }
  // Each allocation names the install nearest to it.
  EXPECT_EQ(decision(R, Kexec, 170).Evidence,
            "pud table, installed by set_pud() at " + KexecShort + ":173");
  EXPECT_EQ(decision(R, Kexec, 190).Evidence,
            "pte table, installed by set_pte() at " + KexecShort + ":193");
  EXPECT_EQ(decision(R, Kexec, 127).Evidence,
            "p4d table, installed by set_p4d() at " + KexecShort + ":163");
}

TEST(Provenance, AnEscapeOfOneFieldRefusesTheWholeGroup) {
  UnitBuilder U = kexecUnit();
  U.escape(U.field("kimage_arch.pud"), "is stored through a pointer", Kexec,
           300);
  ProvenanceResult R = solve({U.Facts});
  EXPECT_EQ(R.Groups, 1u);
  ASSERT_EQ(R.Sites.size(), 8u);
  for (const auto &[Key, D] : R.Sites) {
    EXPECT_FALSE(D.Convert) << Key;
    EXPECT_EQ(D.Reason, "'image->arch.pud' is stored through a pointer at " +
                            KexecShort + ":300");
    EXPECT_EQ(D.Evidence, "");
  }
}

TEST(Provenance, AReturnedTableConvertsByTheHookContract) {
  UnitBuilder U("x86_64");
  std::string Alloc = PgallocH + "#p4d_alloc_one";
  std::string Free = PgallocH + "#p4d_free";
  U.define(Alloc).define(Free);
  U.flow(U.alloc(PgallocH, 150), "ret:x86_64:" + Alloc, PgallocH, 150);
  U.free(PgallocH, 160, "param:x86_64:" + Free + ":1", "p4d");
  ProvenanceResult R = solve({U.Facts});
  EXPECT_EQ(R.Groups, 1u);
  const SiteDecision &A = decision(R, PgallocH, 150);
  const SiteDecision &F = decision(R, PgallocH, 160);
  EXPECT_TRUE(A.Convert) << A.Reason;
  EXPECT_TRUE(F.Convert) << F.Reason;
  EXPECT_EQ(A.Group, F.Group);
  EXPECT_EQ(A.Evidence, "p4d table, returned by p4d_alloc_one(), which "
                        "generic code installs (contract) at "
                        "arch/x86/include/asm/pgalloc.h:150");
  EXPECT_EQ(F.Evidence,
            "p4d table, freed by p4d_free(), which generic code calls with "
            "tables of that level (contract) at "
            "arch/x86/include/asm/pgalloc.h:160");
  EXPECT_FALSE(A.UnitLocal); // a header
}

TEST(Provenance, TheHookJoinsAllocAndFreeAcrossUnits) {
  // p4d_alloc_one() in one unit, p4d_free() in another: one object.
  UnitBuilder A("x86_64"), F("x86_64");
  A.define("p4d_alloc_one_noprof");
  A.flow(A.alloc(Pgtable, 20), "ret:x86_64:p4d_alloc_one_noprof", Pgtable, 21);
  F.define("p4d_free");
  F.free("/k/arch/x86/mm/init.c", 30, "param:x86_64:p4d_free:1", "p4d");
  ProvenanceResult R = solve({A.Facts, F.Facts});
  EXPECT_EQ(R.Groups, 1u);
  const SiteDecision &D = decision(R, Pgtable, 20);
  EXPECT_TRUE(D.Convert) << D.Reason;
  // The _noprof name of memory-allocation profiling matches the hook.
  EXPECT_EQ(D.Evidence, "p4d table, returned by p4d_alloc_one(), which "
                        "generic code installs (contract) at "
                        "arch/x86/mm/pgtable.c:21");
  EXPECT_EQ(decision(R, "/k/arch/x86/mm/init.c", 30).Group, D.Group);

  // A hook joins within one configuration only.
  UnitBuilder Arm("aarch64");
  Arm.define("p4d_free");
  Arm.free("/k/arch/arm64/mm/mmu.c", 30, "param:aarch64:p4d_free:1", "p4d");
  ProvenanceResult Two = solve({A.Facts, Arm.Facts});
  EXPECT_EQ(Two.Groups, 2u);
}

TEST(Provenance, AFreeOfAnEntryReadConvertsAtOrderZeroOnly) {
  for (uint64_t Order : {0, 1}) {
    UnitBuilder U("x86_64");
    std::string Read = "read:x86_64:" + Pgtable + ":500";
    U.read(Read, "pte", "from pmd_pgtable()", Pgtable, 50);
    U.free(Pgtable, 51, Read, "pte", Order);
    ProvenanceResult R = solve({U.Facts});
    const SiteDecision &D = decision(R, Pgtable, 51);
    EXPECT_EQ(D.GroupName, "the object freed at arch/x86/mm/pgtable.c:51");
    EXPECT_TRUE(D.UnitLocal);
    if (Order == 0) {
      EXPECT_TRUE(D.Convert) << D.Reason;
      EXPECT_EQ(D.Evidence,
                "pte table, from pmd_pgtable() at arch/x86/mm/pgtable.c:50");
      continue;
    }
    EXPECT_FALSE(D.Convert);
    EXPECT_EQ(D.Reason, "order 1 tables of its group are also read out of "
                        "page-table entries, whose allocator is not known: "
                        "above order 0 every origin must be known");
  }
}

TEST(Provenance, OrdersMustAgreeAcrossConfigurations) {
  // One header site, one order per configuration.
  const std::string H = "/k/include/asm-generic/pgalloc.h";
  std::vector<ProvenanceFacts> Units;
  for (auto [Config, Order] :
       {std::pair<const char *, uint64_t>{"x86_64", 0}, {"i386", 1}}) {
    UnitBuilder U(Config);
    std::string Var = U.var(H, 700);
    U.flow(U.alloc(H, 70, Order), Var, H, 70)
        .install(Var, "pmd", "installed by pud_populate()", H, 72);
    U.free(H, 80, Var, "pmd", Order);
    Units.push_back(U.Facts);
  }
  ProvenanceResult R = solve(Units);
  EXPECT_EQ(R.Groups, 1u);
  for (const auto &[Key, D] : R.Sites) {
    EXPECT_FALSE(D.Convert) << Key;
    EXPECT_EQ(D.Reason, "the page orders in its group disagree: order 0 at " +
                            H + ":70, order 1 at " + H + ":70");
  }
  // Each configuration alone agrees with itself.
  EXPECT_TRUE(decision(solve({Units[1]}), H, 70).Convert);
}

TEST(Provenance, OrdersMustAgreeWithinAConfiguration) {
  UnitBuilder U("x86_64");
  std::string Var = U.var(Pgtable, 100);
  U.flow(U.alloc(Pgtable, 10, 1), Var, Pgtable, 10)
      .install(Var, "pmd", "installed by pud_populate()", Pgtable, 11);
  U.free(Pgtable, 20, Var, "pmd", 0);
  // A site whose order is not a constant is left to its rule.
  U.free(Pgtable, 30, Var, "pmd", std::nullopt);
  ProvenanceResult R = solve({U.Facts});
  EXPECT_EQ(decision(R, Pgtable, 30).Reason,
            "the page orders in its group disagree: order 0 at "
            "arch/x86/mm/pgtable.c:20, order 1 at arch/x86/mm/pgtable.c:10");
}

/// An allocation installed as a pte table and passed to Callee.
UnitBuilder passedToCallee(const std::string &Callee, bool Variadic = false) {
  UnitBuilder U("x86_64");
  std::string Var = U.var(Pgtable, 400);
  U.name(Var, "'pte' in alloc_pte()");
  U.flow(U.alloc(Pgtable, 40), Var, Pgtable, 40)
      .install(Var, "pte", "installed by pmd_populate_kernel()", Pgtable, 44)
      .call(Callee, Var, Pgtable, 42, Variadic);
  return U;
}

TEST(Provenance, ACallOfAFunctionNoUnitDefinesRefuses) {
  ProvenanceResult R = solve({passedToCallee("stash_table").Facts});
  const SiteDecision &D = decision(R, Pgtable, 40);
  EXPECT_FALSE(D.Convert);
  // A name that quotes itself is not quoted again.
  EXPECT_EQ(D.Reason, "'pte' in alloc_pte() is passed to stash_table() at "
                      "arch/x86/mm/pgtable.c:42, which no compiled unit "
                      "defines");
}

TEST(Provenance, ACallOfAReaderOrADefinedFunctionDoesNotRefuse) {
  // A reader by contract, under its own name or as a static function.
  EXPECT_TRUE(
      decision(solve({passedToCallee("__pa").Facts}), Pgtable, 40).Convert);
  EXPECT_TRUE(
      decision(
          solve(
              {passedToCallee("/k/arch/x86/mm/physaddr.c#__phys_addr").Facts}),
          Pgtable, 40)
          .Convert);
  // A hook's free, defined in generic code the run may not see.
  EXPECT_TRUE(
      decision(solve({passedToCallee("pte_free_kernel").Facts}), Pgtable, 40)
          .Convert);
  // A variadic callee reads what it does not declare.
  EXPECT_TRUE(
      decision(solve({passedToCallee("printk", true).Facts}), Pgtable, 40)
          .Convert);
  // Defined by another unit of the same configuration.
  UnitBuilder Other("x86_64");
  Other.define("stash_table");
  const SiteDecision &D = decision(
      solve({passedToCallee("stash_table").Facts, Other.Facts}), Pgtable, 40);
  EXPECT_TRUE(D.Convert) << D.Reason;
  // ... but not by a unit of another one.
  UnitBuilder Arm("aarch64");
  Arm.define("stash_table");
  EXPECT_FALSE(decision(solve({passedToCallee("stash_table").Facts, Arm.Facts}),
                        Pgtable, 40)
                   .Convert);
}

TEST(Provenance, UnknownOriginsUndefinedResultsAndPointerCallsRefuse) {
  {
    UnitBuilder U("x86_64");
    std::string Var = U.var(Pgtable, 600);
    U.name(Var, "pte");
    U.read(Var, "pte", "from pmd_pgtable()", Pgtable, 59)
        .origin(Var, "is given 'p + 1'", Pgtable, 61);
    U.free(Pgtable, 62, Var, "pte");
    EXPECT_EQ(decision(solve({U.Facts}), Pgtable, 62).Reason,
              "'pte' is given 'p + 1' at arch/x86/mm/pgtable.c:61");
  }
  {
    UnitBuilder U("x86_64");
    std::string Var = U.var(Pgtable, 600);
    U.name("ret:x86_64:mystery_alloc", "the result of mystery_alloc()");
    U.flow("ret:x86_64:mystery_alloc", Var, Pgtable, 60)
        .install(Var, "pte", "installed by set_pmd()", Pgtable, 61);
    U.free(Pgtable, 62, Var, "pte");
    EXPECT_EQ(decision(solve({U.Facts}), Pgtable, 62).Reason,
              "the result of mystery_alloc() comes from mystery_alloc(), "
              "which no compiled unit defines");
  }
  {
    UnitBuilder U("x86_64");
    std::string Callback = Pgtable + "#free_cb";
    std::string Param = "param:x86_64:" + Callback + ":0";
    U.define(Callback).name(Param, "p");
    U.read(Param, "pte", "from pmd_pgtable()", Pgtable, 70)
        .addressTaken(Callback, Pgtable, 90);
    U.free(Pgtable, 71, Param, "p");
    ProvenanceResult R = solve({U.Facts});
    EXPECT_EQ(decision(R, Pgtable, 71).Reason,
              "'p' is a parameter of free_cb(), which is called through a "
              "function pointer (at arch/x86/mm/pgtable.c:90)");
  }
}

TEST(Provenance, NoEvidenceRefusesAndNamesTheObject) {
  UnitBuilder U("x86_64");
  std::string Var = U.var(Pgtable, 800);
  U.flow(U.alloc(Pgtable, 80), Var, Pgtable, 80);
  U.free(Pgtable, 81, Var, "p");
  std::string Other = U.var(Pgtable, 900);
  U.name(Other, "buf");
  U.free(Pgtable, 90, Other, "buf");
  ProvenanceResult R = solve({U.Facts});
  EXPECT_EQ(R.Groups, 2u);
  EXPECT_EQ(decision(R, Pgtable, 81).Reason,
            "no page-table evidence: the page from get_zeroed_page() at "
            "arch/x86/mm/pgtable.c:80 is never installed in a page-table "
            "entry nor read out of one");
  EXPECT_EQ(decision(R, Pgtable, 90).Reason,
            "no page-table evidence: 'buf' is never installed in a page-table "
            "entry nor read out of one");
}

/// Two tables installed at one level: two objects that share an entry type.
std::vector<ProvenanceFacts> twoPteTables() {
  std::vector<ProvenanceFacts> Units;
  for (const std::string &File :
       {std::string("/k/arch/x86/mm/a.c"), std::string("/k/arch/x86/mm/b.c")}) {
    UnitBuilder U("x86_64");
    std::string Var = U.var(File, 100);
    U.flow(U.alloc(File, 10), Var, File, 10)
        .install(Var, "pte", "installed by pmd_populate_kernel()", File, 11);
    U.free(File, 20, Var, "pte");
    Units.push_back(U.Facts);
  }
  return Units;
}

TEST(Provenance, EntriesDoNotJoinGroupsUnlessStrictFamilies) {
  ProvenanceResult R = solve(twoPteTables());
  EXPECT_EQ(R.Groups, 2u);
  EXPECT_EQ(decision(R, "/k/arch/x86/mm/a.c", 10).Group, 1u);
  EXPECT_EQ(decision(R, "/k/arch/x86/mm/b.c", 20).Group, 2u);
  EXPECT_TRUE(decision(R, "/k/arch/x86/mm/a.c", 10).UnitLocal);

  ProvenanceOptions Strict;
  Strict.StrictFamilies = true;
  ProvenanceResult S = solve(twoPteTables(), Strict);
  EXPECT_EQ(S.Groups, 1u);
  EXPECT_EQ(decision(S, "/k/arch/x86/mm/b.c", 20).Group, 1u);
  EXPECT_EQ(decision(S, "/k/arch/x86/mm/b.c", 20).GroupName,
            "the object allocated at arch/x86/mm/a.c:10");
  // The family reaches every unit of the configuration.
  EXPECT_FALSE(decision(S, "/k/arch/x86/mm/a.c", 10).UnitLocal);
}

TEST(Provenance, TheRootFieldJoinsNothing) {
  const std::string Efi = "/k/arch/x86/platform/efi/efi_64.c";
  std::vector<ProvenanceFacts> Units;
  for (const std::string &File : {Pgtable, Efi}) {
    UnitBuilder U("x86_64");
    std::string Var = U.var(File, 100);
    U.flow(U.alloc(File, 10), Var, File, 10)
        .flow(Var, U.field("mm_struct.pgd"), File, 12);
    Units.push_back(U.Facts);
  }
  UnitBuilder Free("x86_64");
  Free.free(Pgtable, 200, Free.field("mm_struct.pgd"), "mm->pgd");
  Units.push_back(Free.Facts);
  ProvenanceResult R = solve(Units);
  EXPECT_EQ(R.Groups, 3u);
  const SiteDecision &A = decision(R, Pgtable, 10);
  const SiteDecision &B = decision(R, Efi, 10);
  const SiteDecision &F = decision(R, Pgtable, 200);
  EXPECT_NE(A.Group, B.Group);
  EXPECT_NE(A.Group, F.Group);
  EXPECT_TRUE(A.Convert) << A.Reason;
  EXPECT_TRUE(F.Convert) << F.Reason;
  EXPECT_EQ(B.Evidence, "pgd table, stored in mm_struct.pgd, which holds a "
                        "root (contract) at arch/x86/platform/efi/efi_64.c:12");
  EXPECT_EQ(F.Evidence, "pgd table, read from mm_struct.pgd, which holds a "
                        "root (contract) at arch/x86/mm/pgtable.c:200");
}

ProvenanceFacts reversedFacts(ProvenanceFacts F) {
  std::reverse(F.Sites.begin(), F.Sites.end());
  std::reverse(F.Flows.begin(), F.Flows.end());
  std::reverse(F.Installs.begin(), F.Installs.end());
  std::reverse(F.EntryReads.begin(), F.EntryReads.end());
  std::reverse(F.Escapes.begin(), F.Escapes.end());
  std::reverse(F.UnknownOrigins.begin(), F.UnknownOrigins.end());
  std::reverse(F.Calls.begin(), F.Calls.end());
  std::reverse(F.Defined.begin(), F.Defined.end());
  return F;
}

void expectSameResult(const ProvenanceResult &A, const ProvenanceResult &B) {
  EXPECT_EQ(A.Groups, B.Groups);
  ASSERT_EQ(A.Sites.size(), B.Sites.size());
  for (const auto &[Key, D] : A.Sites) {
    auto It = B.Sites.find(Key);
    ASSERT_NE(It, B.Sites.end()) << Key;
    const SiteDecision &E = It->second;
    EXPECT_EQ(D.Convert, E.Convert) << Key;
    EXPECT_EQ(D.Reason, E.Reason) << Key;
    EXPECT_EQ(D.Evidence, E.Evidence) << Key;
    EXPECT_EQ(D.Group, E.Group) << Key;
    EXPECT_EQ(D.GroupName, E.GroupName) << Key;
    EXPECT_EQ(D.UnitLocal, E.UnitLocal) << Key;
  }
}

/// An i386 unit whose pmd_alloc_one() has order 1, and one node named
/// differently by two x86_64 units ('a-name' wins).
void appendOtherConfigAndNames(std::vector<ProvenanceFacts> &Units) {
  UnitBuilder I386("i386");
  I386.flow(I386.alloc(PgallocH, 150, 1), "ret:i386:pmd_alloc_one", PgallocH,
            151);
  Units.push_back(I386.Facts);
  UnitBuilder Names("x86_64");
  Names.name(Names.var("/k/arch/x86/mm/a.c", 100), "b-name");
  UnitBuilder Names2("x86_64");
  Names2.name(Names2.var("/k/arch/x86/mm/a.c", 100), "a-name");
  Names2.escape(Names2.var("/k/arch/x86/mm/a.c", 100), "is stored",
                "/k/arch/x86/mm/a.c", 13);
  Units.push_back(Names.Facts);
  Units.push_back(Names2.Facts);
}

TEST(Provenance, TheResultDoesNotDependOnTheOrderOfUnitsOrFacts) {
  std::vector<ProvenanceFacts> Units = twoPteTables();
  UnitBuilder KexecUnit = kexecUnit();
  // Two escapes: the message names the first by place, whatever the order.
  KexecUnit.escape(KexecUnit.field("kimage_arch.pmd"), "has its address taken",
                   Kexec, 400);
  KexecUnit.escape(KexecUnit.field("kimage_arch.pud"),
                   "is stored through a pointer", Kexec, 300);
  Units.push_back(KexecUnit.Facts);
  Units.push_back(passedToCallee("stash_table").Facts);
  UnitBuilder Hooks("x86_64");
  Hooks.flow(Hooks.alloc(PgallocH, 150), "ret:x86_64:pmd_alloc_one", PgallocH,
             151);
  Hooks.free(PgallocH, 160, "param:x86_64:pmd_free:1", "pmd");
  Units.push_back(Hooks.Facts);
  appendOtherConfigAndNames(Units);

  ProvenanceResult Forward = solve(Units);
  std::vector<ProvenanceFacts> Backward;
  for (auto It = Units.rbegin(); It != Units.rend(); ++It)
    Backward.push_back(reversedFacts(*It));
  expectSameResult(Forward, solve(Backward));

  EXPECT_EQ(decision(Forward, Kexec, 160).Reason,
            "'image->arch.pud' is stored through a pointer at " + KexecShort +
                ":300");
  EXPECT_EQ(decision(Forward, "/k/arch/x86/mm/a.c", 10).Reason,
            "'a-name' is stored at arch/x86/mm/a.c:13");
  EXPECT_EQ(decision(Forward, PgallocH, 150).Reason,
            "the page orders in its group disagree: order 0 at "
            "arch/x86/include/asm/pgalloc.h:150, order 1 at "
            "arch/x86/include/asm/pgalloc.h:150");
}

TEST(Provenance, MergedFactsSolveAsTheUnitsDo) {
  // --facts-out writes the facts merged by configuration, each fact once
  // (a header's facts repeat in every unit): the same solve.
  std::vector<ProvenanceFacts> Units = twoPteTables();
  Units.push_back(kexecUnit().Facts);
  Units.push_back(kexecUnit().Facts); // a header's facts, seen twice
  appendOtherConfigAndNames(Units);

  std::vector<ProvenanceFacts> Merged = mergeFactsByConfig(Units);
  ASSERT_EQ(Merged.size(), 2u);
  EXPECT_EQ(Merged[0].Config, "i386");
  EXPECT_EQ(Merged[1].Config, "x86_64");
  EXPECT_EQ(Merged[1].Flows.size(), twoPteTables()[0].Flows.size() +
                                        twoPteTables()[1].Flows.size() +
                                        kexecUnit().Facts.Flows.size());
  expectSameResult(solve(Units), solve(Merged));
}

TEST(Provenance, UnitLocalGroups) {
  // Locals, a static function of a .c file, a static global of one.
  UnitBuilder U("x86_64");
  std::string Helper = Pgtable + "#free_pt";
  std::string Cache = "global:x86_64:" + Pgtable + "#pt_cache";
  std::string Var = U.var(Pgtable, 100);
  U.define(Helper);
  U.flow(U.alloc(Pgtable, 10), Var, Pgtable, 10)
      .install(Var, "pte", "installed by pmd_populate_kernel()", Pgtable, 11)
      .flow(Var, Cache, Pgtable, 12)
      .flow(Cache, "param:x86_64:" + Helper + ":0", Pgtable, 13);
  U.free(Pgtable, 20, "param:x86_64:" + Helper + ":0", "p");
  EXPECT_TRUE(decision(solve({U.Facts}), Pgtable, 10).UnitLocal);

  // A parameter the page only goes into: its uses are the function's body,
  // the same in every unit. Local.
  UnitBuilder F = U;
  F.flow(Var, "param:x86_64:show_pt:0", Pgtable, 14).define("show_pt");
  EXPECT_TRUE(decision(solve({F.Facts}), Pgtable, 10).UnitLocal);
  // A freed parameter of an external function gets values from callers in
  // other units; so does one of a header's static function.
  UnitBuilder E = U;
  E.flow(Var, "param:x86_64:free_pt_global:0", Pgtable, 14)
      .define("free_pt_global");
  E.free(Pgtable, 40, "param:x86_64:free_pt_global:0", "p");
  EXPECT_FALSE(decision(solve({E.Facts}), Pgtable, 10).UnitLocal);
  // So is a global with external linkage.
  UnitBuilder G = U;
  G.flow(Var, "global:x86_64:pt_cache", Pgtable, 14);
  EXPECT_FALSE(decision(solve({G.Facts}), Pgtable, 10).UnitLocal);
  UnitBuilder H = U;
  H.flow(Var, "param:x86_64:" + PgallocH + "#pt_helper:0", Pgtable, 14)
      .define(PgallocH + "#pt_helper");
  H.free(Pgtable, 40, "param:x86_64:" + PgallocH + "#pt_helper:0", "p");
  EXPECT_FALSE(decision(solve({H.Facts}), Pgtable, 10).UnitLocal);
  // A site in a header.
  UnitBuilder S = U;
  S.free(PgallocH, 30, Var, "p");
  EXPECT_FALSE(decision(solve({S.Facts}), Pgtable, 10).UnitLocal);
  EXPECT_TRUE(decision(solve({S.Facts}), Pgtable, 10).Convert);
}

TEST(Provenance, AFreeThatMayGetNullNeedsATest) {
  // free_page(0) does nothing; pgtable_free(NULL) is not allowed. A field is
  // NULL until set, so an unguarded free of it converts only under a NULL
  // test the conversion adds (the allocation needs none).
  UnitBuilder U("x86_64");
  std::string Var = U.var(Kexec, 100);
  std::string Field = U.field("kimage_arch.pte");
  U.flow(U.alloc(Kexec, 10), Var, Kexec, 10)
      .flow(Var, Field, Kexec, 11)
      .install(Var, "pte", "installed by __pmd(__pa())", Kexec, 12);
  U.free(Kexec, 20, Field, "image->arch.pte", 0, /*Guarded=*/false);
  U.Facts.Names[Field] = "image->arch.pte";
  ProvenanceResult R = solve({U.Facts});
  const SiteDecision &A = decision(R, Kexec, 10), &F = decision(R, Kexec, 20);
  EXPECT_TRUE(A.Convert);
  EXPECT_TRUE(F.Convert);
  EXPECT_EQ(A.NullTest, "");
  EXPECT_EQ(F.NullTest, "the free at arch/x86/kernel/machine_kexec_64.c:20 may "
                        "be given NULL ('image->arch.pte' is NULL until it is "
                        "set), which free_page() ignores and pgtable_free() "
                        "does not accept");
}

TEST(Provenance, ReadsAndHookParametersAreNeverNull) {
  // An unguarded free of a table read out of an entry, or of a free hook's
  // parameter (generic code never frees a NULL table), converts.
  UnitBuilder U("x86_64");
  std::string Read = "read:x86_64:" + Pgtable + ":30";
  U.read(Read, "pte", "from pmd_page_vaddr()", Pgtable, 30);
  U.free(Pgtable, 31, Read, "pmd_page_vaddr(*pmd)", 0, /*Guarded=*/false);
  const std::string Free = PgallocH + "#p4d_free";
  U.free(PgallocH, 160, "param:x86_64:" + Free + ":1", "p4d", 0,
         /*Guarded=*/false);
  ProvenanceResult R = solve({U.Facts});
  EXPECT_TRUE(decision(R, Pgtable, 31).Convert)
      << decision(R, Pgtable, 31).Reason;
  EXPECT_TRUE(decision(R, PgallocH, 160).Convert)
      << decision(R, PgallocH, 160).Reason;
}

TEST(Provenance, ANullFromAnotherUnitReachesAFree) {
  // release() frees its parameter without a NULL test; one unit passes it a
  // table, another passes NULL: the free needs the test.
  UnitBuilder Frees("x86_64");
  std::string Param = "param:x86_64:release:0";
  std::string Var = Frees.var(Pgtable, 100);
  Frees.flow(Frees.alloc(Pgtable, 10), Var, Pgtable, 10)
      .install(Var, "pte", "installed by __pmd(__pa())", Pgtable, 11)
      .flow(Var, Param, Pgtable, 12, /*NonNull=*/true)
      .define("release");
  Frees.free(Pgtable, 20, Param, "pte", 0, /*Guarded=*/false);
  UnitBuilder Caller("x86_64");
  Caller.Facts.NullOrigins.push_back(
      {Param, "is given NULL by a call", {Kexec, 5}});
  ProvenanceResult Alone = solve({Frees.Facts});
  EXPECT_TRUE(decision(Alone, Pgtable, 10).Convert)
      << decision(Alone, Pgtable, 10).Reason;
  EXPECT_EQ(decision(Alone, Pgtable, 20).NullTest, "");
  ProvenanceResult Both = solve({Frees.Facts, Caller.Facts});
  EXPECT_NE(
      decision(Both, Pgtable, 20).NullTest.find("is given NULL by a call"),
      std::string::npos)
      << decision(Both, Pgtable, 20).NullTest;
}

TEST(Provenance, AboveOrderZeroEveryFreeMustBeSeen) {
  // An installed order-1 table whose free the facts do not see (it would be
  // an address computation, __free_pages(virt_to_page(p), 1)): refused.
  UnitBuilder U("x86_64");
  std::string Var = U.var(Pgtable, 100);
  U.flow(U.alloc(Pgtable, 10, 1), Var, Pgtable, 10)
      .install(Var, "pmd", "installed by __pud(__pa())", Pgtable, 11);
  ProvenanceResult Alone = solve({U.Facts});
  EXPECT_FALSE(decision(Alone, Pgtable, 10).Convert);
  EXPECT_EQ(decision(Alone, Pgtable, 10).Reason,
            "no free of its order 1 pages is seen: above order 0 every free "
            "must be known");
  // With its free seen, at the same order, it converts.
  U.free(Pgtable, 20, Var, "pmd", 1);
  ProvenanceResult Freed = solve({U.Facts});
  EXPECT_TRUE(decision(Freed, Pgtable, 10).Convert)
      << decision(Freed, Pgtable, 10).Reason;
}

/// A tree's early_pmd.c allocates a pmd and hands it to pud_populate() in
/// early_map.c; the header that defines pud_populate() lives outside the
/// tree, as the reference model's headers do in the tests. Two places
/// install the table, and two escapes refuse the group once added.
std::vector<ProvenanceFacts> treeAndHeaders(const std::string &Tree,
                                            const std::string &Headers,
                                            bool Escapes) {
  std::string Pmd = Tree + "/arch/x86/mm/early_pmd.c";
  std::string Map = Tree + "/arch/x86/mm/early_map.c";
  std::string Pgalloc = Headers + "/include/asm/pgalloc.h";
  UnitBuilder U("x86_64");
  std::string Param = "param:x86_64:pud_populate:1";
  U.flow(U.alloc(Pmd, 16), "ret:x86_64:early_pmd", Pmd, 17)
      .flow("ret:x86_64:early_pmd", Param, Map, 33)
      .install(Param, "pmd", "installed by pud_populate()", Map, 33)
      .install(Param, "pmd", "installed by __pud(__pa())", Pgalloc, 37)
      .define("pud_populate")
      .define("early_pmd");
  U.free(Pmd, 21, "ret:x86_64:early_pmd", "pmd");
  if (Escapes)
    U.escape(Param, "is stored through a pointer", Pgalloc, 38)
        .escape(Param, "has its address taken", Map, 34);
  return {U.Facts};
}

TEST(Provenance, TheResultDoesNotDependOnWhereFilesAreCheckedOut) {
  // By absolute path, a tree in /tmp sorts before headers in /work and
  // after headers in /build: neither may change what a message names.
  for (const char *Headers : {"/work/checkout", "/build/checkout", "/0"}) {
    SCOPED_TRACE(Headers);
    std::string Pmd = "/tmp/t/arch/x86/mm/early_pmd.c";
    ProvenanceResult Converted =
        solve(treeAndHeaders("/tmp/t", Headers, /*Escapes=*/false));
    EXPECT_EQ(decision(Converted, Pmd, 16).Evidence,
              "pmd table, installed by pud_populate() at "
              "arch/x86/mm/early_map.c:33");
    EXPECT_EQ(decision(Converted, Pmd, 21).Evidence,
              "pmd table, installed by pud_populate() at "
              "arch/x86/mm/early_map.c:33");
    ProvenanceResult Refused =
        solve(treeAndHeaders("/tmp/t", Headers, /*Escapes=*/true));
    EXPECT_EQ(decision(Refused, Pmd, 16).Reason,
              "'param:x86_64:pud_populate:1' has its address taken at "
              "arch/x86/mm/early_map.c:34");
  }
}

TEST(Provenance, ASiteNoConfigurationRunsIsItsOwnRefusedGroup) {
  // Unreachable in both configurations: refused, naming them. Unreachable
  // in one and live in the other: the live one decides.
  UnitBuilder X86("x86_64"), I386("i386");
  ProvenanceFacts::Site Dead{UnitBuilder::key(Pgtable, 30),
                             PairingRole::Allocation,
                             std::nullopt,
                             "",
                             "",
                             "get_zeroed_page()",
                             {Pgtable, 30}};
  X86.Facts.UnreachableSites.push_back(Dead);
  I386.Facts.UnreachableSites.push_back(Dead);
  ProvenanceFacts::Site Split = Dead;
  Split.Key = UnitBuilder::key(Pgtable, 40);
  Split.At.Line = 40;
  I386.Facts.UnreachableSites.push_back(Split);
  std::string Var = X86.var(Pgtable, 400);
  X86.flow(X86.alloc(Pgtable, 40), Var, Pgtable, 40)
      .install(Var, "pte", "installed by set_pmd()", Pgtable, 41);
  X86.free(Pgtable, 45, Var, "pte");

  ProvenanceResult R = solve({X86.Facts, I386.Facts});
  EXPECT_EQ(R.Groups, 2u);
  const SiteDecision &D = decision(R, Pgtable, 30);
  EXPECT_FALSE(D.Convert);
  EXPECT_EQ(D.Reason, "the call is in code that the run's configurations "
                      "(i386, x86_64) never run (a branch whose condition is "
                      "a constant there, or code after a return): nothing "
                      "shows what its page becomes");
  EXPECT_EQ(D.GroupName, "the object allocated at arch/x86/mm/pgtable.c:30");
  EXPECT_EQ(D.Group, 2u);
  EXPECT_FALSE(D.UnitLocal);
  EXPECT_TRUE(decision(R, Pgtable, 40).Convert)
      << decision(R, Pgtable, 40).Reason;
}

// --target=level, the solve's half: each group's level and what keeps it
// from its level's constructor and destructor.
const std::string SetMemory = "/k/arch/x86/mm/pat/set_memory.c";

TEST(ProvenanceLevelTarget, KernelPteTablesWithAnEntryFree) {
  UnitBuilder U("x86_64");
  // alloc_pte_page(): installed where no mm is in scope.
  std::string Alloc = U.alloc(SetMemory, 1341);
  U.install(Alloc, "pte", "installed by __pmd(__pa())", SetMemory, 1345);
  // try_to_free_pte_page(): a pte table read out of an entry.
  std::string Read = "read:x86_64:" + SetMemory + ":12370";
  U.read(Read, "pte", "from pmd_page_vaddr()", SetMemory, 1237);
  U.free(SetMemory, 1210, Read, "pte");
  ProvenanceResult R = solveProvenance({U.Facts}, KernelContracts::kernel());
  for (unsigned Line : {1341u, 1210u}) {
    const SiteDecision &D = R.Sites.at(UnitBuilder::key(SetMemory, Line));
    EXPECT_TRUE(D.Convert) << Line;
    EXPECT_EQ(D.Level, "pte") << Line;
    // No constructor state at pte: the free through an entry is fine.
    EXPECT_EQ(D.LevelBlocker, "") << Line;
  }
}

TEST(ProvenanceLevelTarget, APmdEntryFreeBlocksEveryPmdGroup) {
  UnitBuilder U("x86_64");
  std::string Alloc = U.alloc(SetMemory, 1351);
  U.install(Alloc, "pmd", "installed by __pud(__pa())", SetMemory, 1355);
  std::string Read = "read:x86_64:" + SetMemory + ":12480";
  U.read(Read, "pmd", "from pud_pgtable()", SetMemory, 1248);
  U.free(SetMemory, 1222, Read, "pmd");
  ProvenanceResult R = solveProvenance({U.Facts}, KernelContracts::kernel());
  const SiteDecision &A = R.Sites.at(UnitBuilder::key(SetMemory, 1351));
  EXPECT_TRUE(A.Convert);
  EXPECT_EQ(A.Level, "pmd");
  EXPECT_EQ(A.LevelBlocker,
            "free_page() at arch/x86/mm/pat/set_memory.c:1222 frees pmd "
            "tables read out of entries (x86_64), whichever allocation they "
            "come from, not through pmd_free(): a pmd_alloc_one() table must "
            "be freed by pmd_free()");
  const SiteDecision &F = R.Sites.at(UnitBuilder::key(SetMemory, 1222));
  EXPECT_EQ(F.LevelBlocker,
            "pmd_free() runs the pmd destructor, and the group frees tables "
            "read out of entries (from pud_pgtable() at "
            "arch/x86/mm/pat/set_memory.c:1248), which may come from "
            "allocations that never ran the constructor");
}

TEST(ProvenanceLevelTarget, AnEntryFreeInAnotherConfigurationDoesNotBlock) {
  UnitBuilder X("x86_64"), A("arm64");
  std::string Alloc = X.alloc(SetMemory, 1351);
  X.install(Alloc, "pmd", "installed by pud_populate()", SetMemory, 1355,
            "init_mm");
  const std::string Mmu = "/k/arch/arm64/mm/mmu.c";
  std::string Read = "read:arm64:" + Mmu + ":9000";
  A.read(Read, "pmd", "from pud_pgtable()", Mmu, 900);
  A.free(Mmu, 901, Read, "pmd");
  ProvenanceResult R =
      solveProvenance({X.Facts, A.Facts}, KernelContracts::kernel());
  EXPECT_EQ(R.Sites.at(UnitBuilder::key(SetMemory, 1351)).LevelBlocker, "");
}

TEST(ProvenanceLevelTarget, UserTablesOrderAndLevels) {
  UnitBuilder U("x86_64");
  std::string User = U.alloc(Pgtable, 10);
  U.install(User, "pte", "installed by pmd_populate_kernel()", Pgtable, 12,
            "other");
  std::string Two = U.alloc(Pgtable, 20, 1);
  U.install(Two, "pte", "installed by __pmd(__pa())", Pgtable, 22);
  U.free(Pgtable, 24, Two, "two", 1);
  std::string Root = U.alloc(Pgtable, 30);
  U.install(Root, "pgd", "stored in mm_struct.pgd", Pgtable, 32);
  ProvenanceResult R = solveProvenance({U.Facts}, KernelContracts::kernel());
  EXPECT_EQ(R.Sites.at(UnitBuilder::key(Pgtable, 10)).LevelBlocker,
            "its tables may be another mm's than init_mm's: installed by "
            "pmd_populate_kernel() at arch/x86/mm/pgtable.c:12 installs them "
            "where an mm is in scope, and --target=level converts kernel "
            "tables only");
  EXPECT_EQ(R.Sites.at(UnitBuilder::key(Pgtable, 20)).LevelBlocker,
            "its order is not 0: pte_alloc_one_kernel() allocates one page");
  EXPECT_EQ(R.Sites.at(UnitBuilder::key(Pgtable, 30)).LevelBlocker,
            "pgd tables have no per-level constructor to convert to");
}

} // namespace
