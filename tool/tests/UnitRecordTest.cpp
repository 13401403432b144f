//===- UnitRecordTest.cpp -------------------------------------------------===//

#include "UnitRecord.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
namespace json = llvm::json;

namespace {

// A result with every field set, and bytes that are not UTF-8 where the
// user's source text can put them.
TranslationUnitResult sampleResult() {
  TranslationUnitResult R;
  R.Parsed = true;
  R.Errors = "";
  R.WerrorWarnings = "a.c:1:2: warning: unused\n";
  R.Warnings = "a.c:1:2: warning: unused\nb.h:3:4: warning: shadow\n";
  Finding F;
  F.Rule = "zeroed-page";
  F.Kind = FindingKind::Converted;
  F.FilePath = "/t/a.c";
  F.Offset = 40;
  F.Line = 3;
  F.Column = 9;
  F.Message = "replace \xe9t\xe9";
  F.MessageNote = "; gains zeroing";
  F.Replacements = {{"/t/a.c", 40, 12, "pgtable_alloc(/* \xb5 */"},
                    {"/t/a.c", 60, 0, ", 0"}};
  F.GuardedReplacements = {{"/t/a.c", 70, 3, "if (p)\n\t"}};
  F.GuardedMessage = "guarded";
  F.AddsNullTest = true;
  F.SiteFile = "/t/a.c";
  F.SiteOffset = 40;
  F.SiteLength = 30;
  F.ObjectSite = "/t/a.c:40";
  F.MoreObjectSites = {"/t/b.c:7"};
  F.Role = PairingRole::Free;
  F.Order = 0xffffffffffffffffull;
  R.Findings.push_back(F);
  Finding G;
  G.Rule = "name-conflicts";
  G.FilePath = "/t/b.h";
  R.Findings.push_back(G);
  ProvenanceFacts Facts;
  Facts.Config = "x86_64";
  Facts.Defined = {"f"};
  R.Facts = Facts;
  R.ContentHashes["/t/a.c"] = 0x0123456789abcdefull;
  R.ReadFiles = {"/t/a.c", "/t/b.h"};
  R.ReadHashes = {1, 0xfedcba9876543210ull};
  R.Coverage.Files["/t/b.h"] = {{{0, 10}, {20, 30}}, {}};
  return R;
}

TEST(UnitRecordTest, RoundTripsEveryField) {
  TranslationUnitResult R = sampleResult();
  std::optional<json::Value> Record = unitRecordToJson(R);
  ASSERT_TRUE(Record);
  // Through text, as the cache and shard files store it.
  std::string Text = llvm::formatv("{0}", *Record).str();
  llvm::Expected<json::Value> Reparsed = json::parse(Text);
  ASSERT_TRUE(bool(Reparsed));
  CompileJob Job{"a.c", "/t/a.c", 3};
  llvm::Expected<TranslationUnitResult> Back =
      unitRecordFromJson(*Reparsed, Job);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Job.Path, "/t/a.c");
  EXPECT_EQ(Back->Job.Database, 3u);
  EXPECT_TRUE(Back->Parsed);
  EXPECT_EQ(Back->WerrorWarnings, R.WerrorWarnings);
  EXPECT_EQ(Back->Warnings, R.Warnings);
  ASSERT_EQ(Back->Findings.size(), 2u);
  const Finding &F = R.Findings[0], &B = Back->Findings[0];
  EXPECT_EQ(B, F);
  EXPECT_EQ(B.Message, F.Message);
  EXPECT_EQ(B.MessageNote, F.MessageNote);
  EXPECT_EQ(B.Replacements, F.Replacements);
  EXPECT_EQ(B.GuardedReplacements, F.GuardedReplacements);
  EXPECT_EQ(B.GuardedMessage, F.GuardedMessage);
  EXPECT_TRUE(B.AddsNullTest);
  EXPECT_EQ(B.SiteFile, F.SiteFile);
  EXPECT_EQ(B.SiteOffset, F.SiteOffset);
  EXPECT_EQ(B.SiteLength, F.SiteLength);
  EXPECT_EQ(B.ObjectSite, F.ObjectSite);
  EXPECT_EQ(B.MoreObjectSites, F.MoreObjectSites);
  EXPECT_EQ(B.Role, PairingRole::Free);
  EXPECT_EQ(B.Order, F.Order);
  EXPECT_FALSE(Back->Findings[1].Order);
  ASSERT_TRUE(Back->Facts);
  EXPECT_EQ(Back->Facts->Config, "x86_64");
  EXPECT_EQ(Back->Facts->Defined, R.Facts->Defined);
  EXPECT_EQ(Back->ContentHashes, R.ContentHashes);
  EXPECT_EQ(Back->ReadFiles, R.ReadFiles);
  EXPECT_EQ(Back->ReadHashes, R.ReadHashes);
  EXPECT_EQ(Back->Coverage.Files, R.Coverage.Files);
}

// Facts are stored as bytes: a name that is not UTF-8 comes back exactly.
TEST(UnitRecordTest, FactsComeBackByteForByte) {
  TranslationUnitResult R = sampleResult();
  R.Facts->Defined.push_back("caf\xe9");
  std::optional<json::Value> Record = unitRecordToJson(R);
  ASSERT_TRUE(Record);
  llvm::Expected<TranslationUnitResult> Back =
      unitRecordFromJson(*Record, CompileJob{"a.c", "/t/a.c", 0});
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  ASSERT_TRUE(Back->Facts);
  EXPECT_EQ(factsToBinary(*Back->Facts), factsToBinary(*R.Facts));
}

TEST(UnitRecordTest, DamagedFactsAreAnError) {
  json::Value Record = *unitRecordToJson(sampleResult());
  // "PGMF" and the version, then nothing.
  (*Record.getAsObject()->getObject("facts"))["binary"] = "UEdNRgI=";
  llvm::Expected<TranslationUnitResult> R =
      unitRecordFromJson(Record, CompileJob{"a.c", "/t/a.c", 0});
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "damaged binary facts: a number is damaged");
}

TEST(UnitRecordTest, AKeyedFindingIsNotStored) {
  TranslationUnitResult R = sampleResult();
  R.Findings[0].PairingKeys.push_back(PairingKey::object(1, "g", false));
  EXPECT_FALSE(unitRecordToJson(R));
}

TEST(UnitRecordTest, DamageIsAnErrorNamingWhat) {
  json::Value Record = *unitRecordToJson(sampleResult());
  CompileJob Job{"a.c", "/t/a.c", 0};
  json::Value Missing = Record;
  Missing.getAsObject()->erase("readFiles");
  llvm::Expected<TranslationUnitResult> R1 = unitRecordFromJson(Missing, Job);
  ASSERT_FALSE(bool(R1));
  EXPECT_EQ(llvm::toString(R1.takeError()), "missing \"readFiles\"");
  json::Value BadHash = Record;
  (*BadHash.getAsObject()->getArray("readFiles"))[0] =
      json::Array{"/t/a.c", "xyz"};
  llvm::Expected<TranslationUnitResult> R2 = unitRecordFromJson(BadHash, Job);
  ASSERT_FALSE(bool(R2));
  EXPECT_EQ(llvm::toString(R2.takeError()), "expected a hash of 16 hex digits");
  json::Value BadKind = Record;
  (*(*BadKind.getAsObject()->getArray("findings"))[0].getAsObject())["kind"] =
      7;
  llvm::Expected<TranslationUnitResult> R3 = unitRecordFromJson(BadKind, Job);
  ASSERT_FALSE(bool(R3));
  EXPECT_EQ(llvm::toString(R3.takeError()), "unknown finding kind");
  EXPECT_FALSE(bool(unitRecordFromJson(json::Value("x"), Job)));
}

TEST(UnitRecordTest, HashText) {
  EXPECT_EQ(hashText(0x1f), "000000000000001f");
  EXPECT_EQ(parseHashText("000000000000001f"), 0x1fu);
  EXPECT_FALSE(parseHashText("1f"));
  EXPECT_FALSE(parseHashText("00000000000000zz"));
}

} // namespace
