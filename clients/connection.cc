#include "clients/connection.h"

#include <fcntl.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "grpcpp/support/client_interceptor.h"

namespace welfare::client {
namespace {

namespace experimental = grpc::experimental;

// A token file holds the token on its first line; a CA file a few PEM
// certificates.
constexpr size_t kTokenFileBytesMax = 4096;
constexpr size_t kCaFileBytesMax = 1 << 20;
constexpr char kAuthorizationKey[] = "authorization";

struct FileHead {
  // At most bytes_max + 1 bytes: more than bytes_max means the file is
  // longer than allowed.
  std::string bytes;
  mode_t mode = 0;
};

// The first bytes_max + 1 bytes of a file (a pipe such as /dev/fd/3 too).
// `name` names the file in errors: "the token file /home/a/token".
absl::StatusOr<FileHead> ReadFileHead(const std::string& path, size_t bytes_max,
                                      absl::string_view name) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", name, ": ", std::strerror(errno)));
  }
  FileHead head;
  struct stat info;
  if (fstat(fd, &info) != 0) {
    const int error = errno;
    close(fd);
    return absl::NotFoundError(
        absl::StrCat("cannot read ", name, ": ", std::strerror(error)));
  }
  if (S_ISDIR(info.st_mode)) {
    close(fd);
    return absl::InvalidArgumentError(
        absl::StrCat(name, " is a folder; want a file"));
  }
  head.mode = info.st_mode;
  head.bytes.resize(bytes_max + 1);
  size_t size = 0;
  while (size < head.bytes.size()) {
    const ssize_t n = read(fd, &head.bytes[size], head.bytes.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      close(fd);
      return absl::NotFoundError(
          absl::StrCat("cannot read ", name, ": ", std::strerror(error)));
    }
    if (n == 0) break;
    size += static_cast<size_t>(n);
  }
  close(fd);
  head.bytes.resize(size);
  return head;
}

// Whether a token can travel as an HTTP/2 header value: printable ASCII
// without spaces.
bool IsTokenText(absl::string_view token) {
  for (char c : token) {
    if (c <= ' ' || c > '~') return false;
  }
  return true;
}

// `token` trimmed, checked. Errors name `source` ("the token file /a/b",
// "$WELFARE_TOKEN") and say what is wanted (`want`).
absl::StatusOr<std::string> CheckedToken(absl::string_view token,
                                         absl::string_view source,
                                         absl::string_view want) {
  token = absl::StripAsciiWhitespace(token);
  if (token.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, " holds no token; want ", want));
  }
  if (!IsTokenText(token)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the token in ", source,
                     " holds whitespace or a character that is not printable "
                     "ASCII; want ",
                     want));
  }
  return std::string(token);
}

absl::StatusOr<std::string> ReadTokenFile(const std::string& path,
                                          absl::string_view origin,
                                          std::string* warning) {
  const std::string source = absl::StrCat("the token file ", path, origin);
  absl::StatusOr<FileHead> head =
      ReadFileHead(path, kTokenFileBytesMax, source);
  if (!head.ok()) return head.status();
  const size_t line_end = head->bytes.find('\n');
  if (line_end == std::string::npos &&
      head->bytes.size() > kTokenFileBytesMax) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": its first line is over ", kTokenFileBytesMax,
                     " bytes; want the token alone on it"));
  }
  absl::StatusOr<std::string> token =
      CheckedToken(absl::string_view(head->bytes).substr(0, line_end), source,
                   "the token (wlt_...) alone on the first line");
  if (token.ok() && warning != nullptr &&
      (head->mode & (S_IRGRP | S_IROTH)) != 0) {
    *warning = absl::StrFormat(
        "%s may be read by other users (mode %04o); make it readable by you "
        "alone: chmod 600 %s",
        source, head->mode & 07777, path);
  }
  return token;
}

bool IsSet(const char* variable) {
  return variable != nullptr && *variable != '\0';
}

// Adds "authorization: Bearer <token>" to the initial metadata of a call.
class BearerTokenInterceptor : public experimental::Interceptor {
 public:
  explicit BearerTokenInterceptor(std::string header)
      : header_(std::move(header)) {}

  void Intercept(experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            experimental::InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->emplace(kAuthorizationKey, header_);
    }
    methods->Proceed();
  }

 private:
  const std::string header_;
};

class BearerTokenInterceptorFactory
    : public experimental::ClientInterceptorFactoryInterface {
 public:
  explicit BearerTokenInterceptorFactory(const std::string& token)
      : header_(absl::StrCat("Bearer ", token)) {}

  experimental::Interceptor* CreateClientInterceptor(
      experimental::ClientRpcInfo* /*info*/) override {
    return new BearerTokenInterceptor(header_);
  }

 private:
  const std::string header_;
};

// The PEM text of the CA file, checked to hold a certificate.
absl::StatusOr<std::string> ReadCaFile(const std::string& path) {
  const std::string name = absl::StrCat("the CA file ", path);
  absl::StatusOr<FileHead> head = ReadFileHead(path, kCaFileBytesMax, name);
  if (!head.ok()) return head.status();
  if (head->bytes.size() > kCaFileBytesMax) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " is over ", kCaFileBytesMax,
                     " bytes; want the PEM certificate of the server's CA"));
  }
  BIO* bio =
      BIO_new_mem_buf(head->bytes.data(), static_cast<int>(head->bytes.size()));
  X509* certificate = bio == nullptr
                          ? nullptr
                          : PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  const bool parsed = certificate != nullptr;
  X509_free(certificate);
  BIO_free(bio);
  if (!parsed) {
    return absl::InvalidArgumentError(absl::StrCat(
        name,
        " holds no PEM certificate; want the server's CA certificate "
        "(-----BEGIN CERTIFICATE-----)"));
  }
  return std::move(head->bytes);
}

}  // namespace

CredentialsEnvironment CredentialsEnvironment::FromProcess() {
  CredentialsEnvironment environment;
  environment.token_file = std::getenv("WELFARE_TOKEN_FILE");
  environment.token = std::getenv("WELFARE_TOKEN");
  environment.ca_file = std::getenv("WELFARE_CA_FILE");
  return environment;
}

absl::StatusOr<std::string> ReadToken(const std::string& token_file,
                                      const CredentialsEnvironment& environment,
                                      std::string* warning) {
  if (warning != nullptr) warning->clear();
  if (!token_file.empty()) {
    return ReadTokenFile(token_file, "", warning);
  }
  if (IsSet(environment.token_file)) {
    return ReadTokenFile(environment.token_file, " (from $WELFARE_TOKEN_FILE)",
                         warning);
  }
  if (IsSet(environment.token)) {
    return CheckedToken(environment.token, "$WELFARE_TOKEN",
                        "the token alone (wlt_...)");
  }
  return std::string();
}

absl::StatusOr<std::string> ReadToken(const std::string& token_file,
                                      std::string* warning) {
  return ReadToken(token_file, CredentialsEnvironment::FromProcess(), warning);
}

std::string CaFileOr(const std::string& flag,
                     const CredentialsEnvironment& environment) {
  if (!flag.empty()) return flag;
  return IsSet(environment.ca_file) ? environment.ca_file : "";
}

std::string CaFileOr(const std::string& flag) {
  return CaFileOr(flag, CredentialsEnvironment::FromProcess());
}

absl::StatusOr<Credentials> ReadCredentials(
    const std::string& token_file_flag, const std::string& ca_file_flag,
    const CredentialsEnvironment& environment, std::string* warning) {
  absl::StatusOr<std::string> token =
      ReadToken(token_file_flag, environment, warning);
  if (!token.ok()) return token.status();
  Credentials credentials;
  credentials.token = std::move(*token);
  credentials.ca_file = CaFileOr(ca_file_flag, environment);
  return credentials;
}

absl::Status RefuseTokenArgument(absl::Span<const std::string> args) {
  for (const std::string& arg : args) {
    if (arg == "--") break;
    absl::string_view name = arg;
    if (!absl::ConsumePrefix(&name, "-")) continue;
    absl::ConsumePrefix(&name, "-");
    name = name.substr(0, name.find('='));
    if (absl::StrReplaceAll(name, {{"_", "-"}}) != "token") continue;
    return absl::InvalidArgumentError(
        "--token is refused: a token on the command line can be read by "
        "every user of this machine (ps, /proc) and stays in the shell's "
        "history. Put it in a file only you can read (chmod 600) and give "
        "--token_file=PATH, or set WELFARE_TOKEN_FILE=PATH");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(
    const std::string& target, const Credentials& credentials,
    const grpc::ChannelArguments& arguments) {
  if (target.empty()) {
    return absl::InvalidArgumentError("no server address given");
  }
  if (!credentials.token.empty() && !IsTokenText(credentials.token)) {
    return absl::InvalidArgumentError(
        "the token holds whitespace or a character that is not printable "
        "ASCII");
  }
  std::shared_ptr<grpc::ChannelCredentials> channel_credentials =
      grpc::InsecureChannelCredentials();
  if (!credentials.ca_file.empty()) {
    absl::StatusOr<std::string> pem = ReadCaFile(credentials.ca_file);
    if (!pem.ok()) return pem.status();
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = std::move(*pem);
    channel_credentials = grpc::SslCredentials(options);
  }
  if (credentials.token.empty()) {
    return grpc::CreateCustomChannel(target, channel_credentials, arguments);
  }
  std::vector<std::unique_ptr<experimental::ClientInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(
      std::make_unique<BearerTokenInterceptorFactory>(credentials.token));
  return experimental::CreateCustomChannelWithInterceptors(
      target, channel_credentials, arguments, std::move(interceptors));
}

}  // namespace welfare::client
