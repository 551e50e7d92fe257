package caseload

import (
	"math"
	"sort"
	"time"
)

// Holiday is one entry of the working-day calendar: a public holiday or
// compensating day off (Kind "off"), or a weekend day that is worked in
// exchange for a bridge day off (Kind "work"). Name is a message key of
// package i18n ("legal.holiday.tet", ...) so the table can be shown in
// either language.
type Holiday struct {
	Date Date
	Name string
	Kind string
}

// Holiday kinds.
const (
	HolidayOff  = "off"  // no work on that day
	HolidayWork = "work" // a weekend day worked in compensation
)

// Holiday names (message keys of package i18n).
const (
	HolidayNewYear       = "legal.holiday.new_year"
	HolidayTet           = "legal.holiday.tet"
	HolidayHungKings     = "legal.holiday.hung_kings"
	HolidayReunification = "legal.holiday.reunification"
	HolidayLabour        = "legal.holiday.labour"
	HolidayNational      = "legal.holiday.national"
	HolidayCompensation  = "legal.holiday.compensation"
	HolidayBridge        = "legal.holiday.bridge"
	HolidayMakeUp        = "legal.holiday.make_up"
)

// BuiltinHolidaysFrom and BuiltinHolidaysTo bound the years covered by
// BuiltinHolidays.
const (
	BuiltinHolidaysFrom = 2020
	BuiltinHolidaysTo   = 2035
)

// officialTet holds the Tết days off decided by the Government for the
// years already announced (weekdays only; the weekends around them are not
// working days anyway).
var officialTet = map[int][2]Date{
	2020: {D(2020, 1, 23), D(2020, 1, 29)},
	2021: {D(2021, 2, 10), D(2021, 2, 16)},
	2022: {D(2022, 1, 31), D(2022, 2, 4)},
	2023: {D(2023, 1, 20), D(2023, 1, 26)},
	2024: {D(2024, 2, 8), D(2024, 2, 14)},
	2025: {D(2025, 1, 27), D(2025, 1, 31)},
	2026: {D(2026, 2, 16), D(2026, 2, 20)},
}

// officialSwaps are the bridge days off announced for public servants,
// each paid back by working a Saturday.
var officialSwaps = []struct{ off, work Date }{
	{D(2024, 4, 29), D(2024, 5, 4)},
	{D(2025, 5, 2), D(2025, 4, 26)},
	{D(2026, 1, 2), D(2026, 1, 10)},
}

// BuiltinHolidays returns the Vietnamese public holidays of 2020–2035
// (Labour Code 2019 Art. 112), sorted by date:
//
//   - 1 January;
//   - Tết Nguyên đán: the Government's announced days off for 2020–2026,
//     otherwise the lunar New Year's Eve and the first four days of the
//     lunar year (5 days, Art. 112(1)(b));
//   - Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month;
//   - 30 April and 1 May;
//   - 2 September plus one adjacent day, 1 or 3 September (from 2021; the
//     2012 Labour Code in force in 2020 gave only one day);
//   - a compensating day off, the next working day, for a holiday that
//     falls on a weekend (Art. 112(3));
//   - the announced bridge days and the Saturdays worked for them.
//
// Lunar dates come from LunarToSolar (Hồ Ngọc Đức's algorithm, UTC+7).
// The table is a default: the store lets the user edit it.
func BuiltinHolidays() []Holiday {
	var out []Holiday
	for y := BuiltinHolidaysFrom; y <= BuiltinHolidaysTo; y++ {
		out = append(out, holidaysOfYear(y)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// holidaysOfYear builds one year of the table.
func holidaysOfYear(y int) []Holiday {
	off := map[Date]bool{}
	var out []Holiday
	var weekend []Holiday // holidays on a weekend, compensated afterwards
	add := func(d Date, name string, compensate bool) {
		if off[d] {
			return
		}
		off[d] = true
		out = append(out, Holiday{Date: d, Name: name, Kind: HolidayOff})
		if compensate && isWeekend(d) {
			weekend = append(weekend, Holiday{Date: d, Name: name})
		}
	}
	add(D(y, 1, 1), HolidayNewYear, true)
	if r, ok := officialTet[y]; ok {
		for d := r[0]; !d.After(r[1]); d = d.AddDays(1) {
			add(d, HolidayTet, false)
		}
	} else {
		tet := LunarToSolar(y, 1, 1, false)
		for d := tet.AddDays(-1); !d.After(tet.AddDays(3)); d = d.AddDays(1) {
			add(d, HolidayTet, true)
		}
	}
	add(LunarToSolar(y, 3, 10, false), HolidayHungKings, true)
	add(D(y, 4, 30), HolidayReunification, true)
	add(D(y, 5, 1), HolidayLabour, true)
	add(D(y, 9, 2), HolidayNational, true)
	if y >= 2021 {
		add(nationalDayBridge(y), HolidayNational, true)
	}
	sort.Slice(weekend, func(i, j int) bool { return weekend[i].Date.Before(weekend[j].Date) })
	for _, h := range weekend {
		d := h.Date.AddDays(1)
		for isWeekend(d) || off[d] {
			d = d.AddDays(1)
		}
		add(d, HolidayCompensation, false)
	}
	for _, s := range officialSwaps {
		if s.off.Year() == y {
			add(s.off, HolidayBridge, false)
			out = append(out, Holiday{Date: s.work, Name: HolidayMakeUp, Kind: HolidayWork})
		}
	}
	return out
}

// nationalDayBridge picks the second Quốc khánh day (1 or 3 September) the
// way the Government has announced it since 2021: the one that joins the
// holiday to a weekend, and a weekday whenever 2 September is on a weekend.
func nationalDayBridge(y int) Date {
	switch D(y, 9, 2).Weekday() {
	case time.Monday, time.Thursday, time.Sunday:
		return D(y, 9, 3)
	default: // Tuesday, Wednesday, Friday, Saturday
		return D(y, 9, 1)
	}
}

func isWeekend(d Date) bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// LunarToSolar converts a date of the Vietnamese lunar calendar (time zone
// UTC+7) to the Gregorian calendar with Hồ Ngọc Đức's algorithm. leap
// selects the leap (nhuận) month; when the year has no such leap month the
// zero Date is returned.
func LunarToSolar(lunarYear, lunarMonth, lunarDay int, leap bool) Date {
	const tz = 7.0
	var a11, b11 int
	if lunarMonth < 11 {
		a11 = lunarMonth11(lunarYear-1, tz)
		b11 = lunarMonth11(lunarYear, tz)
	} else {
		a11 = lunarMonth11(lunarYear, tz)
		b11 = lunarMonth11(lunarYear+1, tz)
	}
	k := int(math.Floor(0.5 + (float64(a11)-2415021.076998695)/29.530588853))
	off := lunarMonth - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		leapOff := lunarLeapMonthOffset(a11, tz)
		leapMonth := leapOff - 2
		if leapMonth < 0 {
			leapMonth += 12
		}
		if leap && lunarMonth != leapMonth {
			return Date{}
		}
		if leap || off >= leapOff {
			off++
		}
	} else if leap {
		return Date{}
	}
	start := lunarNewMoonDay(k+off, tz)
	return dateFromJDN(start + lunarDay - 1)
}

// jdnOf returns the Julian day number of a Gregorian date.
func jdnOf(d Date) int {
	a := (14 - int(d.Month())) / 12
	y := d.Year() + 4800 - a
	m := int(d.Month()) + 12*a - 3
	return d.Day() + (153*m+2)/5 + 365*y + y/4 - y/100 + y/400 - 32045
}

// dateFromJDN returns the Gregorian date of a Julian day number.
func dateFromJDN(jd int) Date {
	return D(1970, time.January, 1).AddDays(jd - 2440588)
}

// lunarNewMoon returns the Julian date of the k-th new moon after
// 1900-01-01 (Meeus' approximation, as in Hồ Ngọc Đức's code).
func lunarNewMoon(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85
	t2 := t * t
	t3 := t2 * t
	dr := math.Pi / 180
	jd1 := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	jd1 += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*dr)
	m := 359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3
	mpr := 306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3
	f := 21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3
	c1 := (0.1734-0.000393*t)*math.Sin(m*dr) + 0.0021*math.Sin(2*dr*m)
	c1 = c1 - 0.4068*math.Sin(mpr*dr) + 0.0161*math.Sin(dr*2*mpr)
	c1 -= 0.0004 * math.Sin(dr*3*mpr)
	c1 = c1 + 0.0104*math.Sin(dr*2*f) - 0.0051*math.Sin(dr*(m+mpr))
	c1 = c1 - 0.0074*math.Sin(dr*(m-mpr)) + 0.0004*math.Sin(dr*(2*f+m))
	c1 = c1 - 0.0004*math.Sin(dr*(2*f-m)) - 0.0006*math.Sin(dr*(2*f+mpr))
	c1 = c1 + 0.0010*math.Sin(dr*(2*f-mpr)) + 0.0005*math.Sin(dr*(2*mpr+m))
	var deltat float64
	if t < -11 {
		deltat = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltat = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd1 + c1 - deltat
}

// lunarSunLongitude returns the sun's longitude in radians at Julian date jdn.
func lunarSunLongitude(jdn float64) float64 {
	t := (jdn - 2451545.0) / 36525
	t2 := t * t
	dr := math.Pi / 180
	m := 357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2
	dl := (1.914600 - 0.004817*t - 0.000014*t2) * math.Sin(dr*m)
	dl += (0.019993-0.000101*t)*math.Sin(dr*2*m) + 0.000290*math.Sin(dr*3*m)
	l := (l0 + dl) * dr
	return l - math.Pi*2*math.Floor(l/(math.Pi*2))
}

// lunarSunSector returns which of the 12 30° sectors the sun is in at the
// start of day dayNumber in time zone tz.
func lunarSunSector(dayNumber int, tz float64) int {
	return int(math.Floor(lunarSunLongitude(float64(dayNumber)-0.5-tz/24) / math.Pi * 6))
}

// lunarNewMoonDay returns the day number of the k-th new moon in time zone tz.
func lunarNewMoonDay(k int, tz float64) int {
	return int(math.Floor(lunarNewMoon(k) + 0.5 + tz/24))
}

// lunarMonth11 returns the day number of the start of the 11th lunar month
// (the one containing the winter solstice) of year y.
func lunarMonth11(y int, tz float64) int {
	off := float64(jdnOf(D(y, 12, 31)) - 2415021)
	k := int(math.Floor(off / 29.530588853))
	nm := lunarNewMoonDay(k, tz)
	if lunarSunSector(nm, tz) >= 9 {
		nm = lunarNewMoonDay(k-1, tz)
	}
	return nm
}

// lunarLeapMonthOffset returns the offset, from month 11 starting at a11,
// of the leap month of a 13-month lunar year.
func lunarLeapMonthOffset(a11 int, tz float64) int {
	k := int(math.Floor((float64(a11)-2415021.076998695)/29.530588853 + 0.5))
	i := 1
	arc := lunarSunSector(lunarNewMoonDay(k+i, tz), tz)
	for {
		last := arc
		i++
		arc = lunarSunSector(lunarNewMoonDay(k+i, tz), tz)
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}
