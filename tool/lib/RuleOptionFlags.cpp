//===- RuleOptionFlags.cpp ------------------------------------------------===//

#include "RuleOptionFlags.h"
#include "pgmigrate/Rules.h"
#include "llvm/ADT/StringSet.h"

namespace cl = llvm::cl;

namespace pgmigrate {

struct RuleOptionFlags::Flag {
  const OptionSpec *Spec;
  /// cl::desc keeps a StringRef: the text lives here.
  std::string Help;
  std::unique_ptr<cl::opt<std::string>> Text;
  std::unique_ptr<cl::opt<bool>> Bool;
};

RuleOptionFlags::RuleOptionFlags(cl::OptionCategory &Category) {
  auto Add = [&](const OptionSpec &Spec, llvm::StringRef Owner) {
    auto F = std::make_unique<Flag>();
    F->Spec = &Spec;
    F->Help =
        Owner.empty() ? Spec.Help.str() : (Owner + ": " + Spec.Help).str();
    if (Spec.Type == OptionType::Bool)
      F->Bool = std::make_unique<cl::opt<bool>>(
          llvm::StringRef(Spec.Flag), cl::desc(F->Help),
          cl::init(parseBoolOption(Spec.Default).value_or(false)),
          cl::cat(Category));
    else
      F->Text = std::make_unique<cl::opt<std::string>>(
          llvm::StringRef(Spec.Flag), cl::desc(F->Help),
          cl::value_desc(Spec.ValueName), cl::init(Spec.Default.str()),
          cl::cat(Category));
    Flags.push_back(std::move(F));
  };
  llvm::StringSet<> Seen;
  for (const OptionSpec &Spec : commonOptionSpecs())
    if (Seen.insert(Spec.Key).second)
      Add(Spec, "");
  for (const RuleInfo &Info : allRules())
    for (const OptionSpec &Spec : Info.Options())
      if (Seen.insert(Spec.Key).second)
        Add(Spec, Info.Name);
}

RuleOptionFlags::~RuleOptionFlags() = default;

void RuleOptionFlags::collect(OptionSettings &Settings) const {
  for (const std::unique_ptr<Flag> &F : Flags) {
    std::string Key = F->Spec->Key.str();
    if (F->Bool && F->Bool->getNumOccurrences())
      Settings.Values[Key] = *F->Bool ? "true" : "false";
    else if (F->Text && F->Text->getNumOccurrences())
      Settings.Values[Key] = *F->Text;
  }
}

} // namespace pgmigrate
