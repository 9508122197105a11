// Partner: the aggregates partner agencies may see
// (welfare.ledger.v1.PartnerService): one fund's status, or the totals of
// every fund of an area. Nothing personal ever leaves here: no names, IDs,
// member numbers or single entries, and a cell of 1 to 4 people of one fund
// is suppressed (PeopleCount). Thread-safe.
#ifndef WELFARE_SERVICES_DOMAIN_PARTNER_H_
#define WELFARE_SERVICES_DOMAIN_PARTNER_H_

#include "absl/status/statusor.h"
#include "services/domain/ledger.h"
#include "welfare/ledger/v1/reports.pb.h"

namespace welfare::domain {

class Partner {
 public:
  // ledger must outlive the partner service.
  explicit Partner(const Ledger* ledger) : ledger_(ledger) {}

  absl::StatusOr<v1::FundStatus> GetFundStatus(
      const v1::GetFundStatusRequest& request) const;
  absl::StatusOr<v1::AreaStatus> GetAreaStatus(
      const v1::GetAreaStatusRequest& request) const;

 private:
  const Ledger* const ledger_;
};

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_PARTNER_H_
