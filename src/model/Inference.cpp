//===- Inference.cpp - Roles inferred from a library's own code -----------===//
//
// Reads the role evidence the frontend records for member functions (the
// fields they work on, what they keep there, whether they resume a handle or
// call a callable they took from somewhere) and turns it into model entries.
// Each rule below says what must hold; a class that shows only part of it is
// left alone, because a wrong role costs more than a missing one.
//
//===----------------------------------------------------------------------===//

#include "corolint/model/Inference.h"
#include "corolint/JsonText.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using ordered_json = nlohmann::ordered_json;

namespace corolint {
namespace {

/// How deep a member's helpers are followed: `set()` that calls
/// `resume_waiters()`, which posts a lambda that resumes.
constexpr unsigned MaxHelperDepth = 3;

std::string where(const SourceLoc &L) {
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Col);
}

llvm::StringRef classOf(llvm::StringRef Qualified) {
  return splitMember(Qualified).first;
}

llvm::StringRef memberOf(llvm::StringRef Qualified) {
  return splitMember(Qualified).second;
}

/// Members that are the awaiter protocol or the object's life, not an API
/// that waits or signals.
bool isProtocolMember(llvm::StringRef Class, llvm::StringRef Member) {
  llvm::StringRef Short = memberOf(Class);
  return Member.starts_with("await_") || Member == "operator co_await" ||
         Member == Short || Member == ("~" + Short).str() ||
         Member.starts_with("operator=");
}

/// The facts of every function, once, looked up by USR and by class.
class FactIndex {
public:
  explicit FactIndex(const std::vector<TuFacts> &Units) {
    // In the linker's order, so that every order of the same units infers
    // the same (a function seen in two units keeps the first one's facts).
    std::vector<const TuFacts *> Sorted;
    for (const TuFacts &U : Units)
      Sorted.push_back(&U);
    std::stable_sort(Sorted.begin(), Sorted.end(),
                     [](const TuFacts *A, const TuFacts *B) {
                       return A->MainFile < B->MainFile;
                     });
    for (const TuFacts *U : Sorted)
      for (const FunctionFact &F : U->Functions)
        ByUsr.try_emplace(F.Usr, &F);
    for (const auto &[Usr, F] : ByUsr)
      if (!F->IsLambda)
        MembersOf[classOf(F->Name).str()].push_back(F);
  }

  const std::map<std::string, const FunctionFact *> &functions() const {
    return ByUsr;
  }
  llvm::ArrayRef<const FunctionFact *> membersOf(llvm::StringRef Class) const {
    auto It = MembersOf.find(Class.str());
    if (It == MembersOf.end())
      return {};
    return It->second;
  }
  /// \p F and the functions it calls or hands a callable of, up to
  /// MaxHelperDepth calls away, in the order first reached.
  std::vector<const FunctionFact *> reach(const FunctionFact &F) const {
    std::vector<const FunctionFact *> Reached{&F};
    std::set<const FunctionFact *> Seen{&F};
    size_t Begin = 0;
    for (unsigned Depth = 0; Depth < MaxHelperDepth; ++Depth) {
      size_t End = Reached.size();
      for (size_t I = Begin; I < End; ++I)
        for (const SiteFact &S : Reached[I]->Sites) {
          add(S.CalleeUsr, Reached, Seen);
          for (const ArgFact &A : S.Args)
            add(A.CallableUsr, Reached, Seen);
        }
      Begin = End;
    }
    return Reached;
  }

private:
  void add(const std::string &Usr, std::vector<const FunctionFact *> &Reached,
           std::set<const FunctionFact *> &Seen) const {
    auto It = ByUsr.find(Usr);
    if (It != ByUsr.end() && Seen.insert(It->second).second)
      Reached.push_back(It->second);
  }

  std::map<std::string, const FunctionFact *> ByUsr;
  std::map<std::string, std::vector<const FunctionFact *>> MembersOf;
};

class Inferrer {
public:
  Inferrer(const std::vector<TuFacts> &Units, const ApiModels &Known)
      : Index(Units), Known(Known) {}

  InferredModels run() {
    inferEvents();
    inferLoops();
    return std::move(Out);
  }

private:
  /// A field an awaiter keeps a waiter in: the handle, or itself.
  struct WaiterStore {
    std::string Field;
    std::string Awaiter; ///< The class whose await_suspend keeps it.
    SourceLoc Loc;
  };

  std::vector<WaiterStore> waiterStores() const;
  void inferEvents();
  void inferEvent(llvm::StringRef Class,
                  const std::vector<const WaiterStore *> &Stores);
  void inferLoops();
  void inferRegistration(const FunctionFact &F, const FieldStoreFact &Store);

  const FunctionFact *resumerFrom(const FunctionFact &Member,
                                  llvm::StringRef Field) const;
  int setByArg(llvm::StringRef Class, llvm::StringRef Awaiter) const;
  bool resumedByItsOwnCode(llvm::StringRef Class) const;
  bool usedAsALock(llvm::StringRef Class, const std::set<std::string> &Waits,
                   const std::set<std::string> &Signals) const;
  std::set<const FunctionFact *>
  waitPath(const std::vector<const WaiterStore *> &Stores) const;
  bool drivenByItsClass(llvm::StringRef Class,
                        const FunctionFact &Drainer) const;
  bool isDuration(llvm::StringRef Type) const {
    const TypeModel *T = Known.type(Type);
    return T && T->Role == TypeRole::Duration;
  }

  FactIndex Index;
  const ApiModels &Known;
  std::set<std::string> InferredFunctions;
  InferredModels Out;
};

/// Every field that an `await_suspend` keeps its handle, or its awaiter, in,
/// itself or through a helper it hands them to.
std::vector<Inferrer::WaiterStore> Inferrer::waiterStores() const {
  std::vector<WaiterStore> Stores;
  for (const auto &[Usr, F] : Index.functions()) {
    if (F->IsLambda || memberOf(F->Name) != "await_suspend")
      continue;
    for (const FunctionFact *G : Index.reach(*F))
      for (const FieldStoreFact &S : G->Stores)
        if (S.Kind != StoredKind::Callable)
          Stores.push_back({S.Field, classOf(F->Name).str(), S.Loc});
  }
  return Stores;
}

/// An event: an awaiter's `await_suspend` keeps the waiter in a field of
/// the class, and a member of that class resumes what it finds there,
/// itself or through its helpers (also by posting a lambda that resumes).
void Inferrer::inferEvents() {
  std::vector<WaiterStore> Stores = waiterStores();
  std::map<std::string, std::vector<const WaiterStore *>> ByClass;
  for (const WaiterStore &S : Stores)
    ByClass[classOf(S.Field).str()].push_back(&S);
  for (const auto &[Class, ClassStores] : ByClass)
    if (!Class.empty() && !Known.type(Class) && !Known.isLibraryCode(Class))
      inferEvent(Class, ClassStores);
}

const FunctionFact *Inferrer::resumerFrom(const FunctionFact &Member,
                                          llvm::StringRef Field) const {
  std::vector<const FunctionFact *> Reached = Index.reach(Member);
  bool Touches = llvm::any_of(Reached, [&](const FunctionFact *G) {
    return llvm::is_contained(G->Fields, Field);
  });
  if (!Touches)
    return nullptr;
  auto Resumer = llvm::find_if(
      Reached, [](const FunctionFact *G) { return G->ResumesHandle; });
  return Resumer == Reached.end() ? nullptr : *Resumer;
}

void Inferrer::inferEvent(llvm::StringRef Class,
                          const std::vector<const WaiterStore *> &Stores) {
  std::set<std::string> Signals;
  std::vector<std::string> Evidence;
  std::string Awaiter;
  std::set<const FunctionFact *> PartOfTheWait = waitPath(Stores);
  for (const FunctionFact *Member : Index.membersOf(Class)) {
    llvm::StringRef Name = memberOf(Member->Name);
    if (isProtocolMember(Class, Name) || Member->IsCoroutine ||
        PartOfTheWait.count(Member))
      continue;
    for (const WaiterStore *S : Stores)
      if (const FunctionFact *Resumer = resumerFrom(*Member, S->Field)) {
        if (Signals.insert(Name.str()).second)
          Evidence.push_back(where(Member->Loc) + ": '" + Member->Name +
                             "' resumes the waiters kept in '" + S->Field +
                             "' (in '" + Resumer->Name + "')");
        if (Awaiter.empty()) {
          Awaiter = S->Awaiter;
          Evidence.insert(Evidence.begin(),
                          where(S->Loc) + ": '" + S->Awaiter +
                              "::await_suspend' keeps its waiter in '" +
                              S->Field + "'");
        }
        break;
      }
  }
  if (Signals.empty() || resumedByItsOwnCode(Class))
    return;
  std::set<std::string> Waits;
  if (Awaiter == Class)
    Waits.insert("operator co_await");
  // A member that returns the awaiter waits; one handed an awaiter too is a
  // helper of the waiter list (`reverse(awaiter *)`).
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (Member->ReturnType == Awaiter && !Member->IsCoroutine &&
        !llvm::is_contained(Member->ParamTypes, Awaiter))
      Waits.insert(memberOf(Member->Name).str());
  if (Waits.empty())
    return; // Awaited some way the models cannot say.
  if (usedAsALock(Class, Waits, Signals))
    return; // An async mutex: not inferred yet, and no event.
  ordered_json J = {{"name", Class},
                    {"role", "resource"},
                    {"resourceKind", "event"},
                    {"waits", Waits},
                    {"signals", Signals}};
  if (int Arg = setByArg(Class, Awaiter); Arg >= 0) {
    J["setByArg"] = Arg;
    Evidence.push_back("'" + Awaiter +
                       "::await_ready' tests what its constructor's argument " +
                       std::to_string(Arg) + " sets");
  }
  Out.Types.push_back({Class.str(), J.dump(), std::move(Evidence)});
}

/// Some function waits on an object of \p Class and then signals that same
/// object (`co_await m.lock(); ...; m.unlock();`), or a destructor signals
/// it (a guard's): a lock, whose holder releases it, which taken for an
/// event would be a task waiting for what only it signals later.
bool Inferrer::usedAsALock(llvm::StringRef Class,
                           const std::set<std::string> &Waits,
                           const std::set<std::string> &Signals) const {
  for (const auto &[Usr, F] : Index.functions()) {
    // A guard's destructor that signals it releases what was taken
    // (`auto lock = co_await m.scoped_lock_async();`).
    bool Destructor = memberOf(F->Name).starts_with("~");
    std::set<std::string> Waited;
    for (const SiteFact &S : F->Sites) {
      if (S.Kind == SiteKind::Suspend && S.Operand.isKnown() &&
          S.AwaitableType == Class)
        Waited.insert(S.Operand.Key);
      if (S.Kind != SiteKind::Call || !S.Receiver.isKnown() ||
          classOf(S.CalleeName) != Class)
        continue;
      llvm::StringRef Member = memberOf(S.CalleeName);
      if (Waits.count(Member.str()))
        Waited.insert(S.Receiver.Key);
      else if (Signals.count(Member.str()) &&
               (Destructor || Waited.count(S.Receiver.Key)))
        return true;
    }
  }
  return false;
}

/// Code of \p Class itself resumes the waiters it keeps: a lambda written
/// in one of its members (a thread body that its constructor or factory
/// starts) calls members of the class that resume handles. That is a
/// scheduler or a pool (`co_await pool.schedule()` resumes on its worker),
/// not an event that the program signals. A lambda that resumes a handle
/// itself (`post([h] { h.resume(); })`) is a signal handed to a loop.
bool Inferrer::resumedByItsOwnCode(llvm::StringRef Class) const {
  for (const auto &[Usr, F] : Index.functions()) {
    if (!F->IsLambda || F->ResumesHandle || classOf(F->Owner) != Class)
      continue;
    if (llvm::any_of(Index.reach(*F), [&](const FunctionFact *G) {
          return G->ResumesHandle && classOf(G->Name) == Class;
        }))
      return true;
  }
  return false;
}

/// What the awaiters that keep waiters in \p Stores run when they are
/// awaited: `try_await(h)`, which starts the tasks awaited, is part of the
/// wait, not a signal (libcoro's when_all_ready_awaitable).
std::set<const FunctionFact *>
Inferrer::waitPath(const std::vector<const WaiterStore *> &Stores) const {
  std::set<const FunctionFact *> Path;
  for (const WaiterStore *S : Stores)
    for (const FunctionFact *Member : Index.membersOf(S->Awaiter))
      if (memberOf(Member->Name).starts_with("await_"))
        for (const FunctionFact *G : Index.reach(*Member))
          Path.insert(G);
  return Path;
}

/// The constructor argument of \p Class that sets a field which the
/// awaiter's `await_ready` reads, itself or through the helpers it calls
/// (`is_set()`): an event constructed set.
int Inferrer::setByArg(llvm::StringRef Class, llvm::StringRef Awaiter) const {
  std::set<std::string> Tested;
  for (const FunctionFact *Member : Index.membersOf(Awaiter))
    if (memberOf(Member->Name) == "await_ready")
      for (const FunctionFact *G : Index.reach(*Member))
        Tested.insert(G->Fields.begin(), G->Fields.end());
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (isConstructorName(Member->Name))
      for (const FieldInitFact &Init : Member->FieldInits)
        if (Tested.count(Init.Field))
          return static_cast<int>(Init.Param);
  return -1;
}

/// A member that keeps a callable it is handed in a field of its class,
/// which another member takes out and calls, registers work: the loop runs
/// it later (`post(f)`; with a duration, a timer: `add_timer(d, f)`).
void Inferrer::inferLoops() {
  for (const auto &[Usr, F] : Index.functions()) {
    // A model names the function, or its class, or the library it is in.
    if (F->IsLambda || Known.function(F->Name) ||
        Known.type(classOf(F->Name)) || Known.isLibraryCode(F->Name))
      continue;
    for (const FieldStoreFact &S : F->Stores)
      if (S.Kind == StoredKind::Callable && S.Param >= 0 &&
          classOf(S.Field) == classOf(F->Name)) {
        inferRegistration(*F, S);
        break;
      }
  }
}

/// The class calls \p Drainer itself, from its own code (a worker thread's
/// body that its constructor starts): its queue runs on threads of its own,
/// as a pool's does, not on a loop that its user runs.
bool Inferrer::drivenByItsClass(llvm::StringRef Class,
                                const FunctionFact &Drainer) const {
  for (const auto &[Usr, F] : Index.functions()) {
    llvm::StringRef Home = F->IsLambda ? llvm::StringRef(F->Owner) : F->Name;
    if (F == &Drainer || classOf(Home) != Class)
      continue;
    for (const SiteFact &S : F->Sites)
      if (S.CalleeUsr == Drainer.Usr ||
          llvm::any_of(S.Args, [&](const ArgFact &A) {
            return A.CallableUsr == Drainer.Usr;
          }))
        return true;
  }
  return false;
}

void Inferrer::inferRegistration(const FunctionFact &F,
                                 const FieldStoreFact &Store) {
  llvm::StringRef Class = classOf(F.Name);
  if (!InferredFunctions.insert(F.Name).second)
    return; // Another instantiation of the same template member.
  const FunctionFact *Drainer = nullptr;
  for (const FunctionFact *Member : Index.membersOf(Class))
    if (Member != &F && llvm::is_contained(Member->Fields, Store.Field) &&
        llvm::any_of(Index.reach(*Member), [](const FunctionFact *G) {
          return G->InvokesCallable;
        })) {
      Drainer = Member;
      break;
    }
  if (!Drainer)
    return;
  bool Pool = drivenByItsClass(Class, *Drainer);
  ordered_json J = {{"name", F.Name}};
  J[Pool ? "offload" : "loopCallback"] = Store.Param;
  std::vector<std::string> Evidence{
      where(Store.Loc) + ": '" + F.Name + "' keeps its argument " +
          std::to_string(Store.Param) + ", a callable, in '" + Store.Field +
          "'",
      where(Drainer->Loc) + ": '" + Drainer->Name +
          "' takes callables from it and calls them" +
          (Pool ? ", on threads its class starts" : "")};
  if (!Pool && llvm::any_of(F.ParamTypes, [&](const std::string &T) {
        return isDuration(T);
      })) {
    J["delay"] = true;
    Evidence.push_back("'" + F.Name +
                       "' takes a duration: the callable runs once it passes");
  }
  Out.Functions.push_back({F.Name, J.dump(), std::move(Evidence)});
}

/// A YAML scalar: a name in single quotes (names hold `::` and spaces), a
/// number or a boolean as it is.
std::string yamlScalar(const ordered_json &V) {
  if (!V.is_string())
    return V.dump();
  std::string Out = "'";
  for (char C : V.get<std::string>()) {
    if (C == '\'')
      Out += '\'';
    Out += C;
  }
  return Out + "'";
}

void writeYamlEntries(const std::vector<InferredEntry> &Entries,
                      const char *Section, std::string &Out) {
  if (Entries.empty())
    return;
  Out += "    " + std::string(Section) + ":\n";
  for (const InferredEntry &E : Entries) {
    for (const std::string &Why : E.Evidence)
      Out += "      # " + Why + "\n";
    ordered_json J = ordered_json::parse(E.ModelJson);
    const char *Lead = "      - ";
    for (const auto &[Key, Value] : J.items()) {
      Out += Lead + Key + ": ";
      if (Value.is_array()) {
        Out += "[";
        for (size_t I = 0; I < Value.size(); ++I)
          Out += (I ? ", " : "") + yamlScalar(Value[I]);
        Out += "]";
      } else {
        Out += yamlScalar(Value);
      }
      Out += "\n";
      Lead = "        ";
    }
  }
}

} // namespace

std::string InferredModels::modelJson() const {
  ordered_json J = {{"library", "inferred"},
                    {"functions", ordered_json::array()},
                    {"types", ordered_json::array()}};
  for (const InferredEntry &E : Functions)
    J["functions"].push_back(ordered_json::parse(E.ModelJson));
  for (const InferredEntry &E : Types)
    J["types"].push_back(ordered_json::parse(E.ModelJson));
  return J.dump();
}

std::string InferredModels::yaml() const {
  std::string Out =
      "# Roles corolint inferred from the project's code "
      "(docs/inference.md).\n"
      "# Review them and keep what is right in .corolint.yaml: a model "
      "there\n# always wins over inference.\n";
  if (empty())
    return Out + "Models: []\n";
  Out += "Models:\n  - library: inferred\n";
  writeYamlEntries(Functions, "functions", Out);
  writeYamlEntries(Types, "types", Out);
  return Out;
}

InferredModels inferModels(const std::vector<TuFacts> &Units,
                           const ApiModels &Known) {
  return Inferrer(Units, Known).run();
}

llvm::Error addInferredModels(const std::vector<TuFacts> &Units,
                              ApiModels &Models) {
  InferredModels Inferred = inferModels(Units, Models);
  if (Inferred.empty())
    return llvm::Error::success();
  Models.noteInferred();
  return Models.addJson(Inferred.modelJson(), InferredOrigin);
}

} // namespace corolint
