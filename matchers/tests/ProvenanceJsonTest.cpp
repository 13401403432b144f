//===- ProvenanceJsonTest.cpp ---------------------------------------------===//

#include "pgmigrate/ProvenanceFacts.h"
#include "gtest/gtest.h"

using namespace pgmigrate;

namespace {

ProvenanceFacts sampleFacts() {
  ProvenanceFacts F;
  F.Config = "x86_64";
  const std::string File = "/k/arch/x86/kernel/machine_kexec_64.c";
  F.Sites.push_back({File + ":5120",
                     PairingRole::Allocation,
                     0,
                     "",
                     "",
                     "get_zeroed_page()",
                     {File, 150}});
  F.Sites.push_back({File + ":6200",
                     PairingRole::Free,
                     std::nullopt,
                     "field:x86_64:kimage_arch.p4d",
                     "image->arch.p4d",
                     "free_page()",
                     {File, 120}});
  F.Sites.push_back({File + ":6300",
                     PairingRole::None,
                     uint64_t(1) << 40,
                     "",
                     "",
                     "",
                     {File, 1}});
  F.UnreachableSites.push_back({File + ":6400",
                                PairingRole::Allocation,
                                std::nullopt,
                                "",
                                "",
                                "__get_free_page()",
                                {File, 180}});
  F.Flows.push_back(
      {"site:" + File + ":5120", "var:x86_64:" + File + ":4000", {File, 160}});
  F.Installs.push_back({"var:x86_64:" + File + ":4000",
                        "p4d",
                        "installed by set_pgd()",
                        {File, 163}});
  F.EntryReads.push_back({"read:x86_64:" + File + ":7000",
                          "pud",
                          "from p4d_pgtable()",
                          {File, 170}});
  F.Escapes.push_back({"field:x86_64:kimage_arch.pud",
                       "is stored through a pointer",
                       {File, 300}});
  F.UnknownOrigins.push_back(
      {"expr:x86_64:" + File + ":7100", "is given 'p + 1'", {File, 310}});
  F.Calls.push_back({"/k/a:b.c#helper",
                     "helper",
                     {{0, "var:x86_64:" + File + ":4000"}, {2, "x"}},
                     true,
                     {File, 200}});
  F.Calls.push_back({"noargs", "noargs", {}, false, {File, 201}});
  F.IndirectCalls.push_back({"param:x86_64:create_mapping:5",
                             "expr:x86_64:" + File + ":7300",
                             {{0, "var:x86_64:" + File + ":4000"}},
                             {File, 210}});
  F.AddressTakenFunctions.push_back(
      {"/k/a.c#alloc_pgt_page", "alloc_pgt_page", {"/k/a.c", 12}});
  F.Defined = {"machine_kexec_prepare", "/k/a.c#alloc_pgt_page"};
  F.Names["field:x86_64:kimage_arch.p4d"] = "image->arch.p4d";
  F.Names["var:x86_64:" + File + ":4000"] =
      "'p4d' in init_transition_pgtable()";
  return F;
}

bool samePlace(const SourcePlace &A, const SourcePlace &B) {
  return A.File == B.File && A.Line == B.Line;
}

void expectEqualFacts(const ProvenanceFacts &A, const ProvenanceFacts &B) {
  EXPECT_EQ(A.Config, B.Config);
  ASSERT_EQ(A.Sites.size(), B.Sites.size());
  for (size_t I = 0; I < A.Sites.size(); ++I) {
    const auto &X = A.Sites[I], &Y = B.Sites[I];
    EXPECT_EQ(X.Key, Y.Key);
    EXPECT_EQ(X.Role, Y.Role);
    EXPECT_EQ(X.Order, Y.Order);
    EXPECT_EQ(X.Freed, Y.Freed);
    EXPECT_EQ(X.FreedText, Y.FreedText);
    EXPECT_EQ(X.Call, Y.Call);
    EXPECT_TRUE(samePlace(X.At, Y.At));
  }
  ASSERT_EQ(A.UnreachableSites.size(), B.UnreachableSites.size());
  for (size_t I = 0; I < A.UnreachableSites.size(); ++I) {
    const auto &X = A.UnreachableSites[I], &Y = B.UnreachableSites[I];
    EXPECT_EQ(X.Key, Y.Key);
    EXPECT_EQ(X.Role, Y.Role);
    EXPECT_EQ(X.Call, Y.Call);
    EXPECT_TRUE(samePlace(X.At, Y.At));
  }
  ASSERT_EQ(A.Flows.size(), B.Flows.size());
  for (size_t I = 0; I < A.Flows.size(); ++I) {
    EXPECT_EQ(A.Flows[I].From, B.Flows[I].From);
    EXPECT_EQ(A.Flows[I].To, B.Flows[I].To);
    EXPECT_TRUE(samePlace(A.Flows[I].At, B.Flows[I].At));
  }
  auto SameLevelFacts = [](const auto &X, const auto &Y) {
    ASSERT_EQ(X.size(), Y.size());
    for (size_t I = 0; I < X.size(); ++I) {
      EXPECT_EQ(X[I].Node, Y[I].Node);
      EXPECT_EQ(X[I].Level, Y[I].Level);
      EXPECT_EQ(X[I].How, Y[I].How);
      EXPECT_TRUE(samePlace(X[I].At, Y[I].At));
    }
  };
  SameLevelFacts(A.Installs, B.Installs);
  SameLevelFacts(A.EntryReads, B.EntryReads);
  auto SameUnknowns = [](const auto &X, const auto &Y) {
    ASSERT_EQ(X.size(), Y.size());
    for (size_t I = 0; I < X.size(); ++I) {
      EXPECT_EQ(X[I].Node, Y[I].Node);
      EXPECT_EQ(X[I].How, Y[I].How);
      EXPECT_TRUE(samePlace(X[I].At, Y[I].At));
    }
  };
  SameUnknowns(A.Escapes, B.Escapes);
  SameUnknowns(A.UnknownOrigins, B.UnknownOrigins);
  ASSERT_EQ(A.Calls.size(), B.Calls.size());
  for (size_t I = 0; I < A.Calls.size(); ++I) {
    EXPECT_EQ(A.Calls[I].Callee, B.Calls[I].Callee);
    EXPECT_EQ(A.Calls[I].CalleeName, B.Calls[I].CalleeName);
    EXPECT_EQ(A.Calls[I].Arguments, B.Calls[I].Arguments);
    EXPECT_EQ(A.Calls[I].Variadic, B.Calls[I].Variadic);
    EXPECT_TRUE(samePlace(A.Calls[I].At, B.Calls[I].At));
  }
  ASSERT_EQ(A.IndirectCalls.size(), B.IndirectCalls.size());
  for (size_t I = 0; I < A.IndirectCalls.size(); ++I) {
    EXPECT_EQ(A.IndirectCalls[I].Pointer, B.IndirectCalls[I].Pointer);
    EXPECT_EQ(A.IndirectCalls[I].Result, B.IndirectCalls[I].Result);
    EXPECT_EQ(A.IndirectCalls[I].Arguments, B.IndirectCalls[I].Arguments);
    EXPECT_TRUE(samePlace(A.IndirectCalls[I].At, B.IndirectCalls[I].At));
  }
  ASSERT_EQ(A.AddressTakenFunctions.size(), B.AddressTakenFunctions.size());
  for (size_t I = 0; I < A.AddressTakenFunctions.size(); ++I) {
    EXPECT_EQ(A.AddressTakenFunctions[I].Function,
              B.AddressTakenFunctions[I].Function);
    EXPECT_EQ(A.AddressTakenFunctions[I].Name, B.AddressTakenFunctions[I].Name);
    EXPECT_TRUE(samePlace(A.AddressTakenFunctions[I].At,
                          B.AddressTakenFunctions[I].At));
  }
  EXPECT_EQ(A.Defined, B.Defined);
  EXPECT_EQ(A.Names, B.Names);
}

TEST(ProvenanceJson, RoundTrip) {
  ProvenanceFacts Facts = sampleFacts();
  std::string Json = factsToJson(Facts);
  llvm::Expected<ProvenanceFacts> Back = factsFromJson(Json);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  expectEqualFacts(Facts, *Back);
  EXPECT_EQ(factsToJson(*Back), Json);
}

TEST(ProvenanceJson, EmptyFactsRoundTrip) {
  ProvenanceFacts Facts;
  llvm::Expected<ProvenanceFacts> Back = factsFromJson(factsToJson(Facts));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  expectEqualFacts(Facts, *Back);
}

TEST(ProvenanceJson, TheShapeIsTheDocumentedOne) {
  std::string Json = factsToJson(sampleFacts());
  EXPECT_NE(Json.find("\"version\":2"), std::string::npos) << Json;
  EXPECT_NE(Json.find("\"at\":[\"/k/arch/x86/kernel/machine_kexec_64.c\",150]"),
            std::string::npos)
      << Json;
  EXPECT_NE(Json.find("\"role\":\"allocation\""), std::string::npos);
  EXPECT_NE(Json.find("\"arguments\":[[0,"), std::string::npos);
  EXPECT_NE(Json.find("\"order\":1099511627776"), std::string::npos);
}

/// The error factsFromJson gives for Json, "" when it reads it.
std::string errorOf(llvm::StringRef Json) {
  llvm::Expected<ProvenanceFacts> Facts = factsFromJson(Json);
  if (Facts)
    return "";
  return llvm::toString(Facts.takeError());
}

/// Valid facts with Old replaced by New.
std::string edited(llvm::StringRef Old, llvm::StringRef New) {
  std::string Json = factsToJson(sampleFacts());
  size_t At = Json.find(Old.str());
  EXPECT_NE(At, std::string::npos) << Old.str();
  if (At != std::string::npos)
    Json.replace(At, Old.size(), New.str());
  return Json;
}

TEST(ProvenanceJson, MalformedInputIsRejectedWithItsPlace) {
  EXPECT_EQ(errorOf(factsToJson(sampleFacts())), "");
  EXPECT_NE(errorOf("{\"version\": 1,").find("facts are not JSON"),
            std::string::npos);
  EXPECT_EQ(errorOf("[]"), "expected object at facts");
  EXPECT_EQ(errorOf("{}"), "missing value at facts.version");
  EXPECT_EQ(errorOf(edited("\"version\":2", "\"version\":1")),
            "facts version 1 is not supported (this build reads version 2)");
  EXPECT_EQ(errorOf(edited("\"version\":2", "\"version\":\"2\"")),
            "expected an integer at facts.version");
  EXPECT_EQ(errorOf(edited("\"config\":\"x86_64\",", "")),
            "missing value at facts.config");
  EXPECT_EQ(errorOf(edited("\"flows\":[", "\"flows\":{\"a\":1},\"x\":[")),
            "expected array at facts.flows");
  EXPECT_EQ(errorOf(edited("\"role\":\"allocation\"", "\"role\":\"alloc\"")),
            "expected \"allocation\", \"free\" or \"none\" at "
            "facts.sites[0].role");
  EXPECT_EQ(errorOf(edited(",150]", ",-150]")),
            "expected a non-negative integer at facts.sites[0].at[1]");
  EXPECT_EQ(errorOf(edited(",150]", "]")),
            "expected [file, line] at facts.sites[0].at");
  EXPECT_EQ(errorOf(edited("\"key\":\"", "\"key\":7,\"x\":\"")),
            "expected string at facts.sites[0].key");
  EXPECT_EQ(
      errorOf(edited("[[0,", "[[\"0\",")),
      "expected a non-negative integer at facts.calls[0].arguments[0][0]");
  EXPECT_EQ(errorOf(edited("\"variadic\":true", "\"variadic\":1")),
            "expected boolean at facts.calls[0].variadic");
  EXPECT_EQ(errorOf(edited("\"defined\":[", "\"defined\":[3,")),
            "expected string at facts.defined[0]");
  EXPECT_EQ(errorOf(edited("\"names\":{", "\"names\":{\"n\":null,")),
            "expected string at facts.names.n");
}

} // namespace

namespace {

TEST(ProvenanceBinaryTest, RoundTripsEveryField) {
  ProvenanceFacts F = sampleFacts();
  F.Names["var:x86_64:/k/\xff.c:1"] = "'p' in f()"; // not UTF-8: exact
  llvm::Expected<ProvenanceFacts> Back = factsFromBinary(factsToBinary(F));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(factsToBinary(*Back), factsToBinary(F));
  EXPECT_EQ(factsToJson(*Back), factsToJson(F));
}

TEST(ProvenanceBinaryTest, DamageIsAnErrorNotACrash) {
  std::string Bytes = factsToBinary(sampleFacts());
  // Every cut is an error. A flipped byte may still read as some facts:
  // that loop checks only that reading returns (every length and index is
  // checked against the bytes left).
  for (size_t Cut = 0; Cut < Bytes.size(); ++Cut) {
    llvm::Expected<ProvenanceFacts> R =
        factsFromBinary(llvm::StringRef(Bytes).take_front(Cut));
    ASSERT_FALSE(bool(R)) << "cut at " << Cut;
    EXPECT_NE(llvm::toString(R.takeError()).find("damaged binary facts"),
              std::string::npos);
  }
  for (size_t I = 0; I < Bytes.size(); ++I) {
    std::string Flipped = Bytes;
    Flipped[I] ^= 0x5a;
    llvm::Expected<ProvenanceFacts> R = factsFromBinary(Flipped);
    if (!R)
      llvm::consumeError(R.takeError());
  }
  llvm::Expected<ProvenanceFacts> Json = factsFromBinary("{\"version\": 2}");
  ASSERT_FALSE(bool(Json));
  EXPECT_EQ(llvm::toString(Json.takeError()),
            "damaged binary facts: not version 2 binary facts");
}

} // namespace
