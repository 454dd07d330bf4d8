// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/Range.h (ByteRange, MutableByteRange) and folly/SocketAddress.h
// (one file here).
#pragma once
#pragma clang system_header

#include <cstddef>
#include <cstdint>
#include <string>

namespace folly {

template <class Iter> class Range {
public:
  constexpr Range() : b_(), e_() {}
  constexpr Range(Iter start, std::size_t size) : b_(start), e_(start + size) {}
  constexpr std::size_t size() const { return std::size_t(e_ - b_); }
  constexpr Iter data() const { return b_; }

private:
  Iter b_;
  Iter e_;
};

using ByteRange = Range<const unsigned char *>;
using MutableByteRange = Range<unsigned char *>;

class SocketAddress {
public:
  SocketAddress() = default;
  SocketAddress(const char *host, std::uint16_t port, bool allowNameLookup = false);
  SocketAddress(const std::string &host, std::uint16_t port, bool allowNameLookup = false);
};

} // namespace folly
