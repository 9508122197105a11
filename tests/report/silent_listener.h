// A loopback TCP port that takes connections and never answers: a server
// that does not answer in time, which a real welfared cannot be made to be
// on demand. A call to it ends only when its deadline passes, with
// DEADLINE_EXCEEDED, so a test needs no clock to see that a deadline was
// applied.
#ifndef WELFARE_TESTS_REPORT_SILENT_LISTENER_H_
#define WELFARE_TESTS_REPORT_SILENT_LISTENER_H_

#include <string>

namespace welfare::report::testing {

class SilentListener {
 public:
  // Listens on a free port of 127.0.0.1; aborts if it cannot.
  SilentListener();
  ~SilentListener();
  SilentListener(const SilentListener&) = delete;
  SilentListener& operator=(const SilentListener&) = delete;

  // "127.0.0.1:<port>".
  std::string target() const;

 private:
  int socket_ = -1;
  int port_ = 0;
};

}  // namespace welfare::report::testing

#endif  // WELFARE_TESTS_REPORT_SILENT_LISTENER_H_
