// clients/connection.h: where a tool's token and CA file come from, that
// errors never show a token, that a token on the command line is refused,
// and that every call of an opened channel carries the bearer token (seen
// by a small in-process server, over plaintext and over TLS).
#include "clients/connection.h"

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "clients/ledger_client.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "services/tls/self_signed.h"
#include "tests/testing/test_util.h"

namespace welfare::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::welfare::testing::IsOk;
using ::welfare::testing::TempDir;

namespace health = ::grpc::health::v1;

constexpr char kToken[] =
    "wlt_0123456789abcdef_"
    "0000000000000000000000000000000000000000000000000000000000000001";
constexpr char kOtherToken[] =
    "wlt_fedcba9876543210_"
    "0000000000000000000000000000000000000000000000000000000000000002";
constexpr const char* kVariables[] = {"WELFARE_TOKEN_FILE", "WELFARE_TOKEN",
                                      "WELFARE_CA_FILE"};

// Clears the variables ReadToken and CaFileOr read, and restores them.
class ConnectionTest : public ::testing::Test {
 protected:
  ConnectionTest() {
    for (const char* name : kVariables) {
      const char* value = std::getenv(name);
      saved_.push_back(value == nullptr ? std::nullopt
                                        : std::optional<std::string>(value));
      unsetenv(name);
    }
  }
  ~ConnectionTest() override {
    for (size_t i = 0; i < saved_.size(); ++i) {
      if (saved_[i].has_value()) {
        setenv(kVariables[i], saved_[i]->c_str(), 1);
      } else {
        unsetenv(kVariables[i]);
      }
    }
  }

  // A path in the test's folder.
  std::string Path(const std::string& name) const {
    return absl::StrCat(dir_.path(), "/", name);
  }
  // A file in the test's folder holding `text`, with `mode`.
  std::string File(const std::string& name, const std::string& text,
                   mode_t mode = 0600) {
    const std::string path = Path(name);
    std::ofstream(path) << text;
    chmod(path.c_str(), mode);
    return path;
  }

 private:
  TempDir dir_;
  std::vector<std::optional<std::string>> saved_;
};

TEST_F(ConnectionTest, NoTokenAnywhereIsNoToken) {
  absl::StatusOr<std::string> token = ReadToken("");
  ASSERT_THAT(token, IsOk());
  EXPECT_EQ(*token, "");
}

TEST_F(ConnectionTest, TheFlagComesBeforeTheFileVariableBeforeTheToken) {
  const std::string flag_file = File("flag.token", kToken);
  const std::string env_file = File("env.token", kOtherToken);
  setenv("WELFARE_TOKEN_FILE", env_file.c_str(), 1);
  setenv("WELFARE_TOKEN", "wlt_from_the_variable", 1);
  EXPECT_EQ(ReadToken(flag_file).value_or("error"), kToken);
  EXPECT_EQ(ReadToken("").value_or("error"), kOtherToken);
  unsetenv("WELFARE_TOKEN_FILE");
  EXPECT_EQ(ReadToken("").value_or("error"), "wlt_from_the_variable");
  setenv("WELFARE_TOKEN_FILE", "", 1);  // Set but empty: unset.
  EXPECT_EQ(ReadToken("").value_or("error"), "wlt_from_the_variable");
}

TEST_F(ConnectionTest, TheTokenIsTheFirstLineTrimmed) {
  const std::string path =
      File("token", absl::StrCat("  \t", kToken, " \r\nsecond line\n"));
  EXPECT_EQ(ReadToken(path).value_or("error"), kToken);
  setenv("WELFARE_TOKEN", absl::StrCat(" ", kToken, "\n").c_str(), 1);
  EXPECT_EQ(ReadToken("").value_or("error"), kToken);
}

TEST_F(ConnectionTest, UnusableTokensFailNamingTheSourceButNotTheSecret) {
  const std::string secret = "wlt_secret_part";
  struct Case {
    std::string file;
    absl::StatusCode code;
  };
  const std::vector<Case> cases = {
      {Path("missing"), absl::StatusCode::kNotFound},
      {File("empty", ""), absl::StatusCode::kInvalidArgument},
      {File("blank", "  \n" + secret + "\n"),
       absl::StatusCode::kInvalidArgument},
      {File("spaced", secret + " " + secret),
       absl::StatusCode::kInvalidArgument},
      {File("control", secret + "\x01"), absl::StatusCode::kInvalidArgument},
      {File("long", std::string(5000, 'w')),
       absl::StatusCode::kInvalidArgument},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::string> token = ReadToken(c.file);
    EXPECT_EQ(token.status().code(), c.code) << c.file;
    EXPECT_THAT(token.status().message(), HasSubstr(c.file));
    EXPECT_THAT(token.status().message(), Not(HasSubstr("wlt_secret")));
    EXPECT_THAT(token.status().message(), Not(HasSubstr("wwwwwwww")));
  }
  setenv("WELFARE_TOKEN_FILE", cases[1].file.c_str(), 1);
  EXPECT_THAT(ReadToken("").status().message(),
              HasSubstr("WELFARE_TOKEN_FILE"));
  unsetenv("WELFARE_TOKEN_FILE");
  setenv("WELFARE_TOKEN", (secret + " x").c_str(), 1);
  absl::StatusOr<std::string> token = ReadToken("");
  EXPECT_EQ(token.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(token.status().message(), HasSubstr("$WELFARE_TOKEN"));
  EXPECT_THAT(token.status().message(), Not(HasSubstr("wlt_secret")));
}

TEST_F(ConnectionTest, AFolderIsNotATokenFile) {
  TempDir folder;
  EXPECT_EQ(ReadToken(folder.path()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ConnectionTest, ATokenFileOthersMayReadIsUsedWithAWarning) {
  std::string warning = "stale";
  const std::string private_file = File("private", kToken, 0600);
  EXPECT_EQ(ReadToken(private_file, &warning).value_or("error"), kToken);
  EXPECT_EQ(warning, "");
  for (mode_t mode : {0644, 0640, 0604}) {
    const std::string path = File(absl::StrCat("shared", mode), kToken, mode);
    EXPECT_EQ(ReadToken(path, &warning).value_or("error"), kToken);
    EXPECT_THAT(warning, HasSubstr(absl::StrCat("chmod 600 ", path)));
    EXPECT_THAT(warning, Not(HasSubstr(kToken)));
  }
}

TEST_F(ConnectionTest, AnEnvironmentPassedInIsUsedInsteadOfTheProcesses) {
  setenv("WELFARE_TOKEN", kOtherToken, 1);
  CredentialsEnvironment environment;
  environment.token = kToken;
  environment.ca_file = "ca.pem";
  EXPECT_EQ(ReadToken("", environment).value_or("error"), kToken);
  EXPECT_EQ(CaFileOr("", environment), "ca.pem");
  EXPECT_EQ(ReadToken("", CredentialsEnvironment()).value_or("error"), "");
}

TEST_F(ConnectionTest, TheCaFileFlagComesBeforeTheVariable) {
  EXPECT_EQ(CaFileOr(""), "");
  setenv("WELFARE_CA_FILE", "from-env.pem", 1);
  EXPECT_EQ(CaFileOr(""), "from-env.pem");
  EXPECT_EQ(CaFileOr("flag.pem"), "flag.pem");
}

TEST_F(ConnectionTest, ReadCredentialsTakesBothFlags) {
  CredentialsEnvironment environment;
  environment.ca_file = "env.pem";
  std::string warning;
  absl::StatusOr<Credentials> credentials =
      ReadCredentials(File("t", kToken), "", environment, &warning);
  ASSERT_THAT(credentials, IsOk());
  EXPECT_EQ(credentials->token, kToken);
  EXPECT_EQ(credentials->ca_file, "env.pem");
  EXPECT_EQ(ReadCredentials("/no/such/token", "", environment, &warning)
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ConnectionTest, ATokenOnTheCommandLineIsRefused) {
  const std::vector<std::vector<std::string>> refused = {
      {"--token=wlt_abc"},
      {"fund", "list", "--token", "wlt_abc"},
      {"-token=wlt_abc"},
      {"--server=x", "--token"},
  };
  for (const std::vector<std::string>& args : refused) {
    absl::Status status = RefuseTokenArgument(args);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(status.message(), HasSubstr("--token_file"));
    EXPECT_THAT(status.message(), HasSubstr("WELFARE_TOKEN_FILE"));
    EXPECT_THAT(status.message(), Not(HasSubstr("wlt_abc")));
  }
  const std::vector<std::vector<std::string>> accepted = {
      {},
      {"--token_file=t", "--token-file", "t"},
      {"--page-token=abc"},
      {"--", "--token=x"},
  };
  for (const std::vector<std::string>& args : accepted) {
    EXPECT_THAT(RefuseTokenArgument(args), IsOk());
  }
}

TEST_F(ConnectionTest, AnUnusableCaFileFailsNamingIt) {
  Credentials credentials;
  credentials.ca_file = Path("missing.pem");
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      OpenChannel("127.0.0.1:1", credentials);
  EXPECT_EQ(channel.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(channel.status().message(), HasSubstr(credentials.ca_file));

  credentials.ca_file = File("not.pem", "not a certificate\n");
  channel = OpenChannel("127.0.0.1:1", credentials);
  EXPECT_EQ(channel.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(channel.status().message(), HasSubstr(credentials.ca_file));

  ClientOptions options;
  options.target = "127.0.0.1:1";
  options.credentials = credentials;
  EXPECT_EQ(LedgerClient::Connect(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ConnectionTest, OpenChannelRefusesATokenThatCannotBeAHeader) {
  Credentials credentials;
  credentials.token = "wlt_a\nb";
  EXPECT_EQ(OpenChannel("127.0.0.1:1", credentials).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// A health service that remembers the "authorization" metadata of the last
// call (nullopt: it had none).
class RecordingHealth : public health::Health::CallbackService {
 public:
  grpc::ServerUnaryReactor* Check(
      grpc::CallbackServerContext* context,
      const health::HealthCheckRequest* /*request*/,
      health::HealthCheckResponse* response) override {
    {
      absl::MutexLock lock(&mu_);
      ++calls_;
      const auto& metadata = context->client_metadata();
      auto it = metadata.find("authorization");
      authorization_ = it == metadata.end()
                           ? std::nullopt
                           : std::optional<std::string>(std::string(
                                 it->second.data(), it->second.size()));
    }
    response->set_status(health::HealthCheckResponse::SERVING);
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

  int calls() {
    absl::MutexLock lock(&mu_);
    return calls_;
  }
  std::optional<std::string> authorization() {
    absl::MutexLock lock(&mu_);
    return authorization_;
  }

 private:
  absl::Mutex mu_;
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
  std::optional<std::string> authorization_ ABSL_GUARDED_BY(mu_);
};

// RecordingHealth on 127.0.0.1, on a free port, with `credentials`.
class HealthServer {
 public:
  explicit HealthServer(std::shared_ptr<grpc::ServerCredentials> credentials =
                            grpc::InsecureServerCredentials()) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", credentials, &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
  }
  ~HealthServer() { server_->Shutdown(); }

  bool started() const { return server_ != nullptr && port_ > 0; }
  std::string target() const { return absl::StrCat("127.0.0.1:", port_); }
  RecordingHealth& service() { return service_; }

 private:
  RecordingHealth service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

grpc::Status CheckHealth(const std::shared_ptr<grpc::Channel>& channel) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  health::HealthCheckResponse response;
  return health::Health::NewStub(channel)->Check(
      &context, health::HealthCheckRequest(), &response);
}

TEST_F(ConnectionTest, EveryCallCarriesTheBearerToken) {
  HealthServer server;
  ASSERT_TRUE(server.started());
  Credentials credentials;
  credentials.token = kToken;
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      OpenChannel(server.target(), credentials);
  ASSERT_THAT(channel, IsOk());
  for (int call = 1; call <= 2; ++call) {
    ASSERT_TRUE(CheckHealth(*channel).ok());
    EXPECT_EQ(server.service().calls(), call);
    EXPECT_EQ(server.service().authorization(),
              absl::StrCat("Bearer ", kToken));
  }
}

TEST_F(ConnectionTest, WithoutATokenCallsCarryNoAuthorization) {
  HealthServer server;
  ASSERT_TRUE(server.started());
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      OpenChannel(server.target(), Credentials());
  ASSERT_THAT(channel, IsOk());
  ASSERT_TRUE(CheckHealth(*channel).ok());
  EXPECT_EQ(server.service().calls(), 1);
  EXPECT_EQ(server.service().authorization(), std::nullopt);
}

TEST_F(ConnectionTest, TheLedgerClientSendsTheTokenOfItsOptions) {
  HealthServer server;
  ASSERT_TRUE(server.started());
  ClientOptions options;
  options.target = server.target();
  options.credentials.token = kToken;
  absl::StatusOr<std::unique_ptr<LedgerClient>> client =
      LedgerClient::Connect(options);
  ASSERT_THAT(client, IsOk());
  ASSERT_THAT((*client)->CheckHealth(), IsOk());
  EXPECT_EQ(server.service().authorization(), absl::StrCat("Bearer ", kToken));
}

TEST_F(ConnectionTest, WithACaFileTheChannelIsTlsAndCarriesTheToken) {
  absl::StatusOr<tls::CertificatePair> pair =
      tls::MakeSelfSignedCertificate({"127.0.0.1"}, 1);
  ASSERT_THAT(pair, IsOk());
  grpc::SslServerCredentialsOptions tls_options;
  tls_options.pem_key_cert_pairs.push_back(
      {pair->private_key_pem, pair->certificate_pem});
  HealthServer server(grpc::SslServerCredentials(tls_options));
  ASSERT_TRUE(server.started());

  Credentials credentials;
  credentials.ca_file = File("ca.pem", pair->certificate_pem, 0644);
  credentials.token = kToken;
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      OpenChannel(server.target(), credentials);
  ASSERT_THAT(channel, IsOk());
  ASSERT_TRUE(CheckHealth(*channel).ok());
  EXPECT_EQ(server.service().authorization(), absl::StrCat("Bearer ", kToken));

  // Plaintext to the TLS port fails: the CA file is what turns TLS on.
  credentials.ca_file.clear();
  channel = OpenChannel(server.target(), credentials);
  ASSERT_THAT(channel, IsOk());
  EXPECT_FALSE(CheckHealth(*channel).ok());
  EXPECT_EQ(server.service().calls(), 1);
}

}  // namespace
}  // namespace welfare::client
