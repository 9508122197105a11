// Signed notes: the known answer of golang.org/x/mod/sumdb/note, round
// trips, and each rejection with its documented code.
#include "clients/verify/note.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"

namespace welfare::verify {
namespace {

using absl::StatusCode;

// From the package documentation and tests of golang.org/x/mod/sumdb/note.
constexpr char kPeterVerifierKey[] =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr char kPeterSignerKey[] =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+"
    "Y7hfZx09iUvxdXHKDFz";
constexpr char kPeterText[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr char kPeterNote[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
    "\n"
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnA"
    "M=\n";

NoteVerifier PeterVerifier() { return *ParseVerifierKey(kPeterVerifierKey); }

TEST(VerifyNoteTest, ReproducesTheGoKnownAnswer) {
  absl::StatusOr<NoteVerifier> verifier = ParseVerifierKey(kPeterVerifierKey);
  ASSERT_TRUE(verifier.ok()) << verifier.status();
  EXPECT_EQ(verifier->name, "PeterNeumann");
  EXPECT_EQ(verifier->key_id, 0xc74f20a3u);
  EXPECT_EQ(KeyId(verifier->name, verifier->public_key), 0xc74f20a3u);
  EXPECT_EQ(FormatVerifierKey(verifier->name, verifier->public_key),
            kPeterVerifierKey);

  absl::StatusOr<NoteSigner> signer =
      NoteSigner::FromSignerKey(kPeterSignerKey);
  ASSERT_TRUE(signer.ok()) << signer.status();
  EXPECT_EQ(signer->VerifierKey(), kPeterVerifierKey);
  EXPECT_EQ(signer->SignerKey(), kPeterSignerKey);
  absl::StatusOr<std::string> note = signer->Sign(kPeterText);
  ASSERT_TRUE(note.ok()) << note.status();
  EXPECT_EQ(*note, kPeterNote);  // Ed25519 is deterministic

  // The same key from its seed (the signer key's bytes after 0x01).
  std::string typed_seed;
  ASSERT_TRUE(absl::Base64Unescape(
      "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz", &typed_seed));
  absl::StatusOr<NoteSigner> from_seed =
      NoteSigner::FromSeed("PeterNeumann", typed_seed.substr(1));
  ASSERT_TRUE(from_seed.ok());
  EXPECT_EQ(from_seed->Sign(kPeterText).value_or(""), kPeterNote);

  absl::StatusOr<std::string> text = OpenNote(kPeterNote, *verifier);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, kPeterText);
}

// As Go's TestNewVerifier: every proper substring and every single-byte
// change of the key is refused.
TEST(VerifyNoteTest, ParseVerifierKeyRefusesEveryMangling) {
  const std::string key = kPeterVerifierKey;
  for (size_t i = 0; i <= key.size(); ++i) {
    for (size_t j = i + 1; j <= key.size(); ++j) {
      if (i == 0 && j == key.size()) continue;
      EXPECT_FALSE(ParseVerifierKey(key.substr(i, j - i)).ok())
          << key.substr(i, j - i);
    }
  }
  for (size_t i = 0; i < key.size(); ++i) {
    std::string changed = key;
    ++changed[i];
    EXPECT_EQ(ParseVerifierKey(changed).status().code(),
              StatusCode::kInvalidArgument)
        << changed;
  }
  // A right key id for a key of the wrong type or length.
  const std::string public_key = PeterVerifier().public_key;
  const std::string long_key = public_key + "x";
  EXPECT_FALSE(
      ParseVerifierKey(FormatVerifierKey("PeterNeumann", long_key)).ok());
}

TEST(VerifyNoteTest, SignAndOpenRoundTrip) {
  absl::StatusOr<NoteSigner> signer =
      NoteSigner::Generate("welfare.example/ledger");
  ASSERT_TRUE(signer.ok()) << signer.status();
  absl::StatusOr<NoteVerifier> verifier =
      ParseVerifierKey(signer->VerifierKey());
  ASSERT_TRUE(verifier.ok()) << verifier.status();
  for (const char* text :
       {"one line\n", "ข้อความภาษาไทย\n\nafter a blank line\n",
        "ends in a blank line\n\n", "\n"}) {
    absl::StatusOr<std::string> note = signer->Sign(text);
    ASSERT_TRUE(note.ok()) << note.status();
    absl::StatusOr<std::string> opened = OpenNote(*note, *verifier);
    ASSERT_TRUE(opened.ok()) << opened.status();
    EXPECT_EQ(*opened, text);
  }
}

TEST(VerifyNoteTest, SignRefusesWhatCannotBeANote) {
  const NoteSigner signer = *NoteSigner::FromSignerKey(kPeterSignerKey);
  for (const std::string& text :
       {std::string(""), std::string("no newline"), std::string("tab\there\n"),
        std::string("bad \xFF utf-8\n"), std::string(kMaxNoteBytes, '\n')}) {
    EXPECT_EQ(signer.Sign(text).status().code(), StatusCode::kInvalidArgument)
        << absl::CHexEscape(text.substr(0, 20));
  }
  EXPECT_EQ(
      NoteSigner::FromSeed("has space", std::string(32, 'k')).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(
      NoteSigner::FromSeed("plus+name", std::string(32, 'k')).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(NoteSigner::FromSeed("name", std::string(31, 'k')).status().code(),
            StatusCode::kInvalidArgument);
}

// The signature line of a note signed by signer, for building notes.
std::string SignatureLineOf(const NoteSigner& signer, const std::string& text) {
  const std::string note = *signer.Sign(text);
  return note.substr(text.size() + 1);
}

TEST(VerifyNoteTest, OpenRejectsEachFaultWithItsCode) {
  const NoteSigner peter = *NoteSigner::FromSignerKey(kPeterSignerKey);
  const NoteSigner other = *NoteSigner::Generate("other.example");
  const NoteSigner impostor_name =  // same name, another key (another id)
      *NoteSigner::FromSeed("PeterNeumann", std::string(32, 'i'));
  const NoteVerifier verifier = PeterVerifier();
  const std::string text = kPeterText;
  const std::string good_line = SignatureLineOf(peter, text);
  const std::string other_line = SignatureLineOf(other, text);

  // A signature line by Peter's key id under another name.
  NoteVerifier renamed = verifier;
  renamed.name = "PeterNeumanm";
  const std::string wrong_name_line =
      absl::StrReplaceAll(good_line, {{"PeterNeumann", "PeterNeumanm"}});
  // Peter's name with a flipped key id (and Peter's signature bytes).
  std::string decoded;
  ASSERT_TRUE(absl::Base64Unescape(
      good_line.substr(good_line.rfind(' ') + 1,
                       good_line.size() - good_line.rfind(' ') - 2),
      &decoded));
  std::string wrong_id = decoded;
  wrong_id[0] ^= 0x01;
  std::string wrong_signature = decoded;
  wrong_signature[10] ^= 0x01;
  const auto line_with = [](const std::string& name, const std::string& bytes) {
    return absl::StrCat("\xE2\x80\x94 ", name, " ", absl::Base64Escape(bytes),
                        "\n");
  };

  const struct {
    const char* what;
    std::string note;
    StatusCode want;
  } kCases[] = {
      {"good", text + "\n" + good_line, StatusCode::kOk},
      {"good among others", text + "\n" + other_line + good_line + other_line,
       StatusCode::kOk},
      {"tampered text",
       absl::StrReplaceAll(text, {{"cryptography", "cryptographY"}}) + "\n" +
           good_line,
       StatusCode::kUnauthenticated},
      {"tampered signature",
       text + "\n" + line_with("PeterNeumann", wrong_signature),
       StatusCode::kUnauthenticated},
      {"a bad signature beside a good one",
       text + "\n" + good_line + line_with("PeterNeumann", wrong_signature),
       StatusCode::kUnauthenticated},
      {"short signature",
       text + "\n" + line_with("PeterNeumann", decoded.substr(0, 40)),
       StatusCode::kUnauthenticated},
      {"wrong key id", text + "\n" + line_with("PeterNeumann", wrong_id),
       StatusCode::kNotFound},
      {"wrong name", text + "\n" + wrong_name_line, StatusCode::kNotFound},
      {"same name, another key",
       text + "\n" + SignatureLineOf(impostor_name, text),
       StatusCode::kNotFound},
      {"unknown key only", text + "\n" + other_line, StatusCode::kNotFound},
      {"missing blank line", text + good_line, StatusCode::kInvalidArgument},
      {"no signatures", text + "\n", StatusCode::kInvalidArgument},
      {"no final newline",
       text + "\n" + good_line.substr(0, good_line.size() - 1),
       StatusCode::kInvalidArgument},
      {"bad base64",
       text + "\n" + absl::StrReplaceAll(good_line, {{"x08go", "x08g!"}}),
       StatusCode::kInvalidArgument},
      {"unpadded base64",
       text + "\n" + absl::StrReplaceAll(good_line, {{"=\n", "\n"}}),
       StatusCode::kInvalidArgument},
      {"bad line by an unknown key",
       text + "\n" + good_line + "\xE2\x80\x94 other.example !!!!\n",
       StatusCode::kInvalidArgument},
      {"hyphen for em dash",
       text + "\n" + absl::StrReplaceAll(good_line, {{"\xE2\x80\x94", "-"}}),
       StatusCode::kInvalidArgument},
      {"4-byte signature",
       text + "\n" + line_with("PeterNeumann", "\xc7O \xa3"),
       StatusCode::kInvalidArgument},
      {"control character", "tab\there\n\n" + good_line,
       StatusCode::kInvalidArgument},
      {"invalid UTF-8", "\xC3\x28\n\n" + good_line,
       StatusCode::kInvalidArgument},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(OpenNote(c.note, verifier).status().code(), c.want) << c.what;
  }
  // A verifier whose key id does not belong to its name and key.
  EXPECT_EQ(OpenNote(text + "\n" + wrong_name_line, renamed).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(VerifyNoteTest, OpenLimitsTheSignatureLines) {
  const NoteSigner peter = *NoteSigner::FromSignerKey(kPeterSignerKey);
  const NoteSigner other = *NoteSigner::FromSeed("other", std::string(32, 'o'));
  const std::string other_line = SignatureLineOf(other, kPeterText);
  const std::string good_line = SignatureLineOf(peter, kPeterText);
  std::string note = std::string(kPeterText) + "\n";
  for (size_t i = 1; i < kMaxNoteSignatures; ++i) note += other_line;
  EXPECT_TRUE(OpenNote(note + good_line, PeterVerifier()).ok());
  EXPECT_EQ(
      OpenNote(note + other_line + good_line, PeterVerifier()).status().code(),
      StatusCode::kInvalidArgument);
}

TEST(VerifyNoteTest, SignerCopiesAndMovesKeepWorkingAcrossThreads) {
  const NoteSigner original = *NoteSigner::FromSignerKey(kPeterSignerKey);
  NoteSigner copy = original;
  NoteSigner moved = std::move(copy);
  EXPECT_EQ(moved.Sign(kPeterText).value_or(""), kPeterNote);
  // Moving copies: the moved-from signer still signs.
  EXPECT_EQ(copy.Sign(kPeterText).value_or(""), kPeterNote);  // NOLINT
  std::vector<std::string> notes(4);
  std::vector<std::thread> threads;
  for (std::string& note : notes) {
    threads.emplace_back([&moved, &note] {
      for (int i = 0; i < 50; ++i) note = moved.Sign(kPeterText).value_or("");
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& note : notes) EXPECT_EQ(note, kPeterNote);
}

}  // namespace
}  // namespace welfare::verify
