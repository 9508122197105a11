// Partner aggregates: one fund's status and area roll-ups equal what the
// entries and members give, with every cell of 1 to 4 people of one fund
// suppressed; and no partner answer ever holds a personal field, checked
// over every RPC of PartnerService (enumerated from its descriptor) both by
// the shape of its messages and by scanning every answer for the names and
// national IDs the funds were written with.
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/text_format.h"
#include "tests/integration/reports/random_fund.h"
#include "tests/integration/reports/report_model.h"
#include "tests/integration/reports/report_rpc.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using Partner = v1::PartnerService::Stub;
using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

const absl::CivilDay kToday(2026, 6, 15);  // test_util's clock.
const Days kFiscal2026{absl::CivilDay(2025, 10, 1), kToday};

struct FundSpec {
  const char* id;
  const char* area;
  uint32_t seed;
};
const FundSpec kFunds[] = {{"sisaket-a", "330101", 11},
                           {"sisaket-b", "330102", 12},
                           {"sisaket-c", "330201", 13},
                           {"surin-a", "320101", 14}};

v1::ContributionSource SourceOf(const std::string& code) {
  static const std::map<std::string, v1::ContributionSource> kSources = {
      {"4101", v1::CONTRIBUTION_SOURCE_MEMBER_DUES},
      {"4102", v1::CONTRIBUTION_SOURCE_ENTRY_FEE},
      {"4201", v1::CONTRIBUTION_SOURCE_CODI_GRANT},
      {"4202", v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH},
      {"4203", v1::CONTRIBUTION_SOURCE_LOCAL_GOVERNMENT},
      {"4204", v1::CONTRIBUTION_SOURCE_OTHER_GOVERNMENT},
      {"4301", v1::CONTRIBUTION_SOURCE_ACTIVITY_PROFIT},
      {"4401", v1::CONTRIBUTION_SOURCE_DONATION},
      {"4501", v1::CONTRIBUTION_SOURCE_BANK_INTEREST},
      {"4502", v1::CONTRIBUTION_SOURCE_LOAN_INTEREST}};
  auto it = kSources.find(code);
  return it == kSources.end() ? v1::CONTRIBUTION_SOURCE_OTHER_INCOME
                              : it->second;
}

// What a partner should see of one fund in fiscal year 2026, unsuppressed.
struct Expected {
  int64_t cash = 0, bank = 0, fund_balance = 0;
  std::map<std::pair<int, int>, int64_t> members;
  std::map<int, int64_t> income;
  std::map<int, int64_t> benefit_people, benefit_amounts;
  // Everyone a benefit figure is derived from, and what of it names them.
  std::map<int, int64_t> benefit_involved, benefit_to_members;
};

Expected ExpectedOf(const ReportModel& model) {
  Expected expected;
  const Days to_date{kLongAgo, kToday};
  for (const auto& account : model.accounts()) {
    const int64_t balance = model.DebitMinusCredit(account.code(), to_date);
    const int64_t movement =
        model.DebitMinusCredit(account.code(), kFiscal2026);
    if (account.kind() == v1::ACCOUNT_KIND_CASH) expected.cash += balance;
    if (account.kind() == v1::ACCOUNT_KIND_BANK) expected.bank += balance;
    if (account.code()[0] == '1' || account.code()[0] == '2') {
      expected.fund_balance += balance;
    }
    if (account.code()[0] == '4' && movement != 0) {
      expected.income[SourceOf(account.code())] -= movement;
    }
  }
  for (int category = 1; category <= 16; ++category) {
    expected.benefit_people[category] =
        model.BenefitPeople(category, kFiscal2026);
    expected.benefit_involved[category] =
        model.BenefitInvolved(category, kFiscal2026);
    expected.benefit_to_members[category] =
        model.BenefitToMembers(category, kFiscal2026);
    expected.benefit_amounts[category] =
        model.DebitMinusCredit(absl::StrCat(5100 + category), kFiscal2026);
  }
  for (const auto& member : model.members()) {
    if (CivilOf(member.join_date()) > kToday) continue;
    ++expected
          .members[{member.category(), ReportModel::StatusOn(member, kToday)}];
  }
  for (auto it = expected.income.begin(); it != expected.income.end();) {
    it = it->second == 0 ? expected.income.erase(it) : std::next(it);
  }
  return expected;
}

bool IsSmall(int64_t people) { return people > 0 && people < 5; }

// A fund's cell as a partner may see it.
std::pair<int64_t, int32_t> Shown(int64_t people) {
  if (IsSmall(people)) return {0, 1};
  return {people, 0};
}

// A fund's benefit cell as a partner may see it: people shown, cells of
// fewer than five, cells of money naming no member.
std::tuple<int64_t, int32_t, int32_t> ShownBenefit(const Expected& e,
                                                   int category) {
  if (e.benefit_amounts.at(category) != e.benefit_to_members.at(category)) {
    return {0, 0, 1};
  }
  if (IsSmall(e.benefit_people.at(category)) ||
      IsSmall(e.benefit_involved.at(category))) {
    return {0, 1, 0};
  }
  return {e.benefit_people.at(category), 0, 0};
}

class PartnerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    auto client = server_->NewClient();
    for (const FundSpec& fund : kFunds) {
      RandomFundSpec spec;
      spec.fund_id = fund.id;
      spec.area_code = fund.area;
      spec.seed = fund.seed;
      spec.members = 40;
      spec.operations = 250;
      RandomFundPeople people = WriteRandomFund(*client, spec);
      for (auto& id : people.national_ids) secrets_->push_back(id);
      for (auto& name : people.full_names) secrets_->push_back(name);
      (*expected_)[fund.id] = ExpectedOf(ReadFund(*client, fund.id));
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Every answer a partner gets, for the scan of personal data.
  void Scan(const google::protobuf::Message& answer) {
    std::string text;
    google::protobuf::TextFormat::Printer printer;
    printer.SetUseUtf8StringEscaping(true);
    printer.PrintToString(answer, &text);
    for (const std::string& secret : *secrets_) {
      EXPECT_FALSE(absl::StrContains(text, secret)) << secret;
    }
    EXPECT_FALSE(absl::StrContains(text, "/members/"));
  }

  absl::StatusOr<v1::FundStatus> FundStatus(const std::string& fund,
                                            int fiscal_year = 0) {
    v1::GetFundStatusRequest request;
    request.set_name("funds/" + fund);
    request.set_fiscal_year(fiscal_year);
    auto status = rpc_.Call(&Partner::GetFundStatus, request);
    if (status.ok()) Scan(*status);
    return status;
  }
  absl::StatusOr<v1::AreaStatus> AreaStatus(const std::string& area,
                                            int fiscal_year = 0) {
    v1::GetAreaStatusRequest request;
    request.set_area_code_prefix(area);
    request.set_fiscal_year(fiscal_year);
    auto status = rpc_.Call(&Partner::GetAreaStatus, request);
    if (status.ok()) Scan(*status);
    return status;
  }

  // The totals of the funds, each suppressed, summed.
  static void ExpectTotals(const v1::StatusTotals& totals,
                           const std::vector<std::string>& funds) {
    int64_t cash = 0, bank = 0, fund_balance = 0;
    std::map<std::pair<int, int>, std::pair<int64_t, int32_t>> members;
    std::map<int, int64_t> income;
    std::map<int, std::tuple<int64_t, int32_t, int32_t>> people;
    std::map<int, int64_t> amounts;
    for (const std::string& fund : funds) {
      const Expected& e = expected_->at(fund);
      cash += e.cash;
      bank += e.bank;
      fund_balance += e.fund_balance;
      for (const auto& [cell, count] : e.members) {
        auto [shown, hidden] = Shown(count);
        members[cell].first += shown;
        members[cell].second += hidden;
      }
      for (const auto& [source, amount] : e.income) income[source] += amount;
      for (int category = 1; category <= 16; ++category) {
        auto [shown, small, unattributed] = ShownBenefit(e, category);
        std::get<0>(people[category]) += shown;
        std::get<1>(people[category]) += small;
        std::get<2>(people[category]) += unattributed;
        // The baht of a withheld cell would give its count away.
        if (small + unattributed == 0) {
          amounts[category] += e.benefit_amounts.at(category);
        }
      }
    }
    EXPECT_EQ(totals.balances().cash_satang(), cash);
    EXPECT_EQ(totals.balances().bank_satang(), bank);
    EXPECT_EQ(totals.balances().fund_balance_satang(), fund_balance);
    std::map<std::pair<int, int>, std::pair<int64_t, int32_t>> got_members;
    for (const auto& row : totals.members()) {
      got_members[{row.category(), row.status()}] = {
          row.people().count(), row.people().fewer_than_five_cells()};
    }
    EXPECT_EQ(got_members, members);
    std::map<int, int64_t> got_income;
    for (const auto& row : totals.income()) {
      got_income[row.source()] = row.amount_satang();
    }
    for (auto it = income.begin(); it != income.end();) {
      it = it->second == 0 ? income.erase(it) : std::next(it);
    }
    EXPECT_EQ(got_income, income);
    ASSERT_EQ(totals.benefits_size(), 16);
    for (const auto& row : totals.benefits()) {
      EXPECT_EQ(std::make_tuple(row.people().count(),
                                row.people().fewer_than_five_cells(),
                                row.people().unattributed_cells()),
                people[row.category()])
          << row.category();
      EXPECT_EQ(row.amount_satang(), amounts[row.category()]) << row.category();
    }
  }

  static TestServer* server_;
  static std::vector<std::string>* secrets_;
  static std::map<std::string, Expected>* expected_;
  ReportRpc rpc_{server_->NewChannel()};
};

TestServer* PartnerTest::server_ = nullptr;
std::vector<std::string>* PartnerTest::secrets_ = new std::vector<std::string>;
std::map<std::string, Expected>* PartnerTest::expected_ =
    new std::map<std::string, Expected>;

TEST_F(PartnerTest, FundStatusIsTheFundsFiguresWithSmallCellsSuppressed) {
  bool suppressed_some = false;
  for (const FundSpec& fund : kFunds) {
    SCOPED_TRACE(fund.id);
    auto status = FundStatus(fund.id);
    ASSERT_THAT(status, IsOk());
    EXPECT_EQ(status->fiscal_year(), 2026);
    EXPECT_EQ(CivilOf(status->as_of_date()), kToday);
    EXPECT_EQ(status->area_code(), fund.area);
    ExpectTotals(status->totals(), {fund.id});
    for (const auto& row : status->totals().benefits()) {
      suppressed_some |= row.people().fewer_than_five_cells() > 0;
      EXPECT_LE(row.people().fewer_than_five_cells(), 1);
      if (row.people().fewer_than_five_cells() == 1) {
        EXPECT_EQ(row.people().count(), 0);
      }
    }
  }
  EXPECT_TRUE(suppressed_some);  // The funds have small categories.
}

TEST_F(PartnerTest, AreaStatusSumsTheFundsOfTheArea) {
  struct Case {
    const char* area;
    std::vector<std::string> funds;
  };
  for (const Case& c :
       {Case{"33", {"sisaket-a", "sisaket-b", "sisaket-c"}},
        Case{"3301", {"sisaket-a", "sisaket-b"}}, Case{"330201", {"sisaket-c"}},
        Case{"32", {"surin-a"}}, Case{"34", {}}}) {
    SCOPED_TRACE(c.area);
    auto status = AreaStatus(c.area);
    ASSERT_THAT(status, IsOk());
    EXPECT_EQ(status->fund_count(), c.funds.size());
    EXPECT_EQ(status->area_code_prefix(), c.area);
    ExpectTotals(status->totals(), c.funds);
  }
}

TEST_F(PartnerTest, BadRequestsAreRefused) {
  const auto invalid = absl::StatusCode::kInvalidArgument;
  for (const char* area : {"", "3", "333", "3a", "33010101", "๓๓"}) {
    EXPECT_THAT(AreaStatus(area), HasError(invalid, "AREA_CODE_INVALID"))
        << area;
  }
  EXPECT_THAT(AreaStatus("33", 2569), HasError(invalid, "FIELD_INVALID"));
  // Fiscal year 2027 begins on 1 October 2026, after the test clock's today.
  EXPECT_THAT(AreaStatus("33", 2027), HasError(invalid, "FIELD_INVALID"));
  EXPECT_THAT(FundStatus("sisaket-a", 2027),
              HasError(invalid, "FIELD_INVALID"));
  EXPECT_THAT(FundStatus("sisaket-a", 2569),
              HasError(invalid, "FIELD_INVALID"));
  EXPECT_THAT(FundStatus("no-such-fund"),
              HasError(absl::StatusCode::kNotFound, "FUND_NOT_FOUND"));
  EXPECT_THAT(FundStatus("Sisaket A"), HasError(invalid, "NAME_MALFORMED"));
}

// Field names that would carry personal data or single entries.
bool LooksPersonal(const std::string& name) {
  for (const char* word :
       {"member_number", "national", "full_name", "name", "address", "phone",
        "nominee", "profile", "memo", "sub_type", "payer", "principal",
        "sequence", "request_id", "description", "reason", "entries"}) {
    if (name == word || absl::StrContains(name, word)) return true;
  }
  return false;
}

void ExpectNothingPersonal(const Descriptor* message,
                           std::set<const Descriptor*>* seen) {
  if (!seen->insert(message).second) return;
  for (int i = 0; i < message->field_count(); ++i) {
    const FieldDescriptor* field = message->field(i);
    // A fund's own name and display name are public; nothing else named so.
    const bool fund_name =
        message->name() == "FundStatus" && (field->name() == "display_name");
    if (!fund_name) {
      EXPECT_FALSE(LooksPersonal(field->name()))
          << message->full_name() << "." << field->name();
    }
    if (field->message_type() != nullptr) {
      ExpectNothingPersonal(field->message_type(), seen);
    }
  }
}

TEST_F(PartnerTest, EveryPartnerRpcAnswersWithAggregatesOnly) {
  const auto* service =
      v1::FundStatus::descriptor()->file()->FindServiceByName("PartnerService");
  ASSERT_NE(service, nullptr);
  std::set<std::string> called;
  for (int i = 0; i < service->method_count(); ++i) {
    const auto* method = service->method(i);
    SCOPED_TRACE(method->full_name());
    std::set<const Descriptor*> seen;
    ExpectNothingPersonal(method->output_type(), &seen);
    // Call it for every fund or area and fiscal year; Scan checks answers.
    for (int year : {2024, 2025, 2026}) {
      if (method->name() == "GetFundStatus") {
        for (const FundSpec& fund : kFunds) {
          EXPECT_THAT(FundStatus(fund.id, year), IsOk());
        }
        called.insert(method->name());
      } else if (method->name() == "GetAreaStatus") {
        for (const char* area : {"33", "3301", "330101", "32"}) {
          EXPECT_THAT(AreaStatus(area, year), IsOk());
        }
        called.insert(method->name());
      }
    }
    EXPECT_TRUE(called.count(method->name()))
        << "a new partner RPC: add it to this test";
  }
}

}  // namespace
}  // namespace welfare::testing
