// A data folder moved, restored or tampered with as operators do: the
// national-ID pepper must be the database's own, and page tokens are the
// server's own (one character changed is refused, not read as the end).
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr char kPepperFile[] = "/national-id-pepper.key";

class DataFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto client = server_.NewClient();
    v1::CreateFundRequest create;
    create.set_fund_id("ban-folder");
    create.mutable_fund()->set_display_name("กองทุนทดสอบโฟลเดอร์");
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 1, 1);
    create.mutable_fund()->set_area_code("330101");
    ASSERT_THAT(client->CreateFund(create), IsOk());
  }

  absl::StatusOr<v1::Member> Register(int64_t id_seed) {
    v1::RegisterMemberRequest request;
    request.set_parent("funds/ban-folder");
    request.set_request_id(absl::StrCat("register-", ++registrations_));
    request.mutable_member()->set_category(v1::MEMBER_CATEGORY_ELDERLY);
    *request.mutable_member()->mutable_join_date() = MakeDate(2026, 1, 10);
    request.mutable_member()->set_village_code("33010105");
    auto* profile = request.mutable_member()->mutable_profile();
    profile->set_full_name("นายสมชาย รักดี");
    profile->set_national_id(NationalIdFor(id_seed));
    profile->set_nominee_name("นางสมหญิง รักดี");
    profile->set_nominee_relationship("คู่สมรส");
    return server_.NewClient()->RegisterMember(request);
  }

  std::string PepperPath() const { return server_.data_dir() + kPepperFile; }

  TestServer server_;
  int registrations_ = 0;
};

auto Refused() {
  return ::testing::Property(&absl::Status::code,
                             absl::StatusCode::kFailedPrecondition);
}

// The defect: without its pepper file, the server made a new pepper and then
// took the same national ID a second time.
TEST_F(DataFolderTest, RefusesToStartWithoutThePepperOnceMembersExist) {
  ASSERT_THAT(Register(1), IsOk());
  server_.Stop();
  ASSERT_EQ(::unlink(PepperPath().c_str()), 0);
  const absl::Status started = server_.TryStart();
  EXPECT_THAT(started, Refused());
  EXPECT_THAT(std::string(started.message()),
              ::testing::HasSubstr("national-id-pepper.key"));
  // The refused start left no pepper of its own behind: the next start is
  // refused the same way, not taken for the database's pepper.
  EXPECT_FALSE(std::filesystem::exists(PepperPath()));
  EXPECT_THAT(server_.TryStart(), Refused());
}

TEST_F(DataFolderTest, RefusesAnotherFoldersPepper) {
  ASSERT_THAT(Register(1), IsOk());
  server_.Stop();
  {
    std::ofstream out(PepperPath(), std::ios::binary | std::ios::trunc);
    out << std::string(32, 'x');
  }
  EXPECT_THAT(server_.TryStart(), Refused());
}

TEST_F(DataFolderTest, TheRightPepperStillFindsDuplicatesAfterARestore) {
  ASSERT_THAT(Register(1), IsOk());
  server_.Stop();
  std::string pepper;
  {
    std::ifstream in(PepperPath(), std::ios::binary);
    pepper.assign(std::istreambuf_iterator<char>(in), {});
  }
  // Lost, then put back from the backup.
  ASSERT_EQ(::unlink(PepperPath().c_str()), 0);
  EXPECT_THAT(server_.TryStart(), Refused());
  {
    std::ofstream out(PepperPath(), std::ios::binary);
    out << pepper;
  }
  ASSERT_THAT(server_.TryStart(), IsOk());
  EXPECT_THAT(Register(1), HasError(absl::StatusCode::kAlreadyExists,
                                    "MEMBER_ALREADY_REGISTERED"));
}

TEST_F(DataFolderTest, AFolderWithoutMembersMayGetANewPepper) {
  server_.Stop();
  ASSERT_EQ(::unlink(PepperPath().c_str()), 0);
  ASSERT_THAT(server_.TryStart(), IsOk());
  EXPECT_TRUE(std::filesystem::exists(PepperPath()));
  ASSERT_THAT(Register(1), IsOk());
}

// The defect: a page token with one character changed returned an empty
// page and no next token, which a client reads as the end of the list.
TEST_F(DataFolderTest, PageTokensAreTheServersOwnAndSurviveARestart) {
  for (int i = 0; i < 5; ++i) ASSERT_THAT(Register(10 + i), IsOk());
  v1::ListMembersRequest list;
  list.set_parent("funds/ban-folder");
  list.set_page_size(2);
  auto first = server_.NewClient()->ListMembers(list);
  ASSERT_THAT(first, IsOk());
  const std::string token = first->next_page_token();
  ASSERT_FALSE(token.empty());
  for (size_t i = 0; i < token.size(); ++i) {
    std::string changed = token;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    list.set_page_token(changed);
    EXPECT_THAT(
        server_.NewClient()->ListMembers(list),
        HasError(absl::StatusCode::kInvalidArgument, "PAGE_TOKEN_INVALID"))
        << "character " << i;
  }
  server_.Restart();
  list.set_page_token(token);
  auto second = server_.NewClient()->ListMembers(list);
  ASSERT_THAT(second, IsOk());
  ASSERT_EQ(second->members_size(), 2);
  EXPECT_EQ(second->members(0).member_number(), 3);
}

}  // namespace
}  // namespace welfare::testing
