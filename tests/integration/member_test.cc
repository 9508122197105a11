// Members over a real server: registration, status history, correcting and
// erasing personal data (PDPA) without touching the journal, the birth date
// and sex that age and sex limits read, and paging.
#include "absl/strings/str_cat.h"
#include "tests/testing/journal_check.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

class MemberTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    v1::CreateFundRequest create;
    create.set_fund_id("ban-member");
    create.mutable_fund()->set_display_name("กองทุนทดสอบสมาชิก");
    // Before every date the test writes.
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 1, 1);
    create.mutable_fund()->set_area_code("330101");
    ASSERT_THAT(client_->CreateFund(create), IsOk());
  }

  absl::StatusOr<v1::Member> Register(
      int64_t id_seed, const std::string& name = "นายสมชาย รักดี") {
    v1::RegisterMemberRequest request;
    request.set_parent("funds/ban-member");
    request.mutable_member()->set_category(v1::MEMBER_CATEGORY_ELDERLY);
    *request.mutable_member()->mutable_join_date() = MakeDate(2026, 1, 10);
    request.mutable_member()->set_village_code("33010105");
    auto* profile = request.mutable_member()->mutable_profile();
    profile->set_full_name(name);
    profile->set_national_id(NationalIdFor(id_seed));
    profile->set_nominee_name("นางสมหญิง รักดี");
    profile->set_nominee_relationship("คู่สมรส");
    return client_->RegisterMember(request);
  }

  absl::StatusOr<v1::Member> ChangeStatus(int number, v1::MemberStatus status,
                                          v1::Date date) {
    v1::ChangeMemberStatusRequest request;
    request.set_name(absl::StrCat("funds/ban-member/members/", number));
    request.mutable_change()->set_status(status);
    *request.mutable_change()->mutable_effective_date() = date;
    request.mutable_change()->set_reason("แจ้งโดยผู้ใหญ่บ้าน");
    return client_->ChangeMemberStatus(request);
  }

  absl::StatusOr<v1::Member> Get(int number) {
    v1::GetMemberRequest request;
    request.set_name(absl::StrCat("funds/ban-member/members/", number));
    return client_->GetMember(request);
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
};

TEST_F(MemberTest, RegistrationNumbersMembersAndKeepsOnlyAMaskedId) {
  auto first = Register(11);
  auto second = Register(12, "นางมาลี ศรีสุข");
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(first->member_number(), 1);
  EXPECT_EQ(second->member_number(), 2);
  EXPECT_EQ(first->status(), v1::MEMBER_STATUS_ACTIVE);
  EXPECT_EQ(first->profile().national_id(), "");
  const std::string id = NationalIdFor(11);
  EXPECT_EQ(
      first->profile().national_id_masked(),
      absl::StrCat("x-xxxx-xxxxx-", id.substr(10, 2), "-", id.substr(12)));
  EXPECT_EQ(first->profile_hash().size(), 64u);
  // The journal's entry names the member by number and hash only.
  v1::GetEntryRequest entry;
  entry.set_name(
      absl::StrCat("funds/ban-member/entries/", first->registered_sequence()));
  auto registered = client_->GetEntry(entry);
  ASSERT_THAT(registered, IsOk());
  EXPECT_EQ(registered->member_registered().profile_hash(),
            first->profile_hash());
  EXPECT_EQ(registered->SerializeAsString().find("สมชาย"), std::string::npos);
  EXPECT_EQ(registered->SerializeAsString().find(id), std::string::npos);
}

TEST_F(MemberTest, StatusHistoryFollowsTheChangesAndRefusesTheImpossible) {
  ASSERT_THAT(Register(21), IsOk());
  ASSERT_THAT(ChangeStatus(1, v1::MEMBER_STATUS_LAPSED, MakeDate(2026, 4, 1)),
              IsOk());
  ASSERT_THAT(ChangeStatus(1, v1::MEMBER_STATUS_ACTIVE, MakeDate(2026, 5, 1)),
              IsOk());
  EXPECT_THAT(
      ChangeStatus(1, v1::MEMBER_STATUS_RESIGNED, MakeDate(2026, 4, 15)),
      HasError(absl::StatusCode::kFailedPrecondition,
               "STATUS_TRANSITION_INVALID"));
  auto died = ChangeStatus(1, v1::MEMBER_STATUS_DECEASED, MakeDate(2026, 6, 1));
  ASSERT_THAT(died, IsOk());
  EXPECT_EQ(died->status(), v1::MEMBER_STATUS_DECEASED);
  ASSERT_EQ(died->status_history_size(), 4);
  EXPECT_EQ(died->status_history(1).status(), v1::MEMBER_STATUS_LAPSED);
  EXPECT_EQ(died->status_history(3).effective_date().day(), 1);
  EXPECT_THAT(ChangeStatus(1, v1::MEMBER_STATUS_ACTIVE, MakeDate(2026, 6, 10)),
              HasError(absl::StatusCode::kFailedPrecondition,
                       "STATUS_TRANSITION_INVALID"));
  EXPECT_THAT(ChangeStatus(9, v1::MEMBER_STATUS_ACTIVE, MakeDate(2026, 6, 10)),
              HasError(absl::StatusCode::kNotFound, "MEMBER_NOT_FOUND"));
}

TEST_F(MemberTest, CorrectingAProfileRecordsOnlyItsNewHash) {
  auto member = Register(31);
  ASSERT_THAT(Register(32), IsOk());
  ASSERT_THAT(member, IsOk());
  v1::UpdateMemberProfileRequest update;
  update.set_name("funds/ban-member/members/1");
  update.mutable_profile()->set_full_name("นายสมชาย รักดีมาก");
  update.mutable_profile()->set_address("12 หมู่ 5 ตำบลเมืองเหนือ");
  auto updated = client_->UpdateMemberProfile(update);
  ASSERT_THAT(updated, IsOk());
  EXPECT_EQ(updated->profile().full_name(), "นายสมชาย รักดีมาก");
  // No new national ID given: the old one is kept.
  EXPECT_EQ(updated->profile().national_id_masked(),
            member->profile().national_id_masked());
  EXPECT_NE(updated->profile_hash(), member->profile_hash());

  // Another member's national ID is refused; the books do not move.
  update.clear_request_id();
  update.mutable_profile()->set_national_id(NationalIdFor(32));
  EXPECT_THAT(
      client_->UpdateMemberProfile(update),
      HasError(absl::StatusCode::kAlreadyExists, "MEMBER_ALREADY_REGISTERED"));
  auto journal = ReadAndCheckJournal(*client_, "ban-member");
  ASSERT_THAT(journal, IsOk());
  EXPECT_EQ(journal->entries.back().kind(),
            v1::ENTRY_KIND_MEMBER_PROFILE_CHANGED);
  EXPECT_EQ(journal->entries.back().profile_changed().profile_hash(),
            updated->profile_hash());
}

TEST_F(MemberTest, BirthDateAndSexAreKeptOnlyInTheProfile) {
  v1::RegisterMemberRequest request;
  request.set_parent("funds/ban-member");
  request.mutable_member()->set_category(v1::MEMBER_CATEGORY_ELDERLY);
  *request.mutable_member()->mutable_join_date() = MakeDate(2026, 1, 10);
  auto* profile = request.mutable_member()->mutable_profile();
  profile->set_full_name("นางบุญมี ศรีสุข");
  profile->set_national_id(NationalIdFor(51));
  profile->set_sex(v1::SEX_FEMALE);
  // Bad birth dates and sexes are refused, each by name; nothing is written.
  struct Bad {
    v1::Date birth;
    int sex;
    const char* reason;
  };
  for (const Bad& bad : {
           Bad{MakeDate(1899, 12, 31), v1::SEX_FEMALE, "DATE_INVALID"},
           Bad{MakeDate(2503, 4, 12), v1::SEX_FEMALE, "DATE_INVALID"},
           Bad{MakeDate(1950, 2, 30), v1::SEX_FEMALE, "DATE_INVALID"},
           Bad{MakeDate(2026, 1, 11), v1::SEX_FEMALE, "DATE_INVALID"},
           Bad{MakeDate(2399, 1, 1), v1::SEX_FEMALE, "DATE_IN_FUTURE"},
           Bad{MakeDate(1947, 3, 9), 7, "FIELD_INVALID"},
       }) {
    SCOPED_TRACE(absl::StrCat(bad.birth.year(), "-", bad.birth.month(), "-",
                              bad.birth.day(), " sex ", bad.sex));
    *profile->mutable_birth_date() = bad.birth;
    profile->set_sex(static_cast<v1::Sex>(bad.sex));
    request.set_request_id(absl::StrCat("bad-", bad.birth.year(), bad.sex));
    EXPECT_THAT(client_->RegisterMember(request),
                HasError(absl::StatusCode::kInvalidArgument, bad.reason));
  }
  auto empty = ReadAndCheckJournal(*client_, "ban-member");
  ASSERT_THAT(empty, IsOk());
  const size_t entries = empty->entries.size();

  // Born 9 March 1947, before 1950 (the ledger's own first year).
  *profile->mutable_birth_date() = MakeDate(1947, 3, 9);
  profile->set_sex(v1::SEX_FEMALE);
  request.set_request_id("good");
  auto member = client_->RegisterMember(request);
  ASSERT_THAT(member, IsOk());
  EXPECT_EQ(member->profile().birth_date().SerializeAsString(),
            MakeDate(1947, 3, 9).SerializeAsString());
  EXPECT_EQ(member->profile().sex(), v1::SEX_FEMALE);

  // A correction keeps them only if given again (the API replaces the
  // whole profile); a birth date after joining is refused.
  v1::UpdateMemberProfileRequest update;
  update.set_name(member->name());
  *update.mutable_profile() = member->profile();
  update.mutable_profile()->clear_national_id_masked();
  *update.mutable_profile()->mutable_birth_date() = MakeDate(2026, 1, 11);
  update.set_request_id("late");
  EXPECT_THAT(client_->UpdateMemberProfile(update),
              HasError(absl::StatusCode::kInvalidArgument, "DATE_INVALID"));
  *update.mutable_profile()->mutable_birth_date() = MakeDate(1948, 3, 9);
  update.set_request_id("fixed");
  auto updated = client_->UpdateMemberProfile(update);
  ASSERT_THAT(updated, IsOk());
  EXPECT_EQ(updated->profile().birth_date().year(), 1948);
  EXPECT_NE(updated->profile_hash(), member->profile_hash());

  // The journal holds neither: the registration and the correction carry
  // only hashes.
  auto journal = ReadAndCheckJournal(*client_, "ban-member");
  ASSERT_THAT(journal, IsOk());
  ASSERT_EQ(journal->entries.size(), entries + 2);
  for (const auto& entry : journal->entries) {
    const std::string text = entry.DebugString();
    EXPECT_EQ(text.find("1947"), std::string::npos) << text;
    EXPECT_EQ(text.find("1948"), std::string::npos) << text;
    EXPECT_EQ(text.find("FEMALE"), std::string::npos) << text;
  }
}

TEST_F(MemberTest, ErasingAProfileKeepsTheJournalAndFreesTheId) {
  auto member = Register(41);
  ASSERT_THAT(member, IsOk());
  auto before = ReadAndCheckJournal(*client_, "ban-member");
  ASSERT_THAT(before, IsOk());

  v1::EraseMemberProfileRequest erase;
  erase.set_name("funds/ban-member/members/1");
  auto erased = client_->EraseMemberProfile(erase);
  ASSERT_THAT(erased, IsOk());
  EXPECT_TRUE(erased->profile().erased());
  EXPECT_EQ(erased->profile().full_name(), "");
  EXPECT_EQ(erased->profile().national_id_masked(), "");
  EXPECT_EQ(erased->member_number(), 1);

  // Every earlier entry is exactly as it was; one entry records the erasure.
  auto after = ReadAndCheckJournal(*client_, "ban-member");
  ASSERT_THAT(after, IsOk());
  ASSERT_EQ(after->entries.size(), before->entries.size() + 1);
  for (size_t i = 0; i < before->entries.size(); ++i) {
    EXPECT_EQ(after->entries[i].hash(), before->entries[i].hash());
  }
  EXPECT_EQ(after->entries.back().kind(), v1::ENTRY_KIND_MEMBER_PROFILE_ERASED);

  // Erased once is erased for good; the person may join again.
  erase.clear_request_id();
  EXPECT_THAT(
      client_->EraseMemberProfile(erase),
      HasError(absl::StatusCode::kFailedPrecondition, "PROFILE_ERASED"));
  auto again = Register(41);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->member_number(), 2);
}

TEST_F(MemberTest, ListingPagesThroughEveryMemberOnce) {
  for (int i = 0; i < 7; ++i) ASSERT_THAT(Register(50 + i), IsOk());
  v1::ListMembersRequest list;
  list.set_parent("funds/ban-member");
  list.set_page_size(3);
  std::vector<int> numbers;
  do {
    auto page = client_->ListMembers(list);
    ASSERT_THAT(page, IsOk());
    for (const auto& member : page->members()) {
      numbers.push_back(member.member_number());
    }
    list.set_page_token(page->next_page_token());
  } while (!list.page_token().empty());
  EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3, 4, 5, 6, 7}));
  // A token of one fund does not continue another's listing.
  list.set_page_size(3);
  list.set_page_token("");
  auto page = client_->ListMembers(list);
  ASSERT_THAT(page, IsOk());
  list.set_parent("funds/other-fund");
  list.set_page_token(page->next_page_token());
  EXPECT_THAT(
      client_->ListMembers(list),
      HasError(absl::StatusCode::kInvalidArgument, "PAGE_TOKEN_INVALID"));
}

}  // namespace
}  // namespace welfare::testing
