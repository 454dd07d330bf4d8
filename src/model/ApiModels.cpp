//===- ApiModels.cpp - Loading and validating library models --------------===//

#include "corolint/model/ApiModels.h"
#include "corolint/model/FileList.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

using nlohmann::json;

namespace corolint {
namespace {

/// A model entry that is wrong, with enough context to find it in the file.
class EntryError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

void checkKeys(const json &Entry, const std::set<std::string> &Allowed) {
  for (const auto &Item : Entry.items())
    if (!Allowed.count(Item.key()))
      throw EntryError("unknown key '" + Item.key() + "'");
}

std::string getString(const json &Entry, const char *Key) {
  if (!Entry.contains(Key))
    return "";
  if (!Entry.at(Key).is_string())
    throw EntryError(std::string("'") + Key + "' must be a string");
  return Entry.at(Key).get<std::string>();
}

int getIndex(const json &Entry, const char *Key) {
  if (!Entry.contains(Key))
    return -1;
  const json &V = Entry.at(Key);
  if (!V.is_number_unsigned() || V.get<unsigned long long>() > 1000)
    throw EntryError(std::string("'") + Key +
                     "' must be an argument index (a whole number from 0)");
  return V.get<int>();
}

bool getBool(const json &Entry, const char *Key) {
  if (!Entry.contains(Key))
    return false;
  if (!Entry.at(Key).is_boolean())
    throw EntryError(std::string("'") + Key + "' must be true or false");
  return Entry.at(Key).get<bool>();
}

std::vector<std::string> getStrings(const json &Entry, const char *Key) {
  std::vector<std::string> Result;
  if (!Entry.contains(Key))
    return Result;
  const json &V = Entry.at(Key);
  if (!V.is_array())
    throw EntryError(std::string("'") + Key + "' must be a list of strings");
  for (const json &S : V) {
    if (!S.is_string())
      throw EntryError(std::string("'") + Key + "' must be a list of strings");
    Result.push_back(S.get<std::string>());
  }
  return Result;
}

BlockingKind parseBlockingKind(const std::string &S) {
  if (S.empty() || S == "stall")
    return BlockingKind::Stall;
  if (S == "deadlock")
    return BlockingKind::Deadlock;
  if (S == "lock")
    return BlockingKind::Lock;
  throw EntryError("'blockingKind' must be stall, deadlock or lock, not '" + S +
                   "'");
}

TypeRole parseRole(const std::string &S) {
  static const std::pair<const char *, TypeRole> Roles[] = {
      {"resource", TypeRole::Resource},
      {"sync-mutex", TypeRole::SyncMutex},
      {"sync-guard", TypeRole::SyncGuard},
      {"async-mutex", TypeRole::AsyncMutex},
      {"async-guard", TypeRole::AsyncGuard},
      {"task", TypeRole::Task},
      {"no-suspend", TypeRole::NoSuspend},
      {"io-object", TypeRole::IoObject}};
  for (const auto &[Name, Role] : Roles)
    if (S == Name)
      return Role;
  throw EntryError(
      "'role' must be one of resource, sync-mutex, sync-guard, "
      "async-mutex, async-guard, task, no-suspend, io-object; not '" +
      S + "'");
}

FunctionModel parseFunction(const json &E, llvm::StringRef Origin) {
  checkKeys(E, {"name", "blocking", "blockingKind", "loopCallback", "repeats",
                "offload", "offloadWhenArgType", "spawn", "continuation",
                "timeout", "external", "objectArg", "race", "delay", "yield",
                "blockingResult", "lockArg"});
  FunctionModel M;
  M.Name = getString(E, "name");
  M.Blocking = getString(E, "blocking");
  M.Kind = parseBlockingKind(getString(E, "blockingKind"));
  M.LoopCallback = getIndex(E, "loopCallback");
  M.Repeats = getBool(E, "repeats");
  M.Offload = getIndex(E, "offload");
  M.Spawn = getIndex(E, "spawn");
  M.Continuation = getIndex(E, "continuation");
  M.Timeout = getBool(E, "timeout");
  M.External = getBool(E, "external");
  M.ObjectArg = getIndex(E, "objectArg");
  M.Race = getBool(E, "race");
  M.Delay = getBool(E, "delay");
  M.Yield = getBool(E, "yield");
  M.LockArg = getIndex(E, "lockArg");
  M.BlockingResult = getString(E, "blockingResult");
  if (E.contains("offloadWhenArgType")) {
    const json &W = E.at("offloadWhenArgType");
    if (!W.is_object())
      throw EntryError(
          "'offloadWhenArgType' must be {\"arg\": N, \"types\": [...]}");
    checkKeys(W, {"arg", "types"});
    M.OffloadWhenArg = getIndex(W, "arg");
    M.OffloadWhenTypes = getStrings(W, "types");
    if (M.OffloadWhenArg < 0 || M.OffloadWhenTypes.empty())
      throw EntryError("'offloadWhenArgType' needs 'arg' and 'types'");
  }
  M.Origin = Origin.str();
  return M;
}

TypeModel parseType(const json &E, llvm::StringRef Origin) {
  checkKeys(E, {"name", "role", "resourceKind", "waits", "signals", "lock",
                "unlock", "tryLock", "deferTags", "tryTags", "cancels",
                "handsOut"});
  if (!E.contains("role"))
    throw EntryError("missing 'role'");
  TypeModel M;
  M.Name = getString(E, "name");
  M.Role = parseRole(getString(E, "role"));
  M.ResourceKind = getString(E, "resourceKind");
  M.Waits = getStrings(E, "waits");
  M.Signals = getStrings(E, "signals");
  M.Lock = getStrings(E, "lock");
  M.Unlock = getStrings(E, "unlock");
  M.TryLock = getStrings(E, "tryLock");
  M.DeferTags = getStrings(E, "deferTags");
  M.TryTags = getStrings(E, "tryTags");
  M.Cancels = getStrings(E, "cancels");
  M.HandsOut = getStrings(E, "handsOut");
  M.Origin = Origin.str();
  return M;
}

std::string describeEntry(const char *Section, size_t Index, const json &E) {
  std::string S = std::string(Section) + "[" + std::to_string(Index) + "]";
  if (E.is_object() && E.contains("name") && E.at("name").is_string())
    S += " ('" + E.at("name").get<std::string>() + "')";
  return S;
}

} // namespace

bool TypeModel::has(const std::vector<std::string> &Members,
                    llvm::StringRef M) {
  return std::find(Members.begin(), Members.end(), M) != Members.end();
}

llvm::Error ApiModels::addJson(llvm::StringRef Text, llvm::StringRef Origin) {
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   Origin.str().c_str(), Why.c_str());
  };
  json J = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (J.is_discarded())
    return Fail("model file is not valid JSON");
  if (!J.is_object())
    return Fail("model file must be a JSON object");
  for (const auto &Item : J.items())
    if (Item.key() != "library" && Item.key() != "checkedAgainst" &&
        Item.key() != "functions" && Item.key() != "types")
      return Fail("unknown key '" + Item.key() + "'");
  for (const char *Section : {"functions", "types"}) {
    if (!J.contains(Section))
      continue;
    if (!J.at(Section).is_array())
      return Fail(std::string("'") + Section + "' must be a list");
    const json &Entries = J.at(Section);
    for (size_t I = 0; I < Entries.size(); ++I) {
      const json &E = Entries.at(I);
      try {
        if (!E.is_object())
          throw EntryError("must be an object");
        if (!E.contains("name") || getString(E, "name").empty())
          throw EntryError("missing 'name'");
        if (Section == std::string("functions")) {
          FunctionModel M = parseFunction(E, Origin);
          Functions[M.Name] = std::move(M);
        } else {
          TypeModel M = parseType(E, Origin);
          Types[M.Name] = std::move(M);
        }
      } catch (const EntryError &Err) {
        return Fail(describeEntry(Section, I, E) + ": " + Err.what());
      }
    }
  }
  return llvm::Error::success();
}

llvm::Error ApiModels::addDirectory(llvm::StringRef Dir) {
  llvm::Expected<std::vector<std::string>> Files = listFiles(Dir, ".json");
  if (!Files)
    return Files.takeError();
  for (const std::string &File : *Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "%s: cannot read: %s",
                                     File.c_str(),
                                     Buffer.getError().message().c_str());
    if (llvm::Error E = addJson((*Buffer)->getBuffer(), File))
      return E;
  }
  return llvm::Error::success();
}

const FunctionModel *ApiModels::function(llvm::StringRef Name) const {
  auto It = Functions.find(Name);
  return It == Functions.end() ? nullptr : &It->second;
}

const TypeModel *ApiModels::type(llvm::StringRef Name) const {
  auto It = Types.find(Name);
  return It == Types.end() ? nullptr : &It->second;
}

const TypeModel *
ApiModels::typeOfMember(llvm::StringRef QualifiedMember) const {
  llvm::StringRef Class = splitMember(QualifiedMember).first;
  return Class.empty() ? nullptr : type(Class);
}

const TypeModel *ApiModels::typeForCall(llvm::StringRef ReceiverType,
                                        llvm::StringRef QualifiedMember) const {
  if (const TypeModel *T = type(ReceiverType))
    return T;
  return typeOfMember(QualifiedMember);
}

std::vector<std::string> ApiModels::names() const {
  std::vector<std::string> Result;
  for (const auto &F : Functions)
    Result.push_back(F.getKey().str());
  for (const auto &T : Types)
    Result.push_back(T.getKey().str());
  std::sort(Result.begin(), Result.end());
  return Result;
}

std::pair<llvm::StringRef, llvm::StringRef>
splitMember(llvm::StringRef QualifiedName) {
  // Operators contain no "::" of their own, so the last one separates the
  // class from the member even for "T::operator co_await".
  size_t Pos = QualifiedName.rfind("::");
  if (Pos == llvm::StringRef::npos)
    return {"", QualifiedName};
  return {QualifiedName.substr(0, Pos), QualifiedName.substr(Pos + 2)};
}

std::string defaultModelsDirectory(const char *Argv0) {
  std::string Exe =
      llvm::sys::fs::getMainExecutable(Argv0, (void *)&defaultModelsDirectory);
  llvm::SmallString<256> Installed(llvm::sys::path::parent_path(Exe));
  llvm::sys::path::append(Installed, "..", "share", "corolint", "models");
  if (llvm::sys::fs::is_directory(Installed))
    return std::string(Installed);
  return COROLINT_SOURCE_MODELS_DIR;
}

} // namespace corolint
