#include "tests/report/silent_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "absl/strings/str_cat.h"

namespace welfare::report::testing {
namespace {

// Connections the kernel completes without accept(): more than any test
// opens.
constexpr int kBacklog = 64;

}  // namespace

SilentListener::SilentListener() {
  socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (socket_ < 0 ||
      ::bind(socket_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::listen(socket_, kBacklog) != 0 ||
      ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) !=
          0) {
    std::cerr << "SilentListener: cannot listen on 127.0.0.1\n";
    std::abort();
  }
  port_ = ntohs(address.sin_port);
}

SilentListener::~SilentListener() { ::close(socket_); }

std::string SilentListener::target() const {
  return absl::StrCat("127.0.0.1:", port_);
}

}  // namespace welfare::report::testing
