#include "clients/bench/report_bench.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "clients/connection.h"
#include "clients/ledger_client.h"
#include "clients/status.h"
#include "grpcpp/grpcpp.h"
#include "welfare/ledger/v1/reports.grpc.pb.h"

namespace welfare::bench {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr int kMembers = 5000;
constexpr int kBatch = 1000;
constexpr int kBenefitEvery = 50;
const absl::CivilMonth kFirstMonth(2010, 1);

v1::Date DateOf(absl::CivilDay day) {
  v1::Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

// Entry slot n: the dues of member n % kMembers for the month n / kMembers
// after January 2010, paid on a day of that month; every kBenefitEvery-th
// slot is a benefit instead.
v1::BatchItem ItemFor(int64_t slot) {
  v1::BatchItem item;
  const absl::CivilMonth month = kFirstMonth + slot / kMembers;
  const absl::CivilDay day = absl::CivilDay(month) + slot % 28;
  const int32_t member = static_cast<int32_t>(slot % kMembers) + 1;
  if (slot % kBenefitEvery == kBenefitEvery - 1) {
    v1::Disbursement* paid = item.mutable_disbursement();
    paid->mutable_benefit()->set_category(
        static_cast<v1::BenefitCategory>(1 + (slot / kBenefitEvery) % 16));
    paid->mutable_benefit()->set_member_number(member);
    paid->set_amount_satang(50000);
    *paid->mutable_effective_date() = DateOf(day);
    return item;
  }
  v1::Contribution* dues = item.mutable_contribution();
  dues->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  dues->set_amount_satang(3000);
  dues->set_member_number(member);
  dues->mutable_months()->mutable_first_month()->set_year(
      static_cast<int32_t>(month.year()));
  dues->mutable_months()->mutable_first_month()->set_month(month.month());
  dues->mutable_months()->set_month_count(1);
  *dues->mutable_effective_date() = DateOf(day);
  return item;
}

struct Timing {
  std::vector<double> ms;
  void Print(const std::string& what) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
      return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))];
    };
    std::printf("%-44s %5zu %8.2f %8.2f %8.2f\n", what.c_str(), ms.size(),
                at(0.5), at(0.9), ms.back());
    std::fflush(stdout);
  }
};

// Calls `call` repetitions times; the first error stops it.
absl::Status Time(
    const std::string& what, int repetitions,
    const std::function<grpc::Status(grpc::ClientContext*)>& call) {
  Timing timing;
  for (int i = 0; i < repetitions; ++i) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    const absl::Time start = absl::Now();
    grpc::Status status = call(&context);
    timing.ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
    if (!status.ok()) {
      return absl::Status(client::FromGrpcStatus(status, context).code(),
                          absl::StrCat(what, ": ", status.error_message()));
    }
  }
  timing.Print(what);
  return absl::OkStatus();
}

void PrintTimingHeader() {
  std::printf("%-44s %5s %8s %8s %8s\n", "call", "calls", "p50ms", "p90ms",
              "maxms");
}

}  // namespace

absl::Status FillReportFund(const std::string& target,
                            const client::Credentials& credentials,
                            const std::string& fund_id, int64_t entries) {
  client::ClientOptions options;
  options.target = target;
  options.credentials = credentials;
  options.deadline_ms = 60000;
  auto client = client::LedgerClient::Connect(options);
  if (!client.ok()) return client.status();
  v1::CreateFundRequest create;
  create.set_fund_id(fund_id);
  create.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชนล้านรายการ");
  create.mutable_fund()->set_area_code("330101");
  *create.mutable_fund()->mutable_founding_date() =
      DateOf(absl::CivilDay(kFirstMonth));
  if (auto fund = (*client)->CreateFund(create); !fund.ok()) {
    return fund.status();
  }
  // Members, a thousand at a time is not possible (one per call): 5,000.
  for (int m = 0; m < kMembers; ++m) {
    v1::RegisterMemberRequest request;
    request.set_parent("funds/" + fund_id);
    v1::Member* member = request.mutable_member();
    member->set_category(static_cast<v1::MemberCategory>(1 + m % 6));
    *member->mutable_join_date() = DateOf(absl::CivilDay(kFirstMonth));
    member->mutable_profile()->set_full_name(absl::StrCat("สมาชิก ", m + 1));
    std::string id = absl::StrCat(3100000000000LL + m * 10);
    int sum = 0;
    for (int i = 0; i < 12; ++i) sum += (id[i] - '0') * (13 - i);
    id[12] = static_cast<char>('0' + (11 - sum % 11) % 10);
    member->mutable_profile()->set_national_id(id);
    if (auto added = (*client)->RegisterMember(request); !added.ok()) {
      return added.status();
    }
  }
  const absl::Time start = absl::Now();
  for (int64_t slot = 0; slot < entries; slot += kBatch) {
    v1::PostBatchRequest batch;
    batch.set_parent("funds/" + fund_id);
    batch.set_request_id(absl::StrCat("report-bench-", slot));
    for (int64_t n = slot; n < std::min(entries, slot + kBatch); ++n) {
      *batch.add_items() = ItemFor(n);
    }
    if (auto posted = (*client)->PostBatch(batch); !posted.ok()) {
      return posted.status();
    }
    if ((slot / kBatch) % 100 == 99) {
      std::printf("  %lld entries written, %.0f/s\n",
                  static_cast<long long>(slot + kBatch),
                  (slot + kBatch) / absl::ToDoubleSeconds(absl::Now() - start));
      std::fflush(stdout);
    }
  }
  return absl::OkStatus();
}

absl::Status TimeReports(const std::string& target,
                         const client::Credentials& credentials,
                         const std::string& fund_id, int repetitions) {
  auto channel = client::OpenChannel(target, credentials);
  if (!channel.ok()) return channel.status();
  auto stub = v1::ReportService::NewStub(*channel);
  struct Period {
    std::string label;
    v1::ReportPeriod period;
  };
  std::vector<Period> periods(5);
  periods[0].label = "current fiscal year";
  periods[1].label = "fiscal year 2015";
  periods[1].period.set_fiscal_year(2015);
  periods[2].label = "month 2012-02";
  periods[2].period.mutable_month()->set_year(2012);
  periods[2].period.mutable_month()->set_month(2);
  periods[3].label = "as of 2011-06-30";
  *periods[3].period.mutable_as_of_date() = DateOf(absl::CivilDay(2011, 6, 30));
  periods[4].label = "2010-03-15..2025-11-20";
  *periods[4].period.mutable_dates()->mutable_start_date() =
      DateOf(absl::CivilDay(2010, 3, 15));
  *periods[4].period.mutable_dates()->mutable_end_date() =
      DateOf(absl::CivilDay(2025, 11, 20));
  PrintTimingHeader();
  for (const Period& p : periods) {
    v1::ReportRequest request;
    request.set_parent("funds/" + fund_id);
    *request.mutable_period() = p.period;
#define WELFARE_TIME(Method, Response)                                        \
  if (absl::Status s = Time(absl::StrCat(#Method, " ", p.label), repetitions, \
                            [&](grpc::ClientContext* context) {               \
                              v1::Response response;                          \
                              return stub->Method(context, request,           \
                                                  &response);                 \
                            });                                               \
      !s.ok()) {                                                              \
    return s;                                                                 \
  }
    WELFARE_TIME(GetTrialBalance, TrialBalance)
    WELFARE_TIME(GetReceiptsAndPayments, ReceiptsAndPayments)
    WELFARE_TIME(GetIncomeAndExpenditure, IncomeAndExpenditure)
    WELFARE_TIME(GetBalanceSheet, BalanceSheet)
    WELFARE_TIME(GetBenefitsByCategory, BenefitsByCategory)
    WELFARE_TIME(GetContributionsBySource, ContributionsBySource)
    WELFARE_TIME(GetFundStatusForm, FundStatusForm)
#undef WELFARE_TIME
    v1::GetPassbookRequest passbook;
    passbook.set_name(absl::StrCat("funds/", fund_id, "/members/17"));
    *passbook.mutable_period() = p.period;
    absl::Status s =
        Time(absl::StrCat("GetPassbook ", p.label), repetitions,
             [&](grpc::ClientContext* context) {
               v1::Passbook response;
               return stub->GetPassbook(context, passbook, &response);
             });
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status TimeAreaStatus(const std::string& target,
                            const client::Credentials& credentials,
                            const std::string& area, int repetitions) {
  auto channel = client::OpenChannel(target, credentials);
  if (!channel.ok()) return channel.status();
  auto stub = v1::PartnerService::NewStub(*channel);
  v1::GetAreaStatusRequest request;
  request.set_area_code_prefix(area);
  v1::AreaStatus last;
  PrintTimingHeader();
  absl::Status timed =
      Time(absl::StrCat("GetAreaStatus ", area), repetitions,
           [&](grpc::ClientContext* context) {
             return stub->GetAreaStatus(context, request, &last);
           });
  if (timed.ok()) {
    std::printf("  area %s: %d funds counted\n", area.c_str(),
                last.fund_count());
  }
  return timed;
}

}  // namespace welfare::bench
