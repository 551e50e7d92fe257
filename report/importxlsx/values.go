package importxlsx

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

var (
	errDate     = errors.New("bad date")
	reDMY       = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$`)
	reISO       = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reYear      = regexp.MustCompile(`^(\d{4})$`)
	reSerial    = regexp.MustCompile(`^\d{5}(\.\d+)?$`)
	reMonths    = regexp.MustCompile(`(\d+)\s*(thang|th)\b`)
	reYears     = regexp.MustCompile(`(\d+)\s*(nam|n)\b`)
	reBareMonth = regexp.MustCompile(`^(\d+)$`)
)

// excelEpoch is day 0 of Excel's 1900 date system (with its 1900 leap-year
// bug, serials from 61 on count from here).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// parseDate reads a date as wards write them: 05/03/1985, 5/3/85,
// 05-03-1985, 1985-03-05, or an Excel date serial (31111). A two-digit
// year is 20yy when that is not after this year, else 19yy.
func parseDate(s string, thisYear int) (caseload.Date, error) {
	s = strings.TrimSpace(s)
	if m := reDMY.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if len(m[3]) == 2 {
			y += 2000
			if y > thisYear {
				y -= 100
			}
		}
		return checked(y, mo, d)
	}
	if m := reISO.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return checked(y, mo, d)
	}
	if reSerial.MatchString(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 61 || f > 80000 {
			return caseload.Date{}, errDate
		}
		return caseload.DateOf(excelEpoch.AddDate(0, 0, int(f))), nil
	}
	return caseload.Date{}, errDate
}

func checked(y, m, d int) (caseload.Date, error) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return caseload.Date{}, errDate
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return caseload.Date{}, errDate
	}
	return caseload.DateOf(t), nil
}

// parseBirth reads a birth date: a full date as parseDate, or a bare year
// (1985), which many lists hold.
func parseBirth(s string, thisYear int) (caseload.BirthDate, error) {
	s = strings.TrimSpace(s)
	if reYear.MatchString(s) {
		y, _ := strconv.Atoi(s)
		if y < 1900 || y > thisYear {
			return caseload.BirthDate{}, errDate
		}
		return caseload.BirthDate{Year: y}, nil
	}
	d, err := parseDate(s, thisYear)
	if err != nil {
		return caseload.BirthDate{}, err
	}
	return caseload.BirthDate{Year: d.Year(), Month: d.Month(), Day: d.Day()}, nil
}

// parseGender reads Nam / Nữ (or male / female, M / F).
func parseGender(s string) (caseload.Gender, bool) {
	switch fold(s) {
	case "nam", "male", "m", "trai":
		return caseload.Male, true
	case "nu", "female", "f", "gai":
		return caseload.Female, true
	}
	return "", false
}

// parseSentence reads a sentence: "36 tháng", "3 năm", "2 năm 6 tháng",
// a bare number of months, "chung thân", "án treo", "cải tạo không giam
// giữ", "phạt tiền", "cảnh cáo", "tử hình … chuyển".
func parseSentence(s string) (caseload.SentenceKind, int, bool) {
	f := fold(s)
	switch {
	case f == "":
		return "", 0, true
	case strings.Contains(f, "chung than"):
		return caseload.SentenceLife, 0, true
	case strings.Contains(f, "tu hinh"):
		return caseload.SentenceDeathCommuted, 0, true
	case strings.Contains(f, "treo"):
		_, months, _ := parseSentence(strings.ReplaceAll(f, "treo", ""))
		return caseload.SentenceSuspended, months, true
	case strings.Contains(f, "cai tao"):
		_, months, _ := parseSentence(strings.ReplaceAll(f, "cai tao khong giam giu", ""))
		return caseload.SentenceNonCustodial, months, true
	case strings.Contains(f, "phat tien"):
		return caseload.SentenceFine, 0, true
	case strings.Contains(f, "canh cao"):
		return caseload.SentenceWarning, 0, true
	}
	if m := reBareMonth.FindStringSubmatch(f); m != nil {
		n, _ := strconv.Atoi(m[1])
		return caseload.SentencePrison, n, n > 0
	}
	months := 0
	found := false
	if m := reYears.FindStringSubmatch(f); m != nil {
		n, _ := strconv.Atoi(m[1])
		months += 12 * n
		found = true
	}
	if m := reMonths.FindStringSubmatch(f); m != nil {
		n, _ := strconv.Atoi(m[1])
		months += n
		found = true
	}
	if !found || months == 0 {
		return "", 0, false
	}
	return caseload.SentencePrison, months, true
}

// parseYes reads a yes/no cell ("x", "có", "1", "đặc xá").
func parseYes(s string) bool {
	switch fold(s) {
	case "", "khong", "0", "no", "-":
		return false
	}
	return true
}

// parseStatus reads a status as the app's lists write it ("Đang quản
// lý", "Chờ về", "Đã kết thúc", in the current language or Vietnamese)
// or its code.
func parseStatus(s string) (caseload.Status, bool) {
	f := fold(s)
	for _, st := range caseload.Statuses {
		if f == string(st) || f == fold(i18n.T("person.status."+string(st))) || f == fold(statusVI[st]) {
			return st, true
		}
	}
	return "", false
}

// statusVI are the Vietnamese status labels, read whatever the language.
var statusVI = map[caseload.Status]string{caseload.StatusExpected: "Chờ về", caseload.StatusManaged: "Đang quản lý",
	caseload.StatusEnded: "Đã kết thúc"}
