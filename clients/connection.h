// Connecting to welfared: the server's address, the CA that signed its TLS
// certificate, and the bearer token every call carries.
//
// A token is a secret: it is read from a file or the environment, never
// from a command-line argument (every user of the machine can read the
// process list), and no error message ever contains it or the contents of
// the file it came from.
//
// The command-line tools take the same settings:
//   --ca_file=PATH     else $WELFARE_CA_FILE; none: plaintext (the server
//                      allows plaintext on loopback only)
//   --token_file=PATH  else $WELFARE_TOKEN_FILE, else $WELFARE_TOKEN; none:
//                      calls carry no token
#ifndef WELFARE_CLIENTS_CONNECTION_H_
#define WELFARE_CLIENTS_CONNECTION_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "grpcpp/grpcpp.h"

namespace welfare::client {

struct Credentials {
  // PEM file of the CA that signed the server's certificate; empty:
  // plaintext (the server allows plaintext only on loopback).
  std::string ca_file;
  // The bearer token (wlt_<16 hex>_<64 hex>); empty: none.
  std::string token;
};

// The environment variables of the credentials, as main() read them (tests
// pass their own); nullptr or "" means unset.
struct CredentialsEnvironment {
  const char* token_file = nullptr;  // $WELFARE_TOKEN_FILE
  const char* token = nullptr;       // $WELFARE_TOKEN
  const char* ca_file = nullptr;     // $WELFARE_CA_FILE

  // This process's variables (std::getenv).
  static CredentialsEnvironment FromProcess();
};

// The token for a command-line tool: the first line of token_file if it is
// not empty, else of the file $WELFARE_TOKEN_FILE names, else
// $WELFARE_TOKEN; "" if none is set. Surrounding whitespace is trimmed.
// A token file that group or others may read is used, but *warning (if not
// null) is set to a sentence telling the user to chmod 600 it; otherwise
// *warning is cleared. Errors name the file or the variable, never what it
// holds: NOT_FOUND if the file cannot be read; INVALID_ARGUMENT if it is a
// folder, is empty, or the token holds whitespace or anything but
// printable ASCII.
absl::StatusOr<std::string> ReadToken(const std::string& token_file,
                                      const CredentialsEnvironment& environment,
                                      std::string* warning = nullptr);
// The same, with this process's environment.
absl::StatusOr<std::string> ReadToken(const std::string& token_file,
                                      std::string* warning = nullptr);

// The CA file: `flag` if not empty, else $WELFARE_CA_FILE ("" if unset).
std::string CaFileOr(const std::string& flag,
                     const CredentialsEnvironment& environment);
std::string CaFileOr(const std::string& flag);

// The credentials of a command-line tool from its --token_file and
// --ca_file flags ("" when not given): ReadToken and CaFileOr. The CA file
// itself is read by OpenChannel.
absl::StatusOr<Credentials> ReadCredentials(
    const std::string& token_file_flag, const std::string& ca_file_flag,
    const CredentialsEnvironment& environment, std::string* warning);

// The help of the tools' --token_file and --ca_file flags.
inline constexpr char kTokenFileFlagHelp[] =
    "the file whose first line is your access token, readable by you alone "
    "(chmod 600); default: $WELFARE_TOKEN_FILE, else the token in "
    "$WELFARE_TOKEN. The token itself is never taken from the command line";
inline constexpr char kCaFileFlagHelp[] =
    "PEM certificate of the CA that signed the server's certificate: "
    "connect with TLS; default: $WELFARE_CA_FILE; none: plaintext, which "
    "the server allows on loopback only";

// OK unless `args` (a command line without the program name) give a token
// itself, as --token=VALUE, --token VALUE or -token=VALUE before any "--";
// then INVALID_ARGUMENT explaining why that is refused and what to give
// instead (--token_file or $WELFARE_TOKEN_FILE). The message does not
// repeat the value.
absl::Status RefuseTokenArgument(absl::Span<const std::string> args);

// A channel to `target` (host:port) with `arguments`: TLS trusting only the
// CA in credentials.ca_file when that is set, else plaintext. When
// credentials.token is not empty, every call on the channel carries the
// metadata "authorization: Bearer <token>" (added by a client interceptor,
// so that it works on plaintext loopback channels too, where gRPC refuses
// call credentials). Does not wait for the server. NOT_FOUND naming the CA
// file if it cannot be read; INVALID_ARGUMENT naming it if it holds no PEM
// certificate, and for an empty target or a token that is not printable
// ASCII without whitespace.
absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(
    const std::string& target, const Credentials& credentials,
    const grpc::ChannelArguments& arguments = grpc::ChannelArguments());

}  // namespace welfare::client

#endif  // WELFARE_CLIENTS_CONNECTION_H_
