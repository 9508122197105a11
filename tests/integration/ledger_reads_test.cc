// Reads over a real server: entries listed by member, kind and date range
// page by page, and balances as of a date equal to the sum of the entries
// effective by then.
#include <map>

#include "absl/strings/str_cat.h"
#include "tests/testing/journal_check.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

class LedgerReadsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    v1::CreateFundRequest create;
    create.set_fund_id("ban-reads");
    create.mutable_fund()->set_display_name("กองทุนทดสอบการอ่าน");
    create.mutable_fund()->set_area_code("330101");
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 10, 1);
    ASSERT_THAT(client_->CreateFund(create), IsOk());
    for (int i = 0; i < 2; ++i) {
      v1::RegisterMemberRequest request;
      request.set_parent("funds/ban-reads");
      request.mutable_member()->set_category(v1::MEMBER_CATEGORY_GENERAL);
      *request.mutable_member()->mutable_join_date() = MakeDate(2025, 10, 1);
      request.mutable_member()->mutable_profile()->set_full_name("สมาชิก");
      request.mutable_member()->mutable_profile()->set_national_id(
          NationalIdFor(100 + i));
      ASSERT_THAT(client_->RegisterMember(request), IsOk());
    }
    // Entries 4..15: dues of members 1 and 2 and donations on the first of
    // each month from October 2025, recorded out of date order.
    const int months[] = {3, 1, 5, 2, 4, 6};
    for (int m : months) {
      const int year = 2025 + (9 + m) / 12;
      const int month = (9 + m) % 12 + 1;
      Contribute(Dues(1 + m % 2, year, month), MakeDate(year, month, 1));
      Contribute(Donation(1000 * m), MakeDate(year, month, 1));
    }
  }

  static v1::Contribution Dues(int member, int year, int month) {
    v1::Contribution dues;
    dues.set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
    dues.set_member_number(member);
    dues.set_amount_satang(3000);
    dues.mutable_months()->mutable_first_month()->set_year(year);
    dues.mutable_months()->mutable_first_month()->set_month(month);
    dues.mutable_months()->set_month_count(1);
    return dues;
  }

  static v1::Contribution Donation(int64_t satang) {
    v1::Contribution donation;
    donation.set_source(v1::CONTRIBUTION_SOURCE_DONATION);
    donation.set_amount_satang(satang);
    return donation;
  }

  void Contribute(v1::Contribution contribution, v1::Date date) {
    v1::RecordContributionRequest request;
    request.set_parent("funds/ban-reads");
    *contribution.mutable_effective_date() = date;
    *request.mutable_contribution() = contribution;
    ASSERT_THAT(client_->RecordContribution(request), IsOk());
  }

  // Every entry of a listing, following the page tokens.
  std::vector<v1::Entry> ListAll(v1::ListEntriesRequest request) {
    std::vector<v1::Entry> entries;
    request.set_parent("funds/ban-reads");
    request.set_page_size(2);
    do {
      auto page = client_->ListEntries(request);
      EXPECT_THAT(page, IsOk());
      if (!page.ok()) break;
      for (const auto& entry : page->entries()) entries.push_back(entry);
      request.set_page_token(page->next_page_token());
    } while (!request.page_token().empty());
    return entries;
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
};

TEST_F(LedgerReadsTest, ListingByMemberGivesOnlyTheirEntriesInSequenceOrder) {
  v1::ListEntriesRequest request;
  request.set_member_number(2);
  std::vector<v1::Entry> entries = ListAll(request);
  // Registration (entry 3) and the dues of months 1, 3, 5.
  ASSERT_EQ(entries.size(), 4u);
  uint64_t previous = 0;
  for (const auto& entry : entries) {
    EXPECT_EQ(entry.member_number(), 2);
    EXPECT_GT(entry.sequence(), previous);
    previous = entry.sequence();
  }
}

TEST_F(LedgerReadsTest, ListingByKindGivesOnlyThatKind) {
  v1::ListEntriesRequest request;
  request.set_kind(v1::ENTRY_KIND_MEMBER_REGISTERED);
  std::vector<v1::Entry> entries = ListAll(request);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].sequence(), 2u);
  EXPECT_EQ(entries[1].sequence(), 3u);
  request.set_kind(v1::ENTRY_KIND_CONTRIBUTION);
  EXPECT_EQ(ListAll(request).size(), 12u);
}

TEST_F(LedgerReadsTest, ListingByDateRangeGivesThatRangeInDateOrder) {
  v1::ListEntriesRequest request;
  *request.mutable_start_date() = MakeDate(2025, 12, 1);
  *request.mutable_end_date() = MakeDate(2026, 2, 28);
  std::vector<v1::Entry> entries = ListAll(request);
  ASSERT_EQ(entries.size(), 6u);  // December, January, February.
  for (size_t i = 1; i < entries.size(); ++i) {
    const auto& a = entries[i - 1].effective_date();
    const auto& b = entries[i].effective_date();
    EXPECT_LE(a.year() * 10000 + a.month() * 100 + a.day(),
              b.year() * 10000 + b.month() * 100 + b.day());
  }
  // Filters combine: member 1 within the range.
  request.set_member_number(1);
  std::vector<v1::Entry> member_entries = ListAll(request);
  ASSERT_EQ(member_entries.size(), 2u);  // December and February (m = 2, 4).
  for (const auto& entry : member_entries) {
    EXPECT_EQ(entry.member_number(), 1);
    const int month =
        entry.effective_date().year() * 100 + entry.effective_date().month();
    EXPECT_GE(month, 202512);
    EXPECT_LE(month, 202602);
  }
}

TEST_F(LedgerReadsTest, BalancesAsOfADateSumTheEntriesEffectiveByThen) {
  auto journal = ReadAndCheckJournal(*client_, "ban-reads");
  ASSERT_THAT(journal, IsOk());
  const v1::Date dates[] = {MakeDate(2025, 9, 30), MakeDate(2025, 12, 31),
                            MakeDate(2026, 2, 1), MakeDate(2026, 3, 31)};
  for (const v1::Date& as_of : dates) {
    SCOPED_TRACE(
        absl::StrCat(as_of.year(), "-", as_of.month(), "-", as_of.day()));
    std::map<std::string, int64_t> expected;
    for (const auto& entry : journal->entries) {
      const auto& d = entry.effective_date();
      if (std::make_tuple(d.year(), d.month(), d.day()) >
          std::make_tuple(as_of.year(), as_of.month(), as_of.day())) {
        continue;
      }
      for (const auto& posting : entry.postings()) {
        expected[posting.account_code()] += posting.side() == v1::DEBIT
                                                ? posting.amount_satang()
                                                : -posting.amount_satang();
      }
    }
    v1::GetBalancesRequest request;
    request.set_parent("funds/ban-reads");
    *request.mutable_as_of_date() = as_of;
    auto balances = client_->GetBalances(request);
    ASSERT_THAT(balances, IsOk());
    for (const auto& row : balances->balances()) {
      EXPECT_EQ(row.debit_minus_credit_satang(), expected[row.account_code()])
          << row.account_code();
    }
    EXPECT_EQ(balances->total_debit_satang(), balances->total_credit_satang());
  }
}

TEST_F(LedgerReadsTest, UnknownNamesAndBadTokensAreRefused) {
  v1::GetEntryRequest get;
  get.set_name("funds/ban-reads/entries/999");
  EXPECT_THAT(client_->GetEntry(get),
              HasError(absl::StatusCode::kNotFound, "ENTRY_NOT_FOUND"));
  get.set_name("funds/ban-reads/entries/007");
  EXPECT_THAT(client_->GetEntry(get),
              HasError(absl::StatusCode::kInvalidArgument, "NAME_MALFORMED"));
  v1::ListEntriesRequest list;
  list.set_parent("funds/ban-reads");
  list.set_page_token("not-a-token");
  EXPECT_THAT(
      client_->ListEntries(list),
      HasError(absl::StatusCode::kInvalidArgument, "PAGE_TOKEN_INVALID"));
  list.set_page_token("");
  list.set_page_size(1001);
  EXPECT_THAT(client_->ListEntries(list),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
  v1::GetBalancesRequest balances;
  balances.set_parent("funds/nowhere");
  EXPECT_THAT(client_->GetBalances(balances),
              HasError(absl::StatusCode::kNotFound, "FUND_NOT_FOUND"));
}

}  // namespace
}  // namespace welfare::testing
