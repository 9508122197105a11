#include "services/domain/ledger.h"

#include <utility>

#include "services/domain/dates.h"
#include "services/domain/pepper_check.h"
#include "services/domain/records.h"
#include "services/domain/views.h"
#include "storage/status_macros.h"

namespace welfare::domain {

absl::StatusOr<std::unique_ptr<Ledger>> Ledger::Open(LedgerOptions options) {
  if (options.national_id_pepper.size() < 16) {
    return absl::InvalidArgumentError(
        "the national ID pepper must be at least 16 bytes");
  }
  auto ledger = std::unique_ptr<Ledger>(new Ledger(std::move(options)));
  ASSIGN_OR_RETURN(ledger->journal_,
                   storage::Journal::Open(ledger->options_.journal));
  RETURN_IF_ERROR(CheckNationalIdPepper(
      ledger->journal_->mutable_store(), ledger->options_.national_id_pepper,
      ledger->options_.national_id_pepper_is_new));
  ledger->page_tokens_ =
      std::make_unique<PageTokens>(ledger->journal_->store().token_key());
  return ledger;
}

Ledger::Ledger(LedgerOptions options)
    : options_(std::move(options)),
      clock_(options_.journal.clock != nullptr ? options_.journal.clock
                                               : storage::RealClock()) {}

Ledger::~Ledger() = default;

int32_t Ledger::Today() const { return ThaiToday(clock_->NowMicros()); }

void Ledger::Submit(const std::string& fund_id, const std::string& request_id,
                    const google::protobuf::Message& request,
                    const std::string& principal, uint32_t weight,
                    bool keep_entries,
                    std::function<absl::Status(storage::AppendContext&)> apply,
                    Done<storage::AppendResult> done,
                    absl::string_view fingerprint_kind) {
  storage::WriteRequest write;
  write.fund_id = fund_id;
  write.request_id = request_id;
  write.fingerprint = Fingerprint(request, fingerprint_kind);
  write.principal = principal;
  write.weight = weight;
  write.keep_entries = keep_entries;
  write.apply = std::move(apply);
  write.done = std::move(done);
  journal_->Submit(std::move(write));
}

}  // namespace welfare::domain
