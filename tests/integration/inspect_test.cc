// welfared --inspect: read-only looks into a data folder, beside a running
// server, that write nothing (RocksDB's ldb would break later writes).
#include "services/server/inspect.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "storage/keys.h"
#include "tests/testing/test_util.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

struct Output {
  int status = 0;
  std::string out;
  std::string err;
};

Output RunInspect(const server::InspectRequest& request) {
  char* out_buffer = nullptr;
  size_t out_size = 0;
  char* err_buffer = nullptr;
  size_t err_size = 0;
  std::FILE* out = open_memstream(&out_buffer, &out_size);
  std::FILE* err = open_memstream(&err_buffer, &err_size);
  Output output;
  output.status = server::Inspect(request, out, err);
  std::fclose(out);
  std::fclose(err);
  output.out.assign(out_buffer, out_size);
  output.err.assign(err_buffer, err_size);
  std::free(out_buffer);
  std::free(err_buffer);
  return output;
}

class InspectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto client = server_.NewClient();
    v1::CreateFundRequest create;
    create.set_fund_id("ban-inspect");
    create.mutable_fund()->set_display_name("กองทุนทดสอบการตรวจดู");
    create.mutable_fund()->set_area_code("330101");
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 10, 1);
    ASSERT_THAT(client->CreateFund(create), IsOk());
    for (int i = 0; i < 3; ++i) {
      v1::RecordContributionRequest request;
      request.set_parent("funds/ban-inspect");
      request.mutable_contribution()->set_source(
          v1::CONTRIBUTION_SOURCE_DONATION);
      request.mutable_contribution()->set_amount_satang(100 + i);
      ASSERT_THAT(client->RecordContribution(request), IsOk());
    }
    v1::GetFundRequest get;
    get.set_name("funds/ban-inspect");
    auto fund = client->GetFund(get);
    ASSERT_THAT(fund, IsOk());
    journal_size_ = fund->journal_size();
  }

  server::InspectRequest Request(const std::string& what) {
    server::InspectRequest request;
    request.data_dir = server_.data_dir();
    request.what = what;
    return request;
  }

  TestServer server_;
  uint64_t journal_size_ = 0;
};

TEST_F(InspectTest, ListsFundsBesideARunningServer) {
  Output output = RunInspect(Request("funds"));
  EXPECT_EQ(output.status, 0) << output.err;
  EXPECT_THAT(output.out, ::testing::HasSubstr("ban-inspect"));
  EXPECT_THAT(output.out,
              ::testing::HasSubstr(absl::StrCat(" ", journal_size_, "  ")));
  EXPECT_THAT(output.out, ::testing::HasSubstr("กองทุนทดสอบการตรวจดู"));
  // The server goes on writing: the inspection left nothing behind.
  auto client = server_.NewClient();
  v1::RecordContributionRequest request;
  request.set_parent("funds/ban-inspect");
  request.mutable_contribution()->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
  request.mutable_contribution()->set_amount_satang(500);
  EXPECT_THAT(client->RecordContribution(request), IsOk());
}

TEST_F(InspectTest, PrintsEntriesAndScrubsFindingDamage) {
  server::InspectRequest entries = Request("entries");
  entries.fund = "ban-inspect";
  entries.first = journal_size_;
  Output output = RunInspect(entries);
  EXPECT_EQ(output.status, 0) << output.err;
  EXPECT_THAT(output.out,
              ::testing::HasSubstr(absl::StrCat(
                  "# entry ", journal_size_, " of fund ban-inspect: intact")));
  EXPECT_THAT(output.out,
              ::testing::HasSubstr("debit_minus_credit_satang: 102"));
  EXPECT_EQ(RunInspect(Request("scrub")).status, 0);

  server_.ChangeDatabase([](storage::Store& store) {
    ASSERT_TRUE(store.db()
                    ->Put(rocksdb::WriteOptions(),
                          store.handle(storage::Column::kJournal),
                          storage::keys::Entry("ban-inspect", 2),
                          std::string("not the entry"))
                    .ok());
  });
  Output scrub = RunInspect(Request("scrub"));
  EXPECT_EQ(scrub.status, 1);
  EXPECT_THAT(scrub.err, ::testing::HasSubstr("entry 2"));
  EXPECT_THAT(scrub.out, ::testing::HasSubstr("1 damaged"));
}

TEST_F(InspectTest, RefusesUnknownRequestsAndMissingFolders) {
  EXPECT_EQ(RunInspect(Request("everything")).status, 2);
  EXPECT_EQ(RunInspect(Request("entries")).status, 2);  // No fund.
  server::InspectRequest missing = Request("funds");
  missing.data_dir = server_.data_dir() + "/nowhere";
  Output output = RunInspect(missing);
  EXPECT_EQ(output.status, 1);
  EXPECT_FALSE(std::filesystem::exists(missing.data_dir));  // Made nothing.
}

}  // namespace
}  // namespace welfare::testing
