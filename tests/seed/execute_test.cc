// Executing a tiny province against a real server on a loopback port, whose
// clock says 2026-06-15: the books balance, cash never goes negative, the
// members are as planned, the balances brought forward are the year's
// opening balance, and executing the plan again writes nothing new.
#include "clients/seed/execute.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/report/report_client.h"
#include "clients/status.h"
#include "tests/testing/test_util.h"

namespace welfare::seed {
namespace {

using ::testing::HasSubstr;
using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

ProvinceSpec TinySpec() {
  ProvinceSpec spec;
  spec.seed = 42;
  spec.funds = 3;
  spec.members_median = 45;
  spec.members_min = 30;
  spec.members_max = 60;
  // Fiscal year 2569 up to the test server's today.
  spec.as_of = absl::CivilDay(2026, 6, 15);
  spec.rates.deaths_per_1000 = 60;  // Enough deaths to change statuses.
  return spec;
}

class ExecuteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<ProvincePlan> plan = PlanProvince(TinySpec());
    ASSERT_THAT(plan, IsOk());
    plan_ = *std::move(plan);
    ASSERT_GT(plan_.totals.status_changes, 0);
    client_ = server_.NewClient();
  }

  absl::StatusOr<ExecuteSummary> Execute(
      std::vector<ExecuteProgress>* progress = nullptr) {
    ExecuteOptions options;
    options.threads = 2;
    if (progress != nullptr) {
      options.on_progress = [progress](const ExecuteProgress& p) {
        progress->push_back(p);
      };
    }
    return ExecutePlan(plan_, *client_, options);
  }

  v1::Fund GetFund(const std::string& fund_id) {
    v1::GetFundRequest request;
    request.set_name(absl::StrCat("funds/", fund_id));
    absl::StatusOr<v1::Fund> fund = client_->GetFund(request);
    EXPECT_THAT(fund, IsOk());
    return fund.value_or(v1::Fund());
  }

  testing::TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  ProvincePlan plan_;
};

TEST_F(ExecuteTest, WritesBalancedBooksWithThePlannedMembers) {
  std::vector<ExecuteProgress> progress;
  absl::StatusOr<ExecuteSummary> summary = Execute(&progress);
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->funds, 3);
  EXPECT_EQ(summary->members, plan_.totals.members);
  EXPECT_EQ(summary->status_changes, plan_.totals.status_changes);
  EXPECT_EQ(summary->entries, plan_.totals.entries);
  EXPECT_EQ(summary->entries_new, plan_.totals.entries);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().funds_done, 3);
  EXPECT_EQ(progress.back().entries, plan_.totals.entries);

  for (const FundPlan& fund : plan_.funds) {
    const v1::Fund stored = GetFund(fund.fund_id);
    EXPECT_EQ(stored.member_count(), static_cast<int>(fund.members.size()));
    EXPECT_EQ(static_cast<int64_t>(stored.journal_size()), fund.totals.entries);
    EXPECT_EQ(stored.display_name(), fund.create.fund().display_name());

    v1::GetBalancesRequest request;
    request.set_parent(stored.name());
    absl::StatusOr<v1::GetBalancesResponse> balances =
        client_->GetBalances(request);
    ASSERT_THAT(balances, IsOk());
    EXPECT_EQ(balances->total_debit_satang(), balances->total_credit_satang());
    EXPECT_GT(balances->total_debit_satang(), 0);
    for (const v1::AccountBalance& row : balances->balances()) {
      if (row.kind() == v1::ACCOUNT_KIND_CASH ||
          row.kind() == v1::ACCOUNT_KIND_BANK) {
        EXPECT_GE(row.balance_satang(), 0)
            << fund.fund_id << " " << row.account_code();
      }
      if (row.account_code() == "4101") {
        EXPECT_GT(row.balance_satang(), 0);
      }
    }
  }
}

// The opening transaction's debits: what the fund brought forward into
// cash and bank.
int64_t BroughtForwardSatang(const FundPlan& fund) {
  const v1::Transaction& opening =
      fund.steps.front().batch.items(0).transaction();
  int64_t satang = 0;
  for (const v1::Posting& posting : opening.postings()) {
    if (posting.side() == v1::DEBIT) satang += posting.amount_satang();
  }
  return satang;
}

TEST_F(ExecuteTest, TheBalancesBroughtForwardOpenTheYearAndAreNoReceipts) {
  ASSERT_THAT(Execute(), IsOk());
  report::ReportClient reports(server_.NewChannel());
  for (const FundPlan& fund : plan_.funds) {
    const int64_t brought_forward = BroughtForwardSatang(fund);
    ASSERT_GT(brought_forward, 0) << fund.fund_id;
    v1::ReportRequest request;
    request.set_parent(absl::StrCat("funds/", fund.fund_id));
    request.mutable_period()->set_fiscal_year(2026);  // 2569 BE.
    absl::StatusOr<v1::FundStatusForm> form =
        reports.GetFundStatusForm(request);
    ASSERT_THAT(form, IsOk());
    EXPECT_EQ(form->opening_balance_satang(), brought_forward) << fund.fund_id;
    const v1::ReceiptsAndPayments& books = form->receipts_and_payments();
    EXPECT_EQ(books.opening_total_satang(), brought_forward) << fund.fund_id;
    for (const v1::AccountAmount& receipt : books.receipts()) {
      EXPECT_NE(receipt.account_code().front(), '3')
          << fund.fund_id << ": capital " << receipt.account_code()
          << " counted as a receipt of the year";
    }
    EXPECT_EQ(books.receipts_total_satang(), fund.totals.income_satang)
        << fund.fund_id;
  }
}

TEST_F(ExecuteTest, DeceasedMembersAreRecordedAsDeceased) {
  ASSERT_THAT(Execute(), IsOk());
  int checked = 0;
  for (const FundPlan& fund : plan_.funds) {
    for (const FundStep& step : fund.steps) {
      if (step.kind != FundStep::Kind::kStatusChange) continue;
      v1::GetMemberRequest request;
      request.set_name(step.status_change.name());
      absl::StatusOr<v1::Member> member = client_->GetMember(request);
      ASSERT_THAT(member, IsOk());
      EXPECT_EQ(member->status(), v1::MEMBER_STATUS_DECEASED);
      ++checked;
    }
  }
  EXPECT_EQ(checked, plan_.totals.status_changes);
}

TEST_F(ExecuteTest, ExecutingThePlanAgainWritesNothingNew) {
  ASSERT_THAT(Execute(), IsOk());
  std::vector<uint64_t> sizes;
  for (const FundPlan& fund : plan_.funds) {
    sizes.push_back(GetFund(fund.fund_id).journal_size());
  }
  absl::StatusOr<ExecuteSummary> again = Execute();
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->entries_new, 0);
  EXPECT_EQ(again->entries, plan_.totals.entries);
  for (size_t i = 0; i < plan_.funds.size(); ++i) {
    EXPECT_EQ(GetFund(plan_.funds[i].fund_id).journal_size(), sizes[i]);
  }
}

TEST_F(ExecuteTest, FirstErrorNamesTheFundAndRequest) {
  FundStep& step = plan_.funds[1].steps.front();
  ASSERT_EQ(step.kind, FundStep::Kind::kBatch);
  step.batch.mutable_items(0)
      ->mutable_transaction()
      ->mutable_postings(0)
      ->set_amount_satang(0);
  absl::StatusOr<ExecuteSummary> summary = Execute();
  EXPECT_THAT(summary, HasError(absl::StatusCode::kInvalidArgument,
                                "AMOUNT_MUST_BE_POSITIVE"));
  EXPECT_THAT(std::string(summary.status().message()),
              HasSubstr("fund p33-f0002, request seed42:p33-f0002:b1: "));
}

TEST_F(ExecuteTest, RefusesAFundThatHoldsMembersThePlanDidNotWrite) {
  const FundPlan& fund = plan_.funds[0];
  ASSERT_THAT(client_->CreateFund(fund.create), IsOk());
  v1::RegisterMemberRequest stranger = fund.members[0];
  stranger.set_request_id("someone-else");
  stranger.mutable_member()->mutable_profile()->set_national_id(
      testing::NationalIdFor(777));
  ASSERT_THAT(client_->RegisterMember(stranger), IsOk());
  EXPECT_THAT(Execute(), HasError(absl::StatusCode::kFailedPrecondition, ""));
}

TEST_F(ExecuteTest, RefusesBadThreadCounts) {
  ExecuteOptions options;
  options.threads = 0;
  EXPECT_EQ(ExecutePlan(plan_, *client_, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace welfare::seed
