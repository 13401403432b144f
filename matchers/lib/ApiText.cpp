//===- ApiText.cpp - The new API's kernel text ----------------------------===//

#include "pgmigrate/ApiText.h"
#include "llvm/Support/FormatVariadic.h"

namespace pgmigrate {

std::string apiDeclarations(const MigrationOptions &Options) {
  return llvm::formatv(
             "void *{0}_noprof(gfp_t gfp, unsigned int order);\n"
             "#define {0}(...)\talloc_hooks({0}_noprof(__VA_ARGS__))\n"
             "void {1}(const void *addr);\n",
             Options.AllocName, Options.FreeName)
      .str();
}

// EXPORT_SYMBOL, not _GPL: the calls it replaces (get_zeroed_page(),
// __get_free_pages(), free_pages()) are plain exports, and a module that
// allocates its tables with them keeps linking once converted.
std::string apiDefinitions(const MigrationOptions &Options) {
  return llvm::formatv(
             "/**\n"
             " * {0} - Allocate a zeroed page table\n"
             " * @gfp: GFP flags for the allocation (__GFP_ZERO is always "
             "added)\n"
             " * @order: Order of the allocation\n"
             " *\n"
             " * Allocates a page table of 2^@order pages with its ptdesc, as\n"
             " * {2}() does, for callers that handle the table by "
             "its\n"
             " * address. The table is always zeroed. Free it with {1}().\n"
             " *\n"
             " * Return: The table's address, or NULL if the allocation "
             "failed.\n"
             " */\n"
             "void *{0}_noprof(gfp_t gfp, unsigned int order)\n"
             "{{\n"
             "\tstruct ptdesc *ptdesc = {2}_noprof(gfp | "
             "__GFP_ZERO, order);\n"
             "\n"
             "\tif (!ptdesc)\n"
             "\t\treturn NULL;\n"
             "\treturn ptdesc_address(ptdesc);\n"
             "}\n"
             "EXPORT_SYMBOL({0}_noprof);\n"
             "\n"
             "/**\n"
             " * {1} - Free a page table allocated by {0}()\n"
             " * @addr: The table's address, as {0}() returned it; not NULL\n"
             " *\n"
             " * Frees every page of the table with its ptdesc, as\n"
             " * pagetable_free() does.\n"
             " */\n"
             "void {1}(const void *addr)\n"
             "{{\n"
             "\tpagetable_free(virt_to_ptdesc(addr));\n"
             "}\n"
             "EXPORT_SYMBOL({1});\n",
             Options.AllocName, Options.FreeName, Options.descriptorAllocName())
      .str();
}

// The allocator is there already, as a _noprof function or a plain one.
static bool hasAllocator(llvm::StringRef Text,
                         const MigrationOptions &Options) {
  return Text.contains(Options.AllocName + "_noprof(") ||
         Text.contains("*" + Options.AllocName + "(");
}

std::string withApiDeclarations(llvm::StringRef Text,
                                const MigrationOptions &Options) {
  if (hasAllocator(Text, Options))
    return Text.str();
  size_t End = Text.rfind("#endif");
  if (End == llvm::StringRef::npos)
    End = Text.size();
  return (Text.take_front(End) + apiDeclarations(Options) +
          Text.drop_front(End))
      .str();
}

std::string withApiDefinitions(llvm::StringRef Text,
                               const MigrationOptions &Options) {
  if (hasAllocator(Text, Options))
    return Text.str();
  return (Text.rtrim("\n") + "\n\n" + apiDefinitions(Options)).str();
}

} // namespace pgmigrate
