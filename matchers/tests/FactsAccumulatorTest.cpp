//===- FactsAccumulatorTest.cpp -------------------------------------------===//

#include "pgmigrate/FactsAccumulator.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace pgmigrate;

namespace {

const std::string File = "/k/include/linux/mm.h";

ProvenanceFacts::Flow flow(const std::string &From, const std::string &To,
                           unsigned Line) {
  return {From, To, {File, Line}};
}

// A header's facts (seen by every unit) and one fact of the unit's own.
ProvenanceFacts unitFacts(const std::string &Config, const std::string &Own) {
  ProvenanceFacts F;
  F.Config = Config;
  F.Flows.push_back(flow("param:" + Config + ":set_pmd:1",
                         "var:" + Config + ":" + File + ":10", 10));
  F.Flows.push_back(flow("site:" + Own, "var:" + Config + ":" + Own, 20));
  F.UnknownOrigins.push_back(
      {"var:" + Config + ":" + File + ":10", "is given 'p + 1'", {File, 11}});
  F.Calls.push_back({"set_pmd",
                     "set_pmd",
                     {{1, "var:" + Config + ":" + File + ":10"}},
                     false,
                     {File, 12}});
  F.Defined.push_back("set_pmd");
  F.Names["var:" + Config + ":" + File + ":10"] = "'pmd' in " + Own;
  return F;
}

std::vector<std::string> flowSources(const ProvenanceFacts &F) {
  std::vector<std::string> Out;
  for (const ProvenanceFacts::Flow &Fl : F.Flows)
    Out.push_back(Fl.From);
  return Out;
}

TEST(FactsAccumulatorTest, KeepsEachFactOncePerConfiguration) {
  FactsAccumulator Acc;
  Acc.add(unitFacts("x86_64", "a.c:1"), 0);
  Acc.add(unitFacts("x86_64", "b.c:1"), 1);
  Acc.add(unitFacts("aarch64", "a.c:1"), 2);
  const std::vector<ProvenanceFacts> &Facts = Acc.facts();
  ASSERT_EQ(Facts.size(), 2u);
  EXPECT_EQ(Facts[0].Config, "aarch64");
  EXPECT_EQ(Facts[1].Config, "x86_64");
  // The header's flow once, then each unit's own.
  EXPECT_EQ(flowSources(Facts[1]),
            (std::vector<std::string>{"param:x86_64:set_pmd:1", "site:a.c:1",
                                      "site:b.c:1"}));
  EXPECT_EQ(Facts[1].UnknownOrigins.size(), 1u);
  EXPECT_EQ(Facts[1].Calls.size(), 1u);
  EXPECT_EQ(Facts[1].Defined, std::vector<std::string>{"set_pmd"});
  // The least name of a node.
  EXPECT_EQ(Facts[1].Names.at("var:x86_64:" + File + ":10"), "'pmd' in a.c:1");
}

TEST(FactsAccumulatorTest, FactsThatDifferInOneFieldAreTwo) {
  FactsAccumulator Acc;
  ProvenanceFacts A = unitFacts("x86_64", "a.c:1");
  ProvenanceFacts B = A;
  B.Flows[0].NonNull = true;
  B.Calls[0].Variadic = true;
  B.UnknownOrigins[0].At.Line = 99;
  Acc.add(A, 0);
  Acc.add(B, 1);
  const ProvenanceFacts &F = Acc.facts().front();
  EXPECT_EQ(F.Flows.size(), 3u);
  EXPECT_EQ(F.Calls.size(), 2u);
  EXPECT_EQ(F.UnknownOrigins.size(), 2u);
}

// Units arriving in any order give what adding them in their order gives:
// each fact where the least unit first gives it.
TEST(FactsAccumulatorTest, TheResultDoesNotDependOnArrivalOrder) {
  std::vector<ProvenanceFacts> Units;
  for (const char *Own : {"a.c:1", "b.c:1", "c.c:1", "d.c:1"})
    Units.push_back(unitFacts("x86_64", Own));
  // Unit 2 also gives unit 0's own flow, later in its list.
  Units[2].Flows.push_back(Units[0].Flows[1]);
  std::vector<size_t> Order = {0, 1, 2, 3};
  std::string Expected;
  do {
    FactsAccumulator Acc;
    for (size_t I : Order)
      Acc.add(Units[I], I);
    std::string Got = factsToJson(Acc.take().front());
    if (Expected.empty())
      Expected = Got;
    EXPECT_EQ(Got, Expected);
  } while (std::next_permutation(Order.begin(), Order.end()));
  EXPECT_EQ(Expected, factsToJson(mergeFactsByConfig(Units).front()));
}

TEST(FactsAccumulatorTest, SoFarShowsTheFactsAsTheyCome) {
  FactsAccumulator Acc;
  Acc.add(unitFacts("x86_64", "b.c:1"), 5);
  Acc.add(unitFacts("x86_64", "a.c:1"), 1);
  std::vector<const ProvenanceFacts *> SoFar = Acc.sofar();
  ASSERT_EQ(SoFar.size(), 1u);
  EXPECT_EQ(flowSources(*SoFar.front()),
            (std::vector<std::string>{"param:x86_64:set_pmd:1", "site:b.c:1",
                                      "site:a.c:1"}));
  // The final order is the units' order.
  EXPECT_EQ(flowSources(Acc.facts().front()),
            (std::vector<std::string>{"param:x86_64:set_pmd:1", "site:a.c:1",
                                      "site:b.c:1"}));
}

} // namespace
