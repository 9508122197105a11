#include "services/tls/self_signed.h"

#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace welfare::tls {
namespace {

// An OpenSSL object freed by its own free function.
template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* object) const { Free(object); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using Bio = Owned<BIO, BIO_free_all>;
using Certificate = Owned<X509, X509_free>;
using Key = Owned<EVP_PKEY, EVP_PKEY_free>;

constexpr long kClockSkewSeconds = 3600;
constexpr int kSerialBits = 128;

// INTERNAL with the first error on OpenSSL's queue, which it empties.
absl::Status OpenSslError(absl::string_view what) {
  char text[256] = "no error queued";
  if (unsigned long code = ERR_get_error(); code != 0) {
    ERR_error_string_n(code, text, sizeof text);
  }
  ERR_clear_error();
  return absl::InternalError(absl::StrCat("OpenSSL cannot ", what, ": ", text));
}

absl::Status CheckArguments(const std::vector<std::string>& hosts, int days) {
  if (hosts.empty() || hosts.size() > kHostsMax) {
    return absl::InvalidArgumentError(
        absl::StrCat("hosts: ", hosts.size(), " given, want 1..", kHostsMax));
  }
  for (const std::string& host : hosts) {
    if (host.empty() || host.size() > kHostLengthMax) {
      return absl::InvalidArgumentError(
          absl::StrCat("host \"", host, "\": ", host.size(),
                       " characters, want 1..", kHostLengthMax));
    }
    for (char c : host) {
      if (c <= ' ' || c > '~') {
        return absl::InvalidArgumentError(absl::StrCat(
            "host \"", host, "\": want printable ASCII without spaces"));
      }
    }
  }
  if (hosts[0].size() > kCommonNameLengthMax) {
    return absl::InvalidArgumentError(
        absl::StrCat("first host \"", hosts[0], "\" (the CN): want at most ",
                     kCommonNameLengthMax, " characters"));
  }
  if (days < 1 || days > kValidityDaysMax) {
    return absl::InvalidArgumentError(
        absl::StrCat("days: ", days, ", want 1..", kValidityDaysMax));
  }
  return absl::OkStatus();
}

// The extensions other than subjectAltName, in OpenSSL's config syntax.
struct ExtensionText {
  int nid;
  const char* value;
};
constexpr ExtensionText kExtensions[] = {
    {NID_basic_constraints, "critical,CA:TRUE"},
    {NID_key_usage, "critical,digitalSignature,keyCertSign"},
    {NID_ext_key_usage, "serverAuth,clientAuth"},
    {NID_subject_key_identifier, "hash"},
    {NID_authority_key_identifier, "keyid:always"},  // After the one above.
};

absl::Status AddExtensions(X509* certificate) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
  for (const ExtensionText& text : kExtensions) {
    Owned<X509_EXTENSION, X509_EXTENSION_free> extension(
        X509V3_EXT_conf_nid(nullptr, &context, text.nid, text.value));
    if (extension == nullptr ||
        !X509_add_ext(certificate, extension.get(), -1)) {
      return OpenSslError(absl::StrCat("add extension ", text.value));
    }
  }
  return absl::OkStatus();
}

// subjectAltName: IP:<address> for IP literals, DNS:<name> otherwise. Built
// as structures, not config text, so that no host is parsed as syntax.
absl::Status AddAltNames(X509* certificate,
                         const std::vector<std::string>& hosts) {
  Owned<GENERAL_NAMES, GENERAL_NAMES_free> names(sk_GENERAL_NAME_new_null());
  if (names == nullptr) return OpenSslError("allocate names");
  for (const std::string& host : hosts) {
    Owned<GENERAL_NAME, GENERAL_NAME_free> name(GENERAL_NAME_new());
    if (name == nullptr) return OpenSslError("allocate a name");
    if (ASN1_OCTET_STRING* address = a2i_IPADDRESS(host.c_str())) {
      GENERAL_NAME_set0_value(name.get(), GEN_IPADD, address);
    } else {
      ASN1_IA5STRING* dns = ASN1_IA5STRING_new();
      if (dns == nullptr) return OpenSslError("allocate a DNS name");
      GENERAL_NAME_set0_value(name.get(), GEN_DNS, dns);
      if (!ASN1_STRING_set(dns, host.data(), static_cast<int>(host.size()))) {
        return OpenSslError("set a DNS name");
      }
    }
    if (!sk_GENERAL_NAME_push(names.get(), name.get())) {
      return OpenSslError("add a name");
    }
    name.release();  // Owned by names now.
  }
  if (!X509_add1_ext_i2d(certificate, NID_subject_alt_name, names.get(), 0,
                         X509V3_ADD_DEFAULT)) {
    return OpenSslError("add subjectAltName");
  }
  return absl::OkStatus();
}

// Everything but the extensions: version, serial, validity, names, key.
absl::Status SetFields(X509* certificate, EVP_PKEY* key,
                       const std::string& common_name, int days) {
  Owned<BIGNUM, BN_free> serial(BN_new());
  time_t now = std::time(nullptr);
  X509_NAME* subject = X509_get_subject_name(certificate);
  const bool set =
      X509_set_version(certificate, X509_VERSION_3) && serial != nullptr &&
      BN_rand(serial.get(), kSerialBits, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) &&
      BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) &&
      X509_time_adj_ex(X509_getm_notBefore(certificate), 0, -kClockSkewSeconds,
                       &now) &&
      X509_time_adj_ex(X509_getm_notAfter(certificate), days,
                       -kClockSkewSeconds, &now) &&
      X509_NAME_add_entry_by_txt(
          subject, "CN", MBSTRING_UTF8,
          reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
          0) &&
      X509_set_issuer_name(certificate, subject) &&
      X509_set_pubkey(certificate, key);
  return set ? absl::OkStatus() : OpenSslError("set certificate fields");
}

// The PEM that write(bio) puts in a memory BIO.
template <typename Write>
absl::StatusOr<std::string> ToPem(absl::string_view what, Write write) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr || !write(bio.get())) return OpenSslError(what);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  return absl::UnavailableError(
      absl::StrCat("cannot ", what, " ", path, ": ", std::strerror(errno)));
}

absl::Status WriteAll(int fd, const std::string& data,
                      const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return ErrnoError("write", path);
    done += static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

// Writes data to path with mode (exactly, whatever the umask) and fsyncs it.
// exclusive: fail with ALREADY_EXISTS rather than replace a file.
absl::Status WriteFile(const std::string& path, const std::string& data,
                       mode_t mode, bool exclusive) {
  const int flags =
      O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC);
  const int fd = ::open(path.c_str(), flags, mode);
  if (fd < 0 && errno == EEXIST && exclusive) {
    return absl::AlreadyExistsError(
        absl::StrCat(path, " already exists; a key is never overwritten"));
  }
  if (fd < 0) return ErrnoError("create", path);
  absl::Status status = WriteAll(fd, data, path);
  if (status.ok() && ::fchmod(fd, mode) != 0)
    status = ErrnoError("chmod", path);
  if (status.ok() && ::fsync(fd) != 0) status = ErrnoError("fsync", path);
  if (::close(fd) != 0 && status.ok()) status = ErrnoError("close", path);
  return status;
}

}  // namespace

absl::StatusOr<CertificatePair> MakeSelfSignedCertificate(
    const std::vector<std::string>& hosts, int days) {
  if (absl::Status status = CheckArguments(hosts, days); !status.ok()) {
    return status;
  }
  ERR_clear_error();
  Key key(EVP_EC_gen("P-256"));
  if (key == nullptr) return OpenSslError("generate a P-256 key");
  Certificate certificate(X509_new());
  if (certificate == nullptr) return OpenSslError("allocate a certificate");
  X509* cert = certificate.get();
  absl::Status status = SetFields(cert, key.get(), hosts[0], days);
  if (status.ok()) status = AddAltNames(cert, hosts);
  if (status.ok()) status = AddExtensions(cert);
  if (!status.ok()) return status;
  if (X509_sign(cert, key.get(), EVP_sha256()) <= 0) {
    return OpenSslError("sign the certificate");
  }
  CertificatePair pair;
  absl::StatusOr<std::string> pem =
      ToPem("write the certificate",
            [&](BIO* bio) { return PEM_write_bio_X509(bio, cert); });
  if (!pem.ok()) return pem.status();
  pair.certificate_pem = *std::move(pem);
  pem = ToPem("write the key", [&](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0,
                                    nullptr, nullptr);
  });
  if (!pem.ok()) return pem.status();
  pair.private_key_pem = *std::move(pem);
  return pair;
}

absl::Status WriteCertificatePair(const CertificatePair& pair,
                                  const std::string& certificate_path,
                                  const std::string& key_path) {
  absl::Status status = WriteFile(key_path, pair.private_key_pem, 0600,
                                  /*exclusive=*/true);
  if (!status.ok()) return status;
  return WriteFile(certificate_path, pair.certificate_pem, 0644,
                   /*exclusive=*/false);
}

absl::StatusOr<std::string> ReadPemFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    return absl::NotFoundError(absl::StrCat("no PEM file ", path));
  }
  if (fd < 0) return ErrnoError("open", path);
  std::string text;
  absl::Status status;
  char buffer[4096];
  while (status.ok()) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) status = ErrnoError("read", path);
    if (n <= 0) break;
    if (text.size() + static_cast<size_t>(n) > kPemFileBytesMax) {
      status = absl::InvalidArgumentError(
          absl::StrCat(path, " is larger than ", kPemFileBytesMax,
                       " bytes: not a PEM file"));
    }
    text.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  if (!status.ok()) return status;
  if (text.find("-----BEGIN") == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, " holds no \"-----BEGIN\": not a PEM file"));
  }
  return text;
}

}  // namespace welfare::tls
