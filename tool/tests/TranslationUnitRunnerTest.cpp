//===- TranslationUnitRunnerTest.cpp --------------------------------------===//

#include "TranslationUnitRunner.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
namespace fs = llvm::sys::fs;

namespace {

// A tiny tree in a temporary directory with a compile database over its
// units: "good" ones that parse (each declaring the API's name, which
// name-conflicts reports) and "bad" ones that do not.
class TranslationUnitRunnerTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(fs::createUniqueDirectory("pgmigrate-runner", Dir));
    ASSERT_FALSE(fs::real_path(Dir, Dir));
    OptionSettings Settings;
    Settings.Rules = "name-conflicts";
    llvm::Expected<MigrationOptions> Built = buildOptions(Settings);
    ASSERT_TRUE(bool(Built)) << llvm::toString(Built.takeError());
    Options = std::move(*Built);
  }
  void TearDown() override { fs::remove_directories(Dir); }

  void write(llvm::StringRef Name, llvm::StringRef Contents) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Contents;
  }
  // Writes the units and their database; loads it.
  CompilationDatabases databaseOf(const std::vector<std::string> &Units) {
    std::string Json = "[";
    for (const std::string &Unit : Units) {
      write(Unit, llvm::StringRef(Unit).startswith("bad")
                      ? "int broken(void) { return missing; }\n"
                      : "int pgtable_alloc(void) { return 0; }\n");
      Json += std::string(Json.size() > 1 ? "," : "") + "{\"directory\": \"" +
              Dir.str().str() + "\", \"file\": \"" + Unit +
              "\", \"arguments\": [\"clang\", \"-c\", \"" + Unit + "\"]}";
    }
    write("compile_commands.json", Json + "]");
    llvm::Expected<CompilationDatabases> Loaded =
        CompilationDatabases::load({Dir.str().str()});
    EXPECT_TRUE(bool(Loaded));
    if (!Loaded) {
      llvm::consumeError(Loaded.takeError());
      return CompilationDatabases::fixed(nullptr);
    }
    return std::move(*Loaded);
  }

  llvm::SmallString<128> Dir;
  MigrationOptions Options;
};

TEST_F(TranslationUnitRunnerTest, AUnitThatParsesHasFindingsOneThatDoesNot) {
  CompilationDatabases Databases = databaseOf({"good.c", "bad.c"});
  std::vector<std::string> Unmatched;
  std::vector<CompileJob> Jobs = Databases.select({}, Unmatched);
  ASSERT_EQ(Jobs.size(), 2u);
  TranslationUnitRunner Runner(Databases, Options,
                               PGMIGRATE_CLANG_RESOURCE_DIR);

  TranslationUnitResult Bad = Runner.run(Jobs[0]);
  EXPECT_FALSE(Bad.Parsed);
  // Clang's errors name the file as the compile command spells it.
  EXPECT_EQ(Bad.Errors,
            "bad.c:1:27: error: use of undeclared identifier 'missing'\n");
  EXPECT_TRUE(Bad.Findings.empty());
  EXPECT_TRUE(Bad.Coverage.empty());

  TranslationUnitResult Good = Runner.run(Jobs[1]);
  EXPECT_TRUE(Good.Parsed) << Good.Errors;
  EXPECT_EQ(Good.Errors, "");
  ASSERT_FALSE(Good.Findings.empty());
  EXPECT_EQ(Good.Findings[0].Rule, "name-conflicts");
  EXPECT_EQ(Good.Findings[0].FilePath, Jobs[1].Path);
  EXPECT_EQ(Good.Coverage.Files.count(Jobs[1].Path), 1u);
}

TEST_F(TranslationUnitRunnerTest, ResultsComeInJobOrderWithSeveralThreads) {
  std::vector<std::string> Units;
  for (int I = 0; I < 12; ++I)
    Units.push_back((I % 3 ? "good" : "bad") + std::to_string(10 + I) + ".c");
  CompilationDatabases Databases = databaseOf(Units);
  std::vector<std::string> Unmatched;
  std::vector<CompileJob> Jobs = Databases.select({}, Unmatched);
  ASSERT_EQ(Jobs.size(), Units.size());
  TranslationUnitRunner Runner(Databases, Options,
                               PGMIGRATE_CLANG_RESOURCE_DIR);
  ProgressLine Progress(/*Enabled=*/false, Jobs.size());

  for (unsigned Threads : {1u, 4u, 64u}) {
    std::vector<TranslationUnitResult> Results =
        Runner.runAll(Jobs, Threads, Progress);
    ASSERT_EQ(Results.size(), Jobs.size());
    for (size_t I = 0; I < Jobs.size(); ++I) {
      EXPECT_EQ(Results[I].Job.Path, Jobs[I].Path) << Threads << " threads";
      bool Good = llvm::sys::path::filename(Jobs[I].Path).startswith("good");
      EXPECT_EQ(Results[I].Parsed, Good) << Jobs[I].Path;
      EXPECT_EQ(Results[I].Findings.empty(), !Good) << Jobs[I].Path;
    }
  }
  EXPECT_TRUE(Runner.runAll({}, 4, Progress).empty());
}

} // namespace
