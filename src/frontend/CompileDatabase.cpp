//===- CompileDatabase.cpp - Compile jobs from compile_commands.json ------===//

#include "corolint/frontend/Frontend.h"
#include "corolint/InputFile.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <nlohmann/json.hpp>

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

/// What Clang's reader of compile databases would skip, or stop at, without
/// failing (a cut-short file is read up to the cut; an entry whose directory
/// is not a string is dropped): one line naming the file, the entry and the
/// problem.
static llvm::Error checkCompileDatabase(llvm::StringRef Text,
                                        llvm::StringRef Path) {
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   Path.str().c_str(), Why.c_str());
  };
  nlohmann::json Db;
  try {
    Db = nlohmann::json::parse(Text.begin(), Text.end());
  } catch (const nlohmann::json::parse_error &E) {
    return Fail("not valid JSON at byte " + std::to_string(E.byte) +
                " (is it cut short?)");
  } catch (const nlohmann::json::exception &E) {
    // A number too large for a double, found by the compile database fuzzer.
    return Fail(std::string("not valid JSON: ") + E.what());
  }
  if (!Db.is_array())
    return Fail("must be a JSON list of entries");
  for (size_t I = 0; I < Db.size(); ++I) {
    const nlohmann::json &Entry = Db[I];
    std::string Where = "entry " + std::to_string(I) + ": ";
    if (!Entry.is_object())
      return Fail(Where + "must be an object");
    for (const char *Key : {"directory", "file"})
      if (!Entry.contains(Key) || !Entry[Key].is_string())
        return Fail(Where + "\"" + Key + "\" must be a string");
    auto Command = Entry.find("command");
    auto Arguments = Entry.find("arguments");
    if (Command == Entry.end() && Arguments == Entry.end())
      return Fail(Where + "needs \"command\" or \"arguments\"");
    if (Command != Entry.end() && !Command->is_string())
      return Fail(Where + "\"command\" must be a string");
    if (Arguments != Entry.end() &&
        (!Arguments->is_array() ||
         !llvm::all_of(*Arguments, [](const nlohmann::json &A) {
           return A.is_string();
         })))
      return Fail(Where + "\"arguments\" must be a list of strings");
  }
  return llvm::Error::success();
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
  if (llvm::Error E = checkCompileDatabase((*Buffer)->getBuffer(), DbPath))
    return std::move(E);
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
