// UnparsedRequestInterceptor: gives a request that does not parse the
// status it deserves.
//
// protobuf refuses a proto3 message whose text fields hold invalid UTF-8 (or
// whose bytes are malformed) before the service sees it, and gRPC 1.51's
// callback handlers then answer UNIMPLEMENTED with no message. For a method
// whose request is one message (unary and server-streaming), this
// interceptor notices the failed parse and answers INVALID_ARGUMENT
// (reason TEXT_NOT_UTF8) with a message that says what was wanted. Nothing
// is written: the call never reached the ledger.
//
// Client-streaming and bidi methods (server reflection's
// ServerReflectionInfo) are left alone: gRPC 1.51 shows this interceptor a
// message that did not parse and the client's half-close alike, as no
// message, and a half-close is how every such stream ends normally. So a
// malformed message in the middle of such a stream looks like the end of the
// stream to the handler too (its Read() returns false for both), and the call
// ends as the handler ends it at the client's half-close.
#ifndef WELFARE_SERVICES_GRPC_UNPARSED_REQUEST_INTERCEPTOR_H_
#define WELFARE_SERVICES_GRPC_UNPARSED_REQUEST_INTERCEPTOR_H_

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace welfare::grpc_edge {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewUnparsedRequestInterceptorFactory();

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_UNPARSED_REQUEST_INTERCEPTOR_H_
