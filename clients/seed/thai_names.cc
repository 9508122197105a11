#include "clients/seed/thai_names.h"

#include "absl/strings/str_cat.h"

namespace welfare::seed {
namespace {

constexpr const char* kGivenFirst[] = {
    "สม", "บุญ",  "ทอง",  "คำ", "แสง", "ศรี",  "จันทร์", "บัว",  "ทวี",
    "สุข", "พร",  "ชัย",   "วัน", "เพ็ญ", "ดวง", "มณี",   "อุดม", "สาย",
    "นิ่ม", "ประ", "เรือง", "ลำ", "หอม", "อ่อน", "ปัญ"};
constexpr const char* kGivenSecond[] = {
    "ศรี",   "ใจ",   "มี",   "จันทร์", "ดี",   "ทอง", "เพ็ญ",  "สุข", "พร",
    "ชัย",   "คำ",   "รักษ์", "หวัง",  "ผล",  "ใส",  "แก้ว",  "นา", "เดช",
    "ลักษณ์", "สวัสดิ์", "ทิพย์", "พันธ์",  "ไพร", "จิต",  "เนตร", "พา"};
constexpr const char* kFamilyFirst[] = {
    "ศรี", "บุญ",  "แก้ว", "ทอง", "พรหม", "สุข",  "ใจ", "คำ",  "จันทร์",
    "ภู",  "ไชย", "ดวง", "พิมพ์", "นาม",  "วงศ์", "มูล", "สาย", "อินทร์"};
constexpr const char* kFamilyMiddle[] = {
    "สม", "มา",  "ประ", "เจริญ", "ทิพย์", "สวัสดิ์", "ศักดิ์", "รัตน์",
    "ชัย", "ทอง", "บุญ",  "เพชร", "แสง", "หอม",  "ดี",   "ศรี"};
constexpr const char* kFamilyLast[] = {
    "วงศ์",  "สุข",  "ดี",  "ผล", "พันธ์", "กุล", "ศรี", "เจริญ",
    "มงคล", "ไพร", "นา", "ทา", "ราช", "ชัย", "คำ", "พงษ์"};

constexpr const char* kPlaceFirst[] = {
    "โนน", "หนอง", "ดอน", "กุด", "ห้วย",  "โคก", "นา",  "ทุ่ง",  "สระ", "บึง",
    "หัว",  "ป่า",   "คำ",  "ซำ", "เมือง", "โพธิ์", "ตาล", "ยาง", "ละ",  "กระ"};
constexpr const char* kPlaceSecond[] = {
    "สูง", "บัว",     "แก้ว",  "ใหญ่",   "น้อย",   "หว้า",  "ทอง",  "เจริญ",
    "คำ", "ไผ่",     "แดง",  "ขาม",   "ม่วง",   "จาน",  "โพธิ์",  "สวรรค์",
    "ศรี", "ตะเคียน", "กุง",   "ค้อ",    "เหล็ก",  "หิน",   "ทราย", "แวง",
    "จิก", "เกษม",   "หวาย", "มะนาว", "ขี้เหล็ก", "สำราญ"};
constexpr const char* kPlaceThird[] = {"ใต้",    "เหนือ", "พัฒนา", "ใหม่",
                                       "สามัคคี", "ทุ่ง",   "กลาง"};

constexpr const char* kAdultRelationships[] = {"คู่สมรส", "บุตร",  "บิดา",
                                               "มารดา", "พี่น้อง", "หลาน"};
constexpr const char* kChildRelationships[] = {"บิดา", "มารดา"};

}  // namespace

std::string GivenName(Rng& rng) {
  return absl::StrCat(rng.Pick(kGivenFirst), rng.Pick(kGivenSecond));
}

std::string FamilyName(Rng& rng) {
  if (rng.Chance(1, 3)) {
    return absl::StrCat(rng.Pick(kFamilyFirst), rng.Pick(kFamilyLast));
  }
  return absl::StrCat(rng.Pick(kFamilyFirst), rng.Pick(kFamilyMiddle),
                      rng.Pick(kFamilyLast));
}

std::string Title(Rng& rng, Sex sex, bool child) {
  if (child) return sex == Sex::kMale ? "เด็กชาย" : "เด็กหญิง";
  if (sex == Sex::kMale) return "นาย";
  return rng.Chance(3, 4) ? "นาง" : "นางสาว";
}

std::string PlaceName(Rng& rng) {
  std::string name =
      absl::StrCat(rng.Pick(kPlaceFirst), rng.Pick(kPlaceSecond));
  if (rng.Chance(1, 8)) absl::StrAppend(&name, rng.Pick(kPlaceThird));
  return name;
}

std::string NomineeRelationship(Rng& rng, bool member_is_child) {
  return member_is_child ? rng.Pick(kChildRelationships)
                         : rng.Pick(kAdultRelationships);
}

std::string ProvinceName(const std::string& province_code, Rng& rng) {
  if (province_code == "33") return "ศรีสะเกษ";
  return PlaceName(rng);
}

}  // namespace welfare::seed
