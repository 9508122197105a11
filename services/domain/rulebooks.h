// Rulebooks (ระเบียบกองทุน): a fund's rules for its benefits and dues, one
// version per RULEBOOK_ADOPTED entry, in force from the entry's effective
// day until a later version's. The versions are kept in the fund's
// RulebooksView (K-key), which every write of the group can read.
#ifndef WELFARE_SERVICES_DOMAIN_RULEBOOKS_H_
#define WELFARE_SERVICES_DOMAIN_RULEBOOKS_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/domain/views.h"
#include "storage/keys.h"
#include "welfare/ledger/v1/rules.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

// The rule records have their API twins' field numbers and types, so each
// converts to the other by its wire bytes.
template <typename To, typename From>
To Rewire(const From& from) {
  To to;
  to.ParseFromString(from.SerializeAsString());
  return to;
}

// The rulebook of a request, checked field by field (INVALID_ARGUMENT
// naming the field), as its entry's body; *effective_day is its day.
absl::StatusOr<welfare::storage::v1::RulebookAdoptedBody> CheckRulebook(
    const welfare::ledger::v1::Rulebook& rulebook, int32_t* effective_day);

// The fund's rulebooks; empty if it has none. Source: Staging or ReadView.
template <typename Source>
absl::StatusOr<welfare::storage::v1::RulebooksView> ReadRulebooks(
    Source& source, absl::string_view fund_id) {
  auto view = ReadRecord<welfare::storage::v1::RulebooksView>(
      source, storage::Column::kViews, storage::keys::Rulebooks(fund_id));
  if (!view.ok()) return view.status();
  if (!view->has_value()) return welfare::storage::v1::RulebooksView();
  return std::move(**view);
}

// The index of the version in force on day (the latest effective day not
// after it, and of those the last adopted); -1 if none.
int RulebookInForce(const welfare::storage::v1::RulebooksView& rulebooks,
                    int32_t day);

// The rule for a benefit: the category's rule of that sub-type, else the
// category's rule without one; nullptr if neither.
const welfare::storage::v1::BenefitRuleRecord* RuleFor(
    const welfare::storage::v1::RulebookAdoptedBody& rulebook, int32_t category,
    absl::string_view sub_type);

// The API form of rulebooks.versions(index).
welfare::ledger::v1::Rulebook RulebookToApi(
    absl::string_view fund_id,
    const welfare::storage::v1::RulebooksView& rulebooks, int index);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_RULEBOOKS_H_
