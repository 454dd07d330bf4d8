//===- TuExtractor.cpp - Parse translation units into facts ---------------===//
//
// Each translation unit is parsed by its own ToolInvocation on a thread of a
// pool. Each gets its own file system view, because compile commands have
// different working directories and the process has only one.
//
//===----------------------------------------------------------------------===//

#include "FunctionExtractor.h"
#include "corolint/frontend/Frontend.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>

using namespace clang;

namespace corolint {
namespace {

/// Finds every function definition written outside system headers,
/// including template instantiations and lambdas.
class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  FunctionFinder(ASTContext &Ctx, const Names &N, TuFacts &Out)
      : SM(Ctx.getSourceManager()), N(N), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    // System headers are described by the models; walking them would cost
    // most of the time and tell nothing.
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    add(FD);
    return true;
  }
  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (!RD->isThisDeclarationADefinition() || RD->isDependentContext() ||
        RD->isLambda() ||
        SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())))
      return true;
    if (std::optional<FunctionFact> Inits = extractInClassInitializers(RD, N))
      if (Seen.insert(Inits->Usr).second)
        Out.Functions.push_back(std::move(*Inits));
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (!V->hasGlobalStorage() || V->isLocalVarDecl() ||
        !V->isThisDeclarationADefinition() || V->isInvalidDecl() ||
        V->getDeclContext()->isDependentContext() ||
        SM.isInSystemHeader(SM.getExpansionLoc(V->getLocation())))
      return true;
    if (std::optional<FunctionFact> Init = extractGlobalInitializer(V, N))
      if (Seen.insert(Init->Usr).second)
        Out.Functions.push_back(std::move(*Init));
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *E) {
    // A generic lambda's call operator is a template; its instantiations
    // live in the implicit lambda class, which the walk does not enter.
    if (const FunctionTemplateDecl *T =
            E->getCallOperator()->getDescribedFunctionTemplate()) {
      for (const FunctionDecl *Instance : T->specializations())
        add(Instance);
      return true;
    }
    add(E->getCallOperator());
    return true;
  }

private:
  void add(const FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        FD->isInvalidDecl() || FD->isDefaulted())
      return;
    if (SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
      return;
    std::string Usr = N.usr(FD);
    if (Usr.empty() || !Seen.insert(Usr).second)
      return;
    Out.Functions.push_back(extractFunction(FD, N));
  }

  const SourceManager &SM;
  const Names &N;
  TuFacts &Out;
  llvm::StringSet<> Seen;
};

class FactsConsumer : public ASTConsumer {
public:
  FactsConsumer(std::string WorkingDir, TuFacts &Out)
      : WorkingDir(std::move(WorkingDir)), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return; // The AST of a broken unit is not analyzed; the caller says so.
    Names N(Ctx, WorkingDir);
    FunctionFinder(Ctx, N, Out).TraverseAST(Ctx);
    std::sort(Out.Functions.begin(), Out.Functions.end(),
              [](const FunctionFact &A, const FunctionFact &B) {
                return A.Usr < B.Usr;
              });
  }

private:
  std::string WorkingDir;
  TuFacts &Out;
};

/// `-I/usr/include/x86_64-linux-gnu/qt6/QtCore`, as qmake and hand-written
/// compile commands spell it: a directory inside one the compiler searches
/// for system headers holds a library's headers, whatever flag named it.
/// Clang marks as system only the directories the system flags name, and
/// would take the library's inline code for the project's. The order of
/// the search stays as it was.
void markSystemSubdirectories(HeaderSearch &HS) {
  FileManager &Files = HS.getFileMgr();
  std::vector<std::string> SystemDirs;
  for (const DirectoryLookup &D :
       llvm::make_range(HS.system_dir_begin(), HS.system_dir_end()))
    if (OptionalDirectoryEntryRef Dir = D.getDirRef())
      SystemDirs.push_back(Files.getCanonicalName(*Dir).str() + "/");
  auto InSystemDir = [&](const DirectoryLookup &D) {
    OptionalDirectoryEntryRef Dir = D.getDirRef();
    if (!Dir || D.isSystemHeaderDirectory())
      return false;
    std::string Path = Files.getCanonicalName(*Dir).str() + "/";
    return llvm::any_of(SystemDirs, [&](const std::string &System) {
      return llvm::StringRef(Path).starts_with(System);
    });
  };
  std::vector<DirectoryLookup> Dirs;
  bool Changed = false;
  for (const DirectoryLookup &D : HS.search_dir_range()) {
    bool Mark = InSystemDir(D);
    Dirs.push_back(Mark ? DirectoryLookup(*D.getDirRef(), SrcMgr::C_System,
                                          /*isFramework=*/false)
                        : D);
    Changed |= Mark;
  }
  if (!Changed)
    return;
  const HeaderSearch &Search = HS;
  auto Count = [](auto Begin, auto End) {
    return static_cast<unsigned>(std::distance(Begin, End));
  };
  unsigned Angled = Count(Search.quoted_dir_begin(), Search.quoted_dir_end());
  unsigned System = Count(Search.search_dir_begin(), Search.system_dir_begin());
  HS.SetSearchPaths(std::move(Dirs), Angled, System,
                    llvm::DenseMap<unsigned, unsigned>());
}

class FactsAction : public ASTFrontendAction {
public:
  FactsAction(std::string WorkingDir, TuFacts &Out)
      : WorkingDir(std::move(WorkingDir)), Out(Out) {}

  bool BeginSourceFileAction(CompilerInstance &CI) override {
    markSystemSubdirectories(CI.getPreprocessor().getHeaderSearchInfo());
    return true;
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<FactsConsumer>(WorkingDir, Out);
  }

private:
  std::string WorkingDir;
  TuFacts &Out;
};

/// Keeps the first error of a unit, as one line, and counts them.
class FirstErrorConsumer : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !FirstError.empty())
      return;
    llvm::SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(
          Info.getSourceManager().getExpansionLoc(Info.getLocation()));
      if (P.isValid())
        Where = std::string(P.getFilename()) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    FirstError = Where + "error: " + std::string(Text);
  }

  std::string FirstError;
};

std::vector<std::string> adjustedCommandLine(const CompileJob &Job,
                                             const ExtractOptions &Options) {
  using namespace clang::tooling;
  CommandLineArguments Args = Job.CommandLine;
  ArgumentsAdjuster Adjust =
      combineAdjusters(getClangStripOutputAdjuster(),
                       combineAdjusters(getClangStripDependencyFileAdjuster(),
                                        getClangSyntaxOnlyAdjuster()));
  Args = Adjust(Args, Job.File);
  Args = getInsertArgumentAdjuster(
      Options.ExtraArgsBefore, ArgumentInsertPosition::BEGIN)(Args, Job.File);
  CommandLineArguments End = Options.ExtraArgs;
  // Warnings are the compiler's business; only errors decide whether a unit
  // could be analyzed.
  End.push_back("-w");
  if (std::none_of(Args.begin(), Args.end(), [](const std::string &A) {
        return llvm::StringRef(A).starts_with("-resource-dir");
      }))
    End.push_back("-resource-dir=" COROLINT_RESOURCE_DIR);
  return getInsertArgumentAdjuster(End, ArgumentInsertPosition::END)(Args,
                                                                     Job.File);
}

ExtractResult extractOne(const CompileJob &Job, const ExtractOptions &Options) {
  ExtractResult Result;
  Result.File = Job.File;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  FS->setCurrentWorkingDirectory(Job.Directory);
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  TuFacts Facts;
  Facts.MainFile = Job.File;
  tooling::ToolInvocation Invocation(
      adjustedCommandLine(Job, Options),
      std::make_unique<FactsAction>(Job.Directory, Facts), Files.get());
  FirstErrorConsumer Errors;
  Invocation.setDiagnosticConsumer(&Errors);
  // A crash in Clang on one unit is that unit's failure, not the run's.
  bool Ok = false;
  llvm::CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] { Ok = Invocation.run(); })) {
    Result.Error = Job.File + ": translation unit could not be parsed: the "
                              "compiler crashed on it";
    return Result;
  }
  if (Ok && Errors.getNumErrors() == 0) {
    Result.Facts = std::move(Facts);
    return Result;
  }
  Result.Error =
      Job.File + ": translation unit could not be parsed" +
      (Errors.FirstError.empty() ? std::string() : ": " + Errors.FirstError) +
      (Errors.getNumErrors() > 1
           ? " (and " + std::to_string(Errors.getNumErrors() - 1) +
                 " more errors)"
           : std::string());
  return Result;
}

} // namespace

std::vector<ExtractResult> extractFacts(const std::vector<CompileJob> &Jobs,
                                        const ExtractOptions &Options) {
  llvm::CrashRecoveryContext::Enable();
  std::vector<ExtractResult> Results(Jobs.size());
  auto Extract = [&](size_t I) {
    Results[I] = extractOne(Jobs[I], Options);
    if (Options.OnUnitDone)
      Options.OnUnitDone(Jobs[I]);
  };
  size_t Threads = Options.Jobs
                       ? Options.Jobs
                       : llvm::hardware_concurrency().compute_thread_count();
  Threads = std::min(Threads, Jobs.size());
  if (Threads <= 1) {
    for (size_t I = 0; I < Jobs.size(); ++I)
      Extract(I);
    return Results;
  }
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Threads));
  for (size_t I = 0; I < Jobs.size(); ++I)
    Pool.async([&, I] { Extract(I); });
  Pool.wait();
  return Results;
}

} // namespace corolint
