//===- FactsBuilder.h - Hand-built facts for unit tests ---------*- C++ -*-===//
//
// Rules and the linker are tested on facts written by hand, without parsing:
// a function is a few blocks with sites in them.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TESTS_FACTSBUILDER_H
#define COROLINT_TESTS_FACTSBUILDER_H

#include "corolint/facts/Facts.h"
#include "corolint/rules/Rule.h"
#include <optional>

namespace corolint::test {

inline ObjectRef object(ObjectRef::Kind K, std::string Name, std::string Type) {
  ObjectRef R;
  R.K = K;
  R.Key = "c:@" + Name;
  R.Name = std::move(Name);
  R.Type = std::move(Type);
  return R;
}
inline ObjectRef local(std::string Name, std::string Type) {
  return object(ObjectRef::Kind::Local, std::move(Name), std::move(Type));
}
inline ObjectRef global(std::string Name, std::string Type) {
  return object(ObjectRef::Kind::Global, std::move(Name), std::move(Type));
}
/// Parameter \p Index of function \p Fn, named "Fn::Name".
inline ObjectRef param(const std::string &Fn, int Index,
                       const std::string &Name, std::string Type) {
  ObjectRef R =
      object(ObjectRef::Kind::Param, Fn + "::" + Name, std::move(Type));
  R.Key = "c:@F@" + Fn + "#" + std::to_string(Index);
  R.ParamIndex = Index;
  return R;
}

/// A function whose CFG starts as entry -> body -> exit. Blocks are 0
/// (entry), 1 (exit), 2 (body) and whatever block() adds.
class FunctionBuilder {
public:
  explicit FunctionBuilder(std::string Name, bool Coroutine = false) {
    F.Usr = "c:@F@" + Name;
    F.Name = std::move(Name);
    F.IsCoroutine = Coroutine;
    F.Loc = {"test.cpp", 1, 1};
    F.Cfg.resize(3);
    F.CfgEntry = 0;
    F.CfgExit = 1;
    F.Cfg[0].Succs = {2};
    F.Cfg[2].Succs = {1};
  }

  static constexpr unsigned Body = 2;

  unsigned block() {
    F.Cfg.emplace_back();
    return F.Cfg.size() - 1;
  }
  /// Replaces the successors of \p From.
  FunctionBuilder &succs(unsigned From, std::vector<unsigned> To) {
    F.Cfg[From].Succs = std::move(To);
    return *this;
  }

  /// Ends \p Block in a `return` statement at \p Line, column \p Col
  /// (sites are at line 10 + id, column 1).
  FunctionBuilder &returns(unsigned Block, unsigned Line, unsigned Col) {
    F.Cfg[Block].Return = SourceLoc{"test.cpp", Line, Col};
    return *this;
  }

  unsigned call(unsigned Block, std::string Callee, ObjectRef Receiver = {},
                std::vector<ArgFact> Args = {}) {
    SiteFact &S = add(Block, SiteKind::Call);
    S.CalleeName = std::move(Callee);
    S.CalleeUsr = "c:@F@" + S.CalleeName;
    S.Receiver = std::move(Receiver);
    S.Args = std::move(Args);
    return S.Id;
  }
  unsigned suspend(unsigned Block, SuspendKind K = SuspendKind::CoAwait) {
    SiteFact &S = add(Block, SiteKind::Suspend);
    S.Suspend = K;
    return S.Id;
  }
  unsigned awaitObject(unsigned Block, ObjectRef Obj) {
    SiteFact &S = add(Block, SiteKind::Suspend);
    S.AwaitableType = Obj.Type;
    S.Operand = std::move(Obj);
    return S.Id;
  }
  unsigned scopeBegin(unsigned Block, ObjectRef Var,
                      std::vector<ArgFact> Args = {}) {
    SiteFact &S = add(Block, SiteKind::ScopeBegin);
    S.Receiver = std::move(Var);
    S.Args = std::move(Args);
    return S.Id;
  }
  unsigned scopeEnd(unsigned Block, ObjectRef Var) {
    SiteFact &S = add(Block, SiteKind::ScopeEnd);
    S.Receiver = std::move(Var);
    return S.Id;
  }
  /// A built-in assignment to \p Target (`ready = true`: \p Value 1).
  unsigned write(unsigned Block, ObjectRef Target,
                 std::optional<int64_t> Value = std::nullopt) {
    SiteFact &S = add(Block, SiteKind::Write);
    S.Receiver = std::move(Target);
    S.Value = Value;
    return S.Id;
  }
  /// `Target = <result of Call>` through an assignment operator.
  unsigned assign(unsigned Block, ObjectRef Target, unsigned Call) {
    unsigned Id = call(Block, Target.Type + "::operator=", Target);
    F.Sites[Id].OperandCall = Call;
    return Id;
  }
  /// A member call on what \p Made returns (`p.get_future().share()`).
  unsigned callOnResult(unsigned Block, std::string Callee, unsigned Made) {
    unsigned Id = call(Block, std::move(Callee));
    F.Sites[Id].ReceiverCall = static_cast<int>(Made);
    F.Sites[Id].ReceiverProducerUsr = F.Sites[Made].CalleeUsr;
    return Id;
  }
  /// Hands a callable to \p Callee as argument \p Index.
  unsigned pass(unsigned Block, std::string Callee, unsigned Index,
                std::string CallableName) {
    ArgFact A;
    A.Index = Index;
    A.CallableUsr = "c:@F@" + CallableName;
    return call(Block, std::move(Callee), {}, {A});
  }

  FunctionFact build() const { return F; }

private:
  SiteFact &add(unsigned Block, SiteKind K) {
    SiteFact &S = F.Sites.emplace_back();
    S.Id = F.Sites.size() - 1;
    S.Kind = K;
    S.Loc = {"test.cpp", 10 + S.Id, 1};
    S.Pos = {static_cast<int>(Block),
             static_cast<int>(F.Cfg[Block].Sites.size())};
    F.Cfg[Block].Sites.push_back(S.Id);
    return S;
  }

  FunctionFact F;
};

/// Runs the rule \p Id on one unit made of \p Functions.
inline std::vector<Finding> runRule(llvm::StringRef Id,
                                    std::vector<FunctionFact> Functions,
                                    const ApiModels &Models) {
  TuFacts U;
  U.MainFile = "test.cpp";
  U.Functions = std::move(Functions);
  Program P = linkProgram({U}, Models);
  std::vector<Finding> Out;
  runRule(*findRule(Id), P, Out);
  return Out;
}

/// The steps of search rule \p Id takes on \p Functions (Rule::work()).
inline uint64_t ruleWork(llvm::StringRef Id, std::vector<FunctionFact> Functions,
                         const ApiModels &Models) {
  TuFacts U;
  U.MainFile = "test.cpp";
  U.Functions = std::move(Functions);
  Program P = linkProgram({U}, Models);
  std::unique_ptr<Rule> R = findRule(Id)->Create();
  std::vector<Finding> Out;
  R->check(P, Out);
  return R->work();
}

inline TuFacts unit(std::string MainFile, std::vector<FunctionFact> Functions) {
  TuFacts U;
  U.MainFile = std::move(MainFile);
  U.Functions = std::move(Functions);
  return U;
}

inline ArgFact argOf(unsigned Index, ObjectRef Ref) {
  ArgFact A;
  A.Index = Index;
  A.Type = Ref.Type;
  A.Ref = std::move(Ref);
  return A;
}

/// A constant argument (`event{true}`, `latch{0}`).
inline ArgFact constant(unsigned Index, int64_t Value) {
  ArgFact A;
  A.Index = Index;
  A.Constant = Value;
  return A;
}

inline ArgFact argType(unsigned Index, std::string Type) {
  ArgFact A;
  A.Index = Index;
  A.Type = std::move(Type);
  return A;
}

} // namespace corolint::test

#endif
