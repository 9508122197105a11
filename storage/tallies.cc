#include "storage/tallies.h"

#include <climits>
#include <functional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::storage {
namespace {

constexpr size_t kDayBytes = 4;

absl::Status Corrupt(absl::string_view fund_id, absl::string_view what) {
  return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
               absl::StrCat("fund ", fund_id, ": ", what));
}

// The last 4 bytes of a key: a day (keys::AppendDay) or a month index
// (big-endian, unbiased).
enum class Unit { kDay, kMonth };

void AppendUnit(Unit unit, std::string* out, int32_t value) {
  if (unit == Unit::kDay) {
    keys::AppendDay(out, value);
  } else {
    keys::AppendBigEndian32(out, static_cast<uint32_t>(value));
  }
}

int32_t ReadUnit(Unit unit, absl::string_view in) {
  return unit == Unit::kDay ? keys::ReadDay(in)
                            : static_cast<int32_t>(keys::ReadBigEndian32(in));
}

// For keys prefix + group + day (or month), where group_length(suffix)
// says how long the group is: calls emit(group, sum) with the sum of the
// values of each group's days in range, for every group with a day in it.
// One seek per group.
absl::Status SumByGroup(
    PrefixIterator& it, absl::string_view fund_id,
    const std::function<size_t(absl::string_view suffix)>& group_length,
    DayRange range,
    const std::function<void(absl::string_view group, int64_t sum)>& emit,
    Unit unit = Unit::kDay) {
  it.Seek();
  while (it.Valid()) {
    const size_t length = group_length(it.suffix());
    if (it.suffix().size() != length + kDayBytes) {
      return Corrupt(fund_id, "malformed tally key");
    }
    const std::string group(it.suffix().substr(0, length));
    std::string start = group;
    AppendUnit(unit, &start, range.first);
    int64_t sum = 0;
    bool any = false;
    for (it.Seek(start); it.Valid(); it.Next()) {
      const absl::string_view suffix = it.suffix();
      if (suffix.size() != length + kDayBytes ||
          suffix.substr(0, length) != group) {
        break;
      }
      if (ReadUnit(unit, suffix.substr(length)) > range.last) break;
      int64_t value;
      if (!keys::DecodeFixed64(it.value(), &value)) {
        return Corrupt(fund_id, "unreadable tally");
      }
      sum += value;
      any = true;
    }
    RETURN_IF_ERROR(it.status());
    if (any) emit(group, sum);
    const std::string next = keys::PrefixEnd(group);
    if (next.empty()) break;
    it.Seek(next);
  }
  return it.status();
}

// Calls add(day, member, value) for every benefit tally of the category
// from day `first` to day `last`.
absl::Status ForEachBenefit(
    PrefixIterator& it, absl::string_view fund_id, int32_t first, int32_t last,
    const std::function<void(int32_t day, uint32_t member, int64_t value)>&
        add) {
  std::string start;
  keys::AppendDay(&start, first);
  for (it.Seek(start); it.Valid(); it.Next()) {
    const absl::string_view suffix = it.suffix();
    if (suffix.size() != kDayBytes + 4) {
      return Corrupt(fund_id, "malformed benefit tally key");
    }
    const int32_t day = keys::ReadDay(suffix);
    if (day > last) break;
    int64_t value;
    if (!keys::DecodeFixed64(it.value(), &value)) {
      return Corrupt(fund_id, "unreadable benefit tally");
    }
    add(day, keys::ReadBigEndian32(suffix.substr(kDayBytes)), value);
  }
  return it.status();
}

int64_t PositiveCount(const absl::flat_hash_map<uint32_t, int64_t>& net) {
  int64_t people = 0;
  for (const auto& [member, sum] : net) people += sum > 0 ? 1 : 0;
  return people;
}

// The sum of the fixed64le values of the keys from prefix + start on, while
// keep(suffix) holds.
absl::StatusOr<int64_t> SumWhile(
    PrefixIterator& it, absl::string_view start,
    const std::function<bool(absl::string_view suffix)>& keep,
    absl::string_view fund_id) {
  int64_t sum = 0;
  for (it.Seek(start); it.Valid(); it.Next()) {
    if (it.suffix().size() != kDayBytes) {  // A day or a month, 4 bytes.
      return Corrupt(fund_id, "malformed day or month total key");
    }
    if (!keep(it.suffix())) break;
    int64_t value;
    if (!keys::DecodeFixed64(it.value(), &value)) {
      return Corrupt(fund_id, "unreadable day or month total");
    }
    sum += value;
  }
  RETURN_IF_ERROR(it.status());
  return sum;
}

}  // namespace

TotalsReader::TotalsReader(const ReadView* view)
    : views_(view->Cursor(Column::kViews)),
      tallies_(view->Cursor(Column::kTallies)) {}

PrefixIterator& TotalsReader::Views(absl::string_view prefix) {
  views_.SetPrefix(prefix);
  return views_;
}

PrefixIterator& TotalsReader::Tallies(absl::string_view prefix) {
  tallies_.SetPrefix(prefix);
  return tallies_;
}

absl::StatusOr<int64_t> TotalsReader::MovementAfter(absl::string_view fund_id,
                                                    uint32_t code,
                                                    int32_t day) {
  std::string after_month;
  keys::AppendBigEndian32(&after_month,
                          static_cast<uint32_t>(MonthIndexOfDay(day) + 1));
  ASSIGN_OR_RETURN(
      int64_t months,
      SumWhile(
          Tallies(keys::MonthTotalPrefix(fund_id, code)), after_month,
          [](absl::string_view) { return true; }, fund_id));
  // The days of day's month after it.
  const int32_t month_end = MonthStartDay(MonthIndexOfDay(day) + 1) - 1;
  std::string after_day;
  keys::AppendDay(&after_day, day + 1);
  ASSIGN_OR_RETURN(int64_t days,
                   SumWhile(
                       Views(keys::DayPrefix(fund_id, code)), after_day,
                       [month_end](absl::string_view suffix) {
                         return keys::ReadDay(suffix) <= month_end;
                       },
                       fund_id));
  return months + days;
}

absl::StatusOr<int64_t> TotalsReader::MovementThrough(absl::string_view fund_id,
                                                      uint32_t code,
                                                      int32_t day) {
  const int32_t month_index = MonthIndexOfDay(day);
  ASSIGN_OR_RETURN(int64_t months,
                   SumWhile(
                       Tallies(keys::MonthTotalPrefix(fund_id, code)), "",
                       [month_index](absl::string_view suffix) {
                         return static_cast<int32_t>(keys::ReadBigEndian32(
                                    suffix)) < month_index;
                       },
                       fund_id));
  // The days of day's month up to it.
  std::string month_start;
  keys::AppendDay(&month_start, MonthStartDay(month_index));
  ASSIGN_OR_RETURN(int64_t days,
                   SumWhile(
                       Views(keys::DayPrefix(fund_id, code)), month_start,
                       [day](absl::string_view suffix) {
                         return keys::ReadDay(suffix) <= day;
                       },
                       fund_id));
  return months + days;
}

absl::StatusOr<std::map<uint32_t, int64_t>> TotalsReader::CashFlows(
    absl::string_view fund_id, DayRange range, keys::CashFlowKind kind) {
  // Whole months in between from month totals; the partial months at either
  // end from day totals.
  // From the beginning of time: every month before the last is whole.
  const bool from_beginning = range.first == INT32_MIN;
  const int32_t first_month = from_beginning ? 0 : MonthIndexOfDay(range.first);
  const int32_t last_month = MonthIndexOfDay(range.last);
  const bool first_whole =
      from_beginning || range.first == MonthStartDay(first_month);
  const bool last_whole = range.last == MonthStartDay(last_month + 1) - 1;
  std::map<uint32_t, int64_t> flows;
  auto add = [&flows](absl::string_view group, int64_t sum) {
    const uint32_t code = keys::ReadBigEndian16(group);
    flows[code] += sum;
  };
  auto code_length = [](absl::string_view) -> size_t { return 2; };
  if (last_month - first_month < 2) {
    RETURN_IF_ERROR(SumByGroup(Tallies(keys::CashFlowPrefix(fund_id, kind)),
                               fund_id, code_length, range, add));
  } else {
    const int32_t months_from = first_whole ? first_month : first_month + 1;
    const int32_t months_to = last_whole ? last_month : last_month - 1;
    RETURN_IF_ERROR(SumByGroup(
        Tallies(keys::CashFlowMonthPrefix(fund_id, kind)), fund_id, code_length,
        DayRange{months_from, months_to}, add, Unit::kMonth));
    if (!first_whole) {
      RETURN_IF_ERROR(SumByGroup(
          Tallies(keys::CashFlowPrefix(fund_id, kind)), fund_id, code_length,
          DayRange{range.first, MonthStartDay(first_month + 1) - 1}, add));
    }
    if (!last_whole) {
      RETURN_IF_ERROR(SumByGroup(
          Tallies(keys::CashFlowPrefix(fund_id, kind)), fund_id, code_length,
          DayRange{MonthStartDay(last_month), range.last}, add));
    }
  }
  for (auto it = flows.begin(); it != flows.end();) {
    it = it->second == 0 ? flows.erase(it) : std::next(it);
  }
  return flows;
}

absl::StatusOr<std::map<std::string, int64_t>> TotalsReader::MatchingRounds(
    absl::string_view fund_id, DayRange range) {
  std::map<std::string, int64_t> rounds;
  RETURN_IF_ERROR(SumByGroup(
      Tallies(keys::RoundTallyPrefix(fund_id)), fund_id,
      [](absl::string_view suffix) -> size_t {
        return suffix.empty() ? 0 : 1 + size_t{uint8_t(suffix[0])};
      },
      range,
      [&rounds](absl::string_view group, int64_t sum) {
        if (sum != 0) rounds[std::string(group.substr(1))] = sum;
      }));
  return rounds;
}

absl::StatusOr<std::map<uint8_t, int64_t>> TotalsReader::OverridesByCategory(
    absl::string_view fund_id, DayRange range) {
  std::map<uint8_t, int64_t> overrides;
  RETURN_IF_ERROR(SumByGroup(
      Tallies(keys::OverrideTallyPrefix(fund_id)), fund_id,
      [](absl::string_view) -> size_t { return 1; }, range,
      [&overrides](absl::string_view group, int64_t sum) {
        if (sum != 0) overrides[static_cast<uint8_t>(group[0])] = sum;
      }));
  return overrides;
}

absl::StatusOr<BenefitFigures> TotalsReader::Benefits(absl::string_view fund_id,
                                                      uint8_t category,
                                                      DayRange range) {
  absl::flat_hash_map<uint32_t, int64_t> net;  // Member -> net benefit.
  BenefitFigures tally;
  RETURN_IF_ERROR(
      ForEachBenefit(Tallies(keys::BenefitTallyPrefix(fund_id, category)),
                     fund_id, range.first, range.last,
                     [&net, &tally](int32_t, uint32_t member, int64_t value) {
                       net[member] += value;
                       tally.satang += value;
                     }));
  tally.people = PositiveCount(net);
  tally.involved = static_cast<int64_t>(net.size());
  return tally;
}

absl::StatusOr<BenefitPeopleCount> TotalsReader::BenefitPeopleWithCumulative(
    absl::string_view fund_id, uint8_t category, DayRange range) {
  absl::flat_hash_map<uint32_t, int64_t> in_range, to_date;
  RETURN_IF_ERROR(ForEachBenefit(
      Tallies(keys::BenefitTallyPrefix(fund_id, category)), fund_id, INT32_MIN,
      range.last, [&](int32_t day, uint32_t member, int64_t value) {
        to_date[member] += value;
        if (day >= range.first) in_range[member] += value;
      }));
  return BenefitPeopleCount{PositiveCount(in_range), PositiveCount(to_date)};
}

absl::StatusOr<std::map<std::pair<int32_t, int32_t>, int64_t>>
TotalsReader::MembersByCategoryAndStatus(absl::string_view fund_id,
                                         int32_t day) {
  std::map<std::pair<int32_t, int32_t>, int64_t> members;
  PrefixIterator& it = Tallies(keys::MemberTallyPrefix(fund_id));
  for (it.Seek(); it.Valid(); it.Next()) {
    const absl::string_view suffix = it.suffix();
    if (suffix.size() != 2 + kDayBytes) {
      return Corrupt(fund_id, "malformed member tally key");
    }
    if (keys::ReadDay(suffix.substr(2)) > day) continue;
    int64_t value;
    if (!keys::DecodeFixed64(it.value(), &value)) {
      return Corrupt(fund_id, "unreadable member tally");
    }
    members[{uint8_t(suffix[0]), uint8_t(suffix[1])}] += value;
  }
  RETURN_IF_ERROR(it.status());
  for (auto entry = members.begin(); entry != members.end();) {
    entry = entry->second == 0 ? members.erase(entry) : std::next(entry);
  }
  return members;
}

}  // namespace welfare::storage
