// A firmware uploader parks one promise per chunk in its table of chunks in
// flight and awaits the future. The device's acknowledgement handler finds
// the chunk's promise and fulfils it when the device took the chunk; on a
// NACK it only counts the retry it should make and returns, leaving the
// promise in the table, neither fulfilled nor broken: the upload waits for
// ever. Returning when the lookup found nothing leaves nothing behind. The
// twin, chunk_nack_fails_the_waiting_upload.cpp, fails the promise and takes
// it out.
#include <stubs/async_simple/async_simple/Promise.h>
#include <stubs/async_simple/async_simple/coro/FutureAwaiter.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>
#include <functional>
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
    co_return co_await std::move(done); // expect-warning: missing-timeout {{the future of 'acked' is awaited with no deadline, while 'acked' is parked in 'firmware_uploader::in_flight_' until other code takes it out and fulfils it, and 'firmware_uploader::on_ack' can end with a waiter it found in 'firmware_uploader::in_flight_' still there, neither fulfilled nor taken out}}
  }

private:
  void on_ack(const ack_frame &f) {
    auto pending = in_flight_.find(f.chunk);
    if (pending == in_flight_.end())
      return;
    if (!f.accepted) {
      ++retries_;
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
