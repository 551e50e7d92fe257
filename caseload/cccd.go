package caseload

import "strconv"

// CitizenIDLength is the number of digits of a citizen ID (CCCD).
const CitizenIDLength = 12

// ProvinceCodes maps the first three digits of a citizen ID to the
// province where it was registered: the 63 provinces and cities before
// the 2025 merger, with the codes of TT 07/2016/TT-BCA (kept by TT
// 59/2021/TT-BCA). Cards issued before the merger keep these codes.
var ProvinceCodes = map[string]string{
	"001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
	"008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
	"014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
	"020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
	"026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
	"033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
	"037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
	"044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
	"049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
	"056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
	"064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
	"070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
	"077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
	"083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
	"089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
	"094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}

// CitizenIDCentury decodes the 4th digit of a citizen ID: the gender and
// the first year of the birth century (0/1 male/female born 1900–1999,
// 2/3 2000–2099, 4/5 2100–2199, 6/7 2200–2299, 8/9 2300–2399).
func CitizenIDCentury(digit byte) (Gender, int) {
	n := int(digit - '0')
	g := Male
	if n%2 == 1 {
		g = Female
	}
	return g, 1900 + 100*(n/2)
}

// CheckCitizenID checks a 12-digit citizen ID (CCCD) against the holder's
// gender and birth year (0 = unknown; an empty gender is not checked).
// An empty id is allowed. A wrong length or a non-digit is an error; an
// unknown province code, a gender or century digit that does not match,
// or birth-year digits that do not match are warnings: the card is what
// it is, but the officer should look again.
//
//	errs, warns := CheckCitizenID("001085012345", Male, 1985) // none, none
//	_, warns = CheckCitizenID("001185012345", Male, 1985)      // gender warning
func CheckCitizenID(id string, g Gender, birthYear int) (errs []FieldError, warns []FieldError) {
	const field = "citizen_id"
	if id == "" {
		return nil, nil
	}
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return []FieldError{{Field: field, Key: "validation.citizen_id.digits"}}, nil
		}
	}
	if len(id) != CitizenIDLength {
		return []FieldError{{Field: field, Key: "validation.citizen_id.length",
			Args: map[string]any{"Want": CitizenIDLength, "Got": len(id)}}}, nil
	}
	if _, ok := ProvinceCodes[id[:3]]; !ok {
		warns = append(warns, FieldError{Field: field, Key: "validation.citizen_id.province",
			Args: map[string]any{"Code": id[:3]}})
	}
	cg, century := CitizenIDCentury(id[3])
	if g != "" && (g == Male || g == Female) && g != cg {
		warns = append(warns, FieldError{Field: field, Key: "validation.citizen_id.gender",
			Args: map[string]any{"Digit": string(id[3])}})
	}
	if birthYear > 0 {
		if birthYear < century || birthYear > century+99 {
			warns = append(warns, FieldError{Field: field, Key: "validation.citizen_id.century",
				Args: map[string]any{"Digit": string(id[3]), "Year": birthYear,
					"From": century, "To": century + 99}})
		}
		yy, _ := strconv.Atoi(id[4:6])
		if yy != birthYear%100 {
			warns = append(warns, FieldError{Field: field, Key: "validation.citizen_id.birth_year",
				Args: map[string]any{"Digits": id[4:6], "Year": birthYear}})
		}
	}
	return errs, warns
}
