// A member's passbook and CODI's fund status form of seeded random funds
// equal an independent re-derivation from the entries and members the API
// lists.
#include <map>

#include "google/protobuf/util/message_differencer.h"
#include "tests/integration/reports/rederive_fixture.h"

namespace welfare::testing {
namespace {

using MemberReportsTest = RederiveTest;
using google::protobuf::util::MessageDifferencer;

const absl::CivilDay kToday(2026, 6, 15);  // test_util's clock.

int64_t MoneyOf(const v1::Entry& entry) {
  int64_t money = 0;
  for (const auto& posting : entry.postings()) {
    if (posting.side() == v1::DEBIT) money += posting.amount_satang();
  }
  return money;
}

bool Paid(const v1::Member& member, absl::CivilMonth month) {
  for (const auto& run : member.paid_months()) {
    const absl::CivilMonth first(run.first_month().year(),
                                 run.first_month().month());
    if (month >= first && month < first + run.month_count()) return true;
  }
  return false;
}

TEST_P(MemberReportsTest, PassbookOfEveryMember) {
  for (const PeriodCase& c : Periods()) {
    SCOPED_TRACE(c.label);
    for (const v1::Member& member : model_->members()) {
      SCOPED_TRACE(member.name());
      v1::GetPassbookRequest request;
      request.set_name(member.name());
      *request.mutable_period() = c.period;
      auto passbook = rpc_.Call(&Reports::GetPassbook, request);
      ASSERT_THAT(passbook, IsOk());
      ExpectHeader(passbook->header(), c.days);
      EXPECT_EQ(passbook->member_number(), member.member_number());
      EXPECT_EQ(passbook->status(), ReportModel::StatusOn(member, c.days.last));

      // The money entries about the member in the period.
      std::vector<const v1::Entry*> lines;
      int64_t dues = 0, fees = 0, benefits = 0;
      for (const v1::Entry& entry : model_->entries()) {
        const absl::CivilDay day = CivilOf(entry.effective_date());
        if (entry.member_number() != member.member_number() ||
            day < c.days.first || day > c.days.last) {
          continue;
        }
        const bool reversal = entry.kind() == v1::ENTRY_KIND_REVERSAL;
        const v1::Entry& about =
            reversal ? model_->Entry(entry.reversal().reversed_sequence())
                     : entry;
        if (!about.has_contribution() && !about.has_disbursement()) continue;
        lines.push_back(&entry);
        const int64_t amount = (reversal ? -1 : 1) * MoneyOf(about);
        if (about.contribution().source() ==
            v1::CONTRIBUTION_SOURCE_MEMBER_DUES) {
          dues += amount;
        } else if (about.contribution().source() ==
                   v1::CONTRIBUTION_SOURCE_ENTRY_FEE) {
          fees += amount;
        } else if (about.disbursement().has_benefit()) {
          benefits += amount;
        }
      }
      ASSERT_EQ(passbook->lines_size(), lines.size());
      for (size_t i = 0; i < lines.size(); ++i) {
        const auto& line = passbook->lines(static_cast<int>(i));
        EXPECT_EQ(line.sequence(), lines[i]->sequence());
        const bool reversal = lines[i]->kind() == v1::ENTRY_KIND_REVERSAL;
        const v1::Entry& about =
            reversal ? model_->Entry(lines[i]->reversal().reversed_sequence())
                     : *lines[i];
        EXPECT_EQ(line.amount_satang(), (reversal ? -1 : 1) * MoneyOf(about));
        EXPECT_EQ(line.reverses_sequence(),
                  reversal ? lines[i]->reversal().reversed_sequence() : 0);
        EXPECT_EQ(line.reversed_by_sequence(),
                  lines[i]->reversed_by_sequence());
      }
      EXPECT_EQ(passbook->dues_total_satang(), dues);
      EXPECT_EQ(passbook->fees_total_satang(), fees);
      EXPECT_EQ(passbook->benefits_total_satang(), benefits);

      // Months active in the period: paid, or missed once they began.
      std::vector<absl::CivilMonth> paid, missed;
      const absl::CivilDay join = CivilOf(member.join_date());
      for (absl::CivilMonth month(std::max(c.days.first, join));
           month <= absl::CivilMonth(c.days.last); ++month) {
        const absl::CivilDay month_end =
            std::min(absl::CivilDay(month + 1) - 1, c.days.last);
        if (month_end < join || ReportModel::StatusOn(member, month_end) !=
                                    v1::MEMBER_STATUS_ACTIVE) {
          continue;
        }
        if (Paid(member, month)) {
          paid.push_back(month);
        } else if (absl::CivilDay(month) <= kToday) {
          missed.push_back(month);
        }
      }
      auto months_of = [](const auto& list) {
        std::vector<absl::CivilMonth> months;
        for (const auto& ym : list) months.emplace_back(ym.year(), ym.month());
        return months;
      };
      EXPECT_EQ(months_of(passbook->months_paid()), paid);
      EXPECT_EQ(months_of(passbook->months_missed()), missed);
    }
  }
}

TEST_P(MemberReportsTest, FundStatusForm) {
  for (const PeriodCase& c : Periods()) {
    SCOPED_TRACE(c.label);
    auto form = rpc_.Call(&Reports::GetFundStatusForm, Request(c));
    ASSERT_THAT(form, IsOk());
    ExpectHeader(form->header(), c.days);
    int64_t founding = 0, joined = 0;
    std::map<int, int64_t> current;
    for (const v1::Member& member : model_->members()) {
      const absl::CivilDay join = CivilOf(member.join_date());
      founding += join <= absl::CivilDay(2023, 7, 1);
      if (join > c.days.last) continue;
      ++joined;
      if (ReportModel::StatusOn(member, c.days.last) ==
          v1::MEMBER_STATUS_ACTIVE) {
        ++current[member.category()];
      }
    }
    EXPECT_EQ(form->members_founding(), founding);
    EXPECT_EQ(form->members_cumulative(), joined);
    ASSERT_EQ(form->members_current_size(), 6);
    int64_t current_total = 0;
    for (const auto& count : form->members_current()) {
      EXPECT_EQ(count.count(), current[count.category()]) << count.category();
      current_total += count.count();
    }
    EXPECT_EQ(form->members_current_total(), current_total);

    int64_t opening = 0, cash = 0, bank = 0;
    for (const auto& account : model_->accounts()) {
      const bool investment = account.code().substr(0, 2) == "12";
      if (!model_->IsCashOrBank(account.code()) && !investment) continue;
      opening += Opening(account.code(), c.days);
      if (account.kind() == v1::ACCOUNT_KIND_CASH) {
        cash += Closing(account.code(), c.days);
      } else if (account.kind() == v1::ACCOUNT_KIND_BANK) {
        bank += Closing(account.code(), c.days);
      }
    }
    EXPECT_EQ(form->opening_balance_satang(), opening);
    EXPECT_EQ(form->cash_satang(), cash);
    EXPECT_EQ(form->bank_satang(), bank);
    EXPECT_EQ(form->investments_satang(), 0);

    // The form's parts are the reports of the same period.
    auto income = rpc_.Call(&Reports::GetContributionsBySource, Request(c));
    auto benefits = rpc_.Call(&Reports::GetBenefitsByCategory, Request(c));
    auto cash_book = rpc_.Call(&Reports::GetReceiptsAndPayments, Request(c));
    ASSERT_THAT(income, IsOk());
    ASSERT_THAT(benefits, IsOk());
    ASSERT_THAT(cash_book, IsOk());
    EXPECT_TRUE(MessageDifferencer::Equals(form->income(), *income));
    EXPECT_TRUE(MessageDifferencer::Equals(form->benefits(), *benefits));
    EXPECT_TRUE(
        MessageDifferencer::Equals(form->receipts_and_payments(), *cash_book));
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, MemberReportsTest, ::testing::Values(4u, 5u));

}  // namespace
}  // namespace welfare::testing
