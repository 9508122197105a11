#include "clients/format/baht_text.h"

#include "absl/strings/str_cat.h"

namespace welfare::format {
namespace {

constexpr const char* kDigits[] = {"ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่",
                                   "ห้า",  "หก",  "เจ็ด", "แปด", "เก้า"};
// The place names of a group of six digits, from the ones up.
constexpr const char* kPlaces[] = {"", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"};
constexpr uint64_t kMillion = 1000000;

// Words of 1..999,999; `after_higher`: digits stand before it (a higher
// group of millions), so a lone final 1 is เอ็ด too.
std::string GroupText(uint64_t group, bool after_higher) {
  std::string text;
  const bool has_tens_or_more = group >= 10 || after_higher;
  for (int place = 5; place >= 0; --place) {
    uint64_t power = 1;
    for (int i = 0; i < place; ++i) power *= 10;
    const int digit = static_cast<int>(group / power % 10);
    if (digit == 0) continue;
    if (place == 1 && digit == 1) {
      absl::StrAppend(&text, "สิบ");
    } else if (place == 1 && digit == 2) {
      absl::StrAppend(&text, "ยี่สิบ");
    } else if (place == 0 && digit == 1 && has_tens_or_more) {
      absl::StrAppend(&text, "เอ็ด");
    } else {
      absl::StrAppend(&text, kDigits[digit], kPlaces[place]);
    }
  }
  return text;
}

// Words of a whole number > 0.
std::string NumberText(uint64_t number) {
  if (number < kMillion) return GroupText(number, /*after_higher=*/false);
  const uint64_t low = number % kMillion;
  std::string text = absl::StrCat(NumberText(number / kMillion), "ล้าน");
  if (low != 0) absl::StrAppend(&text, GroupText(low, /*after_higher=*/true));
  return text;
}

}  // namespace

std::string BahtText(int64_t satang) {
  // The magnitude, exact even for the most negative int64.
  const uint64_t magnitude = satang < 0 ? ~static_cast<uint64_t>(satang) + 1
                                        : static_cast<uint64_t>(satang);
  const uint64_t baht = magnitude / 100;
  const uint64_t cents = magnitude % 100;
  std::string text = satang < 0 ? "ลบ" : "";
  if (baht == 0 && cents == 0) return "ศูนย์บาทถ้วน";
  if (baht != 0) absl::StrAppend(&text, NumberText(baht), "บาท");
  if (cents == 0) {
    absl::StrAppend(&text, "ถ้วน");
  } else {
    absl::StrAppend(&text, GroupText(cents, /*after_higher=*/false), "สตางค์");
  }
  return text;
}

}  // namespace welfare::format
