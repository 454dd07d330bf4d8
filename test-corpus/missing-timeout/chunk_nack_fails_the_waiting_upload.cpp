// Twin of chunk_ack_left_pending_on_a_nack.cpp: on a NACK the
// acknowledgement handler fails the chunk's promise and takes it out of the
// table, so the upload resumes with the error on every path the handler
// takes once it found the chunk. Returning when the lookup found nothing
// leaves nothing behind.
// expect-no-findings
#include <stubs/async_simple/async_simple/Promise.h>
#include <stubs/async_simple/async_simple/coro/FutureAwaiter.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>
#include <exception>
#include <functional>
#include <stdexcept>
#include <unordered_map>

struct ack_frame {
  unsigned chunk;
  bool accepted;
};

class device_link {
public:
  void on_ack(std::function<void(const ack_frame &)> handler) {
    handler_ = std::move(handler);
  }
  void send_chunk(unsigned chunk) { (void)chunk; }

private:
  std::function<void(const ack_frame &)> handler_;
};

class firmware_uploader {
public:
  explicit firmware_uploader(device_link &link) : link_(link) {
    link_.on_ack([this](const ack_frame &f) { on_ack(f); });
  }

  async_simple::coro::Lazy<bool> upload_chunk(unsigned chunk) {
    async_simple::Promise<bool> acked;
    auto done = acked.getFuture();
    in_flight_.emplace(chunk, std::move(acked));
    link_.send_chunk(chunk);
    co_return co_await std::move(done);
  }

private:
  void on_ack(const ack_frame &f) {
    auto pending = in_flight_.find(f.chunk);
    if (pending == in_flight_.end())
      return;
    if (!f.accepted) {
      ++retries_;
      pending->second.setException(
          std::make_exception_ptr(std::runtime_error("chunk refused")));
      in_flight_.erase(pending);
      return;
    }
    pending->second.setValue(true);
    in_flight_.erase(pending);
  }

  device_link &link_;
  std::unordered_map<unsigned, async_simple::Promise<bool>> in_flight_;
  unsigned retries_ = 0;
};

async_simple::coro::Lazy<bool> flash(firmware_uploader &u) {
  co_return co_await u.upload_chunk(0);
}
