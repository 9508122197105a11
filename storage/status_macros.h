// Small helpers that Abseil 20220623 (Debian 12) lacks: early-return macros
// for absl::Status and absl::StatusOr, and a CHECK for programmer errors.
//
// WELFARE_CHECK is for invariants only (a broken invariant is a bug, and the
// process stops); operating errors such as bad input or a full disk are
// returned as absl::Status.
#ifndef WELFARE_STORAGE_STATUS_MACROS_H_
#define WELFARE_STORAGE_STATUS_MACROS_H_

#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define WELFARE_CONCAT_INNER(a, b) a##b
#define WELFARE_CONCAT(a, b) WELFARE_CONCAT_INNER(a, b)

// Returns the status from the current function if it is not OK.
#define RETURN_IF_ERROR(expr)                          \
  do {                                                 \
    const absl::Status welfare_status_ = (expr);       \
    if (!welfare_status_.ok()) return welfare_status_; \
  } while (0)

// ASSIGN_OR_RETURN(lhs, expr): evaluates expr (an absl::StatusOr<T>); on
// error returns its status, otherwise moves the value into lhs.
#define ASSIGN_OR_RETURN(lhs, expr)                                         \
  WELFARE_ASSIGN_OR_RETURN_IMPL(WELFARE_CONCAT(welfare_or_, __LINE__), lhs, \
                                expr)
#define WELFARE_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return std::move(tmp).status();      \
  lhs = std::move(tmp).value()

#define WELFARE_CHECK(cond)                                                 \
  do {                                                                      \
    if (!(cond)) {                                                          \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                  \
      std::abort();                                                         \
    }                                                                       \
  } while (0)

#endif  // WELFARE_STORAGE_STATUS_MACROS_H_
