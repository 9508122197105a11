// HoldsValue(v): matches an absl::StatusOr<T> that is OK and holds v
// (Abseil 20220623 has no IsOkAndHolds).
#ifndef WELFARE_TESTS_DOMAIN_HOLDS_VALUE_H_
#define WELFARE_TESTS_DOMAIN_HOLDS_VALUE_H_

#include "gmock/gmock.h"

namespace welfare::testing {

MATCHER_P(HoldsValue, value,
          std::string("is OK and holds ") + ::testing::PrintToString(value)) {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status().ToString();
    return false;
  }
  *result_listener << "holds " << ::testing::PrintToString(*arg);
  return *arg == value;
}

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_DOMAIN_HOLDS_VALUE_H_
