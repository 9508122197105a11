// The auditor against servers that lie. A proxy speaks the same gRPC API as
// welfared and forwards every call to a real server, then falsifies one kind
// of answer; each lie must be rejected with its own finding. Proofs are
// forged in the middle, not at the ends: a verifier that checks only the
// first and last hashes would accept them. Then the real thing: entries
// changed or deleted directly in RocksDB while the server is stopped.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/audit/auditor.h"
#include "clients/verify/merkle.h"
#include "grpcpp/grpcpp.h"
#include "services/server/server.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/audit/findings_matchers.h"
#include "tests/audit/fund_writer.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"
#include "welfare/ledger/v1/funds.grpc.pb.h"
#include "welfare/ledger/v1/ledger.grpc.pb.h"
#include "welfare/ledger/v1/members.grpc.pb.h"

namespace welfare::auditor::testing {
namespace {

namespace api = welfare::ledger::v1;
using ::testing::Contains;
using welfare::testing::TempDir;
using welfare::testing::TestServer;

constexpr char kFundId[] = "ban-khok-lam";

enum class Lie {
  kNone,
  kInclusionProofMiddle,    // one middle hash of an inclusion proof changed
  kConsistencyProofMiddle,  // one middle hash of a consistency proof changed
  kCheckpointSignature,     // one byte of the checkpoint's signature changed
  kEntryBytes,              // one entry's bytes differ from its leaf
  kTruncatedStream,         // the stream stops before the checkpoint's size
};

// Flips a bit of the hash in the middle of a proof.
void ForgeMiddle(google::protobuf::RepeatedPtrField<std::string>* hashes) {
  if (hashes->empty()) return;
  std::string& middle = (*hashes)[hashes->size() / 2];
  middle[middle.size() / 2] ^= 0x01;
}

// Forwards to the real server, lying as told.
class LyingAuditService final : public api::AuditService::Service {
 public:
  LyingAuditService(std::shared_ptr<grpc::Channel> real, const Lie* lie)
      : real_(api::AuditService::NewStub(real)), lie_(lie) {}

  grpc::Status GetVerifierKey(grpc::ServerContext*,
                              const api::GetVerifierKeyRequest* request,
                              api::VerifierKey* response) override {
    grpc::ClientContext context;
    return real_->GetVerifierKey(&context, *request, response);
  }

  grpc::Status GetCheckpoint(grpc::ServerContext*,
                             const api::GetCheckpointRequest* request,
                             api::SignedCheckpoint* response) override {
    grpc::ClientContext context;
    grpc::Status status = real_->GetCheckpoint(&context, *request, response);
    if (status.ok() && *lie_ == Lie::kCheckpointSignature) {
      // The last line is "— name base64(key id || signature)\n": change a
      // character in the middle of the signature's base64.
      std::string& note = *response->mutable_note();
      const size_t at = note.size() - 20;
      note[at] = note[at] == 'A' ? 'B' : 'A';
    }
    return status;
  }

  grpc::Status GetInclusionProof(grpc::ServerContext*,
                                 const api::GetInclusionProofRequest* request,
                                 api::InclusionProof* response) override {
    grpc::ClientContext context;
    grpc::Status status =
        real_->GetInclusionProof(&context, *request, response);
    if (status.ok() && *lie_ == Lie::kInclusionProofMiddle) {
      ForgeMiddle(response->mutable_hashes());
    }
    return status;
  }

  grpc::Status GetConsistencyProof(
      grpc::ServerContext*, const api::GetConsistencyProofRequest* request,
      api::ConsistencyProof* response) override {
    grpc::ClientContext context;
    grpc::Status status =
        real_->GetConsistencyProof(&context, *request, response);
    if (status.ok() && *lie_ == Lie::kConsistencyProofMiddle) {
      ForgeMiddle(response->mutable_hashes());
    }
    return status;
  }

  grpc::Status StreamEntries(
      grpc::ServerContext*, const api::StreamEntriesRequest* request,
      grpc::ServerWriter<api::StoredEntries>* writer) override {
    grpc::ClientContext context;
    auto reader = real_->StreamEntries(&context, *request);
    api::StoredEntries chunk;
    while (reader->Read(&chunk)) {
      api::StoredEntries out;
      for (api::StoredEntry& entry : *chunk.mutable_entries()) {
        if (*lie_ == Lie::kTruncatedStream && entry.sequence() > 5) break;
        if (*lie_ == Lie::kEntryBytes && entry.sequence() == 4) {
          // The last byte: still a well-formed entry, mostly; it is the
          // hash that must not match.
          std::string& data = *entry.mutable_data();
          data[data.size() - 1] ^= 0x01;
        }
        *out.add_entries() = std::move(entry);
      }
      if (out.entries_size() > 0 && !writer->Write(out)) break;
    }
    context.TryCancel();
    // Cancelled on purpose: how the real stream ended does not matter.
    reader->Finish().IgnoreError();
    return grpc::Status::OK;
  }

 private:
  std::unique_ptr<api::AuditService::Stub> real_;
  const Lie* lie_;
};

// The reads the auditor makes besides AuditService, forwarded unchanged.
class ForwardedLedgerService final : public api::LedgerService::Service {
 public:
  explicit ForwardedLedgerService(std::shared_ptr<grpc::Channel> real)
      : real_(api::LedgerService::NewStub(real)) {}
  grpc::Status GetBalances(grpc::ServerContext*,
                           const api::GetBalancesRequest* request,
                           api::GetBalancesResponse* response) override {
    grpc::ClientContext context;
    return real_->GetBalances(&context, *request, response);
  }

 private:
  std::unique_ptr<api::LedgerService::Stub> real_;
};

class ForwardedMemberService final : public api::MemberService::Service {
 public:
  explicit ForwardedMemberService(std::shared_ptr<grpc::Channel> real)
      : real_(api::MemberService::NewStub(real)) {}
  grpc::Status ListMembers(grpc::ServerContext*,
                           const api::ListMembersRequest* request,
                           api::ListMembersResponse* response) override {
    grpc::ClientContext context;
    return real_->ListMembers(&context, *request, response);
  }

 private:
  std::unique_ptr<api::MemberService::Stub> real_;
};

class ForwardedFundService final : public api::FundService::Service {
 public:
  explicit ForwardedFundService(std::shared_ptr<grpc::Channel> real)
      : real_(api::FundService::NewStub(real)) {}
  grpc::Status ListFunds(grpc::ServerContext*,
                         const api::ListFundsRequest* request,
                         api::ListFundsResponse* response) override {
    grpc::ClientContext context;
    return real_->ListFunds(&context, *request, response);
  }

 private:
  std::unique_ptr<api::FundService::Stub> real_;
};

// A proxy on a loopback port in front of a real server.
class LyingServer {
 public:
  // channel: to the real server, with credentials.
  explicit LyingServer(std::shared_ptr<grpc::Channel> channel) {
    audit_ = std::make_unique<LyingAuditService>(channel, &lie_);
    ledger_ = std::make_unique<ForwardedLedgerService>(channel);
    members_ = std::make_unique<ForwardedMemberService>(channel);
    funds_ = std::make_unique<ForwardedFundService>(channel);
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port_);
    builder.RegisterService(audit_.get());
    builder.RegisterService(ledger_.get());
    builder.RegisterService(members_.get());
    builder.RegisterService(funds_.get());
    server_ = builder.BuildAndStart();
  }
  ~LyingServer() { server_->Shutdown(); }

  void Tell(Lie lie) { lie_ = lie; }
  std::string target() const { return absl::StrCat("127.0.0.1:", port_); }

 private:
  Lie lie_ = Lie::kNone;
  std::unique_ptr<LyingAuditService> audit_;
  std::unique_ptr<ForwardedLedgerService> ledger_;
  std::unique_ptr<ForwardedMemberService> members_;
  std::unique_ptr<ForwardedFundService> funds_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

std::string VerifierKeyOf(const std::string& data_dir) {
  server::ServerOptions options;
  options.data_dir = data_dir;
  std::ifstream file(server::VerifierKeyPath(options));
  std::ostringstream text;
  text << file.rdbuf();
  return std::string(absl::StripAsciiWhitespace(text.str()));
}

class DishonestServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    fund_ = std::make_unique<FundWriter>(client_.get(), kFundId);
    fund_->Register(1);
    fund_->Register(2);
    fund_->Dues(1, 2, 3, 9000);
    fund_->Donation(500000);
    fund_->Benefit(2, 20000);
    fund_->Donations(40);
  }

  // An auditor of target, with the real server's key, keeping its state in
  // state_ (shared by every auditor of a test).
  std::unique_ptr<Auditor> NewAuditor(const std::string& target,
                                      uint32_t spot_checks = 0) {
    AuditOptions options;
    options.spot_checks = spot_checks;
    options.client.target = target;
    options.client.credentials.token = server_.admin_token();
    options.client.backoff_initial_ms = 10;
    options.client.attempts_max = 2;
    options.verifier_key = VerifierKeyOf(server_.data_dir());
    options.state_dir = state_.path() + "/state";
    auto auditor = Auditor::Create(options);
    EXPECT_TRUE(auditor.ok()) << auditor.status();
    return std::move(*auditor);
  }

  v1::FundReport VerifyThroughLiar(Lie lie) {
    liar_.Tell(lie);
    return NewAuditor(liar_.target())->VerifyFund(kFundId);
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  std::unique_ptr<FundWriter> fund_;
  LyingServer liar_{server_.NewChannel()};
  TempDir state_;
};

TEST_F(DishonestServerTest, TheProxyTellingTheTruthVerifies) {
  const v1::FundReport report = VerifyThroughLiar(Lie::kNone);
  EXPECT_EQ(report.outcome(), v1::VERIFIED) << report.DebugString();
}

TEST_F(DishonestServerTest, ACheckpointWithABadSignatureIsRejected) {
  const v1::FundReport report = VerifyThroughLiar(Lie::kCheckpointSignature);
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  EXPECT_THAT(report.findings(),
              Contains(IsFinding(v1::CHECKPOINT_SIGNATURE, 0)))
      << Describe({report.findings().begin(), report.findings().end()});
  EXPECT_FALSE(report.state_saved());
}

TEST_F(DishonestServerTest, AnEntryWhoseBytesDifferFromItsLeafIsNamed) {
  const v1::FundReport report = VerifyThroughLiar(Lie::kEntryBytes);
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  EXPECT_THAT(report.findings(), Contains(IsFinding(v1::ROOT_MISMATCH, 4)))
      << Describe({report.findings().begin(), report.findings().end()});
  EXPECT_FALSE(report.state_saved());
}

TEST_F(DishonestServerTest, ATruncatedStreamIsRejected) {
  const v1::FundReport report = VerifyThroughLiar(Lie::kTruncatedStream);
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  bool truncated = false;
  for (const auto& finding : report.findings()) {
    truncated |= finding.kind() == v1::STREAM_TRUNCATED;
  }
  EXPECT_TRUE(truncated) << Describe(
      {report.findings().begin(), report.findings().end()});
  EXPECT_FALSE(report.state_saved());
}

TEST_F(DishonestServerTest, AConsistencyProofForgedInTheMiddleIsRejected) {
  // A first, honest run stores a checkpoint; the fund grows; the proof that
  // ties the stored checkpoint to the new one is forged.
  ASSERT_EQ(VerifyThroughLiar(Lie::kNone).outcome(), v1::VERIFIED);
  fund_->Donations(25);
  const v1::FundReport report = VerifyThroughLiar(Lie::kConsistencyProofMiddle);
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  EXPECT_THAT(report.findings(), Contains(IsFinding(v1::FORK_OR_REWRITE, 0)))
      << Describe({report.findings().begin(), report.findings().end()});
  EXPECT_FALSE(report.state_saved());
  // And the truth still verifies from the kept state.
  EXPECT_EQ(VerifyThroughLiar(Lie::kNone).outcome(), v1::VERIFIED);
}

TEST_F(DishonestServerTest, AnInclusionProofForgedInTheMiddleIsRejected) {
  ASSERT_EQ(VerifyThroughLiar(Lie::kNone).outcome(), v1::VERIFIED);
  liar_.Tell(Lie::kNone);
  const v1::InclusionReport honest =
      NewAuditor(liar_.target())->ProveEntry(kFundId, 7, false);
  EXPECT_EQ(honest.outcome(), v1::VERIFIED) << honest.DebugString();

  liar_.Tell(Lie::kInclusionProofMiddle);
  const v1::InclusionReport forged =
      NewAuditor(liar_.target())->ProveEntry(kFundId, 7, false);
  EXPECT_EQ(forged.outcome(), v1::FINDINGS) << forged.DebugString();
  EXPECT_THAT(forged.findings(), Contains(IsFinding(v1::INCLUSION_PROOF, 7)))
      << forged.DebugString();
}

TEST_F(DishonestServerTest, SpotChecksFindAnOldEntryServedChanged) {
  ASSERT_EQ(VerifyThroughLiar(Lie::kNone).outcome(), v1::VERIFIED);
  // Entry 4 was verified; now the server serves it changed, its tree
  // untouched. A run that checks only new entries sees nothing.
  liar_.Tell(Lie::kEntryBytes);
  const v1::FundReport blind =
      NewAuditor(liar_.target(), 0)->VerifyFund(kFundId);
  EXPECT_EQ(blind.outcome(), v1::VERIFIED) << blind.DebugString();
  EXPECT_EQ(blind.entries_spot_checked(), 0u);
  // Enough spot checks to cover every entry find it.
  const v1::FundReport checked =
      NewAuditor(liar_.target(), 10000)->VerifyFund(kFundId);
  EXPECT_EQ(checked.outcome(), v1::FINDINGS) << checked.DebugString();
  EXPECT_THAT(checked.findings(), Contains(IsFinding(v1::INCLUSION_PROOF, 4)))
      << checked.DebugString();
  EXPECT_GT(checked.entries_spot_checked(), 4u);
  EXPECT_FALSE(checked.state_saved());
}

class TamperTest : public DishonestServerTest {
 protected:
  std::unique_ptr<Auditor> NewDirectAuditor() {
    return NewAuditor(server_.target());
  }
};

TEST_F(TamperTest, OneChangedByteOfOneStoredEntryIsNamed) {
  server_.EditStoredEntry(
      kFundId, 6, [](std::string& bytes) { bytes[bytes.size() / 2] ^= 0x20; });
  const v1::FundReport report = NewDirectAuditor()->VerifyFund(kFundId);
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  EXPECT_EQ(report.fund_id(), kFundId);
  // welfared refuses to serve bytes that do not match their leaf: the
  // auditor names the entry from where the stream stopped.
  EXPECT_THAT(report.findings(),
              Contains(IsFinding(v1::SERVER_REPORTS_DATA_LOSS, 6)))
      << Describe({report.findings().begin(), report.findings().end()});
}

TEST_F(TamperTest, ADeletedEntryIsNamed) {
  server_.ChangeDatabase([](storage::Store& store) {
    ASSERT_TRUE(store.db()
                    ->Delete(rocksdb::WriteOptions(),
                             store.handle(storage::Column::kJournal),
                             storage::keys::Entry(kFundId, 9))
                    .ok());
  });
  const v1::FundReport report = NewDirectAuditor()->VerifyFund(kFundId);
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  EXPECT_THAT(report.findings(),
              Contains(IsFinding(v1::SERVER_REPORTS_DATA_LOSS, 9)))
      << Describe({report.findings().begin(), report.findings().end()});
}

TEST_F(TamperTest, AnOldEntryChangedInPlaceIsFoundBySpotChecks) {
  ASSERT_EQ(NewDirectAuditor()->VerifyFund(kFundId).outcome(), v1::VERIFIED);
  server_.EditStoredEntry(
      kFundId, 3, [](std::string& bytes) { bytes[bytes.size() - 1] ^= 0x01; });
  // The server refuses to serve the damaged entry (DATA_LOSS); the spot
  // check names it.
  const v1::FundReport report =
      NewAuditor(server_.target(), 10000)->VerifyFund(kFundId);
  EXPECT_EQ(report.outcome(), v1::FINDINGS) << report.DebugString();
  EXPECT_THAT(report.findings(),
              Contains(IsFinding(v1::SERVER_REPORTS_DATA_LOSS, 3)))
      << Describe({report.findings().begin(), report.findings().end()});
}

TEST_F(TamperTest, ARewriteOfOldEntriesIsCaughtByALaterIncrementalRun) {
  ASSERT_EQ(NewDirectAuditor()->VerifyFund(kFundId).outcome(), v1::VERIFIED);
  // Rewrite entry 3 and the tree above it consistently, as an operator
  // covering tracks would: the new tree is self-consistent, but not an
  // extension of the checkpoint the auditor verified.
  server_.ChangeDatabase([](storage::Store& store) {
    const std::string key = storage::keys::Entry(kFundId, 3);
    std::string value;
    ASSERT_TRUE(store.db()
                    ->Get(rocksdb::ReadOptions(),
                          store.handle(storage::Column::kJournal), key, &value)
                    .ok());
    value[value.size() - 1] ^= 0x01;
    ASSERT_TRUE(store.db()
                    ->Put(rocksdb::WriteOptions(),
                          store.handle(storage::Column::kJournal), key, value)
                    .ok());
    // The server's record of what it signed goes too.
    ASSERT_TRUE(store.db()
                    ->Delete(rocksdb::WriteOptions(),
                             store.handle(storage::Column::kViews),
                             storage::keys::SignedCheckpoint(kFundId))
                    .ok());
    // Rebuild every tree node from the rewritten entries.
    std::vector<std::string> entries;
    for (uint64_t sequence = 1;; ++sequence) {
      std::string bytes;
      if (!store.db()
               ->Get(rocksdb::ReadOptions(),
                     store.handle(storage::Column::kJournal),
                     storage::keys::Entry(kFundId, sequence), &bytes)
               .ok()) {
        break;
      }
      entries.push_back(bytes);
    }
    welfare::verify::TreeBuilder tree;
    for (const std::string& bytes : entries) {
      const welfare::verify::Hash leaf = welfare::verify::LeafHash(bytes);
      ASSERT_TRUE(store.db()
                      ->Put(rocksdb::WriteOptions(),
                            store.handle(storage::Column::kTree),
                            storage::keys::TreeNode(kFundId, 0, tree.size()),
                            welfare::verify::ToBytes(leaf))
                      .ok());
      tree.Append(leaf, [&store](int level, uint64_t index,
                                 const welfare::verify::Hash& hash) {
        ASSERT_TRUE(store.db()
                        ->Put(rocksdb::WriteOptions(),
                              store.handle(storage::Column::kTree),
                              storage::keys::TreeNode(
                                  kFundId, static_cast<uint8_t>(level), index),
                              welfare::verify::ToBytes(hash))
                        .ok());
      });
    }
  });
  client_ = server_.NewClient();
  for (int i = 0; i < 3; ++i) {
    api::RecordContributionRequest donation;
    donation.set_parent(absl::StrCat("funds/", kFundId));
    donation.mutable_contribution()->set_source(
        api::CONTRIBUTION_SOURCE_DONATION);
    donation.mutable_contribution()->set_amount_satang(100);
    ASSERT_TRUE(client_->RecordContribution(donation).ok());
  }
  const v1::FundReport report = NewDirectAuditor()->VerifyFund(kFundId);
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  EXPECT_THAT(report.findings(), Contains(IsFinding(v1::FORK_OR_REWRITE, 0)))
      << Describe({report.findings().begin(), report.findings().end()});
  // Only the consistency proof was needed: no entry was fetched.
  EXPECT_EQ(report.entries_checked(), 0u);
}

}  // namespace
}  // namespace welfare::auditor::testing
