//===- Descriptors.cpp - Descriptors the program makes non-blocking -------===//
//
// A read, a send or an accept on a descriptor made non-blocking returns
// EAGAIN (or EINPROGRESS) at once instead of blocking. Whether a descriptor
// is non-blocking is a fact about the object that holds it (a local, a
// field of a class, an array of descriptors), program-wide: one call that
// sets O_NONBLOCK on a class's field makes every call on that field
// non-blocking, wherever each sits and in whichever order they run. A mode
// chosen at run time (`blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK`)
// counts as set: a program that can make a descriptor non-blocking is taken
// to use it that way.
//
//===----------------------------------------------------------------------===//

#include "corolint/program/Program.h"
#include <algorithm>
#include <iterator>
#include <set>

namespace corolint {
namespace {

/// The object a descriptor argument is read from.
const ObjectRef &holderOf(const ArgFact &A) {
  return A.Holder.isKnown() ? A.Holder : A.Ref;
}

/// Whether argument \p Index of \p S names one of \p Flags.
bool namesFlag(const SiteFact &S, int Index,
               const std::vector<std::string> &Flags) {
  const ArgFact *A = S.arg(Index);
  return A && llvm::any_of(A->Flags, [&](const std::string &F) {
           return llvm::is_contained(Flags, F);
         });
}

/// The holders of the descriptors call \p S works on, by its model \p M:
/// the one it returns, or its `descriptorArg`.
std::vector<ObjectRef> descriptorsOf(const Program &P, unsigned Fn,
                                     const SiteFact &S,
                                     const FunctionModel &M) {
  if (M.ReturnsDescriptor) {
    if (!S.StoredIn.isKnown())
      return {};
    ArgFact Stored;
    Stored.Ref = S.StoredIn;
    return P.descriptorHolders(Fn, Stored);
  }
  const ArgFact *Descriptor = S.arg(M.DescriptorArg);
  return Descriptor ? P.descriptorHolders(Fn, *Descriptor)
                    : std::vector<ObjectRef>();
}

/// Whether \p S, a call by model \p M, is given one of the model's
/// non-blocking flags.
bool namesNonblockingFlag(const SiteFact &S, const FunctionModel &M) {
  return M.setsNonblocking() &&
         namesFlag(S, M.NonblockingArg, M.NonblockingFlags);
}

/// Whether the flags of blocking call \p S, by model \p M, apply to that
/// call alone (`recv(fd, buf, n, MSG_DONTWAIT)`): it makes no descriptor,
/// and leaves the mode of the one it reads as it was.
bool flagsApplyToTheCall(const FunctionModel &M) {
  return !M.Blocking.empty() && !M.ReturnsDescriptor;
}

/// How many callers up a stream parameter is followed to the stream.
constexpr unsigned MaxStreamCallers = 3;

/// Whether \p Stream, handed to a call in function \p Fn, is over memory:
/// its class is (`std::istringstream`), it is a local built on a buffer that
/// is (`std::istream is(&response)` over Asio's `streambuf`), or it is a
/// parameter that every caller passes such a stream (`parse_headers(is)`).
bool overMemory(const Program &P, unsigned Fn, const ObjectRef &Stream,
                unsigned Depth = 0) {
  auto InMemory = [&](const ObjectRef &R) {
    const TypeModel *T = R.isKnown() ? P.models().type(R.Type) : nullptr;
    return T && T->Role == TypeRole::InMemoryStream;
  };
  if (InMemory(Stream))
    return true;
  if (Stream.K == ObjectRef::Kind::Local)
    return llvm::any_of(P.function(Fn).fact().Sites, [&](const SiteFact &B) {
      return B.Kind == SiteKind::ScopeBegin && B.Receiver.Key == Stream.Key &&
             llvm::any_of(B.Args,
                          [&](const ArgFact &A) { return InMemory(A.Ref); });
    });
  if (Stream.K != ObjectRef::Kind::Param || Depth == MaxStreamCallers)
    return false;
  bool Called = false;
  for (unsigned EdgeIndex : P.edgesInto(Fn)) {
    const CallEdge &E = P.edges()[EdgeIndex];
    if (!P.bindsParameters(E))
      continue;
    const ArgFact *Passed = P.site(E.From).arg(Stream.ParamIndex);
    if (!Passed || !overMemory(P, E.From.Function, Passed->Ref, Depth + 1))
      return false;
    Called = true;
  }
  return Called;
}

/// Whether blocking call \p S in \p F, by model \p M, cannot wait: given a
/// flag that says so for this call alone, a constant timeout of zero
/// (`poll(fds, n, 0)`), or a stream over memory (`std::getline(
/// istringstream, line)`). A write to a standard stream (`fprintf(stderr,
/// ...)`) is logging, as `printf` is.
bool cannotWait(const Program &P, unsigned Fn, const SiteFact &S,
                const FunctionModel &M) {
  // The names an argument records are those it may have ORed in (`wait ? 0
  // : MSG_DONTWAIT` names it): for one call, only a constant is sure.
  const ArgFact *Flags = S.arg(M.NonblockingArg);
  if (flagsApplyToTheCall(M) && Flags && Flags->Constant &&
      namesNonblockingFlag(S, M))
    return true;
  if (const ArgFact *Timeout = S.arg(M.TimeoutArg))
    return Timeout->Constant == 0;
  // The object's own class: the argument's is the parameter's base
  // (`std::basic_istream`).
  const ArgFact *Stream = S.arg(M.StreamArg);
  return (Stream && overMemory(P, Fn, Stream->Ref)) ||
         standardStreamWritten(P, S).has_value();
}

} // namespace

std::optional<std::string> standardStreamWritten(const Program &P,
                                                 const SiteFact &S) {
  const FunctionModel *M = S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
  if (!M || M->StandardStreams.empty())
    return std::nullopt;
  // `printf` writes its one stream whatever it is handed.
  if (M->StreamArg < 0 && M->StandardStreams.size() == 1)
    return M->StandardStreams.front();
  const ArgFact *Stream = S.arg(M->StreamArg);
  if (Stream && Stream->Ref.K == ObjectRef::Kind::Global &&
      llvm::is_contained(M->StandardStreams, Stream->Ref.Name))
    return Stream->Ref.spelledName();
  return std::nullopt;
}

namespace {

/// Whether \p Holder is a field of a class whose model says the library
/// makes the descriptors it holds non-blocking (libcoro's socket, made so
/// in the library's own sources).
bool heldByNonblockingClass(const Program &P, const ObjectRef &Holder) {
  if (Holder.K != ObjectRef::Kind::Field)
    return false;
  const TypeModel *T = P.models().type(splitMember(Holder.Name).first);
  return T && T->NonblockingDescriptors;
}

/// The holders of the descriptor call \p S makes non-blocking.
std::vector<ObjectRef> madeNonblocking(const Program &P, unsigned Fn,
                                       const SiteFact &S) {
  const FunctionModel *M = P.modelOf(S);
  if (!M || flagsApplyToTheCall(*M) || !namesNonblockingFlag(S, *M))
    return {};
  return descriptorsOf(P, Fn, S, *M);
}

/// The objects call \p S, made in \p Fn, puts in non-blocking mode
/// (`socket_.non_blocking(true)`).
std::vector<ObjectRef> objectsMadeNonblocking(const Program &P, unsigned Fn,
                                              const SiteFact &S) {
  const FunctionModel *M = P.modelOf(S);
  const ArgFact *Mode = M && M->SetsObjectNonblocking ? S.arg(0) : nullptr;
  if (!Mode || !Mode->Constant || *Mode->Constant == 0 ||
      !S.Receiver.isKnown() || S.OtherObject)
    return {};
  return P.resolve(Fn, S.Receiver);
}

/// Whether a call by model \p M reads the descriptor it is given: it may
/// wait for it, and neither writes nor makes one.
bool readsDescriptor(const FunctionModel &M) {
  return M.DescriptorArg >= 0 && !M.Blocking.empty() && M.SizeArg < 0 &&
         !M.Writes && !M.MakesChannel && !M.ReturnsDescriptor;
}

/// PIPE_BUF on Linux: a write of at most this many bytes into a pipe is
/// atomic, and finds room unless the pipe's 64 KiB are nearly full.
constexpr int64_t PipeAtomicBytes = 4096;

} // namespace

std::vector<ObjectRef> Program::descriptorHolders(unsigned Fn, const ArgFact &A,
                                                  bool *Complete) const {
  std::vector<ObjectRef> Result;
  bool AllHeld = holderOf(A).isKnown();
  if (AllHeld)
    AllHeld = followParameters(
        Fn, holderOf(A), [](const ArgFact &Arg) { return holderOf(Arg); },
        [&](const ObjectRef &Holder) { Result.push_back(Holder); });
  if (Complete)
    *Complete = AllHeld;
  return Result;
}

bool Program::calledOnceOnlyBy(unsigned Caller, unsigned Fn) const {
  if (EdgesInto[Fn].empty())
    return false;
  return llvm::all_of(EdgesInto[Fn], [&](unsigned Index) {
    const CallEdge &E = Edges[Index];
    return E.From.Function == Caller &&
           (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits) &&
           !function(Caller).repeats(E.From.Site);
  });
}

bool Program::writesFewBytesIntoChannel(SiteRef Call) const {
  const SiteFact &S = site(Call);
  const FunctionModel *M = modelOf(S);
  if (!M || M->SizeArg < 0 || function(Call.Function).repeats(S.Id))
    return false;
  const ArgFact *Size = S.arg(M->SizeArg);
  const ArgFact *Descriptor = S.arg(M->DescriptorArg);
  if (!Size || !Size->Constant || *Size->Constant < 0 ||
      *Size->Constant > PipeAtomicBytes || !Descriptor ||
      !holderOf(*Descriptor).isKnown())
    return false;
  // A channel the program reads as well is drained: a few bytes per
  // write (a self-pipe's wake-up, a command to the loop) find room, unless
  // a caller writes once per element of a batch (`for (job : done)
  // notify();`), faster than the reader drains.
  bool AllHeld = false;
  std::vector<ObjectRef> Holders =
      descriptorHolders(Call.Function, *Descriptor, &AllHeld);
  if (AllHeld && !Holders.empty() &&
      llvm::all_of(Holders,
                   [&](const ObjectRef &H) {
                     return DrainedChannels.count(H.Key) > 0;
                   }) &&
      llvm::none_of(EdgesInto[Call.Function], [&](unsigned Index) {
        const CallEdge &E = Edges[Index];
        return function(E.From.Function).repeats(E.From.Site);
      }))
    return true;
  // Otherwise the write must be reached from the run of the function that
  // made the pipe, through calls that pass it down: a lambda that captures
  // the pipe and is handed to a repeating timer writes once per tick.
  std::set<unsigned> OnTheWay{Call.Function};
  std::vector<unsigned> Makers;
  bool OnceEach = true;
  bool Complete = followParameters(
      Call.Function, holderOf(*Descriptor),
      [](const ArgFact &Arg) { return holderOf(Arg); },
      [&](const ObjectRef &Holder) {
        auto It = LocalChannels.find(Holder.Key);
        Makers.push_back(It == LocalChannels.end() ? ~0u : It->second);
      },
      [&](const CallEdge &E) {
        OnTheWay.insert(E.From.Function);
        OnceEach = OnceEach && !function(E.From.Function).repeats(E.From.Site);
      });
  return Complete && OnceEach && !Makers.empty() &&
         llvm::all_of(Makers, [&](unsigned Maker) {
           return OnTheWay.count(Maker) ||
                  calledOnceOnlyBy(Maker, Call.Function);
         });
}

/// Whether call \p S probes the readiness of the descriptor \p Holder
/// holds: a probe by its model (`poll(&pfd, 1, 0)` over `pfd{fd, ...}`), or
/// a call of a function of the program, \p Depth deep, that probes the
/// parameter it is handed \p Holder in (`if (!readable(fd)) return;`).
static bool probes(const Program &P, const SiteFact &S, const ObjectRef &Holder,
                   unsigned Depth) {
  if (S.Kind != SiteKind::Call)
    return false;
  if (const FunctionModel *M = P.modelOf(S)) {
    const ArgFact *Timeout = S.arg(M->TimeoutArg);
    const ArgFact *Probed = S.arg(M->ProbesArg);
    return Timeout && Timeout->Constant == 0 && Probed &&
           holderOf(*Probed).Key == Holder.Key;
  }
  std::optional<unsigned> Callee = P.find(S.CalleeUsr);
  if (!Callee || Depth == 0)
    return false;
  return llvm::any_of(S.Args, [&](const ArgFact &A) {
    if (holderOf(A).Key != Holder.Key)
      return false;
    return llvm::any_of(
        P.function(*Callee).fact().Sites, [&](const SiteFact &Inner) {
          const FunctionModel *M = P.modelOf(Inner);
          const ArgFact *Probed = M ? Inner.arg(M->ProbesArg) : nullptr;
          return Probed && holderOf(*Probed).K == ObjectRef::Kind::Param &&
                 holderOf(*Probed).ParamIndex == static_cast<int>(A.Index) &&
                 probes(P, Inner, holderOf(*Probed), Depth - 1);
        });
  });
}

/// Whether every path to site \p Site of \p Fn passes a probe of what
/// \p Holder holds, in \p Fn or, for a parameter, in each caller before
/// its call, up to \p Depth callers up.
static bool probedBefore(const Program &P, unsigned Fn, unsigned Site,
                         const ObjectRef &Holder, unsigned Depth) {
  if (!Holder.isKnown())
    return false;
  const Function &F = P.function(Fn);
  if (llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
        return probes(P, S, Holder, 1) && F.dominates(S.Id, Site);
      }))
    return true;
  if (Holder.K != ObjectRef::Kind::Param || Depth == 0 ||
      P.edgesInto(Fn).empty())
    return false;
  return llvm::all_of(P.edgesInto(Fn), [&](unsigned Index) {
    const CallEdge &E = P.edges()[Index];
    const ArgFact *Passed = P.site(E.From).arg(Holder.ParamIndex);
    return (E.Kind == EdgeKind::Calls || E.Kind == EdgeKind::Awaits) &&
           Passed &&
           probedBefore(P, E.From.Function, E.From.Site, holderOf(*Passed),
                        Depth - 1);
  });
}

bool Program::readsAfterReadinessProbe(SiteRef Call) const {
  constexpr unsigned MaxCallers = 3;
  const SiteFact &S = site(Call);
  const FunctionModel *M = modelOf(S);
  const ArgFact *Descriptor = M ? S.arg(M->DescriptorArg) : nullptr;
  return Descriptor && readsDescriptor(*M) &&
         probedBefore(*this, Call.Function, Call.Site, holderOf(*Descriptor),
                      MaxCallers);
}

bool Program::returnsAtOnce(SiteRef Call) const {
  const SiteFact &S = site(Call);
  const FunctionModel *M = modelOf(S);
  if (M && cannotWait(*this, Call.Function, S, *M))
    return true;
  const ArgFact *Descriptor = M ? S.arg(M->DescriptorArg) : nullptr;
  if (M && !Descriptor && !M->Connects && S.Receiver.isKnown() &&
      !S.OtherObject) {
    // A member of an I/O object put in non-blocking mode
    // (`socket_.read_some(buf, ec)` after `socket_.non_blocking(true)`).
    // Asio's connect still waits for the connection in that mode.
    std::vector<ObjectRef> On = resolve(Call.Function, S.Receiver);
    return !On.empty() && llvm::all_of(On, [&](const ObjectRef &O) {
      return NonblockingDescriptors.count(O.Key) > 0;
    });
  }
  if (!Descriptor)
    return false;
  bool Complete = false;
  std::vector<ObjectRef> Holders =
      descriptorHolders(Call.Function, *Descriptor, &Complete);
  return Complete && !Holders.empty() &&
         llvm::all_of(Holders, [&](const ObjectRef &H) {
           return NonblockingDescriptors.count(H.Key) > 0 ||
                  heldByNonblockingClass(*this, H);
         });
}

/// Whether \p F compares a value with one of \p Errors.
static bool comparesWithAny(const Function &F,
                            const std::vector<std::string> &Errors) {
  return llvm::any_of(F.fact().ComparedConstants, [&](const std::string &Name) {
    return llvm::is_contained(Errors, Name);
  });
}

/// A predicate that tells "would block" from other errors (`isEAGAIN()`):
/// it compares with a few constants, one of \p Errors (a table of every
/// errno's name compares with dozens; a logging macro's comparison of the
/// log level adds its macros' names), and makes no call that takes a
/// descriptor or blocks itself (a send helper handling EAGAIN for its own
/// write); it may log.
static bool isWouldBlockTest(const Program &P, const Function &F,
                             const std::vector<std::string> &Errors) {
  constexpr size_t MaxPredicateConstants = 8;
  return F.fact().ComparedConstants.size() <= MaxPredicateConstants &&
         comparesWithAny(F, Errors) &&
         llvm::none_of(F.fact().Sites, [&](const SiteFact &S) {
           const FunctionModel *M = P.modelOf(S);
           return S.Kind == SiteKind::Call && M &&
                  (M->DescriptorArg >= 0 || !M->Blocking.empty());
         });
}

bool Program::expectsWouldBlock(SiteRef Call) const {
  const FunctionModel *M = modelOf(site(Call));
  if (!M || M->WouldBlockErrors.empty())
    return false;
  const Function &F = function(Call.Function);
  if (comparesWithAny(F, M->WouldBlockErrors))
    return true;
  // A function that returns the call's result as it is (an awaiter's
  // `syscall() { return ::recv(...); }`) leaves the test to its callers.
  if (site(Call).Returned &&
      llvm::any_of(edgesInto(Call.Function), [&](unsigned Edge) {
        const CallEdge &E = edges()[Edge];
        return E.Kind == EdgeKind::Calls &&
               comparesWithAny(function(E.From.Function), M->WouldBlockErrors);
      }))
    return true;
  // Or a predicate that tests for it, called after the call: one of the
  // function's own calls, not a search of the program's edges.
  auto None = [](const SiteFact &) { return false; };
  return llvm::any_of(F.fact().Sites, [&](const SiteFact &S) {
    std::optional<unsigned> Callee =
        S.Kind == SiteKind::Call ? find(S.CalleeUsr) : std::nullopt;
    return Callee &&
           isWouldBlockTest(*this, function(*Callee), M->WouldBlockErrors) &&
           F.reaches(Call.Site, S.Id, None);
  });
}

/// Functions that something runs: a call, start or hand-over reaches them,
/// or they are `main`, a constructor, or a coroutine (which a framework may
/// start). A setter nothing calls (`set_nonblocking(bool)` of a socket
/// wrapper) makes no descriptor non-blocking.
static std::vector<bool> runFunctions(const Program &P) {
  std::vector<bool> Run(P.functions().size(), false);
  for (const std::vector<CallEdge> *Edges : {&P.edges(), &P.handOvers()})
    for (const CallEdge &E : *Edges)
      Run[E.Callee] = true;
  for (unsigned Fn = 0; Fn < Run.size(); ++Fn) {
    const Function &F = P.function(Fn);
    Run[Fn] = Run[Fn] || F.isCoroutine() || F.name() == "main" ||
              isConstructorName(F.name());
  }
  return Run;
}

std::map<std::string, unsigned> localChannels(const Program &P) {
  std::map<std::string, unsigned> Makers;
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites)
      if (const FunctionModel *M = P.modelOf(S);
          S.Kind == SiteKind::Call && M && M->MakesChannel)
        for (const ObjectRef &H : descriptorsOf(P, Fn, S, *M))
          if (H.K == ObjectRef::Kind::Local)
            Makers.emplace(H.Key, Fn);
  return Makers;
}

std::set<std::string> drainedChannels(const Program &P) {
  std::set<std::string> Made, Read;
  std::vector<bool> Run = runFunctions(P);
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      const FunctionModel *M = P.modelOf(S);
      if (S.Kind != SiteKind::Call || !M)
        continue;
      if (M->MakesChannel)
        for (const ObjectRef &H : descriptorsOf(P, Fn, S, *M))
          Made.insert(H.Key);
      if (Run[Fn] && readsDescriptor(*M))
        for (const ObjectRef &H : descriptorsOf(P, Fn, S, *M))
          Read.insert(H.Key);
    }
  std::set<std::string> Drained;
  std::set_intersection(Made.begin(), Made.end(), Read.begin(), Read.end(),
                        std::inserter(Drained, Drained.end()));
  return Drained;
}

/// Whether every descriptor \p Fn returns is one of \p Keys.
static bool returnsOnly(const Program &P, unsigned Fn,
                        const std::set<std::string> &Keys) {
  const std::vector<ObjectRef> &Returned =
      P.function(Fn).fact().ReturnedObjects;
  return !Returned.empty() && llvm::all_of(Returned, [&](const ObjectRef &R) {
    return Keys.count(R.Key) > 0;
  });
}

/// Whether one of \p From, or a function they call, makes a call on one of
/// \p Holders that would wait (its model's `descriptorArg`, `blocking`).
/// Of at most MaxWalk functions.
bool usesDescriptor(const Program &P,
                    const std::vector<std::vector<unsigned>> &Callees,
                    llvm::ArrayRef<unsigned> From,
                    const std::vector<ObjectRef> &Holders) {
  constexpr size_t MaxWalk = 64;
  size_t Walked = 0;
  bool Uses = false;
  anyReached(Callees, From, [&](unsigned Fn) {
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      const FunctionModel *M =
          S.Kind == SiteKind::Call ? P.modelOf(S) : nullptr;
      const ArgFact *Descriptor =
          M && !M->Blocking.empty() ? S.arg(M->DescriptorArg) : nullptr;
      if (Descriptor &&
          llvm::any_of(P.descriptorHolders(Fn, *Descriptor),
                       [&](const ObjectRef &H) {
                         return llvm::any_of(Holders, [&](const ObjectRef &W) {
                           return W.Key == H.Key;
                         });
                       }))
        return Uses = true;
    }
    return ++Walked == MaxWalk;
  });
  return Uses;
}

/// `poller.watch(fd, [this] { complete_(); })`: a call out of sight, that
/// no model describes, handed a descriptor and a callable that does I/O on
/// it registers the callable to run when the descriptor is ready (a
/// home-grown epoll or kqueue loop). The program reads and writes that
/// descriptor when it is ready, so its calls on it return at once, as on a
/// non-blocking one. (The analysis takes such a call to run its callable
/// at once, which puts that I/O where the registration is.) A callable that
/// does no I/O on it (a hook that closes it) says nothing of its mode.
std::vector<ObjectRef>
watchedForReadiness(const Program &P,
                    const std::vector<std::vector<unsigned>> &Callees,
                    unsigned Fn, const SiteFact &S) {
  if (S.Kind != SiteKind::Call || P.find(S.CalleeUsr) || P.modelOf(S))
    return {};
  std::vector<unsigned> Callbacks;
  for (const ArgFact &A : S.Args)
    llvm::append_range(Callbacks, P.callablesNamed(A.CallableUsr));
  if (Callbacks.empty())
    return {};
  std::vector<ObjectRef> Watched;
  for (const ArgFact &A : S.Args)
    if (A.CallableUsr.empty() && A.Type.empty() && !A.Constant &&
        holderOf(A).isKnown() && holderOf(A).Type.empty())
      llvm::append_range(Watched, P.descriptorHolders(Fn, A));
  return usesDescriptor(P, Callees, Callbacks, Watched)
             ? Watched
             : std::vector<ObjectRef>();
}

/// `safe_fd{fd}` with `explicit safe_fd(int fd) : m_fd(fd)`: a constructor
/// that keeps a parameter in a field gives the field the descriptor its call
/// passes. Adds the field's key to \p Keys when that descriptor is one of
/// them; returns whether it added one.
bool keepsNonblocking(const Program &P, const CallEdge &E,
                      std::set<std::string> &Keys) {
  bool Added = false;
  for (const FieldInitFact &Init : P.function(E.Callee).fact().FieldInits) {
    const ArgFact *Passed = P.site(E.From).arg(Init.Param);
    if (Init.Key.empty() || !Passed || Keys.count(Init.Key))
      continue;
    bool Complete = false;
    std::vector<ObjectRef> Holders =
        P.descriptorHolders(E.From.Function, *Passed, &Complete);
    if (Complete && !Holders.empty() &&
        llvm::all_of(Holders,
                     [&](const ObjectRef &H) { return Keys.count(H.Key) > 0; }))
      Added |= Keys.insert(Init.Key).second;
  }
  return Added;
}

std::set<std::string> nonblockingDescriptors(const Program &P) {
  std::set<std::string> Keys;
  std::vector<bool> Run = runFunctions(P);
  std::vector<std::vector<unsigned>> Callees(P.functions().size());
  for (const CallEdge &E : P.edges())
    Callees[E.From.Function].push_back(E.Callee);
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn)
    if (Run[Fn])
      for (const SiteFact &S : P.function(Fn).fact().Sites)
        if (S.Kind == SiteKind::Call) {
          for (const ObjectRef &H : madeNonblocking(P, Fn, S))
            Keys.insert(H.Key);
          for (const ObjectRef &H : objectsMadeNonblocking(P, Fn, S))
            Keys.insert(H.Key);
          for (const ObjectRef &H : watchedForReadiness(P, Callees, Fn, S))
            Keys.insert(H.Key);
        }
  // A helper that returns a descriptor it made non-blocking (`int
  // createEventfd() { int fd = eventfd(0, EFD_NONBLOCK); ...; return fd; }`)
  // hands its caller a non-blocking one: where the caller keeps the result
  // (`wakeupFd_(createEventfd())`) holds it. Each pass adds the holders of
  // one more level of helpers, so the passes end when one adds nothing.
  // So does a constructor that keeps it in a field.
  for (bool Added = true; Added;) {
    Added = false;
    for (const CallEdge &E : P.edges()) {
      const SiteFact &Call = P.site(E.From);
      if (!P.bindsParameters(E) || !Run[E.From.Function])
        continue;
      if (Call.IsConstructor)
        Added |= keepsNonblocking(P, E, Keys);
      if (!Call.StoredIn.isKnown() || !returnsOnly(P, E.Callee, Keys))
        continue;
      ArgFact Stored;
      Stored.Ref = Call.StoredIn;
      for (const ObjectRef &H : P.descriptorHolders(E.From.Function, Stored))
        Added |= Keys.insert(H.Key).second;
    }
  }
  return Keys;
}

} // namespace corolint
