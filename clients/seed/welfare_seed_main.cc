// welfare-seed: fills a welfared with a seeded, realistic province of
// community welfare funds. See --help.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "clients/connection.h"
#include "clients/format/dates.h"
#include "clients/format/refusals.h"
#include "clients/ledger_client.h"
#include "clients/seed/execute.h"
#include "clients/seed/plan.h"
#include "clients/status.h"

ABSL_FLAG(std::string, server, "127.0.0.1:7543", "host:port of welfared.");
ABSL_FLAG(std::string, token_file, "", welfare::client::kTokenFileFlagHelp);
ABSL_FLAG(std::string, ca_file, "", welfare::client::kCaFileFlagHelp);
ABSL_FLAG(uint64_t, seed, 1,
          "Seed of everything generated: the same seed (and flags) gives the "
          "same province, byte for byte.");
ABSL_FLAG(int, funds, 170,
          "Funds in the province (1..792); Sisaket has 170. A smaller number "
          "gives the first funds of the bigger province.");
ABSL_FLAG(std::string, province, "33",
          "Two-digit DOPA province code; 33 is Sisaket.");
ABSL_FLAG(int, members_median, 700,
          "Median members per fund; sizes are lognormal, clamped to "
          "median/7 .. median*50/7 (100..5,000 for 700).");
ABSL_FLAG(int, fiscal_year, 2569,
          "Thai fiscal year to simulate, by its Buddhist Era name: 2569 is "
          "2025-10-01 .. 2026-09-30.");
ABSL_FLAG(std::string, as_of, "",
          "Last day to date anything, not after today in Thailand: "
          "YYYY-MM-DD or DD/MM/YYYY, the year in BE or CE (2569-06-30 and "
          "2026-06-30 are the same day). Default: the fiscal year's last "
          "day, or today if that is earlier.");
ABSL_FLAG(int, threads, 4,
          "Worker threads (1..64); funds are spread over "
          "them, each fund's requests stay in order.");
ABSL_FLAG(bool, dry_run, false,
          "Print the plan's totals and stop; contact no server.");

namespace welfare::seed {
namespace {

constexpr char kUsage[] =
    R"(fills a welfared with a made-up but realistic province of
community welfare funds (กองทุนสวัสดิการชุมชน), for demos, tests and benchmarks.

For each fund it creates the fund, registers its members (made-up Thai names,
national IDs that pass the checksum), and posts one fiscal year of books in
date order: the opening balance, member dues, matching grants, donations,
interest, benefits (deaths with the member's status changed first, hospital
stays, births, education, the elderly) and running costs, never letting cash
or the bank account go negative.

Usage:
  welfare-seed --dry_run                      # what the default would write
  welfare-seed --server=127.0.0.1:7543        # 170 funds of Sisaket (33)
  welfare-seed --funds=5 --members_median=80  # a small province, quickly
  welfare-seed --seed=7 --fiscal_year=2568 --as_of=2568-06-30
  welfare-seed --server=ledger.example:7543 --ca_file=ca.pem \
      --token_file=$HOME/.welfare/token

Running the same command again writes nothing new: every request has an id
made of the seed, the fund and the item, and the server answers a repeated
id with its first result. A different --as_of is a different plan, whose
last batches the server refuses (REQUEST_ID_REUSED) over an earlier run's:
seed another server or another --seed instead.

Flags:)";

constexpr int64_t kSatangPerBaht = 100;

bool IsSeedMainFile(absl::string_view path) {
  return absl::StrContains(path, "welfare_seed_main");
}

std::string Thousands(int64_t value) {
  std::string digits = absl::StrCat(value < 0 ? -value : value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<size_t>(i), ",");
  }
  return value < 0 ? absl::StrCat("-", digits) : digits;
}

std::string Baht(int64_t satang) {
  return absl::StrFormat("%s.%02d", Thousands(satang / kSatangPerBaht),
                         satang % kSatangPerBaht);
}

void PrintPlan(const ProvincePlan& plan, absl::Duration planning) {
  const PlanTotals& t = plan.totals;
  std::printf(
      "plan: seed %llu, province %s, fiscal year %d (%s .. %s), as of %s\n",
      static_cast<unsigned long long>(plan.spec.seed),
      plan.spec.province_code.c_str(), plan.spec.fiscal_year_be,
      absl::FormatCivilTime(plan.first_day).c_str(),
      absl::FormatCivilTime(FiscalYearLastDay(plan.spec.fiscal_year_be))
          .c_str(),
      absl::FormatCivilTime(plan.as_of).c_str());
  std::printf(
      "  funds %s, members %s (general %s, children %s, elderly %s, "
      "disadvantaged %s)\n",
      Thousands(t.funds).c_str(), Thousands(t.members).c_str(),
      Thousands(t.members_by_category[v1::MEMBER_CATEGORY_GENERAL]).c_str(),
      Thousands(t.members_by_category[v1::MEMBER_CATEGORY_CHILD]).c_str(),
      Thousands(t.members_by_category[v1::MEMBER_CATEGORY_ELDERLY]).c_str(),
      Thousands(t.members_by_category[v1::MEMBER_CATEGORY_DISADVANTAGED])
          .c_str());
  std::printf(
      "  deaths (status changes) %s, batches %s: contributions %s (dues %s), "
      "disbursements %s (benefits %s, %s deferred for lack of money), "
      "transactions %s\n",
      Thousands(t.status_changes).c_str(), Thousands(t.batches).c_str(),
      Thousands(t.contributions).c_str(), Thousands(t.dues_payments).c_str(),
      Thousands(t.disbursements).c_str(), Thousands(t.benefits).c_str(),
      Thousands(t.deferred_benefits).c_str(),
      Thousands(t.transactions).c_str());
  std::printf("  income %s baht, benefits %s baht, operating costs %s baht\n",
              Baht(t.income_satang).c_str(), Baht(t.benefits_satang).c_str(),
              Baht(t.operating_costs_satang).c_str());
  std::printf("  journal entries to write: %s (planned in %.1f s)\n",
              Thousands(t.entries).c_str(), absl::ToDoubleSeconds(planning));
  std::fflush(stdout);
}

// Progress on stderr: one rewritten line on a terminal, else a line every
// 10 seconds.
class ProgressLine {
 public:
  ProgressLine() : terminal_(isatty(STDERR_FILENO) == 1) {}
  void Show(const ExecuteProgress& progress) {
    const absl::Time now = absl::Now();
    const bool last = progress.funds_done == progress.funds_total;
    if (!last &&
        now - shown_ < (terminal_ ? absl::Seconds(0.5) : absl::Seconds(10))) {
      return;
    }
    shown_ = now;
    const double seconds = absl::ToDoubleSeconds(now - start_);
    std::fprintf(
        stderr, "%sfunds %d/%d, members %s, entries %s/%s (%.0f%%), %.0f/s%s",
        terminal_ ? "\r" : "", progress.funds_done, progress.funds_total,
        Thousands(progress.members).c_str(),
        Thousands(progress.entries).c_str(),
        Thousands(progress.entries_total).c_str(),
        progress.entries_total > 0
            ? 100.0 * static_cast<double>(progress.entries) /
                  static_cast<double>(progress.entries_total)
            : 0.0,
        seconds > 0 ? static_cast<double>(progress.entries) / seconds : 0.0,
        terminal_ ? "   " : "\n");
    if (terminal_ && last) std::fprintf(stderr, "\n");
  }

 private:
  const bool terminal_;
  const absl::Time start_ = absl::Now();
  absl::Time shown_ = absl::InfinitePast();
};

// The calendar the user works in: --as_of's, else BE (--fiscal_year is).
format::Calendar UserCalendar() {
  const std::string as_of = absl::GetFlag(FLAGS_as_of);
  return as_of.empty() ? format::Calendar::kBuddhistEra
                       : format::CalendarTyped(as_of);
}

// A refusal as the user reads it: the message in their calendar
// (format::RefusalInCalendar), and the server's reason or the code's name.
std::string Shown(const absl::Status& status) {
  std::string reason = client::ErrorReason(status);
  if (reason.empty()) reason = absl::StatusCodeToString(status.code());
  return absl::StrCat(
      format::RefusalInCalendar(status.message(), UserCalendar()), " [", reason,
      "]");
}

absl::StatusOr<ProvinceSpec> SpecFromFlags() {
  ProvinceSpec spec;
  spec.seed = absl::GetFlag(FLAGS_seed);
  spec.province_code = absl::GetFlag(FLAGS_province);
  spec.funds = absl::GetFlag(FLAGS_funds);
  spec.members_median = absl::GetFlag(FLAGS_members_median);
  spec.members_min = std::max(1, spec.members_median / 7);
  spec.members_max = std::min(kMembersPerFundMax,
                              static_cast<int>(spec.members_median * 50LL / 7));
  spec.fiscal_year_be = absl::GetFlag(FLAGS_fiscal_year);
  const std::string as_of = absl::GetFlag(FLAGS_as_of);
  if (!as_of.empty()) {
    // The server refuses dates after its today: refuse them here, in the
    // calendar they were typed in.
    absl::StatusOr<v1::Date> day =
        format::ParseDateUpTo(as_of, format::ThaiToday(absl::Now()));
    if (!day.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--as_of: ", day.status().message()));
    }
    spec.as_of = absl::CivilDay(day->year(), day->month(), day->day());
  } else {
    const absl::CivilDay today =
        absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
    if (today < FiscalYearFirstDay(spec.fiscal_year_be)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--fiscal_year: ", spec.fiscal_year_be,
                       " has not begun yet in Thailand; want an earlier year"));
    }
    if (today < FiscalYearLastDay(spec.fiscal_year_be)) spec.as_of = today;
  }
  if (absl::Status valid = ValidateSpec(spec); !valid.ok()) return valid;
  return spec;
}

int Run() {
  absl::StatusOr<ProvinceSpec> spec = SpecFromFlags();
  std::string warning;
  absl::StatusOr<client::Credentials> credentials =
      absl::GetFlag(FLAGS_dry_run)
          ? client::Credentials()
          : client::ReadCredentials(
                absl::GetFlag(FLAGS_token_file), absl::GetFlag(FLAGS_ca_file),
                client::CredentialsEnvironment::FromProcess(), &warning);
  for (const absl::Status& status : {spec.status(), credentials.status()}) {
    if (!status.ok()) {
      std::fprintf(
          stderr, "welfare-seed: %s\n",
          format::RefusalInCalendar(status.message(), UserCalendar()).c_str());
      return 2;
    }
  }
  if (!warning.empty()) {
    std::fprintf(stderr, "welfare-seed: warning: %s\n", warning.c_str());
  }
  const absl::Time planning_start = absl::Now();
  absl::StatusOr<ProvincePlan> plan = PlanProvince(*spec);
  if (!plan.ok()) {
    std::fprintf(stderr, "welfare-seed: %s\n",
                 plan.status().ToString().c_str());
    return 2;
  }
  PrintPlan(*plan, absl::Now() - planning_start);
  if (absl::GetFlag(FLAGS_dry_run)) return 0;

  client::ClientOptions client_options;
  client_options.target = absl::GetFlag(FLAGS_server);
  client_options.credentials = std::move(*credentials);
  auto client = client::LedgerClient::Connect(client_options);
  if (!client.ok()) {  // A bad --server or --ca_file: nothing was sent.
    std::fprintf(stderr, "welfare-seed: %s\n",
                 std::string(client.status().message()).c_str());
    return 2;
  }
  if (absl::Status health = (*client)->CheckHealth(); !health.ok()) {
    std::fprintf(stderr, "welfare-seed: cannot reach welfared at %s: %s\n",
                 client_options.target.c_str(), Shown(health).c_str());
    return 1;
  }
  ProgressLine line;
  ExecuteOptions options;
  options.threads = absl::GetFlag(FLAGS_threads);
  options.on_progress = [&line](const ExecuteProgress& p) { line.Show(p); };
  absl::StatusOr<ExecuteSummary> summary =
      ExecutePlan(*plan, **client, options);
  if (!summary.ok()) {
    std::fprintf(stderr, "\nwelfare-seed: failed: %s\n",
                 Shown(summary.status()).c_str());
    return 1;
  }
  std::printf(
      "done: %d funds, %s members, %s status changes, %s entries (%s new) "
      "in %.1f s: %.0f entries/s\n",
      summary->funds, Thousands(summary->members).c_str(),
      Thousands(summary->status_changes).c_str(),
      Thousands(summary->entries).c_str(),
      Thousands(summary->entries_new).c_str(),
      absl::ToDoubleSeconds(summary->elapsed), summary->entries_per_second);
  return 0;
}

}  // namespace
}  // namespace welfare::seed

int main(int argc, char** argv) {
  const absl::Status refused = welfare::client::RefuseTokenArgument(
      std::vector<std::string>(argv + 1, argv + argc));
  if (!refused.ok()) {
    std::fprintf(stderr, "welfare-seed: %s\n",
                 std::string(refused.message()).c_str());
    return 2;
  }
  absl::FlagsUsageConfig config;
  config.contains_help_flags = &welfare::seed::IsSeedMainFile;
  config.contains_helpshort_flags = &welfare::seed::IsSeedMainFile;
  absl::SetFlagsUsageConfig(config);
  absl::SetProgramUsageMessage(welfare::seed::kUsage);
  absl::ParseCommandLine(argc, argv);
  return welfare::seed::Run();
}
