// The server's transport: TLS with an operator's certificate, plaintext
// only on loopback, and the first administrator's token file.
#include <sys/stat.h>

#include <fstream>

#include "services/server/server.h"
#include "services/tls/self_signed.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/access.grpc.pb.h"

namespace welfare {
namespace {

namespace v1 = welfare::ledger::v1;
using testing::HasError;
using testing::IsOk;
using testing::TempDir;

class TransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pair = tls::MakeSelfSignedCertificate({"localhost", "127.0.0.1"}, 2);
    ASSERT_THAT(pair, IsOk());
    pem_ = pair->certificate_pem;
    ASSERT_THAT(tls::WriteCertificatePair(*pair, dir_.path() + "/tls.crt",
                                          dir_.path() + "/tls.key"),
                IsOk());
    options_.data_dir = dir_.path() + "/data";
    options_.listen_address = "127.0.0.1:0";
    options_.block_cache_bytes = 8 << 20;
    options_.memtable_budget_bytes = 16 << 20;
  }

  void UseTls() {
    options_.tls_certificate_file = dir_.path() + "/tls.crt";
    options_.tls_key_file = dir_.path() + "/tls.key";
  }

  std::string AdminToken() {
    std::string token;
    std::ifstream(options_.data_dir + "/admin.token") >> token;
    return token;
  }

  // WhoAmI over channel with the administrator's token.
  grpc::Status WhoAmI(std::shared_ptr<grpc::Channel> channel,
                      v1::Principal* me) {
    auto stub = v1::AccessService::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(5));
    context.AddMetadata("authorization", "Bearer " + AdminToken());
    return stub->WhoAmI(&context, v1::WhoAmIRequest(), me);
  }

  std::shared_ptr<grpc::Channel> TlsChannel(int port,
                                            const std::string& ca_pem) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ca_pem;
    grpc::ChannelArguments arguments;
    arguments.SetSslTargetNameOverride("localhost");
    return grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", port),
                                     grpc::SslCredentials(ssl), arguments);
  }

  TempDir dir_;
  std::string pem_;
  server::ServerOptions options_;
};

TEST_F(TransportTest, ClientsThatTrustTheCertificateGetInOverTls) {
  UseTls();
  auto server = server::WelfareServer::Start(options_);
  ASSERT_THAT(server, IsOk());
  v1::Principal me;
  grpc::Status status = WhoAmI(TlsChannel((*server)->port(), pem_), &me);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(me.name(), "principals/admin");
  EXPECT_EQ(me.role(), v1::ADMINISTRATOR);

  // A client that trusts another certificate, or speaks plaintext, does
  // not get in.
  auto other = tls::MakeSelfSignedCertificate({"localhost"}, 2);
  ASSERT_THAT(other, IsOk());
  EXPECT_EQ(WhoAmI(TlsChannel((*server)->port(), other->certificate_pem), &me)
                .error_code(),
            grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(
      WhoAmI(grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                                 grpc::InsecureChannelCredentials()),
             &me)
          .error_code(),
      grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TransportTest, PlaintextIsRefusedOffLoopbackUnlessForced) {
  options_.listen_address = "0.0.0.0:0";
  EXPECT_THAT(server::WelfareServer::Start(options_).status().code(),
              absl::StatusCode::kInvalidArgument);
  // Nothing was created: the check comes before the data folder.
  struct stat info;
  EXPECT_NE(::stat(options_.data_dir.c_str(), &info), 0);
  // With TLS, any address.
  UseTls();
  auto server = server::WelfareServer::Start(options_);
  ASSERT_THAT(server, IsOk());
  v1::Principal me;
  EXPECT_TRUE(WhoAmI(TlsChannel((*server)->port(), pem_), &me).ok());
}

TEST_F(TransportTest, PlaintextOffLoopbackOnlyWithTheLoudFlag) {
  options_.listen_address = "0.0.0.0:0";
  options_.insecure_listen_anywhere = true;
  auto server = server::WelfareServer::Start(options_);
  ASSERT_THAT(server, IsOk());
  v1::Principal me;
  EXPECT_TRUE(
      WhoAmI(grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                                 grpc::InsecureChannelCredentials()),
             &me)
          .ok());
}

TEST(LoopbackTest, OnlyLoopbackLiteralsAndLocalhostCount) {
  EXPECT_TRUE(server::IsLoopbackAddress("127.0.0.1:7543"));
  EXPECT_TRUE(server::IsLoopbackAddress("127.8.9.10:1"));
  EXPECT_TRUE(server::IsLoopbackAddress("[::1]:7543"));
  EXPECT_TRUE(server::IsLoopbackAddress("localhost:7543"));
  EXPECT_FALSE(server::IsLoopbackAddress("127.example.org:7543"));
  EXPECT_FALSE(server::IsLoopbackAddress("0.0.0.0:7543"));
  EXPECT_FALSE(server::IsLoopbackAddress("[::]:7543"));
  EXPECT_FALSE(server::IsLoopbackAddress("10.0.0.1:7543"));
}

TEST_F(TransportTest, TlsNeedsBothFilesAndReadableOnes) {
  options_.tls_certificate_file = dir_.path() + "/tls.crt";
  EXPECT_EQ(server::WelfareServer::Start(options_).status().code(),
            absl::StatusCode::kInvalidArgument);
  options_.tls_key_file = dir_.path() + "/missing.key";
  absl::Status status = server::WelfareServer::Start(options_).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("missing.key"));
}

TEST_F(TransportTest, TheFirstAdministratorTokenIsWrittenOnceAndPrivately) {
  std::string first;
  {
    auto server = server::WelfareServer::Start(options_);
    ASSERT_THAT(server, IsOk());
    first = AdminToken();
  }
  struct stat info;
  ASSERT_EQ(::stat((options_.data_dir + "/admin.token").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_EQ(first.rfind("wlt_", 0), 0u);
  // A restart neither rewrites the file nor invalidates the token.
  auto server = server::WelfareServer::Start(options_);
  ASSERT_THAT(server, IsOk());
  EXPECT_EQ(AdminToken(), first);
  v1::Principal me;
  EXPECT_TRUE(
      WhoAmI(grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                                 grpc::InsecureChannelCredentials()),
             &me)
          .ok());
}

}  // namespace
}  // namespace welfare
