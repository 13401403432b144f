//===- EditFormatterTest.cpp ----------------------------------------------===//

#include "EditFormatter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace pgmigrate;
namespace fs = llvm::sys::fs;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace {

class EditFormatterTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(fs::createUniqueDirectory("pgmigrate-format", Dir));
  }
  void TearDown() override { fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    return std::string(Path);
  }
  void write(llvm::StringRef Name, llvm::StringRef Contents) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(path(Name), EC);
    ASSERT_FALSE(EC);
    OS << Contents;
  }
  // Code with Edits formatted as formatEdits does, for a file in Dir.
  std::string formatted(llvm::StringRef Code, const Replacements &Edits) {
    llvm::Expected<Replacements> Result = formatEdits(path("a.c"), Code, Edits);
    if (!Result)
      return "error: " + llvm::toString(Result.takeError());
    llvm::Expected<std::string> New =
        clang::tooling::applyAllReplacements(Code, *Result);
    if (!New)
      return "error: " + llvm::toString(New.takeError());
    return *New;
  }
  Replacements edit(llvm::StringRef Code, llvm::StringRef Old,
                    llvm::StringRef New) {
    Replacements Edits;
    llvm::cantFail(
        Edits.add(Replacement(path("a.c"), Code.find(Old), Old.size(), New)));
    return Edits;
  }

  llvm::SmallString<128> Dir;
};

// Badly laid out code around the edit stays as it is.
const char *const Code = "int  untouched ( int x ){return x;}\n"
                         "void f(void)\n"
                         "{\n"
                         "\tp = get(GFP_KERNEL);\n"
                         "}\n";

TEST_F(EditFormatterTest, FormatsOnlyTheTouchedLinesInTheTreeStyle) {
  write(".clang-format", "BasedOnStyle: LLVM\nUseTab: Always\n"
                         "IndentWidth: 8\nTabWidth: 8\n"
                         "BreakBeforeBraces: Linux\n"
                         "AllowShortFunctionsOnASingleLine: None\n");
  EXPECT_EQ(formatted(Code, edit(Code, "get(GFP_KERNEL)",
                                 "pgtable_alloc(  GFP_KERNEL,0 )")),
            "int  untouched ( int x ){return x;}\n"
            "void f(void)\n"
            "{\n"
            "\tp = pgtable_alloc(GFP_KERNEL, 0);\n"
            "}\n");
}

TEST_F(EditFormatterTest, WithoutAStyleFileTheEditsStayAsTheyAre) {
  Replacements Edits = edit(Code, "get(GFP_KERNEL)", "alloc(  GFP_KERNEL )");
  llvm::Expected<Replacements> Result = formatEdits(path("a.c"), Code, Edits);
  ASSERT_TRUE(bool(Result)) << llvm::toString(Result.takeError());
  EXPECT_EQ(*Result, Edits);
}

TEST_F(EditFormatterTest, ARenameKeepsItsLineUnlessItOverflows) {
  write(".clang-format", "BasedOnStyle: LLVM\nColumnLimit: 40\n");
  std::string Spaced = "int f(int  pgtable_alloc) { return 1; }\n";
  EXPECT_EQ(formatted(Spaced, edit(Spaced, "pgtable_alloc", "x_fn")),
            "int f(int  x_fn) { return 1; }\n");
  // 40 columns plus three: the line is formatted like any edit.
  EXPECT_EQ(
      formatted(Spaced, edit(Spaced, "pgtable_alloc", "pgtable_alloc_fn")),
      "int f(int pgtable_alloc_fn) {\n  return 1;\n}\n");
}

TEST_F(EditFormatterTest, AnUnreadableStyleIsAnError) {
  write(".clang-format", "BasedOnStyle: [not, a, style\n");
  EXPECT_EQ(formatted(Code, edit(Code, "get", "alloc")).rfind("error: ", 0),
            0u);
}

} // namespace
