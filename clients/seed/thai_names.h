// Made-up Thai names of people and places, put together from syllable
// lists. They sound Thai but belong to no one: never real people.
#ifndef WELFARE_CLIENTS_SEED_THAI_NAMES_H_
#define WELFARE_CLIENTS_SEED_THAI_NAMES_H_

#include <string>

#include "clients/seed/random.h"

namespace welfare::seed {

enum class Sex { kMale, kFemale };

// A given name of two syllables, e.g. "สมศรี".
std::string GivenName(Rng& rng);
// A family name of two or three syllables, e.g. "ศรีสมวงศ์".
std::string FamilyName(Rng& rng);
// A title: นาย, นาง or นางสาว for adults; เด็กชาย or เด็กหญิง for a child.
std::string Title(Rng& rng, Sex sex, bool child);

// A place name of two syllables (sometimes three), e.g. "โนนสูง", for
// districts, sub-districts and villages.
std::string PlaceName(Rng& rng);

// How a nominee is related to a member: an adult's spouse, child, parent
// or sibling; a child's parent.
std::string NomineeRelationship(Rng& rng, bool member_is_child);

// The Thai name of province code "33" (ศรีสะเกษ); a made-up place name for
// other codes.
std::string ProvinceName(const std::string& province_code, Rng& rng);

}  // namespace welfare::seed

#endif  // WELFARE_CLIENTS_SEED_THAI_NAMES_H_
