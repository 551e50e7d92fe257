package caseload

import (
	"reflect"
	"testing"
)

func TestArticles(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []int
	}{
		{"", nil},
		{"173", []int{173}},
		{"117, 173", []int{117, 173}},
		{"Điều 173 khoản 2 điểm a", []int{173}},
		{"Điều 117; Điều 173 khoản 1", []int{117, 173}},
		{"điều 248 và điều 249", []int{248, 249}},
		{"Đ.421 + 173", []int{173, 421}},
		{"khoản 1 Điều 173", []int{173}},
		{"173, 173", []int{173}},
		{"Điều 999", nil},
	} {
		if got := Articles(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Articles(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestArticleChapter: BLHS 2015 Chapter XIII is Arts. 108–122, Chapter
// XXVI Arts. 421–425.
func TestArticleChapter(t *testing.T) {
	for a, want := range map[int]int{107: 0, 108: 13, 117: 13, 122: 13, 123: 0, 173: 0, 420: 0, 421: 26, 425: 26, 426: 0} {
		if got := ArticleChapter(a); got != want {
			t.Errorf("ArticleChapter(%d) = %d, want %d", a, got, want)
		}
	}
}

func articles(p Person, a string, chapter int) Person {
	p.CriminalCodeArticles, p.OffenseChapter = a, chapter
	return p
}

// TestMixedConvictions: the chapters come from the articles as well as
// from offense_chapter; a conviction joining a Chapter XIII or XXVI
// offence with another takes the Art. 71 periods by court (BLHS 2015 Art.
// 73(3)), explained in the reasons.
func TestMixedConvictions(t *testing.T) {
	prison := expPerson(SentencePrison, 36) // completed 10/03/2020
	for _, c := range []expCase{
		{name: "theft alone, no chapter", law: "BLHS 2015 Điều 70 khoản 2 điểm b",
			p: articles(prison, "173", 0), method: ExpungeAutomatic, rule: "art70.prison_le_5y", period: 24, eligible: "2022-03-10"},
		{name: "Art. 117 with theft, no chapter given", law: "BLHS 2015 Điều 73 khoản 3, Điều 71 khoản 2 điểm b",
			p: articles(prison, "117, 173", 0), method: ExpungeCourt, rule: "art71.prison_le_5y", period: 36, eligible: "2023-03-10"},
		{name: "Art. 117 alone, no chapter given", law: "BLHS 2015 Điều 71 khoản 1, khoản 2 điểm b",
			p: articles(prison, "Điều 117", 0), method: ExpungeCourt, rule: "art71.prison_le_5y", period: 36, eligible: "2023-03-10"},
		{name: "war crime with theft", law: "BLHS 2015 Điều 73 khoản 3, Điều 71 khoản 2 điểm c",
			p: articles(expPerson(SentencePrison, 120), "Điều 173; Điều 421", 0), method: ExpungeCourt, rule: "art71.prison_5_15y", period: 60, eligible: "2025-03-10"},
		{name: "chapter 13 recorded, theft article", law: "BLHS 2015 Điều 73 khoản 3, Điều 71 khoản 2 điểm b",
			p: articles(prison, "173", 13), method: ExpungeCourt, rule: "art71.prison_le_5y", period: 36, eligible: "2023-03-10"},
		{name: "chapter 16 recorded, Art. 117 article", law: "BLHS 2015 Điều 73 khoản 3",
			p: articles(prison, "117", 16), method: ExpungeCourt, rule: "art71.prison_le_5y", period: 36, eligible: "2023-03-10"},
		{name: "juvenile stays under Art. 107", law: "BLHS 2015 Điều 107 khoản 2 điểm b",
			p: juvenile(articles(prison, "117, 173", 0)), method: ExpungeAutomatic, rule: "art107.juvenile_prison_le_5y", period: 12, eligible: "2021-03-10"},
	} {
		c.check(t)
	}

	e := ComputeExpungement(articles(prison, "117, 173", 0))
	keys := map[string]FieldError{}
	for _, r := range e.Reasons {
		keys[r.Key] = r
	}
	if r, ok := keys["legal.expunge.reason.court_chapter"]; !ok || r.Args["Articles"] != "117" || r.Args["Chapter"] != "XIII" {
		t.Errorf("no reason naming Art. 117 in Chapter XIII: %v", e.Reasons)
	}
	if _, ok := keys["legal.expunge.reason.mixed"]; !ok {
		t.Errorf("no reason citing Art. 73(3): %v", e.Reasons)
	}
	if e.Article != "BLHS 2015 Điều 71 khoản 2 điểm b, Điều 73 khoản 3" {
		t.Errorf("Article = %q", e.Article)
	}
	if single := ComputeExpungement(articles(prison, "117", 0)); single.Article != "BLHS 2015 Điều 71 khoản 2 điểm b" {
		t.Errorf("one Chapter XIII offence: Article = %q", single.Article)
	}
}

// FuzzArticles: any criminal_code_articles text gives sorted, distinct,
// real article numbers, without panicking.
func FuzzArticles(f *testing.F) {
	for _, s := range []string{"117, 173", "Điều 173 khoản 2 điểm a", "khoản 1 Điều 421; Đ.108", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		as := Articles(s)
		for i, a := range as {
			if a < 1 || a > MaxCriminalCodeArticle || i > 0 && as[i-1] >= a {
				t.Fatalf("Articles(%q) = %v", s, as)
			}
		}
		ChaptersOf(Person{CriminalCodeArticles: s})
	})
}
