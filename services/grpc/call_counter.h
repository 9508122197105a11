// CallCounter: how many unary calls the server has running, from the moment
// gRPC starts one until it is completely done (its status sent), counted by
// a server interceptor. Streaming calls are not counted: shutdown waits for
// unary calls in flight only, and ends streams (Health.Watch, StreamEntries)
// and idle connections at once.
#ifndef WELFARE_SERVICES_GRPC_CALL_COUNTER_H_
#define WELFARE_SERVICES_GRPC_CALL_COUNTER_H_

#include <atomic>
#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace welfare::grpc_edge {

class CallCounter {
 public:
  int running_unary() const { return running_unary_.load(); }

  // An interceptor factory that counts into this counter, which must
  // outlive the server.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
  NewInterceptorFactory();

 private:
  friend class CountingInterceptor;
  std::atomic<int> running_unary_{0};
};

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_CALL_COUNTER_H_
