// The rows of welfare import's CSV files, each checked and made into the
// request (or batch item) it becomes.
#include "clients/cli/import_rows.h"

#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/values.h"
#include "clients/format/dates.h"
#include "clients/format/labels.h"
#include "clients/format/money.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

absl::StatusOr<v1::Date> DateField(const CsvRows& rows, size_t i,
                                   const char* column, const v1::Date& today,
                                   int year_min = format::kYearMin) {
  absl::StatusOr<v1::Date> date =
      format::ParseDateUpTo(rows.Get(i, column), today, year_min);
  if (!date.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(column, ": ", date.status().message()));
  }
  return date;
}

absl::StatusOr<int> PositiveField(const CsvRows& rows, size_t i,
                                  const char* column, int max) {
  int value = 0;
  if (!absl::SimpleAtoi(rows.Get(i, column), &value) || value < 1 ||
      value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat(column, ": \"", rows.Get(i, column), "\"; want 1..", max));
  }
  return value;
}

absl::StatusOr<int64_t> BahtField(const CsvRows& rows, size_t i,
                                  const char* column) {
  absl::StatusOr<int64_t> satang = format::ParseBaht(rows.Get(i, column));
  if (!satang.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(column, ": ", satang.status().message()));
  }
  return satang;
}

#define WELFARE_ASSIGN_OR_FAIL(lhs, expression) \
  auto lhs##_or = (expression);                 \
  if (!lhs##_or.ok()) return lhs##_or.status(); \
  auto lhs = std::move(*lhs##_or)

}  // namespace

std::string BadLine(absl::string_view file, int line,
                    absl::string_view reason) {
  return absl::StrCat(file, ": line ", line, ": ", reason);
}

absl::StatusOr<v1::RegisterMemberRequest> MemberRow(const CsvRows& rows,
                                                    size_t i, int expected,
                                                    const v1::Date& today) {
  WELFARE_ASSIGN_OR_FAIL(number, PositiveField(rows, i, "number", 1 << 30));
  if (number != expected) {
    return absl::InvalidArgumentError(absl::StrCat(
        "number: ", number, "; want ", expected,
        " (members are numbered 1, 2, 3, ... in the order of the file)"));
  }
  v1::RegisterMemberRequest request;
  v1::Member* member = request.mutable_member();
  v1::MemberProfile* profile = member->mutable_profile();
  profile->set_full_name(rows.Get(i, "full_name"));
  if (profile->full_name().empty()) {
    return absl::InvalidArgumentError("full_name: empty");
  }
  WELFARE_ASSIGN_OR_FAIL(national_id,
                         CheckNationalId(rows.Get(i, "national_id")));
  profile->set_national_id(national_id);
  WELFARE_ASSIGN_OR_FAIL(joined, DateField(rows, i, "join_date", today));
  *member->mutable_join_date() = joined;
  const std::string category = rows.Get(i, "category");
  member->set_category(v1::MEMBER_CATEGORY_GENERAL);
  if (!category.empty()) {
    const format::Label* label =
        format::FindLabelByToken(format::MemberCategoryLabels(), category);
    if (label == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "category: \"", category, "\"; want one of ",
          format::TokenList(format::MemberCategoryLabels(), ", ")));
    }
    member->set_category(static_cast<v1::MemberCategory>(label->value));
  }
  member->set_village_code(rows.Get(i, "village"));
  profile->set_address(rows.Get(i, "address"));
  profile->set_phone(rows.Get(i, "phone"));
  profile->set_nominee_name(rows.Get(i, "nominee"));
  profile->set_nominee_relationship(rows.Get(i, "nominee_relationship"));
  if (!rows.Get(i, "birth_date").empty()) {
    WELFARE_ASSIGN_OR_FAIL(
        born, DateField(rows, i, "birth_date", today, format::kBirthYearMin));
    if (std::make_tuple(born.year(), born.month(), born.day()) >
        std::make_tuple(joined.year(), joined.month(), joined.day())) {
      return absl::InvalidArgumentError(absl::StrCat("birth_date: \"",
                                                     rows.Get(i, "birth_date"),
                                                     "\" is after join_date"));
    }
    *profile->mutable_birth_date() = born;
  }
  const std::string sex = rows.Get(i, "sex");
  if (!sex.empty()) {
    const format::Label* label =
        format::FindLabelByToken(format::SexLabels(), sex);
    if (label == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("sex: \"", sex, "\"; want ",
                       format::TokenList(format::SexLabels(), " or ")));
    }
    profile->set_sex(static_cast<v1::Sex>(label->value));
  }
  return request;
}

// Opening balances: each account's balance on its normal side (debit for
// assets and expenses, credit for the others); fund capital (3101) takes
// the difference.
absl::StatusOr<v1::PostTransactionRequest> OpeningTransaction(
    const CsvRows& rows, const v1::Date& as_of, std::vector<std::string>* bad,
    absl::string_view file) {
  v1::PostTransactionRequest request;
  v1::Transaction* transaction = request.mutable_transaction();
  *transaction->mutable_effective_date() = as_of;
  transaction->set_memo("ยอดยกมา (opening balances)");
  int64_t debit_minus_credit = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string code = rows.Get(i, "account");
    absl::StatusOr<int64_t> balance = BahtField(rows, i, "balance");
    if (code.size() != 4 || code[0] < '1' || code[0] > '5' ||
        !absl::ascii_isdigit(static_cast<unsigned char>(code[3]))) {
      bad->push_back(BadLine(
          file, rows.line(i),
          absl::StrCat("account: \"", code, "\"; want a 4-digit code")));
      continue;
    }
    if (!balance.ok()) {
      bad->push_back(BadLine(file, rows.line(i), balance.status().message()));
      continue;
    }
    const bool debit_normal = code[0] == '1' || code[0] == '5';
    v1::Posting* posting = transaction->add_postings();
    posting->set_account_code(code);
    posting->set_side(debit_normal ? v1::DEBIT : v1::CREDIT);
    posting->set_amount_satang(*balance);
    debit_minus_credit += debit_normal ? *balance : -*balance;
  }
  if (debit_minus_credit != 0) {
    // The difference is the fund's capital (3101). A file that lists 3101
    // itself has the difference netted into that line: a transaction puts
    // an account on one side only.
    auto& postings = *transaction->mutable_postings();
    int64_t credit = debit_minus_credit;  // What 3101 must be credited.
    for (int p = postings.size() - 1; p >= 0; --p) {
      if (postings[p].account_code() != "3101") continue;
      credit += postings[p].side() == v1::CREDIT ? postings[p].amount_satang()
                                                 : -postings[p].amount_satang();
      postings.DeleteSubrange(p, 1);
    }
    if (credit != 0) {
      v1::Posting* capital = transaction->add_postings();
      capital->set_account_code("3101");
      capital->set_side(credit > 0 ? v1::CREDIT : v1::DEBIT);
      capital->set_amount_satang(credit > 0 ? credit : -credit);
    }
  }
  return request;
}

absl::StatusOr<v1::BatchItem> DuesRow(const CsvRows& rows, size_t i,
                                      const v1::Date& today) {
  v1::BatchItem item;
  v1::Contribution* dues = item.mutable_contribution();
  dues->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  WELFARE_ASSIGN_OR_FAIL(member, PositiveField(rows, i, "member", 1 << 30));
  dues->set_member_number(member);
  absl::StatusOr<v1::YearMonth> from =
      format::ParseYearMonth(rows.Get(i, "from"));
  if (!from.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("from: ", from.status().message()));
  }
  *dues->mutable_months()->mutable_first_month() = *from;
  WELFARE_ASSIGN_OR_FAIL(months, PositiveField(rows, i, "months", 120));
  dues->mutable_months()->set_month_count(months);
  WELFARE_ASSIGN_OR_FAIL(amount, BahtField(rows, i, "amount"));
  dues->set_amount_satang(amount);
  WELFARE_ASSIGN_OR_FAIL(date, DateField(rows, i, "date", today));
  *dues->mutable_effective_date() = date;
  dues->set_source_document(rows.Get(i, "receipt"));
  return item;
}

absl::StatusOr<v1::BatchItem> BenefitRow(const CsvRows& rows, size_t i,
                                         const v1::Date& today) {
  v1::BatchItem item;
  v1::Disbursement* paid = item.mutable_disbursement();
  v1::Benefit* benefit = paid->mutable_benefit();
  WELFARE_ASSIGN_OR_FAIL(member, PositiveField(rows, i, "member", 1 << 30));
  benefit->set_member_number(member);
  const std::string category = rows.Get(i, "category");
  const format::Label* label =
      format::FindLabelByToken(format::BenefitCategoryLabels(), category);
  int number = 0;
  if (label != nullptr) {
    benefit->set_category(static_cast<v1::BenefitCategory>(label->value));
  } else if (absl::SimpleAtoi(category, &number) && number >= 1 &&
             number <= 16) {
    benefit->set_category(static_cast<v1::BenefitCategory>(number));
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("category: \"", category, "\"; want 1..16 or one of ",
                     format::TokenList(format::BenefitCategoryLabels(), ", ")));
  }
  benefit->set_sub_type(rows.Get(i, "sub_type"));
  if (!rows.Get(i, "nights").empty()) {
    WELFARE_ASSIGN_OR_FAIL(nights, PositiveField(rows, i, "nights", 366));
    benefit->set_quantity(nights);
  }
  WELFARE_ASSIGN_OR_FAIL(amount, BahtField(rows, i, "amount"));
  paid->set_amount_satang(amount);
  WELFARE_ASSIGN_OR_FAIL(date, DateField(rows, i, "date", today));
  *paid->mutable_effective_date() = date;
  paid->set_source_document(rows.Get(i, "voucher"));
  return item;
}

#undef WELFARE_ASSIGN_OR_FAIL

}  // namespace welfare::cli
