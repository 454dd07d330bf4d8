// Precompiled once by tests/CMakeLists.txt for the corpus cases on Boost.Asio:
// the harness parses a case that includes one of these headers (and has no
// corolint-flags of its own) with this header precompiled, which is the same
// as including it first. Each case still includes what it uses.
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/ssl.hpp>
