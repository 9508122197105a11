#include "clients/audit/auditor.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "clients/audit/fund_audit.h"

namespace welfare::auditor {
namespace {

constexpr int kFundPagesMax = 100000;
constexpr int kFundsPageSize = 1000;
constexpr int64_t kStreamDeadlineMsMin = 1000;

}  // namespace

v1::Outcome CombineOutcomes(v1::Outcome a, v1::Outcome b) {
  if (a == v1::FINDINGS || b == v1::FINDINGS) return v1::FINDINGS;
  if (a == v1::COULD_NOT_CHECK || b == v1::COULD_NOT_CHECK) {
    return v1::COULD_NOT_CHECK;
  }
  return v1::VERIFIED;
}

absl::StatusOr<std::unique_ptr<Auditor>> Auditor::Create(AuditOptions options) {
  options.verifier_key =
      std::string(absl::StripAsciiWhitespace(options.verifier_key));
  absl::StatusOr<verify::NoteVerifier> verifier =
      verify::ParseVerifierKey(options.verifier_key);
  if (!verifier.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the verifier key is malformed: ", verifier.status().message()));
  }
  if (options.stream_deadline_ms < kStreamDeadlineMsMin) {
    return absl::InvalidArgumentError(
        absl::StrCat("stream_deadline_ms: ", options.stream_deadline_ms,
                     ", want at least ", kStreamDeadlineMsMin));
  }
  absl::StatusOr<StateStore> store = StateStore::Open(options.state_dir);
  if (!store.ok()) return store.status();
  absl::StatusOr<std::unique_ptr<client::LedgerClient>> client =
      client::LedgerClient::Connect(options.client);
  if (!client.ok()) return client.status();
  return std::unique_ptr<Auditor>(
      new Auditor(std::move(options), std::move(*verifier), std::move(*store),
                  std::move(*client)));
}

Auditor::Auditor(AuditOptions options, verify::NoteVerifier verifier,
                 StateStore store, std::unique_ptr<client::LedgerClient> client)
    : options_(std::move(options)),
      verifier_(std::move(verifier)),
      store_(std::move(store)),
      client_(std::move(client)),
      rpc_(client_.get(), options_.client, options_.stream_deadline_ms) {}

absl::StatusOr<std::vector<std::string>> Auditor::ListFundIds() {
  std::vector<std::string> ids;
  ledger_v1::ListFundsRequest request;
  request.set_page_size(kFundsPageSize);
  for (int page = 0; page < kFundPagesMax; ++page) {
    absl::StatusOr<ledger_v1::ListFundsResponse> funds =
        client_->ListFunds(request);
    if (!funds.ok()) return funds.status();
    for (const ledger_v1::Fund& fund : funds->funds()) {
      ids.push_back(std::string(absl::StripPrefix(fund.name(), "funds/")));
    }
    if (funds->next_page_token().empty()) return ids;
    if (funds->next_page_token() == request.page_token()) break;
    request.set_page_token(funds->next_page_token());
  }
  return absl::InternalError("the server's fund page tokens do not end");
}

v1::FundReport Auditor::VerifyFund(const std::string& fund_id) {
  FundAuditContext context{&rpc_,
                           &store_,
                           &verifier_,
                           options_.verifier_key,
                           options_.progress,
                           options_.spot_checks};
  return FundAudit(std::move(context), fund_id).Run();
}

v1::RunReport Auditor::VerifyFunds(const std::vector<std::string>& fund_ids) {
  v1::RunReport run;
  run.set_outcome(v1::VERIFIED);
  for (const std::string& fund_id : fund_ids) {
    v1::FundReport* report = run.add_funds();
    *report = VerifyFund(fund_id);
    run.set_outcome(CombineOutcomes(run.outcome(), report->outcome()));
  }
  return run;
}

}  // namespace welfare::auditor
