// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/io/coro/Transport.h (the AsyncTransport, IOBufQueue, WriteFlags
// and socket options parameters left out).
#pragma once
#pragma clang system_header

#include "../../Range.h"
#include "../../Try.h"
#include "../../coro/Task.h"
#include "../async/EventBase.h"

#include <chrono>
#include <cstddef>

namespace folly {
namespace coro {

class TransportIf {
public:
  virtual ~TransportIf() = default;
  virtual EventBase *getEventBase() noexcept = 0;
  virtual Task<std::size_t> read(MutableByteRange buf, std::chrono::milliseconds timeout) = 0;
  Task<std::size_t> read(void *buf, std::size_t buflen, std::chrono::milliseconds timeout);
  virtual Task<Unit> write(ByteRange buf,
                           std::chrono::milliseconds timeout = std::chrono::milliseconds(0)) = 0;
  virtual SocketAddress getLocalAddress() const noexcept = 0;
  virtual SocketAddress getPeerAddress() const noexcept = 0;
  virtual void close() = 0;
  virtual void shutdownWrite() = 0;
  virtual void closeWithReset() = 0;
};

class Transport : public TransportIf {
public:
  Transport(Transport &&) = default;
  Transport &operator=(Transport &&) = default;

  // Connects, bounded by connectTimeout.
  static Task<Transport> newConnectedSocket(EventBase *evb, const SocketAddress &destAddr,
                                            std::chrono::milliseconds connectTimeout);

  EventBase *getEventBase() noexcept override { return eventBase_; }
  Task<std::size_t> read(MutableByteRange buf, std::chrono::milliseconds timeout) override;
  Task<Unit> write(ByteRange buf,
                   std::chrono::milliseconds timeout = std::chrono::milliseconds(0)) override;
  SocketAddress getLocalAddress() const noexcept override;
  SocketAddress getPeerAddress() const noexcept override;
  void shutdownWrite() noexcept override;
  void close() noexcept override;
  void closeWithReset() noexcept override;

protected:
  EventBase *eventBase_;

private:
  Transport(const Transport &) = delete;
  Transport &operator=(const Transport &) = delete;
};

} // namespace coro
} // namespace folly
