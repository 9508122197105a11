// A collection day: every row checked before anything is written, every bad
// row reported with its line, and all rows written atomically or none.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using ::testing::HasSubstr;
using ::testing::SizeIs;

constexpr char kFund[] = "funds/ban-collect";

class CollectionDayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    v1::CreateFundRequest fund;
    fund.set_fund_id("ban-collect");
    fund.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชนบ้านเก็บ");
    // Before every date the test writes.
    *fund.mutable_fund()->mutable_founding_date() = MakeDate(2025, 1, 1);
    fund.mutable_fund()->set_area_code("330101");
    ASSERT_THAT(client_->CreateFund(fund), IsOk());
    for (int i = 1; i <= 3; ++i) {
      v1::RegisterMemberRequest member;
      member.set_parent(kFund);
      member.mutable_member()->set_category(v1::MEMBER_CATEGORY_GENERAL);
      *member.mutable_member()->mutable_join_date() = MakeDate(2026, 1, 1);
      member.mutable_member()->mutable_profile()->set_full_name(
          absl::StrCat("สมาชิก ", i));
      member.mutable_member()->mutable_profile()->set_national_id(
          NationalIdFor(i));
      ASSERT_THAT(client_->RegisterMember(member), IsOk());
    }
  }

  static v1::CollectionRow Row(int line, int member, int month, int count,
                               int64_t satang) {
    v1::CollectionRow row;
    row.set_line(line);
    row.set_member_number(member);
    row.mutable_months()->mutable_first_month()->set_year(2026);
    row.mutable_months()->mutable_first_month()->set_month(month);
    row.mutable_months()->set_month_count(count);
    row.set_amount_satang(satang);
    return row;
  }

  v1::RecordCollectionDayRequest Day(std::vector<v1::CollectionRow> rows) {
    v1::RecordCollectionDayRequest request;
    request.set_parent(kFund);
    *request.mutable_effective_date() = MakeDate(2026, 6, 5);
    for (auto& row : rows) *request.add_rows() = std::move(row);
    return request;
  }

  uint64_t JournalSize() {
    v1::GetFundRequest request;
    request.set_name(kFund);
    auto fund = client_->GetFund(request);
    EXPECT_THAT(fund, IsOk());
    return fund.ok() ? fund->journal_size() : 0;
  }

  int PaidRuns(int member_number) {
    v1::GetMemberRequest request;
    request.set_name(absl::StrCat(kFund, "/members/", member_number));
    auto member = client_->GetMember(request);
    EXPECT_THAT(member, IsOk());
    return member.ok() ? member->paid_months_size() : -1;
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
};

TEST_F(CollectionDayTest, GoodRowsBecomeOneReceiptEach) {
  const uint64_t before = JournalSize();
  auto written = client_->RecordCollectionDay(
      Day({Row(2, 1, 6, 1, 3000), Row(3, 2, 1, 12, 36500),
           Row(4, 3, 6, 1, 3000), Row(5, 1, 7, 1, 3000)}));
  ASSERT_THAT(written, IsOk());
  EXPECT_EQ(written->first_sequence(), before + 1);
  EXPECT_EQ(written->entry_count(), 4u);
  EXPECT_EQ(written->total_satang(), 45500);
  ASSERT_THAT(written->receipts(), SizeIs(4));
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(written->receipts(i).number(), static_cast<uint32_t>(i + 1));
    EXPECT_EQ(written->receipts(i).fiscal_year(), 2026);
  }
  EXPECT_EQ(JournalSize(), before + 4);
  EXPECT_EQ(PaidRuns(1), 1);  // June and July, merged.
  v1::GetEntryRequest get;
  get.set_name(absl::StrCat(kFund, "/entries/", before + 2));
  auto entry = client_->GetEntry(get);
  ASSERT_THAT(entry, IsOk());
  EXPECT_EQ(entry->member_number(), 2);
  EXPECT_EQ(entry->contribution().source(),
            v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  EXPECT_EQ(entry->contribution().months().month_count(), 12);
  EXPECT_EQ(entry->effective_date().day(), 5);
}

TEST_F(CollectionDayTest, OneBadRowWritesNothingAndEveryBadRowIsNamed) {
  const uint64_t before = JournalSize();
  auto refused = client_->RecordCollectionDay(Day({
      Row(2, 1, 6, 1, 3000), Row(3, 9, 6, 1, 3000),  // No member 9.
      Row(4, 2, 6, 1, 3000),
      Row(5, 1, 6, 1, 3000),    // June paid by line 2 already.
      Row(6, 3, 6, 1, 0),       // No amount.
      Row(7, 3, 6, 200, 3000),  // Too many months.
  }));
  ASSERT_THAT(refused,
              HasError(absl::StatusCode::kInvalidArgument, "ROWS_INVALID"));
  const std::string message(refused.status().message());
  EXPECT_THAT(message, HasSubstr("4 of 6 rows are wrong; nothing was written"));
  EXPECT_THAT(message, HasSubstr("line 3 (member 9): MEMBER_NOT_FOUND"));
  EXPECT_THAT(message,
              HasSubstr("line 5 (member 1): DUES_MONTHS_ALREADY_PAID"));
  EXPECT_THAT(message, HasSubstr("line 6 (member 3): AMOUNT_MUST_BE_POSITIVE"));
  EXPECT_THAT(message, HasSubstr("line 7 (member 3): FIELD_INVALID"));
  EXPECT_THAT(message, Not(HasSubstr("line 2 ")));
  EXPECT_THAT(message, Not(HasSubstr("line 4 ")));
  // Nothing at all was written: no entry, no paid month, no receipt.
  EXPECT_EQ(JournalSize(), before);
  EXPECT_EQ(PaidRuns(1), 0);
  EXPECT_EQ(PaidRuns(2), 0);
  v1::ListDocumentsRequest list;
  list.set_parent(kFund);
  list.set_kind(v1::DOCUMENT_KIND_RECEIPT);
  list.set_fiscal_year(2026);
  auto receipts = client_->ListDocuments(list);
  ASSERT_THAT(receipts, IsOk());
  EXPECT_THAT(receipts->documents(), SizeIs(0));
}

TEST_F(CollectionDayTest, ValidateOnlyAnswersTheProblemsAndWritesNothing) {
  const uint64_t before = JournalSize();
  auto request =
      Day({Row(2, 1, 6, 1, 3000), Row(3, 9, 6, 1, 3000), Row(4, 1, 6, 1, 10)});
  request.set_validate_only(true);
  auto checked = client_->RecordCollectionDay(request);
  ASSERT_THAT(checked, IsOk());
  ASSERT_THAT(checked->problems(), SizeIs(2));
  EXPECT_EQ(checked->problems(0).line(), 3);
  EXPECT_EQ(checked->problems(0).row(), 1);
  EXPECT_EQ(checked->problems(0).reason(), "MEMBER_NOT_FOUND");
  EXPECT_EQ(checked->problems(1).line(), 4);
  EXPECT_EQ(checked->problems(1).reason(), "DUES_MONTHS_ALREADY_PAID");
  EXPECT_EQ(checked->entry_count(), 0u);
  EXPECT_EQ(JournalSize(), before);

  auto good = Day({Row(2, 1, 6, 1, 3000)});
  good.set_validate_only(true);
  auto clean = client_->RecordCollectionDay(good);
  ASSERT_THAT(clean, IsOk());
  EXPECT_THAT(clean->problems(), SizeIs(0));
  EXPECT_EQ(JournalSize(), before);
  good.set_validate_only(false);
  ASSERT_THAT(client_->RecordCollectionDay(good), IsOk());
  EXPECT_EQ(JournalSize(), before + 1);
}

TEST_F(CollectionDayTest, ARepeatedRequestIsWrittenOnce) {
  auto request = Day({Row(2, 1, 6, 1, 3000), Row(3, 2, 6, 1, 3000)});
  request.set_request_id("collection-2026-06-05");
  auto first = client_->RecordCollectionDay(request);
  ASSERT_THAT(first, IsOk());
  const uint64_t after = JournalSize();
  auto again = client_->RecordCollectionDay(request);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->first_sequence(), first->first_sequence());
  EXPECT_EQ(JournalSize(), after);
}

TEST_F(CollectionDayTest, WhatEveryRowSharesIsCheckedOnce) {
  auto request = Day({Row(2, 1, 6, 1, 3000)});
  request.set_deposit_account_code("4101");  // Not cash or bank.
  EXPECT_THAT(
      client_->RecordCollectionDay(request),
      HasError(absl::StatusCode::kInvalidArgument, "ACCOUNT_CODE_INVALID"));
  request.set_deposit_account_code("");
  *request.mutable_effective_date() = MakeDate(2026, 12, 1);
  EXPECT_THAT(client_->RecordCollectionDay(request),
              HasError(absl::StatusCode::kInvalidArgument, "DATE_IN_FUTURE"));
  EXPECT_THAT(client_->RecordCollectionDay(Day({})),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
}

}  // namespace
}  // namespace welfare::testing
