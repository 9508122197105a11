// Self-signed TLS certificates for test setups: an ECDSA P-256 key and an
// X.509 v3 certificate signed by that key, in PEM, and the files that hold
// them. Not for production: nothing here rotates, revokes or protects keys
// beyond file modes.
//
// All functions are thread-safe.
#ifndef WELFARE_SERVICES_TLS_SELF_SIGNED_H_
#define WELFARE_SERVICES_TLS_SELF_SIGNED_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace welfare::tls {

// A certificate and its private key, both PEM ("-----BEGIN CERTIFICATE-----"
// and an unencrypted PKCS#8 "-----BEGIN PRIVATE KEY-----").
struct CertificatePair {
  std::string certificate_pem;
  std::string private_key_pem;
};

// Limits on MakeSelfSignedCertificate's arguments.
inline constexpr int kValidityDaysMax = 3650;
inline constexpr size_t kHostsMax = 100;
inline constexpr size_t kHostLengthMax = 253;       // A DNS name's limit.
inline constexpr size_t kCommonNameLengthMax = 64;  // X.520's ub-common-name.

// Makes a new ECDSA P-256 key and an X.509 v3 certificate signed by itself:
// valid from one hour ago (clock skew) for `days` days; subject CN = hosts[0];
// subjectAltName = every host, as IP:<address> for an IPv4 or IPv6 literal
// and DNS:<name> otherwise; critical basicConstraints CA:TRUE (so a client
// can use the certificate itself as its CA file); critical keyUsage
// digitalSignature, keyCertSign; extendedKeyUsage serverAuth, clientAuth;
// a random 128-bit serial number; signed with SHA-256.
//
// INVALID_ARGUMENT, checked in this order: no hosts or more than kHostsMax;
// a host that is empty, longer than kHostLengthMax, or not printable ASCII
// without spaces; hosts[0] longer than kCommonNameLengthMax; days outside
// 1..kValidityDaysMax. INTERNAL if OpenSSL fails (with its error text).
absl::StatusOr<CertificatePair> MakeSelfSignedCertificate(
    const std::vector<std::string>& hosts, int days);

// Writes pair.private_key_pem to a new file at key_path (mode 0600, created
// with O_EXCL: an existing file is never overwritten, ALREADY_EXISTS naming
// the path), then pair.certificate_pem to certificate_path (mode 0644,
// replacing any file there); both are fsynced. The key is written first, so
// ALREADY_EXISTS leaves both files untouched. UNAVAILABLE naming the path,
// with strerror, on any other I/O error (a key already written stays).
absl::Status WriteCertificatePair(const CertificatePair& pair,
                                  const std::string& certificate_path,
                                  const std::string& key_path);

// Limit on the files ReadPemFile reads.
inline constexpr size_t kPemFileBytesMax = 1 << 20;

// Returns the whole content of the PEM file at path. NOT_FOUND if there is
// no such file; UNAVAILABLE on another I/O error (with strerror);
// INVALID_ARGUMENT if it is larger than kPemFileBytesMax or holds no
// "-----BEGIN". Every error names the path. The PEM itself is not parsed.
absl::StatusOr<std::string> ReadPemFile(const std::string& path);

}  // namespace welfare::tls

#endif  // WELFARE_SERVICES_TLS_SELF_SIGNED_H_
