// UnparsedRequestInterceptor: gives a request that does not parse the
// status it deserves.
//
// protobuf refuses a proto3 message whose text fields hold invalid UTF-8 (or
// whose bytes are malformed) before the service sees it, and gRPC 1.51's
// callback handlers then answer UNIMPLEMENTED with no message. This
// interceptor notices the failed parse and answers INVALID_ARGUMENT
// (reason TEXT_NOT_UTF8) with a message that says what was wanted. Nothing
// is written: the call never reached the ledger.
#ifndef WELFARE_SERVICES_GRPC_UNPARSED_REQUEST_INTERCEPTOR_H_
#define WELFARE_SERVICES_GRPC_UNPARSED_REQUEST_INTERCEPTOR_H_

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace welfare::grpc_edge {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewUnparsedRequestInterceptorFactory();

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_UNPARSED_REQUEST_INTERCEPTOR_H_
