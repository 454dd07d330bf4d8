// A shard migration between two nodes over a pair of in-process Asio
// channels that one transfer link owns; its coroutines reach them through
// its accessors or by name. The receiver reports its capacity first, then
// waits for the offer; the donor waits for that report before it offers the
// shard. The twin, shard_migration_peers_both_wait_for_the_other_to_speak.cpp,
// has both wait first.
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <cstdio>
#include <string>

namespace asio = boost::asio;
using boost::system::error_code;

struct ShardOffer {
  int shard = 0;
  std::string owner;
};
using OfferChannel = asio::experimental::channel<void(error_code, ShardOffer)>;
using CapacityChannel = asio::experimental::channel<void(error_code, long)>;

class TransferLink {
public:
  explicit TransferLink(asio::any_io_executor ex) : offers_(ex, 1), capacity_(ex, 1) {}
  OfferChannel &offers() { return offers_; }
  CapacityChannel &capacity() { return capacity_; }

  asio::awaitable<void> migrate(int shard) {
    long free_bytes = co_await capacity().async_receive(asio::use_awaitable);
    if (free_bytes < 4096) {
      std::printf("receiver full, keeping shard %d\n", shard);
      co_return;
    }
    co_await offers().async_send(error_code{}, ShardOffer{shard, "node-a"},
                                 asio::use_awaitable);
  }

  asio::awaitable<void> accept() {
    co_await capacity_.async_send(error_code{}, 1L << 20, asio::use_awaitable);
    ShardOffer offer = co_await offers_.async_receive(asio::use_awaitable);
    std::printf("taking shard %d from %s\n", offer.shard, offer.owner.c_str());
  }

private:
  OfferChannel offers_;
  CapacityChannel capacity_;
};

int main() {
  asio::io_context io;
  TransferLink link(io.get_executor());
  asio::co_spawn(io, link.migrate(7), asio::detached);
  asio::co_spawn(io, link.accept(), asio::detached);
  io.run();
}
