//===- ConfigCommands.cpp - --dump/--explain/--verify-config --------------===//

#include "ConfigCommands.h"
#include "corolint/rules/Analysis.h"
#include "corolint/rules/Rule.h"
#include "llvm/Support/Regex.h"

namespace corolint {

EffectiveValue pickSetting(bool OnCommandLine, llvm::StringRef FlagValue,
                           llvm::StringRef Flag, const ConfigValue &InFile,
                           const Config &File, llvm::StringRef Default) {
  if (OnCommandLine)
    return {FlagValue.str(), "command line (--" + Flag.str() + ")"};
  if (InFile.isSet())
    return {InFile.Value, File.File + ":" + std::to_string(InFile.Line)};
  return {Default.str(), "default"};
}

/// A YAML single-quoted scalar: quotes inside are doubled.
static std::string quoted(llvm::StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += '\'';
    Out += C;
  }
  return Out + "'";
}

static std::vector<std::pair<const char *, const EffectiveValue *>>
scalarSettings(const EffectiveConfig &C) {
  return {{"Checks", &C.Checks},
          {"HeaderFilterRegex", &C.HeaderFilterRegex},
          {"ExcludeHeaderFilterRegex", &C.ExcludeHeaderFilterRegex}};
}

void dumpConfig(llvm::raw_ostream &OS, const EffectiveConfig &C) {
  OS << "# corolint's effective configuration ("
     << (C.File.File.empty() ? "no .corolint.yaml" : C.File.File) << ")\n";
  for (const auto &[Key, Value] : scalarSettings(C))
    OS << Key << ": " << quoted(Value->Value) << "\n";
  OS << "Levels:" << (C.File.Levels.empty() ? " {}" : "") << "\n";
  for (const auto &[Rule, Level] : C.File.Levels)
    OS << "  " << Rule << ": " << Level.Value << "\n";
  // Each model is JSON, which YAML reads as a flow mapping.
  OS << "Models:" << (C.File.Models.empty() ? " []" : "") << "\n";
  for (const auto &[Origin, Json] : C.File.Models)
    OS << "  - " << Json << "\n";
}

void explainConfig(llvm::raw_ostream &OS, const EffectiveConfig &C) {
  for (const auto &[Key, Value] : scalarSettings(C))
    OS << Key << ": " << quoted(Value->Value) << "  # " << Value->Origin
       << "\n";
  OS << "Levels: each rule's default (docs/rules)"
     << (C.File.Levels.empty() ? "" : ", except") << "\n";
  for (const auto &[Rule, Level] : C.File.Levels)
    OS << "  " << Rule << ": " << Level.Value << "  # " << C.File.File << ":"
       << Level.Line << "\n";
  OS << "Models: the shipped models (rules/models)";
  if (C.File.Models.empty())
    OS << "\n";
  else
    OS << ", and\n";
  for (const auto &[Origin, Json] : C.File.Models)
    OS << "  " << Origin << "\n";
}

std::vector<std::string> verifyConfig(const EffectiveConfig &C) {
  std::vector<std::string> Problems;
  for (const std::string &Glob : CheckFilter::unknownGlobs(C.Checks.Value))
    Problems.push_back(C.Checks.Origin + ": Checks: '" + Glob +
                       "' matches no rule (corolint --list-checks lists them)");
  if (llvm::Expected<CheckFilter> F = CheckFilter::parse(C.Checks.Value); !F)
    Problems.push_back(C.Checks.Origin + ": " + llvm::toString(F.takeError()));
  for (const auto &[Key, Value] : scalarSettings(C)) {
    std::string Why;
    if (llvm::StringRef(Key).ends_with("Regex") && !Value->Value.empty() &&
        !llvm::Regex(Value->Value).isValid(Why))
      Problems.push_back(Value->Origin + ": " + Key + ": bad regex '" +
                         Value->Value + "': " + Why);
  }
  for (const auto &[Rule, Level] : C.File.Levels)
    if (!findRule(Rule))
      Problems.push_back(C.File.File + ":" + std::to_string(Level.Line) +
                         ": Levels: '" + Rule + "' is not a rule");
  ApiModels Models;
  if (llvm::Error E = C.File.addModelsTo(Models))
    Problems.push_back(llvm::toString(std::move(E)));
  return Problems;
}

} // namespace corolint
