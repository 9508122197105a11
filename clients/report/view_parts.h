// Parts the views share: the heading of a report and sections of account
// amounts with their totals, in table and CSV form.
#ifndef WELFARE_CLIENTS_REPORT_VIEW_PARTS_H_
#define WELFARE_CLIENTS_REPORT_VIEW_PARTS_H_

#include <cstdint>
#include <string>

#include "clients/report/views.h"
#include "google/protobuf/repeated_field.h"

namespace welfare::report {

using AccountAmounts = google::protobuf::RepeatedPtrField<v1::AccountAmount>;

// A view titled "<report name>: <fund display name>", with the header's
// dates, fiscal year and journal size as its subtitle.
View HeadedView(const Style& style, const char* thai, const char* english,
                const v1::ReportHeader& header);

// "01/10/2568 – 30/09/2569" (or the single date when both are equal).
std::string DateSpan(const Style& style, const v1::Date& start,
                     const v1::Date& end);

// A table of code, account and amount: every row with a non-zero amount,
// a rule, and the total labelled "รวม"/"Total".
cli::Report AmountTable(const Style& style, std::string title,
                        const AccountAmounts& rows, int64_t total_satang);

// The CSV table the amount sections of a report share:
// section, code, account, amount.
cli::Report AmountCsv(const Style& style);
// Appends one section's rows (every row) and its total to an AmountCsv.
void AppendAmountCsv(const Style& style, const std::string& section,
                     const AccountAmounts& rows, int64_t total_satang,
                     cli::Report* csv);

// A two-column table of labels and values (e.g. a summary).
cli::Report PairTable(const Style& style, std::string title);

// Appends the tables of `part` to `whole`, the first titled `heading`
// (followed by its own title, if it has one). `part`'s CSV is dropped.
void Embed(View part, const std::string& heading, View* whole);

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_VIEW_PARTS_H_
