//===- Facts.h - Plain-data facts of one translation unit -------*- C++ -*-===//
//
// The contract between the frontend, which is the only part that sees Clang,
// and everything after it. A TuFacts is a pure function of one compile command:
// it does not depend on the library models, so it can be cached or produced on
// another machine. docs/facts.md describes the serialized form.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FACTS_H
#define COROLINT_FACTS_H

#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace corolint {

/// Bumped whenever the serialized form changes in a way older readers
/// would misread. Files of another version are refused.
constexpr int FactsVersion = 26;

/// What the USR of a class's pseudo-function holding its in-class member
/// initializers ends with (its name is the class's constructor's).
inline constexpr const char *InClassInitializersUsrSuffix =
    "@in-class-initializers";
/// What the USR of a global's pseudo-function holding the constructor call
/// that builds it ends with (its name is the variable's).
inline constexpr const char *GlobalInitializerUsrSuffix = "@initializer";

struct SourceLoc {
  std::string File;
  unsigned Line = 0;
  unsigned Col = 0;

  bool operator<(const SourceLoc &O) const {
    return std::tie(File, Line, Col) < std::tie(O.File, O.Line, O.Col);
  }
  bool operator==(const SourceLoc &O) const {
    return File == O.File && Line == O.Line && Col == O.Col;
  }
};

/// Where an object lives. Two references to the same object in different
/// translation units have the same Key.
struct ObjectRef {
  enum class Kind { None, Global, Field, Local, Param };
  Kind K = Kind::None;
  std::string Key;  ///< USR of the variable or field; for params, "<fn>#<i>".
  std::string Name; ///< For people: "ev", "Session::mtx", "handler::m".
  std::string Type; ///< Normalized qualified name of its class, if any.
  int ParamIndex = -1;
  /// Only code the analysis sees can name it: a local, a global with
  /// internal linkage, or a private field, held by value, of a class without
  /// friends whose member functions this unit defines and none of which
  /// returns a mutable reference or pointer. (It can still escape through a
  /// pointer or a reference handed to other code; the linker checks calls
  /// for that.) A resource is internal only when every unit that names it
  /// says so.
  bool Internal = false;
  /// A field or local of reference type: it names an object bound
  /// elsewhere (by whoever constructs its class, or by its initializer), so
  /// its key stands for no one object.
  bool Alias = false;
  /// A private field: only its class's members and friends can name it,
  /// which a header-only library defines where the analysis sees them.
  bool Private = false;
  /// A field reached through a parameter of the function (`from.guard`,
  /// `to->guard`): that parameter's key, "<fn>#<i>". The field's key names
  /// it in every object; a rule that can tell objects apart binds the
  /// parameter to what each caller passes.
  std::string ThroughParam;
  /// A field reached from a local variable of the function, through
  /// fields, element accessors or dereferences (`req.waiter`,
  /// `node.mapped().handle`, `it->second.out`): that local's key. What a
  /// function took out of a container into a local is known by the local.
  std::string ThroughLocal;
  /// What an accessor returns (`link.upstream()`: `Key` is the holder's key
  /// and `->upstream()`) when the holder is a parameter or a reference
  /// field, which stand for whatever each caller or constructor binds them
  /// to: that holder. The linker resolves the holder and names the result
  /// by what it is bound to (`main::link->upstream()`), as code that calls
  /// the accessor on that object itself does.
  std::shared_ptr<const ObjectRef> AccessorOf;

  bool isKnown() const { return K != Kind::None; }
  /// The name as the code spells it: a local or parameter by its own name
  /// (the enclosing function is already in the message's location), anything
  /// else by its qualified name.
  std::string spelledName() const {
    if (K != Kind::Local && K != Kind::Param) {
      // Code in the file spells `(anonymous namespace)::ready` as `ready`.
      std::string Spelled = Name;
      const std::string Anonymous = "(anonymous namespace)::";
      for (size_t At; (At = Spelled.find(Anonymous)) != std::string::npos;)
        Spelled.erase(At, Anonymous.size());
      return Spelled;
    }
    size_t Colons = Name.rfind("::");
    return Colons == std::string::npos ? Name : Name.substr(Colons + 2);
  }
};

/// One argument of a call that later passes may care about.
struct ArgFact {
  unsigned Index =
      0; ///< Parameter index; the object of a member call is not counted.
  std::string Type; ///< Normalized class name of the argument, if a class.
  /// The class of the one value the argument is built from, when it is
  /// (`std::optional<milliseconds>{30s}`, a braced `{30s}`): what it holds.
  std::string BuiltFrom;
  ObjectRef Ref;    ///< The object passed, when it is a named object.
  /// Ref is a field of another object than `this` (`upstream_->t_`), which
  /// Ref names by its field alone.
  bool OtherObject = false;
  /// The calling function's own object, by reference or pointer (`*this`,
  /// `this`): a callback handed it works on that object
  /// (`on_error_(*this, e)`).
  bool OwnObject = false;
  /// The site of the call that makes the argument, a new object: a
  /// constructor (`workers_.push_back(std::thread(run))`) or a function
  /// that returns it (`async_write(s, b, std::bind(&C::on_write, this))`),
  /// or -1.
  int MadeBy = -1;
  std::string CallableUsr; ///< A lambda, function or member function passed.
  /// For a lambda: the parameters of the calling function that are
  /// callables (a function pointer, a class with `operator()`) and that it
  /// captures, itself or as an init-capture's value (`[func =
  /// std::forward<F>(f)]`). Sorted, unique.
  std::vector<unsigned> CapturedCallables;
  /// For a lambda: the keys of the calling function's locals and
  /// parameters whose objects its init-captures take over by move (`[lock =
  /// std::move(lock)]`): a guard moved so holds its mutex until the lambda
  /// lets go of it. Sorted, unique.
  std::vector<std::string> MovedIn;
  /// Ref's object is handed over: moved (`std::move(lk)`) into a parameter
  /// taken by value, or by a move constructor or move assignment (`auto
  /// owner = std::move(lk);`). What it held belongs to the callee now.
  bool HandedOver = false;
  /// For a lambda: the keys of the calling function's locals and
  /// parameters it captures, by copy or by reference, named in its capture
  /// list or not. Sorted, unique.
  std::vector<std::string> Captures;
  std::string ProducerUsr; ///< The function whose call produced the value
                           ///< (`co_spawn(ex, session(), detached)`).
  /// Its value, when it is an integral or boolean constant (`event{true}`,
  /// `latch{0}`).
  std::optional<int64_t> Constant;
  /// For an integer (or a pointer to one) whose value is read from another
  /// object than Ref: the field a getter returns (`sock.native_handle()`),
  /// the array an element is taken from (`fds[1]`), the range a range-for
  /// variable walks, the object a reference local is bound to. A descriptor
  /// is known by the object that holds it.
  ObjectRef Holder;
  /// For an integer: the names of the constants it may have ORed in (macros
  /// at every level of their expansion, enumerators), seen as operands of
  /// `|`, `|=`, either branch of `?:`, or the whole argument; through a
  /// local's initializer and assignments in the function. Sorted, unique.
  std::vector<std::string> Flags;
};

/// Position of a site on the function's CFG: block and index in the block.
/// Block -1 means the site was not found on the CFG (no CFG could be built).
struct CfgPos {
  int Block = -1;
  int Index = 0;
};

enum class SiteKind {
  Call,       ///< A call, member call, operator call or constructor call.
  Suspend,    ///< co_await, co_yield, or an implicit initial/final suspend.
  ScopeBegin, ///< A local object with a destructor is constructed.
  ScopeEnd,   ///< That object is destroyed (automatic destructor on the CFG).
  Write,      ///< A built-in assignment to a named object (`ready = true`).
};

enum class SuspendKind { CoAwait, CoYield, Initial, Final };

/// Every event in a function that a rule can ask about, in one list so that
/// order questions ("does every path to this signal pass that wait?") have one
/// answer for all kinds of site.
struct SiteFact {
  unsigned Id = 0;
  SiteKind Kind = SiteKind::Call;
  SourceLoc Loc;
  CfgPos Pos;

  // Call.
  std::string CalleeUsr;
  std::string CalleeName; ///< Normalized qualified name.
  /// A call through a field of function-pointer type (`settings->on_url(p,
  /// at, n)`): the field's key. CalleeUsr is empty and CalleeName names
  /// the field; the functions stored there (FunctionFact::FieldFunctions)
  /// are what it may call.
  std::string ThroughField;
  ObjectRef Receiver;     ///< The object of a member call.
  /// The function whose call produced the object of a member call
  /// (`make_task().start(cb)`, `task().via(ex)`).
  std::string ReceiverProducerUsr;
  /// That call's site (`p.get_future().share()`: the `get_future` call's,
  /// for the `share` call), or -1.
  int ReceiverCall = -1;
  /// For a call that constructs an element of a library container in place
  /// (`workers_.emplace_back(run)`): the element's class (`std::thread`),
  /// whose constructor the arguments are handed to.
  std::string Constructs;
  std::vector<ArgFact> Args;
  bool IsConstructor = false;
  /// A non-const member function: the call may change Receiver.
  bool Mutates = false;
  /// A const member function with a result (`q.size()`, `sched->empty()`):
  /// the call reads its object, and what it does is give that value back.
  bool Query = false;
  /// A call of a virtual member that dispatches on the object's dynamic type
  /// (not `Base::f()`, not a final member): any override may run.
  bool Virtual = false;
  /// A member call whose object is reached through another object than
  /// `this`: an unnamed one (`peer()->stop()`, `children_[i]->stop()`), or a
  /// field of another object (`old_->reader_.join()`, `w.thread_.join()`),
  /// which Receiver names by its field alone.
  bool OtherObject = false;
  /// For a member call on a reference local: the object it is bound to an
  /// element of (`for (auto &t : workers_) t.join()`: `workers_`), as an
  /// ArgFact's Holder names one.
  ObjectRef ReceiverHolder;
  /// A `return` statement returns the call's result as it is: the function
  /// hands its caller the operation the call starts (`return
  /// coro_io::async_read(sock, buf);` in a wrapper that is not a coroutine).
  bool Returned = false;
  /// The suspension whose awaited expression contains this call
  /// (`co_await timeout(read(s), 5s)` for both calls), or -1.
  int AwaitedIn = -1;
  /// The boolean flags that must be set for the call to run: tested by an
  /// enclosing `if (flag && ...)`, or by an earlier `if (!flag || ...)
  /// return;` of an enclosing block (a timer armed only `if
  /// (enable_timeout_)`).
  std::vector<ObjectRef> GuardFlags;
  /// For a call on a named object: the fields and globals that the
  /// conditions of the `if` statements and loops enclosing it read (`if
  /// (version_ == seen) cv.wait(lk);`: `version_`), sorted by key: the
  /// shared state that decides whether it runs.
  std::vector<ObjectRef> ConditionReads;
  /// For a Write: the value written, when it is an integral or boolean
  /// constant (`enable_timeout_ = true`, an in-class `= false`).
  std::optional<int64_t> Value;
  /// For a Write: a member initializer or an in-class initializer, which
  /// gives the object its first value rather than changing it.
  bool Initial = false;
  /// For a call with an integer, class or pointer result: the object that
  /// result initializes or is assigned to (`int fd = socket(...)`, `fd_ =
  /// eventfd(...)`, a member initializer, `auto h = make_handlers()`), named
  /// as ArgFact::Holder names one.
  ObjectRef StoredIn;
  /// For a write, the object whose value it stores, when the right-hand
  /// side names one (`blocked_ = w;`, `req->data = op;`, `*out = r;`).
  ObjectRef Assigned;

  // Suspend.
  SuspendKind Suspend = SuspendKind::CoAwait;
  bool Implicit = false;
  /// Suspend: site id of the call whose result is awaited. ScopeBegin: of
  /// the call whose result, awaited or not, initializes the local
  /// (`auto lock = co_await mtx.scoped_lock()`), also through a converting
  /// constructor. Write of a member initializer, and Call of an assignment
  /// operator, or of an `emplace` that moves a value of the held type into
  /// a library class template (`peer_.emplace(p.getFuture())` on a
  /// `std::optional`): of the call whose result the receiver now holds
  /// (`ready_ = p.get_future()`).
  int OperandCall = -1;
  ObjectRef Operand;         ///< The object awaited directly (`co_await ev`).
  std::string AwaitableType; ///< Normalized class name of the operand.
  /// USRs of the awaiter members the suspension calls before it suspends
  /// (a member `operator co_await`; `await_ready`, `await_suspend` of the
  /// awaitable, or of what its `operator co_await` or the promise's
  /// `await_transform` returns): code that runs on the awaiting coroutine's
  /// thread.
  std::vector<std::string> AwaiterUsrs;

  /// The argument at \p Index, when the facts kept it (one that says
  /// nothing is dropped), else null.
  const ArgFact *arg(int Index) const {
    for (const ArgFact &A : Args)
      if (static_cast<int>(A.Index) == Index)
        return &A;
    return nullptr;
  }

  /// The callee as the code names it: a member of a library's hidden base
  /// (`std::__basic_future::wait`) by the class of the object it is called
  /// on (`std::future::wait`).
  std::string spelledCallee() const {
    size_t Member = CalleeName.rfind("::");
    if (Member == std::string::npos || Receiver.Type.empty() ||
        CalleeName.find("::__") >= Member)
      return CalleeName;
    return Receiver.Type + CalleeName.substr(Member);
  }

  // ScopeBegin / ScopeEnd: Receiver is the local object, CalleeName its
  // constructor, Args the constructor's arguments.
  // Write: Receiver is the object assigned to, or the field a constructor's
  // member initializer stores a call's result in.
};

enum class PollKind {
  Guard, ///< `if (!flag) return;` opening the body, or a body that is one
         ///< `if (flag) { ... }`: while the flag is unset the call does
         ///< nothing.
  Loop,  ///< `while (!flag) BODY`: repeats until the flag changes.
};

/// A place where a function tests a flag (a variable, or a const member call
/// on an object: `ready.load()`, `queue.empty()`) to decide whether to go on.
struct PollFact {
  PollKind Kind = PollKind::Guard;
  SourceLoc Loc;
  ObjectRef Flag;
  /// The function waits while the flag tests false (`if (!ready) return;`,
  /// `while (!ready)`, a body that is one `if (ready) {...}`), as opposed to
  /// while it tests true (`if (stopped) return;`, `while (busy)`).
  bool Negated = false;
  /// The enumerator the flag is compared with (`state() != State::Done`):
  /// the flag tests true when it holds this value, not when it is nonzero.
  std::optional<int64_t> Value;
  std::string ValueName; ///< That enumerator's name (`Done`).
  /// Sites run while the flag is unset: the loop body, or the guard's branch.
  std::vector<unsigned> Sites;
  /// Those statements only call, await or return: they assign nothing, so
  /// all they can do is wait (or work inside calls, which Sites shows).
  bool OnlyCalls = false;
};

/// One control-flow block: its sites in order and its successors.
struct CfgBlockFact {
  std::vector<unsigned> Sites;
  std::vector<unsigned> Succs;
  /// The keys of the locals its branch condition reads, themselves or
  /// through a field (`if (w->cancelled)`), sorted.
  std::vector<std::string> TestedLocals;
  /// It ends in a call that does not return (`std::abort()`, a
  /// `[[noreturn]]` function): its edge to the exit is no way of returning.
  bool NoReturn = false;
  /// It ends in a `throw`: its edge to the exit (or to a handler) is an
  /// exception, not a return.
  bool Throws = false;
  /// It ends in a `return` or `co_return` written in the code: where. (A
  /// function's closing brace is no return statement, and has none.)
  std::optional<SourceLoc> Return;
  /// That return gives back `true`: a function that returns true still
  /// holding what it took says it took it, for its caller to let go.
  bool ReturnsTrue = false;
};

/// What a member function keeps in a field: evidence of what its class is
/// (docs/inference.md), for code that no model describes.
enum class StoredKind {
  Handle,   ///< A coroutine handle: the function keeps a waiter to resume.
  Callable, ///< A callable object: it keeps work to run later.
  Self,     ///< `this`: an awaiter links itself into another's list.
  /// A callable assigned to the field: one callback, kept until it is
  /// called (a continuation, `on_msg_ = h`), not work queued.
  Callback,
};

struct FieldStoreFact {
  StoredKind Kind = StoredKind::Handle;
  int Param = -1;    ///< The parameter stored; -1 for `this`.
  std::string Field; ///< Qualified name of the field it is stored into.
  SourceLoc Loc;

  bool operator<(const FieldStoreFact &O) const {
    return std::tie(Field, Param, Kind) < std::tie(O.Field, O.Param, O.Kind);
  }
};

/// A constructor's member initializer that reads a parameter
/// (`m_state(initially_set ? this : nullptr)`).
struct FieldInitFact {
  std::string Field; ///< Qualified name of the field.
  unsigned Param = 0;
  std::string Key; ///< The field's key, as an ObjectRef names it.

  bool operator<(const FieldInitFact &O) const {
    return std::tie(Field, Param) < std::tie(O.Field, O.Param);
  }
};

struct FunctionFact {
  std::string Usr;
  std::string Name; ///< Display name (qualified; lambdas by location).
  SourceLoc Loc;
  bool IsCoroutine = false;
  bool IsLambda = false;
  /// For a lambda: the qualified name of the function it is written in
  /// (through nested lambdas), or of its namespace at namespace scope, whose
  /// library status it shares. Empty for other functions.
  std::string Owner;
  /// Every declaration of it is in the unit's main file: no header publishes
  /// it, so it is the project's even inside a library's namespace (the
  /// library's own tests).
  bool MainFileOnly = false;
  /// A private member function: only its class's members and friends can
  /// call it or take its address.
  bool Private = false;
  /// The class whose object `this` names in it: an instance member's, or
  /// for a lambda that captures `this`, its enclosing member's. Empty for a
  /// free function, a static member, a lambda with no `this`.
  std::string ObjectClass;
  std::string ReturnType; ///< Normalized class name it returns, if a class.
  /// For a coroutine: the class its promise's `initial_suspend()` returns
  /// (`std::suspend_always`: the coroutine starts suspended).
  std::string InitialSuspend;
  /// For a member function: the USRs of the virtual members it overrides
  /// directly. Sorted.
  std::vector<std::string> Overrides;
  std::vector<SiteFact> Sites;
  std::vector<PollFact> Polls;
  /// For a lambda whose body is one return statement (a predicate handed to
  /// `cv.wait(lock, pred)`): the named objects that expression reads.
  /// Sorted by key, unique.
  std::vector<ObjectRef> Reads;
  /// For a function with an integer or class result: the named objects its
  /// `return` statements return (`return fd;`), sorted by key, unique, when
  /// each returns one or a constant (`return -1;` on a failure); empty when
  /// one returns anything else. A descriptor that a helper makes and
  /// returns is known in its caller by this (`wakeupFd_(createEventfd())`),
  /// and so are the callables in a table a factory fills (`auto handlers =
  /// make_handlers();`).
  std::vector<ObjectRef> ReturnedObjects;
  /// The names of the constants (macros at every level of their expansion,
  /// enumerators) that the function compares a value with (`==`, `!=`,
  /// `case`): `errno == EAGAIN` says the code expects a call to fail with
  /// "would block". Sorted, unique.
  std::vector<std::string> ComparedConstants;
  /// The functions this code stores in fields of function-pointer type, as
  /// (field key, function USR): an aggregate initializer's (`static const
  /// parser_settings settings{on_url, on_body}`, designated or not) and an
  /// assignment's (`s.on_url = &on_url`). A call through such a field
  /// (SiteFact::ThroughField) may run any of them. Sorted, unique.
  std::vector<std::pair<std::string, std::string>> FieldFunctions;
  /// For a member function or a lambda in one, evidence of the roles of the
  /// classes it works on (docs/inference.md). The fields it reads or writes
  /// (qualified names, sorted, unique), whoever's object they belong to.
  std::vector<std::string> Fields;
  /// The parameters (or `this`) it stores into fields. Sorted.
  std::vector<FieldStoreFact> Stores;
  /// For a constructor: the fields its initializers set from parameters.
  std::vector<FieldInitFact> FieldInits;
  /// Normalized class names of its parameters ("" for a non-class).
  std::vector<std::string> ParamTypes;
  /// The classes the class it returns derives from, directly or not: the
  /// awaiter `lock()` returns may inherit the `await_suspend` that keeps
  /// its waiter (`lock_operation<T> : lock_operation_base`). Sorted.
  std::vector<std::string> ReturnBases;
  /// It resumes a coroutine handle (`h.resume()`, `h()`).
  bool ResumesHandle = false;
  /// It calls a callable object it does not know statically (a
  /// `std::function` it took from somewhere, a function pointer).
  bool InvokesCallable = false;
  std::vector<CfgBlockFact> Cfg; ///< Empty when no CFG could be built.
  unsigned CfgEntry = 0;
  unsigned CfgExit = 0;
};

struct TuFacts {
  std::string MainFile;
  std::vector<FunctionFact> Functions; ///< Sorted by USR.
  /// Why the unit could not be analyzed (one line naming the file and the
  /// first problem); empty when it was. Such a unit has no functions, and
  /// `link` reports it as the one-shot run does.
  std::string Unanalyzed;
};

/// Serializes facts to the versioned JSON form of docs/facts.md.
std::string writeFactsJson(const TuFacts &Facts);

/// Reads facts; fails with a message naming \p Origin when the text is not
/// facts of this version.
llvm::Expected<TuFacts> readFactsJson(llvm::StringRef Text,
                                      llvm::StringRef Origin);

} // namespace corolint

#endif
