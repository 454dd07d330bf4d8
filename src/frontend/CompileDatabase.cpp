//===- CompileDatabase.cpp - Compile jobs from compile_commands.json ------===//

#include "corolint/frontend/Frontend.h"
#include "corolint/InputFile.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace corolint {

static std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Base, Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

/// Assembly (`.s`, `.S`) has no coroutines to analyze: a compile database
/// lists it beside the C and C++ units, and it is left out.
static bool isAssembly(llvm::StringRef File) {
  using namespace clang::driver;
  types::ID Type = types::lookupTypeForExtension(
      llvm::sys::path::extension(File).drop_front());
  return Type == types::TY_Asm || Type == types::TY_PP_Asm;
}

llvm::Expected<std::vector<CompileJob>>
loadCompileJobs(llvm::StringRef BuildDir,
                const std::vector<std::string> &Files) {
  llvm::SmallString<256> DbPath(BuildDir);
  llvm::sys::path::append(DbPath, "compile_commands.json");
  if (!llvm::sys::fs::exists(DbPath))
    return llvm::createStringError(std::errc::no_such_file_or_directory,
                                   "%s: no compile database (generate one with "
                                   "CMAKE_EXPORT_COMPILE_COMMANDS=ON or Bear)",
                                   DbPath.c_str());
  auto Buffer = readInputFile(DbPath);
  if (!Buffer)
    return Buffer.takeError();
  std::string Error;
  std::unique_ptr<clang::tooling::JSONCompilationDatabase> Db =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          (*Buffer)->getBuffer(), Error,
          clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db)
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   DbPath.c_str(), Error.c_str());
  std::vector<CompileJob> Jobs;
  auto AddCommands =
      [&](const std::vector<clang::tooling::CompileCommand> &Cmds) {
        // A file compiled twice (two targets) is analyzed once, as its first
        // command says: its functions would merge to the same USRs anyway.
        if (Cmds.empty() || isAssembly(Cmds.front().Filename))
          return;
        const auto &C = Cmds.front();
        Jobs.push_back({absolutePath(C.Filename, C.Directory), C.Directory,
                        C.CommandLine});
      };
  if (Files.empty()) {
    std::vector<std::string> All = Db->getAllFiles();
    std::sort(All.begin(), All.end());
    for (const std::string &F : All)
      AddCommands(Db->getCompileCommands(F));
    if (Jobs.empty())
      return llvm::createStringError(std::errc::invalid_argument,
                                     "%s: the compile database has no C or C++ entries",
                                     DbPath.c_str());
    return Jobs;
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  for (const std::string &F : Files) {
    std::string Abs = absolutePath(F, Cwd);
    std::vector<clang::tooling::CompileCommand> Cmds =
        Db->getCompileCommands(Abs);
    if (Cmds.empty())
      return llvm::createStringError(std::errc::invalid_argument,
                                     "%s: not in the compile database %s",
                                     F.c_str(), DbPath.c_str());
    AddCommands(Cmds);
  }
  return Jobs;
}

} // namespace corolint
