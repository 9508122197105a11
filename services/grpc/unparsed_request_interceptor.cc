#include "services/grpc/unparsed_request_interceptor.h"

#include <string>

#include "services/grpc/status.h"

namespace welfare::grpc_edge {
namespace {

using grpc::experimental::InterceptionHookPoints;
using grpc::experimental::ServerRpcInfo;

// Whether the method's request is exactly one message, so that receiving
// none means it did not parse. A client-streaming or bidi method also
// receives none at the client's half-close, its end of stream.
bool RequestIsOneMessage(ServerRpcInfo::Type type) {
  return type == ServerRpcInfo::Type::UNARY ||
         type == ServerRpcInfo::Type::SERVER_STREAMING;
}

class UnparsedRequestInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit UnparsedRequestInterceptor(ServerRpcInfo* info)
      : method_(info->method() != nullptr ? info->method() : ""),
        request_is_one_message_(RequestIsOneMessage(info->type())) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (request_is_one_message_ &&
        methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() == nullptr) {
      unparsed_ = true;
    }
    if (unparsed_ && methods->QueryInterceptionHookPoint(
                         InterceptionHookPoints::PRE_SEND_STATUS)) {
      methods->ModifySendStatus(grpc::Status(
          grpc::StatusCode::INVALID_ARGUMENT,
          "the request to " + method_ +
              " does not parse: a text field holds invalid UTF-8 or the "
              "message is malformed; want UTF-8 text in every string field"));
      methods->GetSendTrailingMetadata()->emplace(kReasonMetadataKey,
                                                  "TEXT_NOT_UTF8");
    }
    methods->Proceed();
  }

 private:
  const std::string method_;
  const bool request_is_one_message_;
  bool unparsed_ = false;
};

class Factory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      ServerRpcInfo* info) override {
    return new UnparsedRequestInterceptor(info);
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewUnparsedRequestInterceptorFactory() {
  return std::make_unique<Factory>();
}

}  // namespace welfare::grpc_edge
