#include "clients/bench/load.h"

#include <algorithm>
#include <random>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "clients/connection.h"
#include "clients/ledger_client.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"
#include "welfare/ledger/v1/funds.grpc.pb.h"
#include "welfare/ledger/v1/ledger.grpc.pb.h"

namespace welfare::bench {
namespace {

namespace v1 = welfare::ledger::v1;

// Dues slot n of a fund: member (n mod members) + 1, for the month n / members
// after January 2026, 30 baht, paid on 2026-06-01.
v1::Contribution DuesFor(int64_t slot, int members) {
  v1::Contribution dues;
  dues.set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  dues.set_amount_satang(3000);
  dues.set_member_number(static_cast<int32_t>(slot % members) + 1);
  const int64_t month = 2026 * 12 + static_cast<int64_t>(slot / members);
  dues.mutable_months()->mutable_first_month()->set_year(
      static_cast<int32_t>(month / 12));
  dues.mutable_months()->mutable_first_month()->set_month(
      static_cast<int32_t>(month % 12) + 1);
  dues.mutable_months()->set_month_count(1);
  dues.mutable_effective_date()->set_year(2026);
  dues.mutable_effective_date()->set_month(6);
  dues.mutable_effective_date()->set_day(1);
  dues.set_source_document(absl::StrCat("RC-", slot));
  return dues;
}

// A national ID that passes the checksum, unique per (fund, member).
std::string NationalId(int64_t n) {
  std::string digits = absl::StrFormat("3%011d", n % 100000000000LL);
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (digits[i] - '0') * (13 - i);
  digits.push_back(static_cast<char>('0' + (11 - sum % 11) % 10));
  return digits;
}

class Runner {
 public:
  Runner(const LoadSpec& spec, DuesCursor& cursor,
         const std::vector<std::shared_ptr<grpc::Channel>>& channels)
      : spec_(spec), cursor_(cursor) {
    for (const std::shared_ptr<grpc::Channel>& channel : channels) {
      stubs_.push_back(v1::LedgerService::NewStub(channel));
      fund_stubs_.push_back(v1::FundService::NewStub(channel));
      audit_stubs_.push_back(v1::AuditService::NewStub(channel));
    }
    latencies_.resize(spec.clients);
  }

  LoadResult Run() {
    start_ = absl::Now();
    measure_from_ = start_ + spec_.warmup;
    stop_at_ = measure_from_ + spec_.duration;
    {
      absl::MutexLock lock(&mu_);
      in_flight_ = spec_.clients;
    }
    for (int c = 0; c < spec_.clients; ++c) Issue(c);
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](int* n) { return *n == 0; }, &in_flight_));
    return Summarize();
  }

 private:
  struct Call {
    grpc::ClientContext context;
    v1::RecordContributionRequest single;
    v1::PostBatchRequest batch;
    v1::Entry entry;
    v1::PostBatchResponse batch_response;
    v1::GetFundRequest get;
    v1::Fund fund;
    v1::GetCheckpointRequest checkpoint;
    v1::SignedCheckpoint signed_checkpoint;
    v1::GetInclusionProofRequest inclusion;
    v1::InclusionProof inclusion_proof;
    v1::GetConsistencyProofRequest consistency;
    v1::ConsistencyProof consistency_proof;
    absl::Time start;
  };

  void Issue(int client) {
    const absl::Time now = absl::Now();
    const bool out_of_budget =
        spec_.transactions_max > 0 &&
        issued_.fetch_add(spec_.batch_size) >= spec_.transactions_max;
    if (now >= stop_at_ || out_of_budget) {
      absl::MutexLock lock(&mu_);
      --in_flight_;
      return;
    }
    auto* call = new Call();
    call->start = now;
    call->context.set_deadline(std::chrono::system_clock::now() +
                               std::chrono::seconds(30));
    const int fund =
        static_cast<int>(round_robin_.fetch_add(1) % spec_.fund_ids.size());
    const bool writes = spec_.call == LoadSpec::Call::kWriteDues;
    const int64_t slot = writes ? cursor_.Reserve(fund, spec_.batch_size) : 0;
    const std::string parent = "funds/" + spec_.fund_ids[fund];
    auto& stub = stubs_[client % stubs_.size()];
    auto& audit = audit_stubs_[client % audit_stubs_.size()];
    auto finish = [this, call, client](grpc::Status status) {
      Record(client, call, status);
      delete call;
      Issue(client);
    };
    const std::string audited = "funds/" + spec_.fund_ids[0];
    switch (spec_.call) {
      case LoadSpec::Call::kWriteDues:
        break;
      case LoadSpec::Call::kGetFund:
        call->get.set_name(parent);
        fund_stubs_[client % fund_stubs_.size()]->async()->GetFund(
            &call->context, &call->get, &call->fund, finish);
        return;
      case LoadSpec::Call::kCheckpoint:
        call->checkpoint.set_fund(audited);
        audit->async()->GetCheckpoint(&call->context, &call->checkpoint,
                                      &call->signed_checkpoint, finish);
        return;
      case LoadSpec::Call::kInclusionProof:
        call->inclusion.set_fund(audited);
        call->inclusion.set_tree_size(spec_.tree_size);
        call->inclusion.set_sequence(RandomUpTo(spec_.tree_size));
        audit->async()->GetInclusionProof(&call->context, &call->inclusion,
                                          &call->inclusion_proof, finish);
        return;
      case LoadSpec::Call::kConsistencyProof:
        call->consistency.set_fund(audited);
        call->consistency.set_second_tree_size(spec_.tree_size);
        call->consistency.set_first_tree_size(RandomUpTo(spec_.tree_size));
        audit->async()->GetConsistencyProof(&call->context, &call->consistency,
                                            &call->consistency_proof, finish);
        return;
    }
    if (spec_.batch_size == 1) {
      call->single.set_parent(parent);
      call->single.set_request_id(client::LedgerClient::NewRequestId());
      *call->single.mutable_contribution() =
          DuesFor(slot, spec_.members_per_fund);
      stub->async()->RecordContribution(&call->context, &call->single,
                                        &call->entry, finish);
    } else {
      call->batch.set_parent(parent);
      call->batch.set_request_id(client::LedgerClient::NewRequestId());
      for (int i = 0; i < spec_.batch_size; ++i) {
        *call->batch.add_items()->mutable_contribution() =
            DuesFor(slot + i, spec_.members_per_fund);
      }
      stub->async()->PostBatch(&call->context, &call->batch,
                               &call->batch_response, finish);
    }
  }

  // Uniform in 1..n.
  uint64_t RandomUpTo(uint64_t n) {
    absl::MutexLock lock(&random_mu_);
    return std::uniform_int_distribution<uint64_t>(1, n)(random_);
  }

  void Record(int client, const Call* call, const grpc::Status& status) {
    const absl::Time end = absl::Now();
    if (!status.ok()) {
      absl::MutexLock lock(&mu_);
      if (failures_++ == 0) {
        first_failure_ =
            absl::StrCat(status.error_code(), ": ", status.error_message());
      }
      return;
    }
    if (call->start < measure_from_ || end > stop_at_) return;
    latencies_[client].push_back(absl::ToDoubleMilliseconds(end - call->start));
  }

  LoadResult Summarize() {
    LoadResult result;
    std::vector<double> all;
    for (auto& one : latencies_) all.insert(all.end(), one.begin(), one.end());
    std::sort(all.begin(), all.end());
    result.calls = static_cast<int64_t>(all.size());
    result.transactions = result.calls * spec_.batch_size;
    result.failures = failures_;
    result.first_failure = first_failure_;
    result.seconds =
        absl::ToDoubleSeconds(std::min(stop_at_, absl::Now()) - measure_from_);
    if (spec_.transactions_max > 0) {
      // A fill: count everything, warm-up included.
      result.seconds = absl::ToDoubleSeconds(absl::Now() - start_);
    }
    if (result.seconds > 0) {
      result.transactions_per_second = result.transactions / result.seconds;
    }
    auto at = [&all](double q) {
      if (all.empty()) return 0.0;
      size_t i = static_cast<size_t>(q * static_cast<double>(all.size() - 1));
      return all[i];
    };
    result.p50_ms = at(0.50);
    result.p90_ms = at(0.90);
    result.p99_ms = at(0.99);
    result.p999_ms = at(0.999);
    result.max_ms = all.empty() ? 0 : all.back();
    return result;
  }

  const LoadSpec& spec_;
  DuesCursor& cursor_;
  std::vector<std::unique_ptr<v1::LedgerService::Stub>> stubs_;
  std::vector<std::unique_ptr<v1::FundService::Stub>> fund_stubs_;
  std::vector<std::unique_ptr<v1::AuditService::Stub>> audit_stubs_;
  absl::Mutex random_mu_;
  std::mt19937_64 random_ ABSL_GUARDED_BY(random_mu_){42};
  std::vector<std::vector<double>> latencies_;  // One per client.
  std::atomic<int64_t> round_robin_{0};
  std::atomic<int64_t> issued_{0};
  absl::Time start_, measure_from_, stop_at_;

  absl::Mutex mu_;
  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t failures_ ABSL_GUARDED_BY(mu_) = 0;
  std::string first_failure_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

DuesCursor::DuesCursor(int funds)
    : next_(std::make_unique<std::atomic<int64_t>[]>(funds)) {
  for (int i = 0; i < funds; ++i) next_[i] = 0;
}

int64_t DuesCursor::Reserve(int fund, int count) {
  return next_[fund].fetch_add(count);
}

absl::Status PrepareFunds(const std::string& target,
                          const client::Credentials& credentials,
                          const std::vector<std::string>& fund_ids,
                          int members_per_fund) {
  client::ClientOptions options;
  options.target = target;
  options.credentials = credentials;
  auto client = client::LedgerClient::Connect(options);
  if (!client.ok()) return client.status();
  std::atomic<size_t> next{0};
  absl::Mutex mu;
  absl::Status first_error;
  auto work = [&]() {
    for (size_t f = next++; f < fund_ids.size(); f = next++) {
      v1::CreateFundRequest create;
      create.set_fund_id(fund_ids[f]);
      create.mutable_fund()->set_display_name(
          absl::StrCat("กองทุนสวัสดิการชุมชนทดสอบ ", f + 1));
      create.mutable_fund()->set_area_code("330101");
      create.mutable_fund()->mutable_founding_date()->set_year(2025);
      create.mutable_fund()->mutable_founding_date()->set_month(1);
      create.mutable_fund()->mutable_founding_date()->set_day(1);
      absl::Status status = (*client)->CreateFund(create).status();
      for (int m = 0; status.ok() && m < members_per_fund; ++m) {
        v1::RegisterMemberRequest request;
        request.set_parent("funds/" + fund_ids[f]);
        v1::Member* member = request.mutable_member();
        member->set_category(v1::MEMBER_CATEGORY_GENERAL);
        member->mutable_join_date()->set_year(2025);
        member->mutable_join_date()->set_month(1);
        member->mutable_join_date()->set_day(1);
        member->mutable_profile()->set_full_name(absl::StrCat("สมาชิก ", m + 1));
        member->mutable_profile()->set_national_id(
            NationalId(static_cast<int64_t>(f) * 100000 + m));
        status = (*client)->RegisterMember(request).status();
      }
      if (!status.ok()) {
        absl::MutexLock lock(&mu);
        if (first_error.ok()) {
          first_error = absl::Status(
              status.code(), absl::StrCat(fund_ids[f], ": ", status.message()));
        }
        return;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) threads.emplace_back(work);
  for (auto& thread : threads) thread.join();
  return first_error;
}

LoadResult RunLoad(const LoadSpec& spec, DuesCursor& cursor) {
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < spec.channels; ++i) {
    grpc::ChannelArguments arguments;
    arguments.SetInt("welfare.bench.channel", i);  // Separate connections.
    absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
        client::OpenChannel(spec.target, spec.credentials, arguments);
    if (!channel.ok()) {
      LoadResult failed;
      failed.failures = 1;
      failed.first_failure = channel.status().ToString();
      return failed;
    }
    channels.push_back(std::move(*channel));
  }
  Runner runner(spec, cursor, channels);
  return runner.Run();
}

}  // namespace welfare::bench
