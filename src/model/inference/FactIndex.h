//===- FactIndex.h - The facts the inference rules read ---------*- C++ -*-===//
//
// Every rule of inference looks functions up by USR or by class, follows a
// member into the helpers it calls, and names what it finds in evidence:
// the index and the small helpers for that, shared by the rules' files. An
// internal header, not under include/: nothing outside inference uses it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MODEL_INFERENCE_FACTINDEX_H
#define COROLINT_MODEL_INFERENCE_FACTINDEX_H

#include "corolint/facts/Facts.h"
#include "corolint/model/ApiModels.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace corolint::inference {

/// How deep a member's helpers are followed: `set()` that calls
/// `resume_waiters()`, which posts a lambda that resumes.
constexpr unsigned MaxHelperDepth = 3;

/// A callable kept in a field: queued, or assigned as the one callback.
inline bool isCallableStore(const FieldStoreFact &S) {
  return S.Kind == StoredKind::Callable || S.Kind == StoredKind::Callback;
}

inline std::string where(const SourceLoc &L) {
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Col);
}

inline llvm::StringRef classOf(llvm::StringRef Qualified) {
  return splitMember(Qualified).first;
}

inline llvm::StringRef memberOf(llvm::StringRef Qualified) {
  return splitMember(Qualified).second;
}

/// A canonical builtin spelling (paramTypes) of an integer but a boolean.
inline bool isIntegerType(llvm::StringRef Type) {
  static constexpr llvm::StringLiteral Integers[] = {
      "char",           "signed char", "unsigned char",     "short",
      "unsigned short", "int",         "unsigned int",      "long",
      "unsigned long",  "long long",   "unsigned long long"};
  return llvm::is_contained(Integers, Type);
}

/// A paramTypes spelling of a type by its name: a class (or an unscoped
/// enumeration, which Clang counts as an integer type but the facts spell by
/// name), neither a builtin integer or boolean nor empty (a pointer, a
/// scoped enumeration).
inline bool isClassType(llvm::StringRef Type) {
  return !Type.empty() && Type != "bool" && !isIntegerType(Type);
}

/// Members that are the awaiter protocol or the object's life, not an API
/// that waits or signals.
inline bool isProtocolMember(llvm::StringRef Class, llvm::StringRef Member) {
  llvm::StringRef Short = memberOf(Class);
  // A promise's members are the coroutine's machinery too.
  static constexpr llvm::StringLiteral Promise[] = {
      "initial_suspend", "final_suspend",      "get_return_object",
      "await_transform", "yield_value",        "return_value",
      "return_void",     "unhandled_exception"};
  return Member.starts_with("await_") || Member == "operator co_await" ||
         Member == Short || Member == ("~" + Short).str() ||
         Member.starts_with("operator=") || llvm::is_contained(Promise, Member);
}

/// The facts of every function, once, looked up by USR and by class.
class FactIndex {
public:
  explicit FactIndex(const std::vector<TuFacts> &Units);

  const std::map<std::string, const FunctionFact *> &functions() const {
    return ByUsr;
  }
  llvm::ArrayRef<const FunctionFact *> membersOf(llvm::StringRef Class) const {
    auto It = MembersOf.find(Class.str());
    if (It == MembersOf.end())
      return {};
    return It->second;
  }
  /// Every class's members, by the class's qualified name.
  const std::map<std::string, std::vector<const FunctionFact *>> &
  classes() const {
    return MembersOf;
  }
  /// \p F and the functions it calls or (with \p Handed) hands a callable
  /// of, up to MaxHelperDepth calls away, in the order first reached;
  /// without \p Coroutines, not into a coroutine (an operation of its own).
  /// A virtual call reaches every override the units define (class
  /// hierarchy analysis, as the linker's): `co_await waiter->on_notify()`
  /// runs whichever awaiter's `on_notify` the list holds. With \p Enter,
  /// only into the functions it accepts.
  std::vector<const FunctionFact *>
  reach(const FunctionFact &F, bool Handed = true, bool Coroutines = true,
        llvm::function_ref<bool(const FunctionFact &)> Enter = nullptr) const;

private:
  void add(const std::string &Usr, bool Coroutines,
           llvm::function_ref<bool(const FunctionFact &)> Enter,
           std::vector<const FunctionFact *> &Reached,
           std::set<const FunctionFact *> &Seen) const;

  std::map<std::string, const FunctionFact *> ByUsr;
  std::map<std::string, std::vector<const FunctionFact *>> MembersOf;
  /// The functions that override a virtual function, by its USR.
  std::map<std::string, std::vector<const FunctionFact *>> OverridersOf;
};

} // namespace corolint::inference

#endif
