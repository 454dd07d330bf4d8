// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/io/coro/ServerSocket.h (an AsyncServerSocket is taken by
// reference to an incomplete type here).
#pragma once
#pragma clang system_header

#include "../../SocketAddress.h"
#include "../../coro/Task.h"
#include "Transport.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace folly {

class AsyncServerSocket;

namespace coro {

class ServerSocket {
public:
  ServerSocket(std::shared_ptr<AsyncServerSocket> socket,
               std::optional<SocketAddress> bindAddr, std::uint32_t listenQueueDepth);
  ServerSocket(ServerSocket &&) = default;
  ServerSocket &operator=(ServerSocket &&) = default;
  ~ServerSocket() = default;

  Task<std::unique_ptr<Transport>> accept();
  void close() noexcept;

private:
  ServerSocket(const ServerSocket &) = delete;
  ServerSocket &operator=(const ServerSocket &) = delete;
  std::shared_ptr<AsyncServerSocket> socket_;
};

} // namespace coro
} // namespace folly
