#include "services/auth/principals.h"

#include <sys/stat.h>

#include <fstream>

#include "absl/strings/str_cat.h"
#include "services/auth/tokens.h"
#include "storage/keys.h"
#include "tests/testing/test_util.h"

namespace welfare::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using welfare::testing::HasError;
using welfare::testing::IsOk;
using welfare::testing::TempDir;

std::string ReadLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

class PrincipalsTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }

  void Open() {
    principals_.reset();
    store_.reset();
    storage::StoreOptions options;
    options.path = dir_.path() + "/db";
    auto store = storage::Store::Open(options);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
    auto principals = Principals::Open(store_.get(), &clock_, token_path());
    ASSERT_THAT(principals, IsOk());
    principals_ = *std::move(principals);
  }

  std::string token_path() const { return dir_.path() + "/admin.token"; }

  std::shared_ptr<const Principal> Admin() {
    auto admin = principals_->Authenticate(ReadLine(token_path()));
    EXPECT_THAT(admin, IsOk());
    return admin.ok() ? *admin : nullptr;
  }

  v1::AddPrincipalRequest Treasurer(const std::string& id) {
    v1::AddPrincipalRequest request;
    request.set_principal_id(id);
    request.set_role(v1::TREASURER);
    request.add_funds("funds/ban-nong");
    request.set_display_name("นางสมศรี ใจดี");
    return request;
  }

  TempDir dir_;
  storage::FakeClock clock_{welfare::testing::kTestNowMicros};
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<Principals> principals_;
};

TEST_F(PrincipalsTest, FirstStartWritesTheAdministratorTokenPrivately) {
  struct stat info;
  ASSERT_EQ(::stat(token_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  std::shared_ptr<const Principal> admin = Admin();
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(admin->id, kFirstAdministratorId);
  EXPECT_EQ(admin->role, v1::ADMINISTRATOR);
  EXPECT_TRUE(admin->all_funds);
  v1::ListAccessChangesResponse changes =
      *principals_->ListChanges(v1::ListAccessChangesRequest());
  ASSERT_EQ(changes.changes_size(), 1);
  EXPECT_EQ(changes.changes(0).actor(), kServerActor);
}

TEST_F(PrincipalsTest, TheDatabaseKeepsOnlyAHashOfEachToken) {
  auto added = principals_->Add(*Admin(), Treasurer("somsri"));
  ASSERT_THAT(added, IsOk());
  const std::string admin_token = ReadLine(token_path());
  std::optional<TokenParts> admin_parts = ParseToken(admin_token);
  std::optional<TokenParts> parts = ParseToken(added->token());
  ASSERT_TRUE(parts.has_value() && admin_parts.has_value());
  // Every byte the database holds, in every column family.
  std::string everything;
  for (int c = 0; c < storage::kColumnCount; ++c) {
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(
        rocksdb::ReadOptions(), store_->handle(storage::Column(c))));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      absl::StrAppend(&everything, it->key().ToString(),
                      it->value().ToString());
    }
  }
  for (const TokenParts* p : {&*parts, &*admin_parts}) {
    EXPECT_EQ(everything.find(p->secret), std::string::npos);
    EXPECT_NE(everything.find(SecretHash(p->secret)), std::string::npos);
  }
  EXPECT_EQ(everything.find(added->token()), std::string::npos);
}

TEST_F(PrincipalsTest, AddedPrincipalsAuthenticateAndSurviveReopening) {
  auto added = principals_->Add(*Admin(), Treasurer("somsri"));
  ASSERT_THAT(added, IsOk());
  EXPECT_EQ(added->principal().name(), "principals/somsri");
  EXPECT_EQ(added->principal().created_by(), "principals/admin");
  Open();
  auto somsri = principals_->Authenticate(added->token());
  ASSERT_THAT(somsri, IsOk());
  EXPECT_EQ((*somsri)->role, v1::TREASURER);
  EXPECT_TRUE((*somsri)->Covers("ban-nong"));
  EXPECT_FALSE((*somsri)->Covers("ban-khok"));
  EXPECT_FALSE((*somsri)->all_funds);
}

TEST_F(PrincipalsTest, RevokedUnknownAndMalformedTokensGetOneAnswer) {
  auto admin = Admin();
  auto added = principals_->Add(*admin, Treasurer("somsri"));
  ASSERT_THAT(added, IsOk());
  v1::RevokePrincipalRequest revoke;
  revoke.set_name("principals/somsri");
  revoke.set_reason("left the committee");
  auto revoked = principals_->Revoke(*admin, revoke);
  ASSERT_THAT(revoked, IsOk());
  EXPECT_EQ(revoked->revoked_by(), "principals/admin");
  Open();  // Revocation is durable.
  std::string wrong_secret = added->token();
  wrong_secret.back() = wrong_secret.back() == '0' ? '1' : '0';
  std::string unknown_key = NewToken().text;
  std::vector<std::string> messages;
  for (const std::string& token :
       {added->token(), wrong_secret, unknown_key, std::string("nonsense")}) {
    auto result = principals_->Authenticate(token);
    EXPECT_THAT(result, HasError(absl::StatusCode::kUnauthenticated,
                                 "CREDENTIALS_INVALID"));
    messages.push_back(std::string(result.status().message()));
    EXPECT_THAT(messages.back(), Not(HasSubstr(token)));
  }
  for (const std::string& message : messages) EXPECT_EQ(message, messages[0]);
  EXPECT_THAT(
      principals_->Revoke(*Admin(), revoke),
      HasError(absl::StatusCode::kFailedPrecondition, "PRINCIPAL_REVOKED"));
}

TEST_F(PrincipalsTest, BadRequestsAreRefusedAndWriteNothing) {
  auto admin = Admin();
  v1::AddPrincipalRequest bad_id = Treasurer("Somsri!");
  v1::AddPrincipalRequest no_role = Treasurer("somsri");
  no_role.set_role(v1::ROLE_UNSPECIFIED);
  v1::AddPrincipalRequest no_grant = Treasurer("somsri");
  no_grant.clear_funds();
  v1::AddPrincipalRequest both = Treasurer("somsri");
  both.set_all_funds(true);
  v1::AddPrincipalRequest bad_fund = Treasurer("somsri");
  bad_fund.add_funds("ban-khok");
  v1::AddPrincipalRequest twice = Treasurer("somsri");
  twice.add_funds("funds/ban-nong");
  v1::AddPrincipalRequest admin_with_funds = Treasurer("somsri");
  admin_with_funds.set_role(v1::ADMINISTRATOR);
  for (const auto* request : {&bad_id, &no_role, &no_grant, &both, &bad_fund,
                              &twice, &admin_with_funds}) {
    EXPECT_EQ(principals_->Add(*admin, *request).status().code(),
              absl::StatusCode::kInvalidArgument)
        << request->DebugString();
  }
  ASSERT_THAT(principals_->Add(*admin, Treasurer("somsri")), IsOk());
  EXPECT_THAT(
      principals_->Add(*admin, Treasurer("somsri")),
      HasError(absl::StatusCode::kAlreadyExists, "PRINCIPAL_ALREADY_EXISTS"));
  v1::RevokePrincipalRequest self;
  self.set_name("principals/admin");
  self.set_reason("oops");
  EXPECT_EQ(principals_->Revoke(*admin, self).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::RevokePrincipalRequest missing;
  missing.set_name("principals/nobody");
  missing.set_reason("gone");
  EXPECT_THAT(principals_->Revoke(*admin, missing),
              HasError(absl::StatusCode::kNotFound, "PRINCIPAL_NOT_FOUND"));
  // Only the administrator and somsri were ever added.
  EXPECT_EQ(principals_->List().principals_size(), 2);
  EXPECT_EQ(principals_->ListChanges({})->changes_size(), 2);
}

TEST_F(PrincipalsTest, AccessChangesArePagedInOrderWithoutGaps) {
  auto admin = Admin();
  for (int i = 0; i < 7; ++i) {
    ASSERT_THAT(principals_->Add(*admin, Treasurer(absl::StrCat("t-", i))),
                IsOk());
  }
  v1::ListAccessChangesRequest request;
  request.set_page_size(3);
  std::vector<int64_t> sequences;
  do {
    auto page = principals_->ListChanges(request);
    ASSERT_THAT(page, IsOk());
    for (const auto& change : page->changes()) {
      sequences.push_back(change.sequence());
      EXPECT_EQ(change.action(), v1::AccessChange::ADDED);
    }
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  ASSERT_EQ(sequences.size(), 8u);
  for (size_t i = 0; i < sequences.size(); ++i) {
    EXPECT_EQ(sequences[i], static_cast<int64_t>(i + 1));
  }
  request.set_page_token("garbage");
  EXPECT_EQ(principals_->ListChanges(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PrincipalsTest, AnExistingTokenFileWithAnEmptyDatabaseIsRefused) {
  TempDir other;
  storage::StoreOptions options;
  options.path = other.path() + "/db";
  auto store = storage::Store::Open(options);
  ASSERT_THAT(store, IsOk());
  { std::ofstream(other.path() + "/admin.token") << "stale\n"; }
  auto principals =
      Principals::Open(store->get(), &clock_, other.path() + "/admin.token");
  EXPECT_EQ(principals.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReadLine(other.path() + "/admin.token"), "stale");
  // Nothing was written: once the stale file is moved away, the next start
  // adds the administrator and its token works.
  ASSERT_EQ(::rename((other.path() + "/admin.token").c_str(),
                     (other.path() + "/stale.token").c_str()),
            0);
  principals =
      Principals::Open(store->get(), &clock_, other.path() + "/admin.token");
  ASSERT_THAT(principals, IsOk());
  EXPECT_THAT(
      (*principals)->Authenticate(ReadLine(other.path() + "/admin.token")),
      IsOk());
}

TEST_F(PrincipalsTest, ATokenLeftPendingByACrashIsPutInPlaceAtTheNextStart) {
  const std::string token = ReadLine(token_path());
  // As if the server died after writing the record, before the rename.
  ASSERT_EQ(::rename(token_path().c_str(), (token_path() + ".pending").c_str()),
            0);
  Open();
  EXPECT_EQ(ReadLine(token_path()), token);
  struct stat info;
  ASSERT_EQ(::stat(token_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_THAT(principals_->Authenticate(token), IsOk());
}

TEST_F(PrincipalsTest, AnAdministratorRevokedMeanwhileCanNoLongerAct) {
  auto first = Admin();
  v1::AddPrincipalRequest second_request = Treasurer("second-admin");
  second_request.set_role(v1::ADMINISTRATOR);
  second_request.clear_funds();
  auto second = principals_->Add(*first, second_request);
  ASSERT_THAT(second, IsOk());
  auto second_admin = principals_->Authenticate(second->token());
  ASSERT_THAT(second_admin, IsOk());
  // Both were admitted; the second revokes the first, then the first's
  // call runs.
  v1::RevokePrincipalRequest revoke_first;
  revoke_first.set_name("principals/admin");
  revoke_first.set_reason("handed over");
  ASSERT_THAT(principals_->Revoke(**second_admin, revoke_first), IsOk());
  v1::RevokePrincipalRequest revoke_second;
  revoke_second.set_name("principals/second-admin");
  revoke_second.set_reason("takeover");
  EXPECT_THAT(
      principals_->Revoke(*first, revoke_second),
      HasError(absl::StatusCode::kUnauthenticated, "CREDENTIALS_INVALID"));
  EXPECT_THAT(
      principals_->Add(*first, Treasurer("late")),
      HasError(absl::StatusCode::kUnauthenticated, "CREDENTIALS_INVALID"));
  EXPECT_THAT(principals_->Authenticate(second->token()), IsOk());
}

}  // namespace
}  // namespace welfare::auth
