//===- FactsJson.cpp - Versioned JSON form of TU facts --------------------===//
//
// Fields at their default value are left out, so that a facts file stays
// small: most sites are plain calls with no interesting arguments.
//
//===----------------------------------------------------------------------===//

#include "corolint/facts/Facts.h"
#include "corolint/JsonText.h"
#include <limits>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace corolint {
namespace {

const char *const FormatName = "corolint-facts";

const char *const RefKindNames[] = {"none", "global", "field", "local",
                                    "param"};
const char *const SiteKindNames[] = {"call", "suspend", "scope-begin",
                                     "scope-end", "write"};
const char *const PollKindNames[] = {"guard", "loop"};
const char *const SuspendKindNames[] = {"co_await", "co_yield", "initial",
                                        "final"};
const char *const StoredKindNames[] = {"handle", "callable", "self",
                                       "callback"};

template <size_t N>
int indexOf(const char *const (&Names)[N], const std::string &Name) {
  for (size_t I = 0; I < N; ++I)
    if (Name == Names[I])
      return static_cast<int>(I);
  throw std::invalid_argument("unknown value '" + Name + "'");
}

/// An integer field: a JSON integer that \p T holds. nlohmann converts a
/// float, or a value out of range, with undefined behaviour; here either is
/// malformed facts.
template <typename T> T integer(const json &J) {
  using Limits = std::numeric_limits<T>;
  bool Fits = false;
  if (J.is_number_unsigned())
    Fits = J.get<uint64_t>() <= static_cast<uint64_t>(Limits::max());
  else if (J.is_number_integer())
    Fits = J.get<int64_t>() >= static_cast<int64_t>(Limits::min()) &&
           (J.get<int64_t>() < 0 ||
            static_cast<uint64_t>(J.get<int64_t>()) <=
                static_cast<uint64_t>(Limits::max()));
  if (!Fits)
    throw std::invalid_argument("expected an integer from " +
                                std::to_string(Limits::min()) + " to " +
                                std::to_string(Limits::max()) + ", not " +
                                jsonText(J));
  return J.is_number_unsigned() ? static_cast<T>(J.get<uint64_t>())
                                : static_cast<T>(J.get<int64_t>());
}

/// An optional integer field of \p J, or \p Default when it is absent.
template <typename T> T integerOr(const json &J, const char *Key, T Default) {
  auto It = J.find(Key);
  return It == J.end() ? Default : integer<T>(*It);
}

std::vector<unsigned> integers(const json &J) {
  if (!J.is_array())
    throw std::invalid_argument("expected a list of integers, not " +
                                jsonText(J));
  std::vector<unsigned> Result;
  for (const json &I : J)
    Result.push_back(integer<unsigned>(I));
  return Result;
}

json locToJson(const SourceLoc &L) {
  return json::array({L.File, L.Line, L.Col});
}

SourceLoc locFromJson(const json &J) {
  return {J.at(0).get<std::string>(), integer<unsigned>(J.at(1)),
          integer<unsigned>(J.at(2))};
}

json refToJson(const ObjectRef &R) {
  json J = {{"kind", RefKindNames[static_cast<int>(R.K)]},
            {"key", R.Key},
            {"name", R.Name}};
  if (!R.Type.empty())
    J["type"] = R.Type;
  if (R.ParamIndex >= 0)
    J["param"] = R.ParamIndex;
  if (R.Internal)
    J["internal"] = true;
  if (R.Alias)
    J["alias"] = true;
  if (R.Private)
    J["private"] = true;
  if (!R.ThroughParam.empty())
    J["throughParam"] = R.ThroughParam;
  if (!R.ThroughLocal.empty())
    J["throughLocal"] = R.ThroughLocal;
  if (R.AccessorOf)
    J["accessorOf"] = refToJson(*R.AccessorOf);
  return J;
}

ObjectRef refFromJson(const json &J) {
  ObjectRef R;
  R.K = static_cast<ObjectRef::Kind>(
      indexOf(RefKindNames, J.at("kind").get<std::string>()));
  R.Key = J.at("key").get<std::string>();
  R.Name = J.at("name").get<std::string>();
  R.Type = J.value("type", "");
  R.ParamIndex = integerOr(J, "param", -1);
  R.Internal = J.value("internal", false);
  R.Alias = J.value("alias", false);
  R.Private = J.value("private", false);
  R.ThroughParam = J.value("throughParam", "");
  R.ThroughLocal = J.value("throughLocal", "");
  if (auto It = J.find("accessorOf"); It != J.end())
    R.AccessorOf = std::make_shared<const ObjectRef>(refFromJson(*It));
  return R;
}

json argToJson(const ArgFact &A) {
  json J = {{"i", A.Index}};
  if (!A.Type.empty())
    J["type"] = A.Type;
  if (A.Ref.isKnown())
    J["ref"] = refToJson(A.Ref);
  if (A.OtherObject)
    J["otherObject"] = true;
  if (A.OwnObject)
    J["ownObject"] = true;
  if (A.MadeBy >= 0)
    J["madeBy"] = A.MadeBy;
  if (!A.CallableUsr.empty())
    J["callable"] = A.CallableUsr;
  if (!A.CapturedCallables.empty())
    J["capturedCallables"] = A.CapturedCallables;
  if (!A.MovedIn.empty())
    J["movedIn"] = A.MovedIn;
  if (A.HandedOver)
    J["handedOver"] = true;
  if (!A.Captures.empty())
    J["captures"] = A.Captures;
  if (!A.ProducerUsr.empty())
    J["producer"] = A.ProducerUsr;
  if (!A.BuiltFrom.empty())
    J["builtFrom"] = A.BuiltFrom;
  if (A.Constant)
    J["const"] = *A.Constant;
  if (A.Holder.isKnown())
    J["holder"] = refToJson(A.Holder);
  if (!A.Flags.empty())
    J["flags"] = A.Flags;
  return J;
}

ArgFact argFromJson(const json &J) {
  ArgFact A;
  A.Index = integer<unsigned>(J.at("i"));
  A.Type = J.value("type", "");
  if (J.contains("ref"))
    A.Ref = refFromJson(J.at("ref"));
  A.OtherObject = J.value("otherObject", false);
  A.OwnObject = J.value("ownObject", false);
  A.MadeBy = integerOr(J, "madeBy", -1);
  A.CallableUsr = J.value("callable", "");
  A.CapturedCallables = J.value("capturedCallables", std::vector<unsigned>());
  A.MovedIn = J.value("movedIn", std::vector<std::string>());
  A.HandedOver = J.value("handedOver", false);
  A.Captures = J.value("captures", std::vector<std::string>());
  A.ProducerUsr = J.value("producer", "");
  A.BuiltFrom = J.value("builtFrom", "");
  if (J.contains("const"))
    A.Constant = integer<int64_t>(J.at("const"));
  if (J.contains("holder"))
    A.Holder = refFromJson(J.at("holder"));
  A.Flags = J.value("flags", std::vector<std::string>());
  return A;
}

json siteToJson(const SiteFact &S) {
  json J = {{"id", S.Id},
            {"kind", SiteKindNames[static_cast<int>(S.Kind)]},
            {"loc", locToJson(S.Loc)},
            {"pos", json::array({S.Pos.Block, S.Pos.Index})}};
  if (!S.CalleeUsr.empty())
    J["callee"] = S.CalleeUsr;
  if (!S.CalleeName.empty())
    J["calleeName"] = S.CalleeName;
  if (!S.ThroughField.empty())
    J["throughField"] = S.ThroughField;
  if (S.Receiver.isKnown())
    J["receiver"] = refToJson(S.Receiver);
  if (!S.ReceiverProducerUsr.empty())
    J["receiverProducer"] = S.ReceiverProducerUsr;
  if (S.ReceiverCall >= 0)
    J["receiverCall"] = S.ReceiverCall;
  if (!S.Constructs.empty())
    J["constructs"] = S.Constructs;
  if (!S.Args.empty()) {
    json Args = json::array();
    for (const ArgFact &A : S.Args)
      Args.push_back(argToJson(A));
    J["args"] = std::move(Args);
  }
  if (S.IsConstructor)
    J["constructor"] = true;
  if (S.Mutates)
    J["mutates"] = true;
  if (S.Query)
    J["query"] = true;
  if (S.Returned)
    J["returned"] = true;
  if (S.Virtual)
    J["virtual"] = true;
  if (S.OtherObject)
    J["otherObject"] = true;
  if (S.ReceiverHolder.isKnown())
    J["receiverHolder"] = refToJson(S.ReceiverHolder);
  if (S.AwaitedIn >= 0)
    J["awaitedIn"] = S.AwaitedIn;
  if (S.StoredIn.isKnown())
    J["storedIn"] = refToJson(S.StoredIn);
  if (S.Assigned.isKnown())
    J["assigned"] = refToJson(S.Assigned);
  if (!S.GuardFlags.empty()) {
    json Guards = json::array();
    for (const ObjectRef &R : S.GuardFlags)
      Guards.push_back(refToJson(R));
    J["guardFlags"] = std::move(Guards);
  }
  if (!S.ConditionReads.empty()) {
    json Reads = json::array();
    for (const ObjectRef &R : S.ConditionReads)
      Reads.push_back(refToJson(R));
    J["conditionReads"] = std::move(Reads);
  }
  if (S.Value)
    J["value"] = *S.Value;
  if (S.Initial)
    J["initial"] = true;
  if (S.Kind != SiteKind::Suspend && S.OperandCall >= 0)
    J["initCall"] = S.OperandCall;
  if (S.Kind == SiteKind::Suspend) {
    J["suspend"] = SuspendKindNames[static_cast<int>(S.Suspend)];
    if (S.Implicit)
      J["implicit"] = true;
    if (S.OperandCall >= 0)
      J["operandCall"] = S.OperandCall;
    if (S.Operand.isKnown())
      J["operand"] = refToJson(S.Operand);
    if (!S.AwaitableType.empty())
      J["awaitableType"] = S.AwaitableType;
    if (!S.AwaiterUsrs.empty())
      J["awaiter"] = S.AwaiterUsrs;
  }
  return J;
}

SiteFact siteFromJson(const json &J) {
  SiteFact S;
  S.Id = integer<unsigned>(J.at("id"));
  S.Kind = static_cast<SiteKind>(
      indexOf(SiteKindNames, J.at("kind").get<std::string>()));
  S.Loc = locFromJson(J.at("loc"));
  S.Pos = {integer<int>(J.at("pos").at(0)), integer<int>(J.at("pos").at(1))};
  S.CalleeUsr = J.value("callee", "");
  S.CalleeName = J.value("calleeName", "");
  S.ThroughField = J.value("throughField", "");
  if (J.contains("receiver"))
    S.Receiver = refFromJson(J.at("receiver"));
  S.ReceiverProducerUsr = J.value("receiverProducer", "");
  S.ReceiverCall = integerOr(J, "receiverCall", -1);
  S.Constructs = J.value("constructs", "");
  if (J.contains("args"))
    for (const json &A : J.at("args"))
      S.Args.push_back(argFromJson(A));
  S.IsConstructor = J.value("constructor", false);
  S.Mutates = J.value("mutates", false);
  S.Query = J.value("query", false);
  S.Returned = J.value("returned", false);
  S.Virtual = J.value("virtual", false);
  S.OtherObject = J.value("otherObject", false);
  if (J.contains("receiverHolder"))
    S.ReceiverHolder = refFromJson(J.at("receiverHolder"));
  S.AwaitedIn = integerOr(J, "awaitedIn", -1);
  if (J.contains("storedIn"))
    S.StoredIn = refFromJson(J.at("storedIn"));
  if (J.contains("assigned"))
    S.Assigned = refFromJson(J.at("assigned"));
  if (J.contains("guardFlags"))
    for (const json &R : J.at("guardFlags"))
      S.GuardFlags.push_back(refFromJson(R));
  if (J.contains("conditionReads"))
    for (const json &R : J.at("conditionReads"))
      S.ConditionReads.push_back(refFromJson(R));
  if (J.contains("value"))
    S.Value = integer<int64_t>(J.at("value"));
  S.Initial = J.value("initial", false);
  if (S.Kind != SiteKind::Suspend)
    S.OperandCall = integerOr(J, "initCall", -1);
  if (S.Kind == SiteKind::Suspend) {
    S.Suspend = static_cast<SuspendKind>(
        indexOf(SuspendKindNames, J.at("suspend").get<std::string>()));
    S.Implicit = J.value("implicit", false);
    S.OperandCall = integerOr(J, "operandCall", -1);
    if (J.contains("operand"))
      S.Operand = refFromJson(J.at("operand"));
    S.AwaitableType = J.value("awaitableType", "");
    if (J.contains("awaiter"))
      S.AwaiterUsrs = J.at("awaiter").get<std::vector<std::string>>();
  }
  return S;
}

json pollToJson(const PollFact &P) {
  json J = {{"kind", PollKindNames[static_cast<int>(P.Kind)]},
            {"loc", locToJson(P.Loc)},
            {"flag", refToJson(P.Flag)},
            {"negated", P.Negated},
            {"sites", P.Sites},
            {"onlyCalls", P.OnlyCalls}};
  if (P.Value) {
    J["value"] = *P.Value;
    J["valueName"] = P.ValueName;
  }
  return J;
}

PollFact pollFromJson(const json &J) {
  PollFact P;
  P.Kind = static_cast<PollKind>(
      indexOf(PollKindNames, J.at("kind").get<std::string>()));
  P.Loc = locFromJson(J.at("loc"));
  P.Flag = refFromJson(J.at("flag"));
  P.Negated = J.at("negated").get<bool>();
  P.Sites = integers(J.at("sites"));
  P.OnlyCalls = J.at("onlyCalls").get<bool>();
  if (J.contains("value")) {
    P.Value = J.at("value").get<int64_t>();
    P.ValueName = J.at("valueName").get<std::string>();
  }
  return P;
}

void addRoleEvidence(const FunctionFact &F, json &J) {
  if (!F.Fields.empty())
    J["fields"] = F.Fields;
  if (!F.Stores.empty()) {
    json Stores = json::array();
    for (const FieldStoreFact &S : F.Stores)
      Stores.push_back({{"kind", StoredKindNames[static_cast<int>(S.Kind)]},
                        {"param", S.Param},
                        {"field", S.Field},
                        {"loc", locToJson(S.Loc)}});
    J["stores"] = std::move(Stores);
  }
  if (!F.FieldInits.empty()) {
    json Inits = json::array();
    for (const FieldInitFact &I : F.FieldInits) {
      json Init = {{"field", I.Field}, {"param", I.Param}};
      if (!I.Key.empty())
        Init["key"] = I.Key;
      Inits.push_back(std::move(Init));
    }
    J["fieldInits"] = std::move(Inits);
  }
  if (!F.ParamTypes.empty())
    J["paramTypes"] = F.ParamTypes;
  if (!F.ReturnBases.empty())
    J["returnBases"] = F.ReturnBases;
  if (F.ResumesHandle)
    J["resumesHandle"] = true;
  if (F.InvokesCallable)
    J["invokesCallable"] = true;
}

void readRoleEvidence(const json &J, FunctionFact &F) {
  if (J.contains("fields"))
    F.Fields = J.at("fields").get<std::vector<std::string>>();
  if (J.contains("stores"))
    for (const json &S : J.at("stores"))
      F.Stores.push_back(
          {static_cast<StoredKind>(
               indexOf(StoredKindNames, S.at("kind").get<std::string>())),
           integer<int>(S.at("param")), S.at("field").get<std::string>(),
           locFromJson(S.at("loc"))});
  if (J.contains("fieldInits"))
    for (const json &I : J.at("fieldInits"))
      F.FieldInits.push_back({I.at("field").get<std::string>(),
                              integer<unsigned>(I.at("param")),
                              I.value("key", "")});
  if (J.contains("paramTypes"))
    F.ParamTypes = J.at("paramTypes").get<std::vector<std::string>>();
  if (J.contains("returnBases"))
    F.ReturnBases = J.at("returnBases").get<std::vector<std::string>>();
  F.ResumesHandle = J.value("resumesHandle", false);
  F.InvokesCallable = J.value("invokesCallable", false);
}

json functionToJson(const FunctionFact &F) {
  json Sites = json::array();
  for (const SiteFact &S : F.Sites)
    Sites.push_back(siteToJson(S));
  json Blocks = json::array();
  for (const CfgBlockFact &B : F.Cfg) {
    json Block = {{"sites", B.Sites}, {"succs", B.Succs}};
    if (B.NoReturn)
      Block["noReturn"] = true;
    if (B.Throws)
      Block["throws"] = true;
    if (B.Return)
      Block["return"] = locToJson(*B.Return);
    if (B.ReturnsTrue)
      Block["returnsTrue"] = true;
    if (!B.TestedLocals.empty())
      Block["testedLocals"] = B.TestedLocals;
    Blocks.push_back(std::move(Block));
  }
  json J = {{"usr", F.Usr},     {"name", F.Name}, {"loc", locToJson(F.Loc)},
            {"sites", Sites},   {"cfg", Blocks},  {"entry", F.CfgEntry},
            {"exit", F.CfgExit}};
  if (F.IsCoroutine)
    J["coroutine"] = true;
  if (F.IsLambda)
    J["lambda"] = true;
  if (!F.Owner.empty())
    J["owner"] = F.Owner;
  if (F.MainFileOnly)
    J["mainFileOnly"] = true;
  if (F.Private)
    J["private"] = true;
  if (!F.ObjectClass.empty())
    J["objectClass"] = F.ObjectClass;
  if (!F.ReturnType.empty())
    J["returns"] = F.ReturnType;
  if (!F.InitialSuspend.empty())
    J["initialSuspend"] = F.InitialSuspend;
  if (!F.Overrides.empty())
    J["overrides"] = F.Overrides;
  if (!F.Polls.empty()) {
    json Polls = json::array();
    for (const PollFact &P : F.Polls)
      Polls.push_back(pollToJson(P));
    J["polls"] = std::move(Polls);
  }
  if (!F.Reads.empty()) {
    json Reads = json::array();
    for (const ObjectRef &R : F.Reads)
      Reads.push_back(refToJson(R));
    J["reads"] = std::move(Reads);
  }
  if (!F.ReturnedObjects.empty()) {
    json Returned = json::array();
    for (const ObjectRef &R : F.ReturnedObjects)
      Returned.push_back(refToJson(R));
    J["returnedObjects"] = std::move(Returned);
  }
  if (!F.ComparedConstants.empty())
    J["comparedConstants"] = F.ComparedConstants;
  if (!F.FieldFunctions.empty())
    J["fieldFunctions"] = F.FieldFunctions;
  addRoleEvidence(F, J);
  return J;
}

FunctionFact functionFromJson(const json &J) {
  FunctionFact F;
  F.Usr = J.at("usr").get<std::string>();
  F.Name = J.at("name").get<std::string>();
  F.Loc = locFromJson(J.at("loc"));
  F.IsCoroutine = J.value("coroutine", false);
  F.IsLambda = J.value("lambda", false);
  F.Owner = J.value("owner", "");
  F.MainFileOnly = J.value("mainFileOnly", false);
  F.Private = J.value("private", false);
  F.ObjectClass = J.value("objectClass", "");
  F.ReturnType = J.value("returns", "");
  F.InitialSuspend = J.value("initialSuspend", "");
  if (J.contains("overrides"))
    F.Overrides = J.at("overrides").get<std::vector<std::string>>();
  for (const json &S : J.at("sites"))
    F.Sites.push_back(siteFromJson(S));
  if (J.contains("polls"))
    for (const json &P : J.at("polls"))
      F.Polls.push_back(pollFromJson(P));
  if (J.contains("reads"))
    for (const json &R : J.at("reads"))
      F.Reads.push_back(refFromJson(R));
  if (J.contains("returnedObjects"))
    for (const json &R : J.at("returnedObjects"))
      F.ReturnedObjects.push_back(refFromJson(R));
  if (J.contains("comparedConstants"))
    F.ComparedConstants =
        J.at("comparedConstants").get<std::vector<std::string>>();
  if (J.contains("fieldFunctions"))
    F.FieldFunctions =
        J.at("fieldFunctions")
            .get<std::vector<std::pair<std::string, std::string>>>();
  readRoleEvidence(J, F);
  for (const json &B : J.at("cfg")) {
    CfgBlockFact &Block = F.Cfg.emplace_back();
    Block.Sites = integers(B.at("sites"));
    Block.Succs = integers(B.at("succs"));
    Block.NoReturn = B.value("noReturn", false);
    Block.Throws = B.value("throws", false);
    if (B.contains("return"))
      Block.Return = locFromJson(B.at("return"));
    Block.ReturnsTrue = B.value("returnsTrue", false);
    if (B.contains("testedLocals"))
      Block.TestedLocals = B.at("testedLocals").get<std::vector<std::string>>();
  }
  F.CfgEntry = integer<unsigned>(J.at("entry"));
  F.CfgExit = integer<unsigned>(J.at("exit"));
  return F;
}

/// Checks what the types alone cannot: that every index points inside the
/// function, so later passes can index without checking.
llvm::Error checkIndexes(const FunctionFact &F, llvm::StringRef Origin) {
  auto Bad = [&](const std::string &What) {
    return llvm::createStringError(
        std::errc::invalid_argument, "%s: malformed facts: function '%s': %s",
        Origin.str().c_str(), F.Name.c_str(), What.c_str());
  };
  for (size_t I = 0; I < F.Sites.size(); ++I) {
    const SiteFact &S = F.Sites[I];
    if (S.Id != I)
      return Bad("site ids are not 0..N-1");
    if (S.Pos.Block >= static_cast<int>(F.Cfg.size()))
      return Bad("site " + std::to_string(I) +
                 " is in a block that does not exist");
    // Rules read a site's place from Pos; the block must agree.
    if (S.Pos.Block >= 0 &&
        (S.Pos.Index < 0 ||
         S.Pos.Index >= static_cast<int>(F.Cfg[S.Pos.Block].Sites.size()) ||
         F.Cfg[S.Pos.Block].Sites[S.Pos.Index] != I))
      return Bad("site " + std::to_string(I) +
                 " is not where its block lists it");
    if (S.OperandCall >= static_cast<int>(F.Sites.size()) ||
        S.ReceiverCall >= static_cast<int>(F.Sites.size()) ||
        S.AwaitedIn >= static_cast<int>(F.Sites.size()))
      return Bad("site " + std::to_string(I) +
                 " refers to a site that does not exist");
    for (int Call : {S.OperandCall, S.ReceiverCall})
      if (Call >= 0 &&
          (Call == static_cast<int>(I) || F.Sites[Call].Kind != SiteKind::Call))
        return Bad("site " + std::to_string(I) +
                   " names as its call a site that is not another call");
  }
  for (const PollFact &P : F.Polls)
    for (unsigned S : P.Sites)
      if (S >= F.Sites.size())
        return Bad("a poll lists a site that does not exist");
  for (const CfgBlockFact &B : F.Cfg) {
    for (unsigned S : B.Sites)
      if (S >= F.Sites.size())
        return Bad("a block lists a site that does not exist");
    for (unsigned Succ : B.Succs)
      if (Succ >= F.Cfg.size())
        return Bad("a block has a successor that does not exist");
  }
  if (!F.Cfg.empty() &&
      (F.CfgEntry >= F.Cfg.size() || F.CfgExit >= F.Cfg.size()))
    return Bad("entry or exit block does not exist");
  return llvm::Error::success();
}

} // namespace

std::string writeFactsJson(const TuFacts &Facts) {
  json Functions = json::array();
  for (const FunctionFact &F : Facts.Functions)
    Functions.push_back(functionToJson(F));
  json J = {{"format", FormatName},
            {"version", FactsVersion},
            {"mainFile", Facts.MainFile},
            {"functions", std::move(Functions)}};
  if (!Facts.Unanalyzed.empty())
    J["unanalyzed"] = Facts.Unanalyzed;
  return jsonText(J) + "\n";
}

llvm::Expected<TuFacts> readFactsJson(llvm::StringRef Text,
                                      llvm::StringRef Origin) {
  auto Fail = [&](const std::string &Why) -> llvm::Error {
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   Origin.str().c_str(), Why.c_str());
  };
  json J = json::parse(Text.begin(), Text.end(), nullptr,
                       /*allow_exceptions=*/false);
  if (J.is_discarded())
    return Fail("not a facts file: invalid or truncated JSON");
  std::string Problem = versionedHeaderProblem(
      J, FormatName, FactsVersion,
      "not a facts file: no \"format\": \"corolint-facts\"", "facts",
      "; extract them again");
  if (!Problem.empty())
    return Fail(Problem);
  TuFacts Facts;
  try {
    Facts.MainFile = J.at("mainFile").get<std::string>();
    for (const json &F : J.at("functions"))
      Facts.Functions.push_back(functionFromJson(F));
    Facts.Unanalyzed = J.value("unanalyzed", "");
  } catch (const std::exception &E) {
    return Fail(std::string("malformed facts: ") + E.what());
  }
  for (const FunctionFact &F : Facts.Functions)
    if (llvm::Error E = checkIndexes(F, Origin))
      return std::move(E);
  return Facts;
}

} // namespace corolint
