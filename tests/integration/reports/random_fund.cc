#include "tests/integration/reports/random_fund.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

const absl::CivilDay kFounding(2023, 7, 1);
const absl::CivilDay kToday(2026, 6, 15);  // test_util's clock.
// Dates every random fund has entries on: fiscal-year, year-end and leap
// day boundaries.
const absl::CivilDay kBoundaries[] = {
    absl::CivilDay(2023, 9, 30),  absl::CivilDay(2023, 10, 1),
    absl::CivilDay(2023, 12, 31), absl::CivilDay(2024, 1, 1),
    absl::CivilDay(2024, 2, 29),  absl::CivilDay(2024, 3, 1),
    absl::CivilDay(2024, 9, 30),  absl::CivilDay(2024, 10, 1),
    absl::CivilDay(2024, 12, 31), absl::CivilDay(2025, 1, 1),
    absl::CivilDay(2025, 9, 30),  absl::CivilDay(2025, 10, 1)};
const char* const kRounds[] = {"2567/1", "2568/1", "2568/2"};

v1::Date DateOfDay(absl::CivilDay day) {
  return MakeDate(static_cast<int>(day.year()), day.month(), day.day());
}

class Writer {
 public:
  Writer(client::LedgerClient& client, const RandomFundSpec& spec)
      : client_(client), spec_(spec), random_(spec.seed) {}

  RandomFundPeople Write() {
    v1::CreateFundRequest create;
    create.set_fund_id(spec_.fund_id);
    create.mutable_fund()->set_display_name(
        absl::StrCat("กองทุนสวัสดิการชุมชนทดสอบ ", spec_.fund_id));
    create.mutable_fund()->set_area_code(spec_.area_code);
    create.mutable_fund()->set_fiscal_year_start_month(
        spec_.fiscal_year_start_month);
    *create.mutable_fund()->mutable_founding_date() = DateOfDay(kFounding);
    EXPECT_TRUE(client_.CreateFund(create).ok());
    // Capital to pay from, on the founding day.
    Contribute(Source(v1::CONTRIBUTION_SOURCE_CODI_GRANT, 50'000'000),
               kFounding);
    for (int i = 0; i < spec_.members; ++i) Register(i);
    for (absl::CivilDay day : kBoundaries) {
      Contribute(Source(v1::CONTRIBUTION_SOURCE_DONATION, Amount(100, 2000)),
                 day);
      Benefit(day);
    }
    for (int i = 0; i < spec_.operations; ++i) RandomOperation();
    return people_;
  }

 private:
  int Pick(int n) {
    return std::uniform_int_distribution<int>(0, n - 1)(random_);
  }
  int64_t Amount(int64_t min_baht, int64_t max_baht) {
    return std::uniform_int_distribution<int64_t>(min_baht, max_baht)(random_) *
               100 +
           Pick(4) * 25;
  }
  absl::CivilDay DayBetween(absl::CivilDay first, absl::CivilDay last) {
    return first + Pick(static_cast<int>(last - first) + 1);
  }
  absl::CivilDay AnyDay() { return DayBetween(kFounding, kToday); }
  std::string Parent() const { return "funds/" + spec_.fund_id; }

  void Register(int i) {
    v1::RegisterMemberRequest request;
    request.set_parent(Parent());
    auto* member = request.mutable_member();
    member->set_category(static_cast<v1::MemberCategory>(1 + Pick(6)));
    const absl::CivilDay join =
        i < 5 ? kFounding : DayBetween(kFounding, absl::CivilDay(2025, 12, 31));
    *member->mutable_join_date() = DateOfDay(join);
    const std::string name =
        absl::StrCat("นางสาวทดสอบ ", spec_.fund_id, " ", i);
    const std::string id = NationalIdFor(spec_.seed * 1000 + i + 7);
    member->mutable_profile()->set_full_name(name);
    member->mutable_profile()->set_national_id(id);
    auto registered = client_.RegisterMember(request);
    EXPECT_TRUE(registered.ok()) << registered.status();
    if (!registered.ok()) return;
    people_.full_names.push_back(name);
    people_.national_ids.push_back(id);
    joins_.push_back(join);
  }

  static v1::Contribution Source(v1::ContributionSource source,
                                 int64_t satang) {
    v1::Contribution contribution;
    contribution.set_source(source);
    contribution.set_amount_satang(satang);
    return contribution;
  }

  void Contribute(v1::Contribution contribution, absl::CivilDay day) {
    if (Pick(3) == 0) contribution.set_deposit_account_code("1111");
    *contribution.mutable_effective_date() = DateOfDay(day);
    v1::RecordContributionRequest request;
    request.set_parent(Parent());
    *request.mutable_contribution() = contribution;
    Keep(client_.RecordContribution(request));
  }

  void Benefit(absl::CivilDay day) {
    if (joins_.empty()) return;
    v1::RecordDisbursementRequest request;
    request.set_parent(Parent());
    auto* paid = request.mutable_disbursement();
    auto* benefit = paid->mutable_benefit();
    benefit->set_category(static_cast<v1::BenefitCategory>(1 + Pick(16)));
    benefit->set_member_number(1 + Pick(static_cast<int>(joins_.size())));
    benefit->set_sub_type("ทดสอบ");
    paid->set_amount_satang(Amount(100, 3000));
    *paid->mutable_effective_date() = DateOfDay(day);
    Keep(client_.RecordDisbursement(request));
  }

  void RandomOperation() {
    const int kind = Pick(100);
    const absl::CivilDay day = AnyDay();
    if (kind < 30) {
      const int member = Pick(static_cast<int>(joins_.size()));
      v1::Contribution dues =
          Source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES, 3000 * (1 + Pick(3)));
      dues.set_member_number(member + 1);
      const absl::CivilMonth month(
          DayBetween(joins_[member], absl::CivilDay(2026, 12, 1)));
      dues.mutable_months()->mutable_first_month()->set_year(
          static_cast<int>(month.year()));
      dues.mutable_months()->mutable_first_month()->set_month(month.month());
      dues.mutable_months()->set_month_count(1 + Pick(3));
      Contribute(dues, day);
    } else if (kind < 35) {
      v1::Contribution fee = Source(v1::CONTRIBUTION_SOURCE_ENTRY_FEE, 2000);
      fee.set_member_number(1 + Pick(static_cast<int>(joins_.size())));
      Contribute(fee, day);
    } else if (kind < 43) {
      v1::Contribution match =
          Source(v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH, Amount(1000, 20000));
      match.set_matching_round(kRounds[Pick(3)]);
      Contribute(match, day);
    } else if (kind < 50) {
      const v1::ContributionSource sources[] = {
          v1::CONTRIBUTION_SOURCE_DONATION,
          v1::CONTRIBUTION_SOURCE_BANK_INTEREST,
          v1::CONTRIBUTION_SOURCE_LOCAL_GOVERNMENT,
          v1::CONTRIBUTION_SOURCE_ACTIVITY_PROFIT};
      Contribute(Source(sources[Pick(4)], Amount(50, 5000)), day);
    } else if (kind < 72) {
      Benefit(day);
    } else if (kind < 78) {
      v1::RecordDisbursementRequest request;
      request.set_parent(Parent());
      auto* paid = request.mutable_disbursement();
      paid->mutable_operating_cost()->set_kind(
          static_cast<v1::CostKind>(1 + Pick(6)));
      paid->mutable_operating_cost()->set_description("ค่าใช้จ่าย");
      paid->set_amount_satang(Amount(50, 1500));
      if (Pick(2) == 0) paid->set_payment_account_code("1111");
      *paid->mutable_effective_date() = DateOfDay(day);
      Keep(client_.RecordDisbursement(request));
    } else if (kind < 85) {
      Transaction(day);
    } else if (kind < 88) {
      ChangeStatus(day);
    } else {
      Reverse();
    }
  }

  // A transfer between cash and bank, an accrual that moves no cash, or a
  // receipt split across both.
  void Transaction(absl::CivilDay day) {
    v1::PostTransactionRequest request;
    request.set_parent(Parent());
    auto* transaction = request.mutable_transaction();
    *transaction->mutable_effective_date() = DateOfDay(day);
    auto post = [&](const char* code, v1::Side side, int64_t satang) {
      auto* posting = transaction->add_postings();
      posting->set_account_code(code);
      posting->set_side(side);
      posting->set_amount_satang(satang);
    };
    const int64_t amount = Amount(100, 3000);
    switch (Pick(3)) {
      case 0:
        post("1111", v1::DEBIT, amount);
        post("1101", v1::CREDIT, amount);
        break;
      case 1:
        post("5301", v1::DEBIT, amount);
        post("2101", v1::CREDIT, amount);
        break;
      default:
        post("1101", v1::DEBIT, amount + 500);
        post("1111", v1::CREDIT, amount);
        post("4509", v1::CREDIT, 500);
        break;
    }
    Keep(client_.PostTransaction(request));
  }

  void ChangeStatus(absl::CivilDay day) {
    const int member = Pick(static_cast<int>(joins_.size()));
    if (day < joins_[member]) return;
    v1::ChangeMemberStatusRequest request;
    request.set_name(absl::StrCat(Parent(), "/members/", member + 1));
    const v1::MemberStatus statuses[] = {
        v1::MEMBER_STATUS_RESIGNED, v1::MEMBER_STATUS_LAPSED,
        v1::MEMBER_STATUS_ACTIVE, v1::MEMBER_STATUS_DECEASED};
    request.mutable_change()->set_status(statuses[Pick(4)]);
    *request.mutable_change()->mutable_effective_date() = DateOfDay(day);
    request.mutable_change()->set_reason("ทดสอบ");
    client_.ChangeMemberStatus(request).IgnoreError();
  }

  void Reverse() {
    if (money_.empty()) return;
    const v1::Entry& target = money_[Pick(static_cast<int>(money_.size()))];
    const absl::CivilDay original(target.effective_date().year(),
                                  target.effective_date().month(),
                                  target.effective_date().day());
    v1::ReverseEntryRequest request;
    request.set_name(target.name());
    request.set_reason("บันทึกผิด");
    *request.mutable_effective_date() =
        DateOfDay(Pick(2) == 0 ? original : DayBetween(original, kToday));
    client_.ReverseEntry(request).IgnoreError();
  }

  void Keep(const absl::StatusOr<v1::Entry>& entry) {
    if (entry.ok()) money_.push_back(*entry);
  }

  client::LedgerClient& client_;
  const RandomFundSpec& spec_;
  std::mt19937 random_;
  std::vector<absl::CivilDay> joins_;
  std::vector<v1::Entry> money_;
  RandomFundPeople people_;
};

}  // namespace

RandomFundPeople WriteRandomFund(client::LedgerClient& client,
                                 const RandomFundSpec& spec) {
  return Writer(client, spec).Write();
}

}  // namespace welfare::testing
