//===- ConfigCommands.cpp - --dump/--explain/--verify-config --------------===//

#include "ConfigCommands.h"
#include "corolint/JsonText.h"
#include "corolint/rules/Analysis.h"
#include "corolint/rules/Rule.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/YAMLTraits.h"
#include <nlohmann/json.hpp>

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

/// --explain-config's values, single-quoted as in YAML so that an empty or
/// space-padded value shows. --explain-config is a report for people in the
/// shape of the file, not YAML (its Levels: and Models: lines are prose and
/// each value has a comment), so yaml::Output cannot write it.
static std::string singleQuoted(llvm::StringRef S) {
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

namespace {

/// A YAML mapping whose keys keep their order (Levels: in file order, a
/// model's keys as written).
template <typename T> struct OrderedMapping {
  std::vector<std::pair<std::string, T>> Entries;
};

/// A value of a configured model, as YAML. Models are kept as JSON (one
/// loader validates shipped and configured models alike); this is that JSON
/// as a tree whose scalars remember whether they were strings, so that a
/// string that looks like a number or a boolean is quoted and a number or a
/// boolean is not, and reading the dump back gives the same model.
struct ModelValue {
  struct Scalar {
    std::string Text;
    bool IsString = true;
  };

  llvm::yaml::NodeKind Kind = llvm::yaml::NodeKind::Scalar;
  Scalar Value;
  OrderedMapping<ModelValue> Members;
  std::vector<ModelValue> Items;

  static ModelValue fromJson(const nlohmann::ordered_json &J) {
    ModelValue V;
    if (J.is_object()) {
      V.Kind = llvm::yaml::NodeKind::Map;
      for (const auto &[Key, Member] : J.items())
        V.Members.Entries.emplace_back(Key, fromJson(Member));
    } else if (J.is_array()) {
      V.Kind = llvm::yaml::NodeKind::Sequence;
      for (const nlohmann::ordered_json &Item : J)
        V.Items.push_back(fromJson(Item));
    } else if (J.is_string()) {
      V.Value = {J.get<std::string>(), true};
    } else {
      V.Value = {jsonText(J), false};
    }
    return V;
  }
};

/// The effective configuration in the shape of .corolint.yaml.
struct ConfigDocument {
  std::vector<std::pair<const char *, std::string>> Settings;
  OrderedMapping<std::string> Levels;
  std::vector<ModelValue> Models;
};

} // namespace
} // namespace corolint

LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::ModelValue)

namespace llvm::yaml {

template <typename T> struct CustomMappingTraits<corolint::OrderedMapping<T>> {
  static void inputOne(IO &IO, StringRef Key, corolint::OrderedMapping<T> &M) {
    M.Entries.emplace_back(Key.str(), T());
    IO.mapRequired(M.Entries.back().first.c_str(), M.Entries.back().second);
  }
  static void output(IO &IO, corolint::OrderedMapping<T> &M) {
    for (auto &[Key, Value] : M.Entries)
      IO.mapRequired(Key.c_str(), Value);
  }
};

template <> struct TaggedScalarTraits<corolint::ModelValue::Scalar> {
  static void output(const corolint::ModelValue::Scalar &S, void *,
                     raw_ostream &OS, raw_ostream &) {
    OS << S.Text;
  }
  static StringRef input(StringRef Text, StringRef, void *,
                         corolint::ModelValue::Scalar &S) {
    S = {Text.str(), true};
    return {};
  }
  static QuotingType mustQuote(const corolint::ModelValue::Scalar &S,
                               StringRef Text) {
    return S.IsString ? needsQuotes(Text) : QuotingType::None;
  }
};

template <> struct PolymorphicTraits<corolint::ModelValue> {
  static NodeKind getKind(const corolint::ModelValue &V) { return V.Kind; }
  static corolint::ModelValue::Scalar &getAsScalar(corolint::ModelValue &V) {
    V.Kind = NodeKind::Scalar;
    return V.Value;
  }
  static corolint::OrderedMapping<corolint::ModelValue> &
  getAsMap(corolint::ModelValue &V) {
    V.Kind = NodeKind::Map;
    return V.Members;
  }
  static std::vector<corolint::ModelValue> &
  getAsSequence(corolint::ModelValue &V) {
    V.Kind = NodeKind::Sequence;
    return V.Items;
  }
};

template <> struct MappingTraits<corolint::ConfigDocument> {
  static void mapping(IO &IO, corolint::ConfigDocument &C) {
    for (auto &[Key, Value] : C.Settings)
      IO.mapRequired(Key, Value);
    IO.mapRequired("Levels", C.Levels);
    IO.mapRequired("Models", C.Models);
  }
};

} // namespace llvm::yaml

namespace corolint {

void dumpConfig(llvm::raw_ostream &OS, const EffectiveConfig &C) {
  ConfigDocument Doc;
  for (const auto &[Key, Value] : scalarSettings(C))
    Doc.Settings.emplace_back(Key, Value->Value);
  for (const auto &[Rule, Level] : C.File.Levels)
    Doc.Levels.Entries.emplace_back(Rule, Level.Value);
  for (const auto &[Origin, Json] : C.File.Models)
    Doc.Models.push_back(
        ModelValue::fromJson(nlohmann::ordered_json::parse(Json)));
  // yaml::Output writes no comments: the one that says where the file came
  // from goes before the document.
  OS << "# corolint's effective configuration ("
     << (C.File.File.empty() ? "no .corolint.yaml" : C.File.File) << ")\n";
  llvm::yaml::Output YAML(OS);
  YAML << Doc;
}

void explainConfig(llvm::raw_ostream &OS, const EffectiveConfig &C) {
  for (const auto &[Key, Value] : scalarSettings(C))
    OS << Key << ": " << singleQuoted(Value->Value) << "  # " << Value->Origin
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
