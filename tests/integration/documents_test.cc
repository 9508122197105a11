// Receipts and vouchers: every contribution and disbursement gets the next
// number of its kind in the fiscal year of its effective date, with no gap
// and no duplicate, even under concurrent writers; a failed write uses no
// number; a reversed one stays in the sequence, void with its reason.
#include <atomic>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using ::testing::ElementsAre;
using ::testing::SizeIs;

class DocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    CreateFund("ban-doc", 0);
  }

  void CreateFund(const std::string& id, int fiscal_year_start_month) {
    v1::CreateFundRequest request;
    request.set_fund_id(id);
    request.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชน " + id);
    // Before every date the test writes.
    *request.mutable_fund()->mutable_founding_date() = MakeDate(2025, 1, 1);
    request.mutable_fund()->set_area_code("330101");
    request.mutable_fund()->set_fiscal_year_start_month(
        fiscal_year_start_month);
    ASSERT_THAT(client_->CreateFund(request), IsOk());
  }

  absl::StatusOr<v1::Entry> Donate(const std::string& fund, int64_t satang,
                                   const v1::Date& date) {
    v1::RecordContributionRequest request;
    request.set_parent("funds/" + fund);
    request.mutable_contribution()->set_source(
        v1::CONTRIBUTION_SOURCE_DONATION);
    request.mutable_contribution()->set_amount_satang(satang);
    request.mutable_contribution()->set_payer("อบต. หนองคู");
    *request.mutable_contribution()->mutable_effective_date() = date;
    return client_->RecordContribution(request);
  }

  absl::StatusOr<v1::Entry> Pay(const std::string& fund, int64_t satang,
                                const v1::Date& date) {
    v1::RecordDisbursementRequest request;
    request.set_parent("funds/" + fund);
    request.mutable_disbursement()->mutable_operating_cost()->set_kind(
        v1::COST_KIND_STATIONERY);
    request.mutable_disbursement()->set_amount_satang(satang);
    *request.mutable_disbursement()->mutable_effective_date() = date;
    return client_->RecordDisbursement(request);
  }

  // Every document of a kind and year, paging two at a time.
  std::vector<v1::Document> All(const std::string& fund, v1::DocumentKind kind,
                                int fiscal_year) {
    std::vector<v1::Document> all;
    v1::ListDocumentsRequest request;
    request.set_parent("funds/" + fund);
    request.set_kind(kind);
    request.set_fiscal_year(fiscal_year);
    request.set_page_size(2);
    for (int page = 0; page < 1000; ++page) {
      auto response = client_->ListDocuments(request);
      EXPECT_THAT(response, IsOk());
      if (!response.ok()) break;
      for (const auto& document : response->documents()) {
        all.push_back(document);
      }
      if (response->next_page_token().empty()) break;
      request.set_page_token(response->next_page_token());
    }
    return all;
  }

  static std::vector<uint32_t> Numbers(const std::vector<v1::Document>& all) {
    std::vector<uint32_t> numbers;
    for (const auto& document : all) {
      numbers.push_back(document.number().number());
    }
    return numbers;
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
};

TEST_F(DocumentsTest, NumbersRunPerKindAndFiscalYear) {
  // Fiscal year 2026 runs from 1 October 2025 to 30 September 2026.
  auto first = Donate("ban-doc", 10000, MakeDate(2025, 10, 1));
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->document().kind(), v1::DOCUMENT_KIND_RECEIPT);
  EXPECT_EQ(first->document().fiscal_year(), 2026);
  EXPECT_EQ(first->document().number(), 1u);
  EXPECT_EQ(first->document().name(), "funds/ban-doc/receipts/2026-1");
  // The day before belongs to fiscal year 2025, which starts its own run.
  auto earlier = Donate("ban-doc", 20000, MakeDate(2025, 9, 30));
  ASSERT_THAT(earlier, IsOk());
  EXPECT_EQ(earlier->document().fiscal_year(), 2025);
  EXPECT_EQ(earlier->document().number(), 1u);
  auto second = Donate("ban-doc", 30000, MakeDate(2026, 6, 15));
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(second->document().fiscal_year(), 2026);
  EXPECT_EQ(second->document().number(), 2u);
  // Vouchers count apart from receipts.
  auto voucher = Pay("ban-doc", 500, MakeDate(2026, 6, 1));
  ASSERT_THAT(voucher, IsOk());
  EXPECT_EQ(voucher->document().kind(), v1::DOCUMENT_KIND_VOUCHER);
  EXPECT_EQ(voucher->document().number(), 1u);
  EXPECT_EQ(voucher->document().name(), "funds/ban-doc/vouchers/2026-1");
  // A general transaction is neither.
  v1::PostTransactionRequest transfer;
  transfer.set_parent("funds/ban-doc");
  auto* posting = transfer.mutable_transaction()->add_postings();
  posting->set_account_code("1111");
  posting->set_side(v1::DEBIT);
  posting->set_amount_satang(100);
  posting = transfer.mutable_transaction()->add_postings();
  posting->set_account_code("1101");
  posting->set_side(v1::CREDIT);
  posting->set_amount_satang(100);
  auto moved = client_->PostTransaction(transfer);
  ASSERT_THAT(moved, IsOk());
  EXPECT_FALSE(moved->has_document());

  EXPECT_THAT(Numbers(All("ban-doc", v1::DOCUMENT_KIND_RECEIPT, 2026)),
              ElementsAre(1, 2));
  EXPECT_THAT(Numbers(All("ban-doc", v1::DOCUMENT_KIND_RECEIPT, 2025)),
              ElementsAre(1));
  EXPECT_THAT(Numbers(All("ban-doc", v1::DOCUMENT_KIND_VOUCHER, 2026)),
              ElementsAre(1));
  EXPECT_THAT(All("ban-doc", v1::DOCUMENT_KIND_VOUCHER, 2025), SizeIs(0));
}

TEST_F(DocumentsTest, AFundWhoseYearStartsInJanuaryNumbersByCalendarYear) {
  CreateFund("ban-jan", 1);
  auto december = Donate("ban-jan", 100, MakeDate(2025, 12, 31));
  auto january = Donate("ban-jan", 100, MakeDate(2026, 1, 1));
  ASSERT_THAT(december, IsOk());
  ASSERT_THAT(january, IsOk());
  EXPECT_EQ(december->document().fiscal_year(), 2025);
  EXPECT_EQ(january->document().fiscal_year(), 2026);
  EXPECT_EQ(january->document().number(), 1u);
}

TEST_F(DocumentsTest, ARefusedWriteUsesNoNumber) {
  ASSERT_THAT(Donate("ban-doc", 1000, MakeDate(2026, 6, 1)), IsOk());
  // More than the cash there is: refused, and voucher 1 is still free.
  EXPECT_THAT(
      Pay("ban-doc", 5000, MakeDate(2026, 6, 1)),
      HasError(absl::StatusCode::kFailedPrecondition, "INSUFFICIENT_FUNDS"));
  // A batch whose second item fails writes nothing and numbers nothing.
  v1::PostBatchRequest batch;
  batch.set_parent("funds/ban-doc");
  auto* ok_item = batch.add_items()->mutable_contribution();
  ok_item->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
  ok_item->set_amount_satang(100);
  *ok_item->mutable_effective_date() = MakeDate(2026, 6, 2);
  auto* bad_item = batch.add_items()->mutable_disbursement();
  bad_item->mutable_operating_cost()->set_kind(v1::COST_KIND_STATIONERY);
  bad_item->set_amount_satang(1000000);
  *bad_item->mutable_effective_date() = MakeDate(2026, 6, 2);
  EXPECT_THAT(
      client_->PostBatch(batch),
      HasError(absl::StatusCode::kFailedPrecondition, "INSUFFICIENT_FUNDS"));
  auto paid = Pay("ban-doc", 500, MakeDate(2026, 6, 3));
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->document().number(), 1u);
  auto received = Donate("ban-doc", 100, MakeDate(2026, 6, 3));
  ASSERT_THAT(received, IsOk());
  EXPECT_EQ(received->document().number(), 2u);
}

TEST_F(DocumentsTest, ABatchNumbersItsItemsInOrder) {
  v1::PostBatchRequest batch;
  batch.set_parent("funds/ban-doc");
  for (int i = 0; i < 5; ++i) {
    auto* item = batch.add_items()->mutable_contribution();
    item->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
    item->set_amount_satang(100 * (i + 1));
    *item->mutable_effective_date() = MakeDate(2026, 6, 1);
  }
  auto written = client_->PostBatch(batch);
  ASSERT_THAT(written, IsOk());
  const auto all = All("ban-doc", v1::DOCUMENT_KIND_RECEIPT, 2026);
  ASSERT_THAT(Numbers(all), ElementsAre(1, 2, 3, 4, 5));
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].entry().sequence(), written->first_sequence() + i);
    EXPECT_EQ(all[i].amount_satang(), 100 * static_cast<int64_t>(i + 1));
  }
}

TEST_F(DocumentsTest, AReversedReceiptKeepsItsNumberAndIsVoid) {
  auto wrong = Donate("ban-doc", 36500, MakeDate(2026, 6, 1));
  ASSERT_THAT(wrong, IsOk());
  v1::ReverseEntryRequest reverse;
  reverse.set_name(wrong->name());
  reverse.set_reason("ลงผิดคน");
  *reverse.mutable_effective_date() = MakeDate(2026, 6, 2);
  auto reversal = client_->ReverseEntry(reverse);
  ASSERT_THAT(reversal, IsOk());
  EXPECT_FALSE(reversal->has_document());
  auto next = Donate("ban-doc", 36500, MakeDate(2026, 6, 2));
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->document().number(), 2u);

  v1::GetDocumentRequest get;
  get.set_name("funds/ban-doc/receipts/2026-1");
  auto voided = client_->GetDocument(get);
  ASSERT_THAT(voided, IsOk());
  EXPECT_TRUE(voided->voided());
  EXPECT_EQ(voided->void_reason(), "ลงผิดคน");
  EXPECT_EQ(voided->voided_by_sequence(), reversal->sequence());
  EXPECT_EQ(voided->void_date().day(), 2);
  EXPECT_EQ(voided->amount_satang(), 36500);
  EXPECT_EQ(voided->fund_display_name(), "กองทุนสวัสดิการชุมชน ban-doc");
  EXPECT_EQ(voided->entry().sequence(), wrong->sequence());
  EXPECT_EQ(voided->entry().hash(), wrong->hash());
  get.set_name("funds/ban-doc/receipts/2026-2");
  auto valid = client_->GetDocument(get);
  ASSERT_THAT(valid, IsOk());
  EXPECT_FALSE(valid->voided());
  const auto all = All("ban-doc", v1::DOCUMENT_KIND_RECEIPT, 2026);
  ASSERT_THAT(Numbers(all), ElementsAre(1, 2));
  EXPECT_TRUE(all[0].voided());
}

TEST_F(DocumentsTest, BadNamesAndMissingNumbersAreRefused) {
  ASSERT_THAT(Donate("ban-doc", 100, MakeDate(2026, 6, 1)), IsOk());
  v1::GetDocumentRequest get;
  for (const char* name :
       {"funds/ban-doc/receipts/2026", "funds/ban-doc/receipts/2026-0",
        "funds/ban-doc/receipts/x-1", "funds/ban-doc/bills/2026-1",
        "funds/ban-doc/receipts/2026-1-1", "funds/ban-doc/receipts/-1"}) {
    get.set_name(name);
    EXPECT_THAT(client_->GetDocument(get),
                HasError(absl::StatusCode::kInvalidArgument, "NAME_MALFORMED"))
        << name;
  }
  get.set_name("funds/ban-doc/receipts/2026-2");
  EXPECT_THAT(client_->GetDocument(get),
              HasError(absl::StatusCode::kNotFound, "DOCUMENT_NOT_FOUND"));
  get.set_name("funds/ban-doc/vouchers/2026-1");
  EXPECT_THAT(client_->GetDocument(get),
              HasError(absl::StatusCode::kNotFound, "DOCUMENT_NOT_FOUND"));
  get.set_name("funds/ban-doc/receipts/2569-1");  // A Buddhist Era year.
  EXPECT_THAT(client_->GetDocument(get),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
  get.set_name("funds/no-such/receipts/2026-1");
  EXPECT_THAT(client_->GetDocument(get),
              HasError(absl::StatusCode::kNotFound, "FUND_NOT_FOUND"));

  v1::ListDocumentsRequest list;
  list.set_parent("funds/ban-doc");
  list.set_fiscal_year(2026);
  EXPECT_THAT(client_->ListDocuments(list),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
  list.set_kind(v1::DOCUMENT_KIND_RECEIPT);
  list.set_fiscal_year(2569);  // A Buddhist Era year.
  EXPECT_THAT(client_->ListDocuments(list),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
}

// Writers on many threads: the receipts of the year are exactly 1..N, one
// per acknowledged contribution, and numbers rise with the sequence.
TEST_F(DocumentsTest, ConcurrentWritersLeaveNoGapAndNoDuplicate) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 40;
  std::atomic<int> acknowledged{0};
  std::atomic<int> unexpected{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = server_.NewClient();
      for (int i = 0; i < kWritesPerThread; ++i) {
        v1::RecordContributionRequest request;
        request.set_parent("funds/ban-doc");
        request.set_request_id(absl::StrCat("t", t, "-", i));
        auto* contribution = request.mutable_contribution();
        contribution->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
        contribution->set_amount_satang(100 + i);
        *contribution->mutable_effective_date() = MakeDate(2026, 6, 1 + i % 14);
        if (client->RecordContribution(request).ok()) {
          ++acknowledged;
        } else {
          ++unexpected;
        }
        // A payment too large to make: refused, so it must use no number.
        v1::RecordDisbursementRequest payment;
        payment.set_parent("funds/ban-doc");
        payment.mutable_disbursement()->mutable_operating_cost()->set_kind(
            v1::COST_KIND_STATIONERY);
        payment.mutable_disbursement()->set_amount_satang(100000000);
        *payment.mutable_disbursement()->mutable_effective_date() =
            MakeDate(2026, 6, 14);
        if (client->RecordDisbursement(payment).ok()) ++unexpected;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(unexpected.load(), 0);
  ASSERT_EQ(acknowledged.load(), kThreads * kWritesPerThread);
  const auto all = All("ban-doc", v1::DOCUMENT_KIND_RECEIPT, 2026);
  ASSERT_THAT(all, SizeIs(kThreads * kWritesPerThread));
  std::set<uint64_t> sequences;
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].number().number(), i + 1);
    EXPECT_TRUE(sequences.insert(all[i].entry().sequence()).second);
    if (i > 0) {
      EXPECT_GT(all[i].entry().sequence(), all[i - 1].entry().sequence());
    }
  }
  EXPECT_THAT(All("ban-doc", v1::DOCUMENT_KIND_VOUCHER, 2026), SizeIs(0));
}

}  // namespace
}  // namespace welfare::testing
