// The reports bench: a fund of a million entries spread over 16 years (the
// dues of 5,000 members from January 2010, with a benefit of a rotating
// category every 50 entries), every report of it over several periods, and
// the partner roll-up of an area. Prints latency figures; asserts nothing.
// Every function connects to `target` with `credentials`.
#ifndef WELFARE_CLIENTS_BENCH_REPORT_BENCH_H_
#define WELFARE_CLIENTS_BENCH_REPORT_BENCH_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "clients/connection.h"

namespace welfare::bench {

// Creates fund_id and writes about `entries` entries into it through
// PostBatch; prints progress and the rate.
absl::Status FillReportFund(const std::string& target,
                            const client::Credentials& credentials,
                            const std::string& fund_id, int64_t entries);

// Calls every ReportService RPC over several periods `repetitions` times
// each and prints p50, p90 and max latency per report. Fails on any error.
absl::Status TimeReports(const std::string& target,
                         const client::Credentials& credentials,
                         const std::string& fund_id, int repetitions);

// Calls PartnerService.GetAreaStatus for the area `repetitions` times and
// prints its latency and the number of funds counted.
absl::Status TimeAreaStatus(const std::string& target,
                            const client::Credentials& credentials,
                            const std::string& area, int repetitions);

}  // namespace welfare::bench

#endif  // WELFARE_CLIENTS_BENCH_REPORT_BENCH_H_
