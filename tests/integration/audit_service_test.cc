// AuditService over a real server: signed checkpoints that verify with the
// verifier key the server wrote, proofs that verify against them, entries
// streamed as their exact stored bytes, and a server that refuses to sign a
// tree that does not extend the last checkpoint it signed.
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/verify/checkpoint.h"
#include "clients/verify/merkle.h"
#include "clients/verify/note.h"
#include "grpcpp/grpcpp.h"
#include "services/audit/signing_key.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using welfare::verify::Hash;

constexpr char kFund[] = "funds/ban-audit";

class AuditServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Connect();
    v1::CreateFundRequest create;
    create.set_fund_id("ban-audit");
    create.mutable_fund()->set_display_name("กองทุนทดสอบการตรวจสอบ");
    create.mutable_fund()->set_area_code("330101");
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 10, 1);
    ASSERT_THAT(client_->CreateFund(create), IsOk());
    Donate(5);
  }

  // (Re)connects to the server's current port.
  void Connect() {
    client_ = server_.NewClient();
    audit_ = v1::AuditService::NewStub(server_.NewChannel());
  }

  void Donate(int count) {
    for (int i = 0; i < count; ++i) {
      v1::RecordContributionRequest request;
      request.set_parent(kFund);
      request.mutable_contribution()->set_source(
          v1::CONTRIBUTION_SOURCE_DONATION);
      request.mutable_contribution()->set_amount_satang(100 + i);
      ASSERT_THAT(client_->RecordContribution(request), IsOk());
    }
  }

  welfare::verify::NoteVerifier Verifier() {
    std::ifstream in(server_.data_dir() + "/checkpoint-verifier.key");
    std::string text((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    if (!text.empty() && text.back() == '\n') text.pop_back();
    auto verifier = welfare::verify::ParseVerifierKey(text);
    EXPECT_THAT(verifier, IsOk());
    return *verifier;
  }

  grpc::Status Checkpoint(v1::SignedCheckpoint* out) {
    grpc::ClientContext context;
    v1::GetCheckpointRequest request;
    request.set_fund(kFund);
    return audit_->GetCheckpoint(&context, request, out);
  }

  // The signed checkpoint, opened with the server's verifier key.
  welfare::verify::Checkpoint VerifiedCheckpoint() {
    v1::SignedCheckpoint signed_checkpoint;
    grpc::Status status = Checkpoint(&signed_checkpoint);
    EXPECT_TRUE(status.ok()) << status.error_message();
    auto text = welfare::verify::OpenNote(signed_checkpoint.note(), Verifier());
    EXPECT_THAT(text, IsOk());
    auto checkpoint = welfare::verify::ParseCheckpoint(*text);
    EXPECT_THAT(checkpoint, IsOk());
    return *checkpoint;
  }

  std::vector<v1::StoredEntry> Stream(uint64_t first, uint64_t tree_size,
                                      grpc::Status* status) {
    grpc::ClientContext context;
    v1::StreamEntriesRequest request;
    request.set_fund(kFund);
    request.set_first_sequence(first);
    request.set_tree_size(tree_size);
    auto reader = audit_->StreamEntries(&context, request);
    std::vector<v1::StoredEntry> entries;
    v1::StoredEntries chunk;
    while (reader->Read(&chunk)) {
      for (auto& entry : *chunk.mutable_entries()) {
        entries.push_back(std::move(entry));
      }
    }
    *status = reader->Finish();
    return entries;
  }

  Hash RootOf(const std::vector<v1::StoredEntry>& entries) {
    welfare::verify::TreeBuilder tree;
    for (const auto& entry : entries) {
      tree.Append(welfare::verify::LeafHash(entry.data()));
    }
    return tree.Root();
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  std::unique_ptr<v1::AuditService::Stub> audit_;
};

std::vector<std::string> ProofOf(
    const google::protobuf::RepeatedPtrField<std::string>& hashes) {
  return {hashes.begin(), hashes.end()};
}

TEST_F(AuditServiceTest, TheCheckpointIsSignedAndItsRootIsTheStreamedEntries) {
  const welfare::verify::Checkpoint checkpoint = VerifiedCheckpoint();
  EXPECT_EQ(checkpoint.origin, "welfare-ledger.local/funds/ban-audit");
  EXPECT_EQ(checkpoint.size, 6u);
  grpc::Status status;
  std::vector<v1::StoredEntry> entries = Stream(0, 0, &status);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(entries.size(), 6u);
  for (size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].sequence(), i + 1);
  }
  EXPECT_EQ(RootOf(entries), checkpoint.root);

  grpc::ClientContext context;
  v1::VerifierKey key;
  ASSERT_TRUE(audit_->GetVerifierKey(&context, {}, &key).ok());
  EXPECT_EQ(key.log_name(), "welfare-ledger.local");
  EXPECT_EQ(welfare::verify::ParseVerifierKey(key.verifier_key())->key_id,
            Verifier().key_id);
}

TEST_F(AuditServiceTest, ProofsVerifyAgainstSignedCheckpoints) {
  const welfare::verify::Checkpoint first = VerifiedCheckpoint();
  Donate(11);
  const welfare::verify::Checkpoint second = VerifiedCheckpoint();
  ASSERT_EQ(second.size, 17u);

  grpc::ClientContext context;
  v1::GetConsistencyProofRequest request;
  request.set_fund(kFund);
  request.set_first_tree_size(first.size);
  request.set_second_tree_size(second.size);
  v1::ConsistencyProof consistency;
  ASSERT_TRUE(
      audit_->GetConsistencyProof(&context, request, &consistency).ok());
  EXPECT_THAT(welfare::verify::VerifyConsistency(first.size, second.size,
                                                 ProofOf(consistency.hashes()),
                                                 first.root, second.root),
              IsOk());

  grpc::Status status;
  std::vector<v1::StoredEntry> entries = Stream(0, second.size, &status);
  ASSERT_EQ(entries.size(), second.size);
  for (const v1::StoredEntry& entry : entries) {
    grpc::ClientContext inclusion_context;
    v1::GetInclusionProofRequest inclusion_request;
    inclusion_request.set_fund(kFund);
    inclusion_request.set_sequence(entry.sequence());
    inclusion_request.set_tree_size(second.size);
    v1::InclusionProof proof;
    ASSERT_TRUE(
        audit_->GetInclusionProof(&inclusion_context, inclusion_request, &proof)
            .ok());
    EXPECT_EQ(proof.leaf_index(), entry.sequence() - 1);
    EXPECT_THAT(welfare::verify::VerifyInclusion(
                    proof.leaf_index(), second.size,
                    welfare::verify::LeafHash(entry.data()),
                    ProofOf(proof.hashes()), second.root),
                IsOk())
        << "entry " << entry.sequence();
  }
}

TEST_F(AuditServiceTest, StreamsAnyRangeOfEntries) {
  Donate(3);
  grpc::Status status;
  std::vector<v1::StoredEntry> all = Stream(0, 0, &status);
  ASSERT_EQ(all.size(), 9u);
  std::vector<v1::StoredEntry> middle = Stream(4, 7, &status);
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(middle.size(), 4u);
  for (size_t i = 0; i < middle.size(); ++i) {
    EXPECT_EQ(middle[i].sequence(), 4 + i);
    EXPECT_EQ(middle[i].data(), all[3 + i].data());
  }
  EXPECT_TRUE(Stream(10, 9, &status).empty());  // Nothing new: not an error.
  EXPECT_TRUE(status.ok());
}

// "<code> <reason>" of a finished call; the reason is the trailing metadata
// the server sends with every error.
std::string CodeAndReason(const grpc::Status& status,
                          const grpc::ClientContext& context) {
  const auto& trailers = context.GetServerTrailingMetadata();
  auto it = trailers.find("welfare-error-reason");
  const std::string reason =
      it == trailers.end() ? ""
                           : std::string(it->second.data(), it->second.size());
  return absl::StrCat(static_cast<int>(status.error_code()), " ", reason);
}

std::string Want(grpc::StatusCode code, absl::string_view reason) {
  return absl::StrCat(static_cast<int>(code), " ", reason);
}

TEST_F(AuditServiceTest, BadRequestsAreRefusedWithTheirReasons) {
  struct Checkpoint {
    const char* fund;
    std::string want;
  };
  for (const Checkpoint& c :
       {Checkpoint{"funds/no-such-fund",
                   Want(grpc::StatusCode::NOT_FOUND, "FUND_NOT_FOUND")},
        Checkpoint{"fund/ban-audit", Want(grpc::StatusCode::INVALID_ARGUMENT,
                                          "NAME_MALFORMED")}}) {
    grpc::ClientContext context;
    v1::GetCheckpointRequest request;
    request.set_fund(c.fund);
    v1::SignedCheckpoint out;
    grpc::Status status = audit_->GetCheckpoint(&context, request, &out);
    EXPECT_EQ(CodeAndReason(status, context), c.want) << c.fund;
  }
  const std::string required =
      Want(grpc::StatusCode::INVALID_ARGUMENT, "FIELD_REQUIRED");
  const std::string size_invalid =
      Want(grpc::StatusCode::INVALID_ARGUMENT, "TREE_SIZE_INVALID");
  struct Inclusion {
    uint64_t sequence, tree_size;
    std::string want;
  };
  for (const Inclusion& c :
       {Inclusion{0, 6, required}, Inclusion{7, 6, size_invalid},
        Inclusion{3, 7, size_invalid}, Inclusion{3, 0, required}}) {
    grpc::ClientContext context;
    v1::GetInclusionProofRequest request;
    request.set_fund(kFund);
    request.set_sequence(c.sequence);
    request.set_tree_size(c.tree_size);
    v1::InclusionProof out;
    grpc::Status status = audit_->GetInclusionProof(&context, request, &out);
    EXPECT_EQ(CodeAndReason(status, context), c.want)
        << c.sequence << " in " << c.tree_size;
  }
  struct Sizes {
    uint64_t first, second;
  };
  for (const Sizes& c : {Sizes{0, 6}, Sizes{5, 4}, Sizes{2, 7}}) {
    grpc::ClientContext context;
    v1::GetConsistencyProofRequest request;
    request.set_fund(kFund);
    request.set_first_tree_size(c.first);
    request.set_second_tree_size(c.second);
    v1::ConsistencyProof out;
    grpc::Status status = audit_->GetConsistencyProof(&context, request, &out);
    EXPECT_EQ(CodeAndReason(status, context), size_invalid)
        << c.first << " -> " << c.second;
  }
  grpc::ClientContext context;
  v1::StreamEntriesRequest request;
  request.set_fund(kFund);
  request.set_first_sequence(1);
  request.set_tree_size(99);
  auto reader = audit_->StreamEntries(&context, request);
  v1::StoredEntries chunk;
  EXPECT_FALSE(reader->Read(&chunk));
  grpc::Status status = reader->Finish();
  EXPECT_EQ(CodeAndReason(status, context), size_invalid);
}

TEST_F(AuditServiceTest, TheSameTreeGetsTheSameNoteAcrossRestarts) {
  v1::SignedCheckpoint before;
  ASSERT_TRUE(Checkpoint(&before).ok());
  server_.Restart();
  Connect();
  v1::SignedCheckpoint after;
  ASSERT_TRUE(Checkpoint(&after).ok());
  EXPECT_EQ(after.note(), before.note());
}

TEST_F(AuditServiceTest, RefusesToSignATreeThatDoesNotExtendItsLastCheckpoint) {
  v1::SignedCheckpoint signed_checkpoint;
  ASSERT_TRUE(Checkpoint(&signed_checkpoint).ok());
  // Rewrite the root of leaves 0..3 (a T-key): the tree of 6 entries the
  // server signed now has another root.
  server_.ChangeDatabase([](storage::Store& store) {
    ASSERT_TRUE(store.db()
                    ->Put(rocksdb::WriteOptions(),
                          store.handle(storage::Column::kTree),
                          storage::keys::TreeNode("ban-audit", 2, 0),
                          std::string(32, 'x'))
                    .ok());
  });
  Connect();
  Donate(1);
  v1::SignedCheckpoint refused;
  grpc::Status status = Checkpoint(&refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DATA_LOSS);
  EXPECT_NE(status.error_message().find("refusing to sign"), std::string::npos)
      << status.error_message();
}

TEST_F(AuditServiceTest, RefusesToSignAJournalShorterThanItsLastCheckpoint) {
  v1::SignedCheckpoint signed_checkpoint;
  ASSERT_TRUE(Checkpoint(&signed_checkpoint).ok());
  server_.ChangeDatabase([](storage::Store& store) {
    ASSERT_TRUE(store.db()
                    ->Delete(rocksdb::WriteOptions(),
                             store.handle(storage::Column::kJournal),
                             storage::keys::Entry("ban-audit", 6))
                    .ok());
    ASSERT_TRUE(store.db()
                    ->Delete(rocksdb::WriteOptions(),
                             store.handle(storage::Column::kTree),
                             storage::keys::TreeNode("ban-audit", 0, 5))
                    .ok());
  });
  Connect();
  v1::SignedCheckpoint refused;
  EXPECT_EQ(Checkpoint(&refused).error_code(), grpc::StatusCode::DATA_LOSS);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

TEST(SigningKeyTest, IsCreatedSecretThenLoadedAndItsPublicKeyExported) {
  TempDir dir;
  const std::string key = dir.path() + "/signing.key";
  const std::string public_key = dir.path() + "/verifier.key";
  EXPECT_THAT(audit::LoadOrCreateSigningKey(key, "log.example", false, ""),
              ::testing::Not(IsOk()));
  auto created =
      audit::LoadOrCreateSigningKey(key, "log.example", true, public_key);
  ASSERT_THAT(created, IsOk());
  struct stat info;
  ASSERT_EQ(::stat(key.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(ReadFile(public_key), created->VerifierKey() + "\n");

  auto loaded = audit::LoadOrCreateSigningKey(key, "log.example", true, "");
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ(loaded->public_key(), created->public_key());
  // Another log name would change every origin: refused.
  EXPECT_EQ(audit::LoadOrCreateSigningKey(key, "other.example", true, "")
                .status()
                .code(),
            absl::StatusCode::kFailedPrecondition);
  std::ofstream(key) << "PRIVATE+KEY+log.example+00000000+AQ==\n";
  EXPECT_EQ(audit::LoadOrCreateSigningKey(key, "log.example", true, "")
                .status()
                .code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace welfare::testing
