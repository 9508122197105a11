// The audit client's reading of a journal a server streams to it
// (clients/audit/entry_fold.h, ledger_model.h): the entry bytes come from a
// server that is not trusted, so whatever it sends, the fold must only ever
// report findings.
//
//   input := chunk*
//   chunk := mode:u8 size:u16le bytes[size]   (size is cut to what is left)
//
// Chunk i is entry sequence i. With mode's low bit set the bytes are made a
// well-formed link of the chain first, so that the LedgerModel's rules see
// them: parsed as an EntryRecord (the chunk is skipped if they do not
// parse), given format 1, the fund id, sequence i and the previous entry's
// chain hash, and serialized again. Otherwise they go to the fold as they
// are (and a gap or a broken chain is a finding too). The fold stops at
// the first entry it cannot follow. Afterwards its state (SaveTo) must
// resume (EntryFold::Resume) into a fold with the same tree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/audit/entry_fold.h"
#include "clients/audit/findings.h"
#include "clients/audit/ledger_model.h"
#include "clients/audit/state.pb.h"
#include "clients/verify/merkle.h"
#include "google/protobuf/stubs/logging.h"
#include "storage/status_macros.h"
#include "welfare/storage/v1/records.pb.h"

namespace {

namespace auditor = welfare::auditor;

constexpr char kFundId[] = "fuzz-fund";
constexpr uint8_t kMakeChained = 1;

absl::StatusOr<auditor::EntryRecord> NoEarlier(uint64_t sequence) {
  return absl::NotFoundError("no entries before the fold's first");
}

// The next chunk of input, or false at its end.
bool NextChunk(absl::string_view& input, uint8_t* mode,
               absl::string_view* bytes) {
  if (input.size() < 3) return false;
  *mode = static_cast<uint8_t>(input[0]);
  const size_t size = static_cast<uint8_t>(input[1]) |
                      static_cast<size_t>(static_cast<uint8_t>(input[2])) << 8;
  input.remove_prefix(3);
  *bytes = input.substr(0, size);
  input.remove_prefix(bytes->size());
  return true;
}

}  // namespace

// Protobuf logs every string field of invalid UTF-8 it refuses to parse;
// the refusal is all that matters here.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::string_view input(reinterpret_cast<const char*>(data), size);
  auditor::EntryFold fold(kFundId, &NoEarlier);
  auditor::Findings findings(kFundId);
  std::string previous_hash(welfare::verify::kHashSize, '\0');
  uint8_t mode = 0;
  absl::string_view bytes;
  while (NextChunk(input, &mode, &bytes)) {
    const uint64_t sequence = fold.size() + 1;
    std::string entry(bytes);
    if (mode & kMakeChained) {
      auditor::EntryRecord record;
      if (!record.ParseFromString(entry)) continue;
      record.set_format_version(auditor::kEntryFormatVersion);
      record.set_fund_id(kFundId);
      record.set_sequence(sequence);
      record.set_previous_hash(previous_hash);
      entry = record.SerializeAsString();
    }
    const absl::StatusOr<auditor::EntryFold::Step> step =
        fold.Add(sequence, entry, findings);
    if (!step.ok() || *step == auditor::EntryFold::Step::kStop) break;
    previous_hash = welfare::verify::ToBytes(auditor::ChainHash(entry));
  }
  welfare::auditor::v1::FundState state;
  fold.SaveTo(&state);
  absl::StatusOr<auditor::EntryFold> resumed =
      auditor::EntryFold::Resume(state, &NoEarlier);
  WELFARE_CHECK(resumed.ok());
  WELFARE_CHECK(resumed->size() == fold.size() &&
                resumed->Root() == fold.Root());
  return 0;
}
