//===- RunDecisionsTest.cpp -----------------------------------------------===//

#include "pgmigrate/RunDecisions.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

Finding finding(const std::string &Site, FindingKind Kind,
                const std::string &Message) {
  Finding F;
  F.Rule = "zeroed-page";
  F.ObjectSite = Site;
  F.Kind = Kind;
  F.Message = Message;
  if (Kind == FindingKind::Converted)
    F.Replacements.emplace_back("/k/a.c", 10, 5, "pgtable_free(p)");
  return F;
}

TEST(RunDecisions, RoundTripsThroughJson) {
  ProvenanceFacts Unit;
  Unit.Config = "x86_64";
  Unit.Defined = {"alloc_pte"};
  RunDecisions Run = RunDecisions::of(
      {finding("/k/a.c:10", FindingKind::Converted, "replace 'x' with 'y'"),
       finding("/k/a.c:20", FindingKind::Refused, "not converted: z"),
       finding("", FindingKind::Converted, "a rename, not provenance's")},
      {Unit});
  ASSERT_EQ(Run.Decisions.size(), 2u);
  llvm::Expected<RunDecisions> Back =
      runDecisionsFromJson(runDecisionsToJson(Run));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->Units.size(), 1u);
  EXPECT_EQ(Back->Units[0].Config, "x86_64");
  EXPECT_EQ(Back->Units[0].Defined, Unit.Defined);
  const auto &D = Back->Decisions.at({"/k/a.c:10", "zeroed-page"});
  EXPECT_TRUE(D.Converted);
  EXPECT_EQ(D.Message, "replace 'x' with 'y'");
  EXPECT_FALSE(Back->Decisions.at({"/k/a.c:20", "zeroed-page"}).Converted);
}

// The CLI splits and formats a guarded free's edits before it writes the
// file (MinimalEdits.h): the decision must still say it adds the test.
TEST(RunDecisions, AGuardedFreeStaysGuardedAfterItsEditsAreSplit) {
  Finding F = finding("/k/a.c:10", FindingKind::Converted, "adds a test");
  F.GuardedReplacements = {{"/k/a.c", 10, 5, "if (p)\n\tpgtable_free(p)"}};
  F.Replacements = {{"/k/a.c", 10, 0, "if (p)\n\t"},
                    {"/k/a.c", 10, 5, "pgtable_free(p)"}};
  F.AddsNullTest = true;
  Finding Plain = finding("/k/a.c:20", FindingKind::Converted, "no test");
  Plain.GuardedReplacements = F.GuardedReplacements;
  RunDecisions Run = RunDecisions::of({F, Plain}, {});
  EXPECT_TRUE(Run.Decisions.at({"/k/a.c:10", "zeroed-page"}).AddsNullTest);
  EXPECT_FALSE(Run.Decisions.at({"/k/a.c:20", "zeroed-page"}).AddsNullTest);
}

TEST(RunDecisions, ErrorsNameTheField) {
  auto Error = [](llvm::StringRef Json) {
    llvm::Expected<RunDecisions> Run = runDecisionsFromJson(Json);
    return Run ? std::string("no error") : llvm::toString(Run.takeError());
  };
  EXPECT_EQ(Error(R"({"version": 1, "units": [], "decisions": [{"site": 3}]})"),
            "expected string at run.decisions[0].site");
  EXPECT_EQ(Error(R"({"version": 2, "units": [], "decisions": []})"),
            "facts file version 2 is not supported (this build reads "
            "version 1)");
  EXPECT_EQ(Error(R"({"version": 1, "decisions": []})"),
            "expected array at run.units");
  EXPECT_NE(Error("[").find("the facts file is not JSON"), std::string::npos);
}

TEST(RunDecisions, TheRunDecidesEverySiteItKnows) {
  RunDecisions Run = RunDecisions::of(
      {finding("/k/a.c:10", FindingKind::Converted, "replace (run)"),
       finding("/k/a.c:20", FindingKind::Refused, "not converted: run")},
      {});
  // The unit alone withdrew the first (its group crosses units) and would
  // convert the second; it does not know the third.
  Finding Withdrawn = finding("/k/a.c:10", FindingKind::Refused, "unit");
  Finding Local = finding("/k/a.c:20", FindingKind::Converted, "replace");
  Finding Unknown = finding("/k/a.c:30", FindingKind::Converted, "replace");
  Finding Rename = finding("", FindingKind::Converted, "rename");
  std::vector<Finding> Findings{Withdrawn, Local, Unknown, Rename};
  std::map<std::pair<std::string, std::string>, RuleEdits> Original;
  Original[{"/k/a.c:10", "zeroed-page"}].Plain = {
      clang::tooling::Replacement("/k/a.c", 10, 5, "pgtable_free(p)")};
  applyRunDecisions(Findings, Run, Original, "facts.json");
  EXPECT_EQ(Findings[0].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[0].Message, "replace (run)");
  ASSERT_EQ(Findings[0].Replacements.size(), 1u);
  EXPECT_EQ(Findings[0].Replacements[0].getReplacementText(),
            "pgtable_free(p)");
  EXPECT_EQ(Findings[1].Kind, FindingKind::Refused);
  EXPECT_EQ(Findings[1].Message, "not converted: run");
  EXPECT_TRUE(Findings[1].Replacements.empty());
  EXPECT_EQ(Findings[2].Kind, FindingKind::Refused);
  EXPECT_NE(Findings[2].Message.find("'facts.json' has no decision"),
            std::string::npos);
  EXPECT_EQ(Findings[3].Kind, FindingKind::Converted);
  EXPECT_EQ(Findings[3].Message, "rename");
}

} // namespace
