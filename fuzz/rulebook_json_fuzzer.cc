// Rulebooks in protobuf JSON, as `welfare rulebook adopt FILE` reads them
// (clients/cli/rulebook_commands.cc), and what the server makes of the
// rulebook (services/domain/rulebooks.h, rule_evaluation.h).
//
//   1. cli::Run of "rulebook adopt fuzz-fund -" with the input on standard
//      input and a CA file that does not exist: a usage error either way
//      (a rulebook that parses stops where the tool would connect).
//   2. The input parsed as a welfare.ledger.v1.Rulebook, shown by the
//      tool's RulebookView (as `rulebook show` would show a server's) in
//      Thai and in English.
//   3. CheckRulebook of it. A rulebook it accepts must come back unchanged
//      from RulebookToApi of a view holding it (but for an empty dues
//      plan for none); RuleFor must find each of its rules; EvaluateBenefit of
//      each rule, for a few members' facts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/app.h"
#include "clients/cli/claim_views.h"
#include "clients/cli/context.h"
#include "clients/cli/report.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "services/domain/rule_evaluation.h"
#include "services/domain/rulebooks.h"
#include "storage/status_macros.h"
#include "welfare/ledger/v1/rules.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace {

namespace cli = welfare::cli;
namespace domain = welfare::domain;
namespace v1 = welfare::ledger::v1;
namespace record = welfare::storage::v1;

constexpr char kFundId[] = "fuzz-fund";
// Days since 1970-01-01.
constexpr int32_t kJoinDay = 19723;   // 2024-01-01
constexpr int32_t kEventDay = 20605;  // 2026-06-01
constexpr int32_t kBirthDay = 3652;   // 1980-01-01

void RunTool(absl::string_view json) {
  std::istringstream in{std::string(json)};
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::Run({"rulebook", "adopt", kFundId, "-",
                             "--ca_file=/nonexistent/welfare-fuzz-ca.pem"},
                            cli::Io{in, out, err}, nullptr);
  WELFARE_CHECK(code == cli::kExitUsage);
}

void Show(const v1::Rulebook& rulebook) {
  const cli::Cells thai(cli::OutputFormat::kTable,
                        welfare::format::Calendar::kBuddhistEra,
                        welfare::format::Language::kThai);
  const cli::Cells english(cli::OutputFormat::kCsv,
                           welfare::format::Calendar::kGregorian,
                           welfare::format::Language::kEnglish);
  cli::Render(cli::RulebookView(thai, rulebook), cli::OutputFormat::kTable);
  cli::Render(cli::RulebookView(english, rulebook), cli::OutputFormat::kCsv);
}

// Facts of a member who joined on kJoinDay, for an event on kEventDay.
std::vector<domain::BenefitFacts> SomeFacts() {
  std::vector<domain::BenefitFacts> all;
  for (int32_t nights : {0, 3, 366}) {
    domain::BenefitFacts facts;
    facts.event_day = kEventDay;
    facts.join_day = kJoinDay;
    facts.status = v1::MEMBER_STATUS_ACTIVE;
    facts.paid_months = 29;
    facts.unpaid_months = nights == 366 ? 4 : 0;
    if (nights != 0) facts.birth_day = kBirthDay;
    facts.sex = nights == 3 ? v1::SEX_FEMALE : 0;
    facts.nights = nights;
    facts.past.push_back({kEventDay - 30, 100000, 5, false});
    facts.past.push_back({kEventDay - 400, 50000, 2, true});
    facts.fiscal_year = {kEventDay - 243, kEventDay + 121};
    all.push_back(facts);
  }
  return all;
}

void CheckAccepted(const v1::Rulebook& rulebook,
                   const record::RulebookAdoptedBody& body, int32_t day) {
  record::RulebooksView view;
  record::RulebookVersion* version = view.add_versions();
  version->set_effective_day(day);
  version->set_sequence(7);
  *version->mutable_body() = body;
  WELFARE_CHECK(domain::RulebookInForce(view, day) == 0);
  WELFARE_CHECK(domain::RulebookInForce(view, day - 1) == -1);
  v1::Rulebook shown = domain::RulebookToApi(kFundId, view, 0);
  shown.clear_name();
  shown.clear_sequence();
  shown.clear_principal();
  shown.clear_adopt_time();
  v1::Rulebook written = rulebook;
  written.clear_name();
  written.clear_sequence();
  written.clear_principal();
  written.clear_adopt_time();
  written.clear_superseded_date();
  // Equivalent: the view always has dues, empty if the file had none.
  WELFARE_CHECK(
      google::protobuf::util::MessageDifferencer::Equivalent(shown, written));

  static const std::vector<domain::BenefitFacts>* const facts =
      new std::vector<domain::BenefitFacts>(SomeFacts());
  for (const v1::BenefitRule& rule : rulebook.benefits()) {
    const record::BenefitRuleRecord* found =
        domain::RuleFor(body, rule.category(), rule.sub_type());
    WELFARE_CHECK(found != nullptr && found->category() == rule.category() &&
                  found->sub_type() == rule.sub_type());
    for (const domain::BenefitFacts& one : *facts) {
      const v1::BenefitEvaluation evaluation =
          domain::EvaluateBenefit(rule, one);
      WELFARE_CHECK(evaluation.allowed_satang() >= 0);
      WELFARE_CHECK(evaluation.eligible() || evaluation.allowed_satang() == 0);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view json(reinterpret_cast<const char*>(data), size);
  RunTool(json);
  v1::Rulebook rulebook;
  if (!google::protobuf::util::JsonStringToMessage(std::string(json), &rulebook)
           .ok()) {
    return 0;
  }
  Show(rulebook);
  int32_t day = 0;
  absl::StatusOr<record::RulebookAdoptedBody> body =
      domain::CheckRulebook(rulebook, &day);
  if (!body.ok()) {
    WELFARE_CHECK(body.status().code() == absl::StatusCode::kInvalidArgument);
    return 0;
  }
  CheckAccepted(rulebook, *body, day);
  return 0;
}
