// Signed notes and checkpoints (clients/verify/note.h, checkpoint.h): the
// input is the text of a note as a server would send it.
//
//   OpenNote          with a fixed Ed25519 key ("welfare.example/fuzz");
//                     a note it opens must hold a checkpoint that
//                     round-trips if its text parses as one.
//   ParseCheckpoint   of the input itself: what parses must format back
//                     into exactly the input (the grammar is strict).
//   NoteSigner::Sign  of the input: the note must open again to exactly
//                     the input, and to nothing under another key.
//   ParseVerifierKey, NoteSigner::FromSignerKey
//                     of the input: a key that parses must format back
//                     into exactly the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/verify/checkpoint.h"
#include "clients/verify/note.h"
#include "storage/status_macros.h"

namespace {

using welfare::verify::Checkpoint;
using welfare::verify::NoteSigner;
using welfare::verify::NoteVerifier;

// Ed25519 seeds: the key notes are opened with, and another one.
constexpr char kSeed[] = "welfare-fuzz-note-key-seed-00001";
constexpr char kOtherSeed[] = "welfare-fuzz-note-key-seed-00002";

struct Keys {
  NoteSigner signer;
  NoteVerifier verifier;
  NoteVerifier other;
};

const Keys& TheKeys() {
  static const Keys* const keys = [] {
    absl::StatusOr<NoteSigner> signer =
        NoteSigner::FromSeed("welfare.example/fuzz", kSeed);
    absl::StatusOr<NoteSigner> other =
        NoteSigner::FromSeed("welfare.example/fuzz", kOtherSeed);
    WELFARE_CHECK(signer.ok() && other.ok());
    absl::StatusOr<NoteVerifier> verifier =
        welfare::verify::ParseVerifierKey(signer->VerifierKey());
    absl::StatusOr<NoteVerifier> other_verifier =
        welfare::verify::ParseVerifierKey(other->VerifierKey());
    WELFARE_CHECK(verifier.ok() && other_verifier.ok());
    return new Keys{*signer, *verifier, *other_verifier};
  }();
  return *keys;
}

// A checkpoint that parses must be exactly what formatting it gives.
void CheckCheckpoint(absl::string_view text) {
  absl::StatusOr<Checkpoint> checkpoint =
      welfare::verify::ParseCheckpoint(text);
  if (!checkpoint.ok()) {
    WELFARE_CHECK(checkpoint.status().code() ==
                  absl::StatusCode::kInvalidArgument);
    return;
  }
  WELFARE_CHECK(welfare::verify::FormatCheckpoint(*checkpoint) == text);
}

void CheckOpen(absl::string_view note) {
  absl::StatusOr<std::string> text =
      welfare::verify::OpenNote(note, TheKeys().verifier);
  if (!text.ok()) return;
  WELFARE_CHECK(!text->empty() && text->back() == '\n');
  WELFARE_CHECK(note.substr(0, text->size()) == *text);
  CheckCheckpoint(*text);
}

void CheckSign(absl::string_view text) {
  absl::StatusOr<std::string> note = TheKeys().signer.Sign(text);
  if (!note.ok()) return;
  absl::StatusOr<std::string> opened =
      welfare::verify::OpenNote(*note, TheKeys().verifier);
  WELFARE_CHECK(opened.ok() && *opened == text);
  WELFARE_CHECK(
      welfare::verify::OpenNote(*note, TheKeys().other).status().code() ==
      absl::StatusCode::kNotFound);
}

void CheckKeys(absl::string_view text) {
  absl::StatusOr<NoteVerifier> verifier =
      welfare::verify::ParseVerifierKey(text);
  if (verifier.ok()) {
    WELFARE_CHECK(welfare::verify::FormatVerifierKey(
                      verifier->name, verifier->public_key) == text);
  }
  absl::StatusOr<NoteSigner> signer = NoteSigner::FromSignerKey(text);
  if (signer.ok()) WELFARE_CHECK(signer->SignerKey() == text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  CheckOpen(input);
  CheckCheckpoint(input);
  CheckSign(input);
  CheckKeys(input);
  return 0;
}
