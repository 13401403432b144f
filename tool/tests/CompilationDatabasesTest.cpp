//===- CompilationDatabasesTest.cpp ---------------------------------------===//

#include "CompilationDatabases.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
namespace fs = llvm::sys::fs;

namespace {

class CompilationDatabasesTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(fs::createUniqueDirectory("pgmigrate-databases", Dir));
    // The jobs' paths are real paths; /tmp may be a symbolic link.
    ASSERT_FALSE(fs::real_path(Dir, Dir));
  }
  void TearDown() override { fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Relative) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Relative);
    return std::string(Path);
  }
  std::string write(llvm::StringRef Relative, llvm::StringRef Contents) {
    std::string Path = path(Relative);
    EXPECT_FALSE(fs::create_directories(llvm::sys::path::parent_path(Path)));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Contents;
    return Path;
  }
  // A database in Subdir listing Files (relative to Dir) as units.
  std::string database(llvm::StringRef Subdir, std::vector<std::string> Files) {
    std::string Json = "[";
    for (const std::string &File : Files)
      Json += std::string(Json.size() > 1 ? "," : "") + "{\"directory\": \"" +
              Dir.str().str() + "\", \"file\": \"" + File +
              "\", \"arguments\": [\"clang\", \"-c\", \"" + File + "\"]}";
    Json += "]";
    return write((Subdir + "/compile_commands.json").str(), Json);
  }
  std::string error(const std::vector<std::string> &Paths) {
    llvm::Expected<CompilationDatabases> Loaded =
        CompilationDatabases::load(Paths);
    if (Loaded)
      return "";
    return llvm::toString(Loaded.takeError());
  }

  llvm::SmallString<128> Dir;
};

TEST_F(CompilationDatabasesTest, MissingMalformedAndEmptyDatabasesAreErrors) {
  EXPECT_EQ(error({path("nowhere")}),
            "no compile database at '" + path("nowhere") +
                "' (-p takes a build directory holding compile_commands.json, "
                "or that file)");
  ASSERT_FALSE(fs::create_directories(path("nodb")));
  EXPECT_EQ(error({path("nodb")})
                .find("no compile database at '" +
                      path("nodb/compile_commands.json")),
            0u);

  std::string Malformed = write("bad/compile_commands.json", "[{\"file\": ");
  EXPECT_NE(error({path("bad")})
                .find("cannot read compile database '" + Malformed + "'"),
            std::string::npos);

  std::string Empty = write("empty.json", "[]");
  EXPECT_EQ(error({Empty}), "compile database '" + Empty + "' has no entries");
}

TEST_F(CompilationDatabasesTest, LoadsADirectoryOrTheFileItself) {
  std::string File = database("b1", {"arch/x86/mm/a.c"});
  database("b2", {"arch/x86/mm/b.c"});
  llvm::Expected<CompilationDatabases> Loaded =
      CompilationDatabases::load({path("b2"), File});
  ASSERT_TRUE(bool(Loaded)) << llvm::toString(Loaded.takeError());
  ASSERT_EQ(Loaded->size(), 2u);
  EXPECT_EQ(Loaded->name(0), path("b2/compile_commands.json"));
  EXPECT_EQ(Loaded->name(1), File);
}

TEST_F(CompilationDatabasesTest, SelectFiltersSortsAndSkipsAssembly) {
  database("b1", {"arch/x86/mm/b.c", "arch/x86/mm/a.c", "arch/x86/entry.S",
                  "mm/memory.c"});
  database("b2", {"arch/x86/mm/a.c"});
  llvm::Expected<CompilationDatabases> Loaded =
      CompilationDatabases::load({path("b1"), path("b2")});
  ASSERT_TRUE(bool(Loaded)) << llvm::toString(Loaded.takeError());

  std::vector<std::string> Unmatched;
  std::vector<CompileJob> All = Loaded->select({}, Unmatched);
  ASSERT_EQ(All.size(), 4u);
  EXPECT_EQ(All[0].Path, path("arch/x86/mm/a.c"));
  EXPECT_EQ(All[0].Database, 0u);
  EXPECT_EQ(All[1].Path, path("arch/x86/mm/a.c"));
  EXPECT_EQ(All[1].Database, 1u);
  EXPECT_EQ(All[2].Path, path("arch/x86/mm/b.c"));
  EXPECT_EQ(All[3].Path, path("mm/memory.c"));
  EXPECT_TRUE(Unmatched.empty());

  // A directory filter selects what lies inside it, not a name prefix.
  std::vector<CompileJob> Mm = Loaded->select(
      {path("mm"), path("arch/x86/m"), path("arch/arm")}, Unmatched);
  ASSERT_EQ(Mm.size(), 1u);
  EXPECT_EQ(Mm[0].Path, path("mm/memory.c"));
  ASSERT_EQ(Unmatched.size(), 2u);
  EXPECT_EQ(Unmatched[0], "'" + path("arch/x86/m") +
                              "' is not covered by any compile database ('" +
                              path("b1/compile_commands.json") + "', '" +
                              path("b2/compile_commands.json") + "')");
}

TEST_F(CompilationDatabasesTest, FixedFlagsTakeEveryGivenFile) {
  std::string Source = write("one.c", "int x;\n");
  write("dir/two.c", "int y;\n");
  CompilationDatabases Fixed = CompilationDatabases::fixed(
      std::make_unique<clang::tooling::FixedCompilationDatabase>(
          ".", std::vector<std::string>{"-DX"}));
  EXPECT_EQ(Fixed.size(), 1u);
  EXPECT_EQ(Fixed.name(0), "command line");
  std::vector<std::string> Unmatched;
  std::vector<CompileJob> Jobs =
      Fixed.select({Source, path("dir"), path("gone.c")}, Unmatched);
  ASSERT_EQ(Jobs.size(), 1u);
  EXPECT_EQ(Jobs[0].File, Source);
  ASSERT_EQ(Unmatched.size(), 2u);
  EXPECT_EQ(Unmatched[0], "'" + path("dir") +
                              "' is a directory; with '--' give source files");
  EXPECT_EQ(Unmatched[1], "no such file: '" + path("gone.c") + "'");
}

} // namespace
