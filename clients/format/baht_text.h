// An amount of baht in Thai words, as Thai receipts and payment vouchers
// write it under the figure (the same text as the BAHTTEXT function of Thai
// spreadsheets):
//   21.00        -> ยี่สิบเอ็ดบาทถ้วน
//   101.00       -> หนึ่งร้อยเอ็ดบาทถ้วน
//   1,234.50     -> หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์
//   0.25         -> ยี่สิบห้าสตางค์
//   1,000,001.00 -> หนึ่งล้านเอ็ดบาทถ้วน
// Tens are สิบ for 1 and ยี่สิบ for 2; a final 1 after any higher digit is
// เอ็ด; ล้าน repeats for every six digits. A negative amount starts with ลบ.
#ifndef WELFARE_CLIENTS_FORMAT_BAHT_TEXT_H_
#define WELFARE_CLIENTS_FORMAT_BAHT_TEXT_H_

#include <cstdint>
#include <string>

namespace welfare::format {

// satang: the amount in satang (1 baht = 100 satang); any int64.
std::string BahtText(int64_t satang);

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_BAHT_TEXT_H_
