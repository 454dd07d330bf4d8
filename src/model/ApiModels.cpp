//===- ApiModels.cpp - Loading and validating library models --------------===//

#include "corolint/model/ApiModels.h"
#include "corolint/InputFile.h"
#include "corolint/model/FileList.h"
#include "corolint/model/Inference.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

using nlohmann::json;

namespace corolint {
namespace {

/// A model entry that is wrong, with enough context to find it in the file.
class EntryError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The vocabulary of ModelSchema.def, as the lists that checks and messages
// read.
constexpr llvm::StringLiteral FileKeys[] = {
#define MODEL_FILE_KEY(Key) Key,
#define MODEL_FILE_LIST(Key, Model) Key,
#include "corolint/model/ModelSchema.def"
};
constexpr llvm::StringLiteral FunctionKeys[] = {
#define MODEL_FUNCTION_KEY(Key, Field, Presence) Key,
#define MODEL_FUNCTION_ARG_TYPES_KEY(Key) Key,
#include "corolint/model/ModelSchema.def"
};
constexpr llvm::StringLiteral ArgTypesKeys[] = {
#define MODEL_ARG_TYPES_KEY(Key, Field) Key,
#include "corolint/model/ModelSchema.def"
};
constexpr llvm::StringLiteral TypeKeys[] = {
#define MODEL_TYPE_KEY(Key, Field, Presence) Key,
#include "corolint/model/ModelSchema.def"
};
// Indexed by the enums, which ModelSchema.def lists in the same order.
constexpr llvm::StringLiteral BlockingKindNames[] = {
#define MODEL_BLOCKING_KIND(Name, Kind) Name,
#include "corolint/model/ModelSchema.def"
};
constexpr llvm::StringLiteral TypeRoleNames[] = {
#define MODEL_TYPE_ROLE(Name, Role) Name,
#include "corolint/model/ModelSchema.def"
};

std::string quotedKey(llvm::StringRef Key) { return "'" + Key.str() + "'"; }

void checkKeys(const json &Entry, llvm::ArrayRef<llvm::StringLiteral> Known) {
  for (const auto &Item : Entry.items())
    if (!llvm::is_contained(Known, Item.key()))
      throw EntryError("unknown key '" + Item.key() +
                       "' (known: " + llvm::join(Known, ", ") + ")");
}

/// A key without which an entry means nothing. An empty string or list is
/// missing too: a function without a name, an offload without types.
enum Presence { Required, Optional };
void checkPresence(const json &Entry, llvm::StringRef Key, Presence P) {
  if (P == Optional)
    return;
  auto It = Entry.find(Key);
  if (It == Entry.end() || *It == "" || (It->is_array() && It->empty()))
    throw EntryError("missing " + quotedKey(Key));
}

// Each key's value is read into its field as the field's type says, and only
// when the entry has the key, so that absent keys keep the field's default.

void read(const json &V, llvm::StringRef Key, std::string &Out) {
  if (!V.is_string())
    throw EntryError(quotedKey(Key) + " must be a string");
  Out = V.get<std::string>();
}

bool isArgIndex(const json &V) {
  return V.is_number_unsigned() && V.get<unsigned long long>() <= 1000;
}

void read(const json &V, llvm::StringRef Key, int &Out) {
  if (!isArgIndex(V))
    throw EntryError(quotedKey(Key) +
                     " must be an argument index (a whole number from 0)");
  Out = V.get<int>();
}

void read(const json &V, llvm::StringRef Key, ArgIndexes &Out) {
  if (isArgIndex(V)) {
    Out.Indexes = {V.get<unsigned>()};
    return;
  }
  if (!V.is_array() || V.empty() || !llvm::all_of(V, isArgIndex))
    throw EntryError(quotedKey(Key) +
                     " must be an argument index (a whole number from 0) or "
                     "a non-empty list of them");
  for (const json &I : V)
    Out.Indexes.push_back(I.get<unsigned>());
}

void read(const json &V, llvm::StringRef Key, bool &Out) {
  if (!V.is_boolean())
    throw EntryError(quotedKey(Key) + " must be true or false");
  Out = V.get<bool>();
}

void read(const json &V, llvm::StringRef Key, std::vector<std::string> &Out) {
  if (!V.is_array() ||
      !llvm::all_of(V, [](const json &S) { return S.is_string(); }))
    throw EntryError(quotedKey(Key) + " must be a list of strings");
  Out = V.get<std::vector<std::string>>();
}

/// A value named by one of \p Names, which the enum \p E lists in the
/// same order.
template <typename E>
void readName(const json &V, llvm::StringRef Key, E &Out,
              llvm::ArrayRef<llvm::StringLiteral> Names) {
  std::string Name;
  read(V, Key, Name);
  const llvm::StringLiteral *It = llvm::find(Names, Name);
  if (It == Names.end())
    throw EntryError(quotedKey(Key) + " must be one of " +
                     llvm::join(Names, ", ") + "; not '" + Name + "'");
  Out = static_cast<E>(It - Names.begin());
}

void read(const json &V, llvm::StringRef Key, BlockingKind &Out) {
  readName(V, Key, Out, BlockingKindNames);
}

void read(const json &V, llvm::StringRef Key, TypeRole &Out) {
  readName(V, Key, Out, TypeRoleNames);
}

template <typename T>
void readKey(const json &Entry, llvm::StringRef Key, Presence P, T &Out) {
  checkPresence(Entry, Key, P);
  if (Entry.contains(Key))
    read(Entry.at(Key), Key, Out);
}

/// The object of MODEL_FUNCTION_ARG_TYPES_KEY: {"arg": N, "types": [...]}.
void readArgTypes(const json &Entry, llvm::StringRef Key, FunctionModel &M) {
  if (!Entry.contains(Key))
    return;
  const json &V = Entry.at(Key);
  std::string Shape =
      quotedKey(Key) + " must be {\"arg\": N, \"types\": [...]}";
  if (!V.is_object())
    throw EntryError(Shape);
  try {
#define MODEL_ARG_TYPES_KEY(ArgKey, Field)                                     \
  readKey(V, ArgKey, Required, M.Field);
#include "corolint/model/ModelSchema.def"
    checkKeys(V, ArgTypesKeys);
  } catch (const EntryError &Err) {
    throw EntryError(Shape + ": " + Err.what());
  }
}

/// The nonblocking keys say something only together, and only about a
/// descriptor: one alone would be silently ignored. So do the channel keys.
void checkNonblocking(const FunctionModel &M) {
  if ((M.NonblockingArg >= 0) != !M.NonblockingFlags.empty())
    throw EntryError("'nonblockingArg' and 'nonblockingFlags' go together");
  if (M.setsNonblocking() && M.DescriptorArg < 0 && !M.ReturnsDescriptor)
    throw EntryError("'nonblockingFlags' need a descriptor to apply to: "
                     "'descriptorArg' or 'returnsDescriptor'");
  if (M.MakesChannel && M.DescriptorArg < 0 && !M.ReturnsDescriptor)
    throw EntryError("'makesChannel' needs the descriptors it makes: "
                     "'descriptorArg' or 'returnsDescriptor'");
  if (M.SizeArg >= 0 && M.DescriptorArg < 0)
    throw EntryError("'sizeArg' needs the descriptor written: "
                     "'descriptorArg'");
  if (M.ProbesArg >= 0 && M.TimeoutArg < 0)
    throw EntryError("'probesArg' says which descriptors a call with a "
                     "'timeoutArg' probes: it needs one");
  if ((M.TimeoutArg >= 0 || M.StreamArg >= 0) && M.Blocking.empty())
    throw EntryError("'timeoutArg' and 'streamArg' say when a call does not "
                     "wait: the call must be 'blocking'");
}

/// A repeat interval says how long the handle a call activates stays
/// active: alone it would be silently ignored.
void checkHandleKeys(const FunctionModel &M) {
  if (M.RepeatArg >= 0 && M.ActivatesHandle < 0)
    throw EntryError("'repeatArg' needs 'activatesHandle'");
  if (M.RunModeArg >= 0 && !M.RunsLoop)
    throw EntryError("'runModeArg' needs 'runsLoop'");
}

// Unknown keys are looked for last, so that an entry without a name is
// reported as such, whatever else it has.

void readEntry(const json &E, FunctionModel &M) {
#define MODEL_FUNCTION_KEY(Key, Field, Presence)                               \
  readKey(E, Key, Presence, M.Field);
#define MODEL_FUNCTION_ARG_TYPES_KEY(Key) readArgTypes(E, Key, M);
#include "corolint/model/ModelSchema.def"
  checkKeys(E, FunctionKeys);
  checkNonblocking(M);
  checkHandleKeys(M);
}

void readEntry(const json &E, TypeModel &M) {
#define MODEL_TYPE_KEY(Key, Field, Presence) readKey(E, Key, Presence, M.Field);
#include "corolint/model/ModelSchema.def"
  checkKeys(E, TypeKeys);
}

/// "functions[3] ('std::thread::join')": ModelSchema.def lists the name
/// first, so that it is read before any error in the rest of the entry.
std::string describeEntry(llvm::StringRef Section, size_t Index,
                          llvm::StringRef Name) {
  std::string S = Section.str() + "[" + std::to_string(Index) + "]";
  if (!Name.empty())
    S += " ('" + Name.str() + "')";
  return S;
}

/// Reads the entries of one list of a model file, each into a Model, and
/// hands each to \p Add; the error names the entry.
template <typename Model>
std::optional<std::string>
readEntries(const json &File, llvm::StringRef Section, llvm::StringRef Origin,
            llvm::function_ref<void(Model)> Add) {
  if (!File.contains(Section))
    return std::nullopt;
  const json &Entries = File.at(Section);
  if (!Entries.is_array())
    return quotedKey(Section) + " must be a list";
  for (size_t I = 0; I < Entries.size(); ++I) {
    const json &E = Entries.at(I);
    Model M;
    try {
      if (!E.is_object())
        throw EntryError("must be an object");
      readEntry(E, M);
    } catch (const EntryError &Err) {
      return describeEntry(Section, I, M.Name) + ": " + Err.what();
    }
    M.Origin = Origin.str();
    Add(std::move(M));
  }
  return std::nullopt;
}

} // namespace

llvm::StringRef blockingKindName(BlockingKind Kind) {
  return BlockingKindNames[static_cast<size_t>(Kind)];
}

llvm::StringRef typeRoleName(TypeRole R) {
  return TypeRoleNames[static_cast<unsigned>(R)];
}

bool TypeModel::has(const std::vector<std::string> &Members,
                    llvm::StringRef M) {
  return std::find(Members.begin(), Members.end(), M) != Members.end();
}

bool TypeModel::constructedSignalledBy(const SiteFact &Construct) const {
  return StartsSignalled || llvm::any_of(Construct.Args, [&](const ArgFact &A) {
           int Index = static_cast<int>(A.Index);
           return A.Constant && ((Index == SetByArg && *A.Constant != 0) ||
                                 (Index == CountArg && *A.Constant == 0));
         });
}

void ApiModels::add(FunctionModel M) {
  if (llvm::StringRef Class = splitMember(M.Name).first; !Class.empty())
    ClassesWithMembers.insert(Class);
  Functions[M.Name] = std::move(M);
}

void ApiModels::add(TypeModel M) { Types[M.Name] = std::move(M); }

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
  std::vector<std::string> Spellings;
  try {
    checkKeys(J, FileKeys);
    if (auto It = J.find("namespaces"); It != J.end())
      read(*It, "namespaces", Spellings);
  } catch (const EntryError &Err) {
    return Fail(Err.what());
  }
  for (const std::string &Spelling : Spellings)
    Namespaces[Spelling] = Spellings.front();
  // A second entry of one name in a hand-written file would silently
  // replace the first (a `joins` entry taking away a `blocking` one).
  // Inference may find one role twice (a guard template shared by two
  // mutexes): the same entry, given again.
  std::string Twice;
#define MODEL_FILE_LIST(Key, Model)                                            \
  {                                                                            \
    llvm::StringSet<> Names;                                                   \
    if (std::optional<std::string> Why =                                       \
            readEntries<Model>(J, Key, Origin, [&](Model M) {                  \
              if (!Names.insert(M.Name).second && Twice.empty())               \
                Twice = std::string(Key) + " entry '" + M.Name +               \
                        "' is given twice: merge the two";                     \
              add(std::move(M));                                               \
            }))                                                                \
      return Fail(*Why);                                                       \
  }
#include "corolint/model/ModelSchema.def"
  if (!Twice.empty() && Origin != InferredOrigin)
    return Fail(Twice);
  return llvm::Error::success();
}

llvm::Error ApiModels::addDirectory(llvm::StringRef Dir) {
  llvm::Expected<std::vector<std::string>> Files = listFiles(Dir, ".json");
  if (!Files)
    return Files.takeError();
  for (const std::string &File : *Files) {
    auto Buffer = readInputFile(File);
    if (!Buffer)
      return Buffer.takeError();
    if (llvm::Error E = addJson((*Buffer)->getBuffer(), File))
      return E;
  }
  return llvm::Error::success();
}

std::string ApiModels::canonical(llvm::StringRef Name) const {
  for (size_t At = Name.find("::"); At != llvm::StringRef::npos;
       At = Name.find("::", At + 2)) {
    auto It = Namespaces.find(Name.take_front(At));
    if (It != Namespaces.end() && It->second != It->first())
      return It->second + Name.drop_front(At).str();
  }
  return "";
}

bool ApiModels::isOneOf(llvm::StringRef Spelled,
                        llvm::ArrayRef<std::string> Modelled) const {
  if (llvm::is_contained(Modelled, Spelled))
    return true;
  std::string Canonical = canonical(Spelled);
  return !Canonical.empty() && llvm::is_contained(Modelled, Canonical);
}

bool ApiModels::isLibraryCode(llvm::StringRef QualifiedName) const {
  for (size_t At = QualifiedName.find("::"); At != llvm::StringRef::npos;
       At = QualifiedName.find("::", At + 2))
    if (Namespaces.count(QualifiedName.take_front(At)))
      return true;
  return false;
}

const FunctionModel *ApiModels::function(llvm::StringRef Name) const {
  auto It = Functions.find(Name);
  if (It == Functions.end() && !Namespaces.empty())
    if (std::string Other = canonical(Name); !Other.empty())
      It = Functions.find(Other);
  return It == Functions.end() ? nullptr : &It->second;
}

const TypeModel *ApiModels::type(llvm::StringRef Name) const {
  auto It = Types.find(Name);
  if (It == Types.end() && !Namespaces.empty())
    if (std::string Other = canonical(Name); !Other.empty())
      It = Types.find(Other);
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

bool isComparisonName(llvm::StringRef QualifiedName) {
  llvm::StringRef Own = splitMember(QualifiedName).second;
  return Own == "operator==" || Own == "operator!=";
}

bool isConstructorName(llvm::StringRef QualifiedName) {
  auto [Scope, Own] = splitMember(QualifiedName);
  llvm::StringRef Class = splitMember(Scope).second;
  return !Class.empty() && Class == Own;
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

const FunctionModel *functionModelOf(const ApiModels &Models,
                                     llvm::StringRef Name,
                                     llvm::StringRef Usr) {
  const FunctionModel *M = Models.function(Name);
  // What inference infers is the program's own function's, under a name no
  // model has (a global coroutine `session`).
  if (M && M->Origin != InferredOrigin && !Name.contains("::") &&
      !Usr.empty() && !(Usr.consume_front("c:@F@") && Usr == Name))
    return nullptr;
  return M;
}

const FunctionModel *functionModelOf(const ApiModels &Models,
                                     const SiteFact &Call) {
  // `workers_.emplace_back(run)` is what `std::thread(run)` does.
  if (!Call.Constructs.empty())
    if (const FunctionModel *M = Models.function(
            Call.Constructs + "::" + splitMember(Call.Constructs).second.str()))
      return M;
  return functionModelOf(Models, Call.CalleeName, Call.CalleeUsr);
}

} // namespace corolint
