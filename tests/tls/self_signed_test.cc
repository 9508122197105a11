#include "services/tls/self_signed.h"

#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/testing/test_util.h"

namespace welfare::tls {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::welfare::testing::IsOk;
using ::welfare::testing::TempDir;

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* object) const { Free(object); }
};
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

const std::vector<std::string> kHosts = {"localhost", "127.0.0.1", "::1"};
constexpr int kDays = 30;

CertificatePair MakePair() {
  absl::StatusOr<CertificatePair> pair =
      MakeSelfSignedCertificate(kHosts, kDays);
  EXPECT_THAT(pair, IsOk());
  return pair.ok() ? *pair : CertificatePair{};
}

Certificate ParseCertificate(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return Certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

Key ParseKey(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return Key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

// The subjectAltName entries as "DNS:name" or "IP:address".
std::vector<std::string> AltNames(X509* certificate) {
  std::vector<std::string> result;
  auto* names = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
    if (name->type == GEN_DNS) {
      const ASN1_IA5STRING* dns = name->d.dNSName;
      result.push_back(absl::StrCat(
          "DNS:", std::string(reinterpret_cast<const char*>(dns->data),
                              static_cast<size_t>(dns->length))));
    } else if (name->type == GEN_IPADD) {
      const ASN1_OCTET_STRING* ip = name->d.iPAddress;
      char text[INET6_ADDRSTRLEN] = "?";
      inet_ntop(ip->length == 4 ? AF_INET : AF_INET6, ip->data, text,
                sizeof text);
      result.push_back(absl::StrCat("IP:", text));
    }
  }
  GENERAL_NAMES_free(names);
  return result;
}

std::string CommonName(X509* certificate) {
  char text[256] = "";
  X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName,
                            text, sizeof text);
  return text;
}

TEST(SelfSignedTest, CertificateHasTheContractedFields) {
  const CertificatePair pair = MakePair();
  Certificate certificate = ParseCertificate(pair.certificate_pem);
  ASSERT_NE(certificate, nullptr);
  X509* cert = certificate.get();
  EXPECT_EQ(X509_get_version(cert), X509_VERSION_3);
  EXPECT_EQ(CommonName(cert), "localhost");
  EXPECT_THAT(AltNames(cert),
              ElementsAre("DNS:localhost", "IP:127.0.0.1", "IP:::1"));
  EXPECT_EQ(X509_check_ca(cert), 1);
  EXPECT_EQ(X509_get_key_usage(cert), KU_DIGITAL_SIGNATURE | KU_KEY_CERT_SIGN);
  EXPECT_EQ(X509_get_extended_key_usage(cert), XKU_SSL_SERVER | XKU_SSL_CLIENT);
  EXPECT_EQ(X509_check_issued(cert, cert), X509_V_OK);  // Self-signed.
  int days = 0;
  int seconds = 0;
  ASSERT_TRUE(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(cert),
                             X509_get0_notAfter(cert)));
  EXPECT_EQ(days, kDays);
  EXPECT_EQ(seconds, 0);
  std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>> serial(
      ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
  EXPECT_EQ(BN_num_bits(serial.get()), 128);
  EXPECT_THAT(pair.private_key_pem, HasSubstr("-----BEGIN PRIVATE KEY-----"));
}

TEST(SelfSignedTest, KeyMatchesCertificate) {
  const CertificatePair pair = MakePair();
  Certificate certificate = ParseCertificate(pair.certificate_pem);
  Key key = ParseKey(pair.private_key_pem);
  ASSERT_NE(certificate, nullptr);
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(EVP_PKEY_is_a(key.get(), "EC"));
  EXPECT_EQ(EVP_PKEY_get_bits(key.get()), 256);
  EXPECT_EQ(X509_check_private_key(certificate.get(), key.get()), 1);
  EXPECT_EQ(X509_verify(certificate.get(), key.get()), 1);
}

TEST(SelfSignedTest, EachCertificateHasItsOwnKeyAndSerial) {
  const CertificatePair first = MakePair();
  const CertificatePair second = MakePair();
  EXPECT_NE(first.private_key_pem, second.private_key_pem);
  Certificate a = ParseCertificate(first.certificate_pem);
  Certificate b = ParseCertificate(second.certificate_pem);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(ASN1_INTEGER_cmp(X509_get0_serialNumber(a.get()),
                             X509_get0_serialNumber(b.get())),
            0);
}

TEST(SelfSignedTest, RejectsBadArguments) {
  struct Case {
    std::vector<std::string> hosts;
    int days;
  };
  // In the order the checks run.
  const Case cases[] = {
      {{}, kDays},
      {std::vector<std::string>(kHostsMax + 1, "localhost"), kDays},
      {{"localhost", ""}, kDays},
      {{"localhost", std::string(kHostLengthMax + 1, 'a')}, kDays},
      {{"local host"}, kDays},
      {{"localhost\n"}, kDays},
      {{std::string(kCommonNameLengthMax + 1, 'a')}, kDays},
      {{"localhost"}, 0},
      {{"localhost"}, kValidityDaysMax + 1},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MakeSelfSignedCertificate(c.hosts, c.days).status().code(),
              absl::StatusCode::kInvalidArgument)
        << c.hosts.size() << " hosts, days " << c.days;
  }
}

TEST(SelfSignedTest, WritesKeyPrivatelyAndReadsBack) {
  TempDir dir;
  const CertificatePair pair = MakePair();
  const std::string certificate_path = dir.path() + "/server.crt";
  const std::string key_path = dir.path() + "/server.key";
  ASSERT_THAT(WriteCertificatePair(pair, certificate_path, key_path), IsOk());
  struct stat key_stat, certificate_stat;
  ASSERT_EQ(stat(key_path.c_str(), &key_stat), 0);
  ASSERT_EQ(stat(certificate_path.c_str(), &certificate_stat), 0);
  EXPECT_EQ(key_stat.st_mode & 0777, 0600u);
  EXPECT_EQ(certificate_stat.st_mode & 0777, 0644u);
  EXPECT_EQ(ReadPemFile(certificate_path).value_or(""), pair.certificate_pem);
  EXPECT_EQ(ReadPemFile(key_path).value_or(""), pair.private_key_pem);
}

TEST(SelfSignedTest, WriteNeverOverwritesKey) {
  TempDir dir;
  const CertificatePair first = MakePair();
  const std::string certificate_path = dir.path() + "/server.crt";
  const std::string key_path = dir.path() + "/server.key";
  ASSERT_THAT(WriteCertificatePair(first, certificate_path, key_path), IsOk());
  const absl::Status second =
      WriteCertificatePair(MakePair(), certificate_path, key_path);
  EXPECT_EQ(second.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(second.message(), HasSubstr(key_path));
  EXPECT_EQ(ReadPemFile(key_path).value_or(""), first.private_key_pem);
  EXPECT_EQ(ReadPemFile(certificate_path).value_or(""), first.certificate_pem);
}

TEST(SelfSignedTest, WriteReportsUnwritableFolder) {
  TempDir dir;
  const std::string missing = dir.path() + "/missing";
  const absl::Status status = WriteCertificatePair(
      MakePair(), missing + "/server.crt", missing + "/server.key");
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(status.message(), HasSubstr(missing + "/server.key"));
}

TEST(SelfSignedTest, ReadPemFileRejectsMissingAndNonPemFiles) {
  TempDir dir;
  const std::string missing = dir.path() + "/missing.pem";
  EXPECT_EQ(ReadPemFile(missing).status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(ReadPemFile(missing).status().message(), HasSubstr(missing));
  const std::string text = dir.path() + "/text.pem";
  std::ofstream(text) << "not a certificate\n";
  EXPECT_EQ(ReadPemFile(text).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// A gRPC server with the default health service, serving TLS with pair on a
// free loopback port.
class TlsServer {
 public:
  explicit TlsServer(const CertificatePair& pair) {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::SslServerCredentialsOptions options;
    options.pem_key_cert_pairs.push_back(
        {pair.private_key_pem, pair.certificate_pem});
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(options),
                             &port_);
    server_ = builder.BuildAndStart();
  }
  ~TlsServer() {
    if (server_ != nullptr) server_->Shutdown();
  }
  bool started() const { return server_ != nullptr && port_ > 0; }
  int port() const { return port_; }

 private:
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

// grpc.health.v1.Health/Check through a TLS channel to 127.0.0.1:port that
// trusts root_pem and checks the server's name is host. (127.0.0.1 with a
// name override rather than "localhost": c-ares leaks on name lookups.)
grpc::Status CheckHealth(int port, const std::string& root_pem,
                         const std::string& host,
                         grpc::health::v1::HealthCheckResponse* response) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = root_pem;
  grpc::ChannelArguments arguments;
  arguments.SetSslTargetNameOverride(host);
  auto stub = grpc::health::v1::Health::NewStub(
      grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", port),
                                grpc::SslCredentials(options), arguments));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(20));
  return stub->Check(&context, grpc::health::v1::HealthCheckRequest(),
                     response);
}

TEST(SelfSignedTest, GrpcClientTrustingCertificateReachesServer) {
  const CertificatePair pair = MakePair();
  TlsServer server(pair);
  ASSERT_TRUE(server.started());
  // By IP address and by name: both are subjectAltNames.
  for (const char* host : {"127.0.0.1", "localhost"}) {
    grpc::health::v1::HealthCheckResponse response;
    const grpc::Status status =
        CheckHealth(server.port(), pair.certificate_pem, host, &response);
    ASSERT_TRUE(status.ok()) << host << ": " << status.error_message();
    EXPECT_EQ(response.status(),
              grpc::health::v1::HealthCheckResponse::SERVING);
  }
}

TEST(SelfSignedTest, GrpcClientCheckingOtherNameIsRefused) {
  const CertificatePair pair = MakePair();
  TlsServer server(pair);
  ASSERT_TRUE(server.started());
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = CheckHealth(server.port(), pair.certificate_pem,
                                          "elsewhere.example", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

TEST(SelfSignedTest, GrpcClientTrustingOtherCertificateIsRefused) {
  TlsServer server(MakePair());
  ASSERT_TRUE(server.started());
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = CheckHealth(
      server.port(), MakePair().certificate_pem, "localhost", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

}  // namespace
}  // namespace welfare::tls
