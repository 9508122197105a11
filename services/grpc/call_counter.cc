#include "services/grpc/call_counter.h"

namespace welfare::grpc_edge {

using grpc::experimental::ServerRpcInfo;

// Lives exactly as long as its call: gRPC deletes interceptors once the
// call is done.
class CountingInterceptor : public grpc::experimental::Interceptor {
 public:
  CountingInterceptor(CallCounter* counter, ServerRpcInfo* info)
      : counter_(info->type() == ServerRpcInfo::Type::UNARY ? counter
                                                            : nullptr) {
    if (counter_ != nullptr) counter_->running_unary_.fetch_add(1);
  }
  ~CountingInterceptor() override {
    if (counter_ != nullptr) counter_->running_unary_.fetch_sub(1);
  }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    methods->Proceed();
  }

 private:
  CallCounter* const counter_;
};

namespace {

class Factory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit Factory(CallCounter* counter) : counter_(counter) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      ServerRpcInfo* info) override {
    return new CountingInterceptor(counter_, info);
  }

 private:
  CallCounter* const counter_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
CallCounter::NewInterceptorFactory() {
  return std::make_unique<Factory>(this);
}

}  // namespace welfare::grpc_edge
