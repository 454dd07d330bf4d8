//===- Config.cpp - Reading .corolint.yaml --------------------------------===//
//
// YAML is read with llvm::yaml and the Models section turned into JSON, so
// that one loader validates shipped and in-house models alike.
//
//===----------------------------------------------------------------------===//

#include "corolint/model/Config.h"
#include "corolint/InputFile.h"
#include "corolint/JsonText.h"
#include "corolint/Level.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <nlohmann/json.hpp>

// Ordered, so that a model keeps its keys in the order the file gives them
// (--dump-config writes them back in that order).
using json = nlohmann::ordered_json;

namespace corolint {
namespace {

class ConfigReader {
public:
  ConfigReader(llvm::StringRef Path, llvm::StringRef Text)
      : Path(Path.str()), Stream(Text, SM) {
    // The parser reports to the SourceMgr, which would print raw lines of
    // the file; keep the first report for one line of our own instead.
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Self) {
          auto *R = static_cast<ConfigReader *>(Self);
          if (R->YamlError.empty()) {
            R->YamlError = D.getMessage().str();
            R->YamlErrorLine = D.getLineNo();
          }
        },
        this);
  }

  llvm::Expected<Config> read();

private:
  /// The line of \p Loc, or 0 when it is in no buffer: the parser gives a
  /// node of a malformed document a range outside the text (found by the
  /// configuration fuzzer).
  unsigned lineOf(llvm::SMLoc Loc) const {
    return SM.FindBufferContainingLoc(Loc) ? SM.getLineAndColumn(Loc).first
                                           : 0;
  }
  llvm::Error errorAt(llvm::yaml::Node *N, const llvm::Twine &Message);
  llvm::Expected<json> toJson(llvm::yaml::Node *N, unsigned Depth = 0);
  llvm::Expected<std::string> scalar(llvm::yaml::Node *N);
  llvm::Error readModels(llvm::yaml::Node *N, Config &C);
  llvm::Error readLevels(llvm::yaml::Node *N, Config &C);

  llvm::Error malformed() const {
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s:%d: malformed YAML: %s", Path.c_str(),
                                   YamlErrorLine, YamlError.c_str());
  }

  std::string Path;
  llvm::SourceMgr SM;
  llvm::yaml::Stream Stream;
  std::string YamlError;
  int YamlErrorLine = 0;
};

llvm::Error ConfigReader::errorAt(llvm::yaml::Node *N,
                                  const llvm::Twine &Message) {
  // A node the parser gave up on says less than why it gave up.
  if (!YamlError.empty())
    return malformed();
  unsigned Line = N ? lineOf(N->getSourceRange().Start) : 0;
  return llvm::createStringError(std::errc::invalid_argument, "%s:%u: %s",
                                 Path.c_str(), Line, Message.str().c_str());
}

llvm::Expected<std::string> ConfigReader::scalar(llvm::yaml::Node *N) {
  auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
  if (!S)
    return errorAt(N, "expected a single value");
  llvm::SmallString<64> Storage;
  return S->getValue(Storage).str();
}

/// How deep a model's YAML may nest: an entry needs three levels (the list
/// of models, an entry, a list of names). The bound keeps a hostile file from
/// exhausting the stack, as the parser and this conversion recurse.
constexpr unsigned MaxModelDepth = 16;

llvm::Expected<json> ConfigReader::toJson(llvm::yaml::Node *N, unsigned Depth) {
  if (Depth > MaxModelDepth)
    return errorAt(N, "nested more than " + llvm::Twine(MaxModelDepth) +
                          " levels deep");
  if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N)) {
    llvm::SmallString<64> Storage;
    llvm::StringRef V = S->getValue(Storage);
    bool Quoted =
        S->getRawValue().starts_with("'") || S->getRawValue().starts_with("\"");
    unsigned long long Number;
    if (!Quoted && !V.getAsInteger(10, Number))
      return json(Number);
    if (!Quoted && (V == "true" || V == "false"))
      return json(V == "true");
    return json(V.str());
  }
  if (auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N)) {
    json A = json::array();
    for (llvm::yaml::Node &Item : *Seq) {
      llvm::Expected<json> V = toJson(&Item, Depth + 1);
      if (!V)
        return V.takeError();
      A.push_back(std::move(*V));
    }
    return A;
  }
  if (auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N)) {
    json O = json::object();
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      llvm::Expected<std::string> Key = scalar(KV.getKey());
      if (!Key)
        return Key.takeError();
      llvm::Expected<json> V = toJson(KV.getValue(), Depth + 1);
      if (!V)
        return V.takeError();
      O[*Key] = std::move(*V);
    }
    return O;
  }
  return errorAt(N, "unexpected YAML value");
}

llvm::Error ConfigReader::readModels(llvm::yaml::Node *N, Config &C) {
  auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
  if (!Seq)
    return errorAt(N, "Models must be a list of model files' contents");
  unsigned Index = 0;
  for (llvm::yaml::Node &Item : *Seq) {
    llvm::Expected<json> Model = toJson(&Item);
    if (!Model)
      return Model.takeError();
    unsigned Line = lineOf(Item.getSourceRange().Start);
    C.Models.push_back({Path + ":" + std::to_string(Line) + ": Models[" +
                            std::to_string(Index++) + "]",
                        jsonText(*Model)});
  }
  return llvm::Error::success();
}

llvm::Error ConfigReader::readLevels(llvm::yaml::Node *N, Config &C) {
  auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
  if (!Map)
    return errorAt(N, "Levels must map rule ids to note, warning or error");
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    llvm::Expected<std::string> Rule = scalar(KV.getKey());
    if (!Rule)
      return Rule.takeError();
    llvm::Expected<std::string> Level = scalar(KV.getValue());
    if (!Level)
      return Level.takeError();
    if (!parseLevel(*Level))
      return errorAt(KV.getValue(), "Levels: '" + *Rule +
                                        "' must be note, warning or error, "
                                        "not '" +
                                        *Level + "'");
    // Whether the rule exists is --verify-config's question: a rule of a
    // newer corolint must not break older ones.
    unsigned Line =
        lineOf(KV.getKey()->getSourceRange().Start);
    C.Levels.push_back({*Rule, {*Level, Line}});
  }
  return llvm::Error::success();
}

llvm::Expected<Config> ConfigReader::read() {
  Config C;
  C.File = Path;
  llvm::yaml::document_iterator Doc = Stream.begin();
  bool Empty = Doc == Stream.end() || !Doc->getRoot() ||
               llvm::isa<llvm::yaml::NullNode>(Doc->getRoot());
  if (Stream.failed())
    return malformed();
  if (Empty)
    return C; // An empty file configures nothing.
  auto *Root = llvm::dyn_cast<llvm::yaml::MappingNode>(Doc->getRoot());
  if (!Root)
    return errorAt(Doc->getRoot(), "not a YAML mapping of settings");
  llvm::StringMap<unsigned> Seen; // Key -> the line it was first given on.
  std::pair<const char *, ConfigValue *> Scalars[] = {
      {"Checks", &C.Checks},
      {"HeaderFilterRegex", &C.HeaderFilterRegex},
      {"ExcludeHeaderFilterRegex", &C.ExcludeHeaderFilterRegex}};
  for (llvm::yaml::KeyValueNode &KV : *Root) {
    llvm::Expected<std::string> Key = scalar(KV.getKey());
    if (!Key)
      return Key.takeError();
    unsigned Line =
        lineOf(KV.getKey()->getSourceRange().Start);
    auto [First, New] = Seen.try_emplace(*Key, Line);
    if (!New)
      return errorAt(KV.getKey(), "'" + *Key +
                                      "' is given twice (first on line " +
                                      llvm::Twine(First->second) + ")");
    if (*Key == "Models" || *Key == "Levels") {
      if (llvm::Error E = *Key == "Models" ? readModels(KV.getValue(), C)
                                           : readLevels(KV.getValue(), C))
        return std::move(E);
      continue;
    }
    auto Known =
        llvm::find_if(Scalars, [&](const auto &S) { return *Key == S.first; });
    if (Known == std::end(Scalars))
      return errorAt(KV.getKey(), "unknown key '" + *Key + "' (known: " +
                                      llvm::join(configKeys(), ", ") + ")");
    llvm::Expected<std::string> V = scalar(KV.getValue());
    if (!V)
      return V.takeError();
    Known->second->Value = *V;
    Known->second->Line =
        lineOf(KV.getKey()->getSourceRange().Start);
  }
  if (Stream.failed())
    return malformed();
  return C;
}

} // namespace

llvm::ArrayRef<const char *> configKeys() {
  static const char *const Keys[] = {"Checks", "HeaderFilterRegex",
                                     "ExcludeHeaderFilterRegex", "Levels",
                                     "Models"};
  return Keys;
}

llvm::Error Config::addModelsTo(ApiModels &Models) const {
  for (const auto &[Origin, Text] : this->Models)
    if (llvm::Error E = Models.addJson(Text, Origin))
      return E;
  return llvm::Error::success();
}

llvm::Expected<Config> loadConfig(llvm::StringRef Path) {
  auto Buffer = readInputFile(Path);
  if (!Buffer)
    return Buffer.takeError();
  ConfigReader Reader(Path, (*Buffer)->getBuffer());
  return Reader.read();
}

std::optional<std::string> findConfigUpward(llvm::StringRef Dir) {
  llvm::SmallString<256> Current(Dir);
  llvm::sys::fs::make_absolute(Current);
  llvm::sys::path::remove_dots(Current, /*remove_dot_dot=*/true);
  while (!Current.empty()) {
    llvm::SmallString<256> Candidate(Current);
    llvm::sys::path::append(Candidate, ".corolint.yaml");
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Current);
    if (Parent == Current)
      break;
    Current = Parent.str(); // Parent points into Current: copy first.
  }
  return std::nullopt;
}

} // namespace corolint
