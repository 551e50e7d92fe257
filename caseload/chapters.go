package caseload

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// courtChapterArticles are the article ranges of the BLHS 2015 chapters
// whose convictions are cleared only by a court (Art. 70(1), 71(1)):
// Chapter XIII, crimes against national security (Arts. 108–122), and
// Chapter XXVI, crimes against peace and humanity and war crimes (Arts.
// 421–425).
var courtChapterArticles = []struct{ chapter, first, last int }{
	{13, 108, 122},
	{26, 421, 425},
}

// MaxCriminalCodeArticle is the last article of the BLHS 2015.
const MaxCriminalCodeArticle = 426

// ArticleChapter returns the court chapter (13 or 26) of a BLHS 2015
// article, or 0 when the article is in another chapter.
func ArticleChapter(article int) int {
	for _, c := range courtChapterArticles {
		if article >= c.first && article <= c.last {
			return c.chapter
		}
	}
	return 0
}

var (
	articleSep  = regexp.MustCompile(`[,;/+&]|\svà\s`)
	articleWord = regexp.MustCompile(`(?i)(?:điều|đ\.)\s*(\d+)`)
	numberWord  = regexp.MustCompile(`(?i)(khoản|điểm|k\.)?\s*(\d+)`)
)

// Articles reads the BLHS article numbers of a criminal_code_articles text
// such as "117, 173", "Điều 173 khoản 2" or "Điều 117; Điều 173 khoản 1
// điểm a": in each part (separated by , ; / + or "và") the number after
// "Điều", else the first number not introduced by "khoản" or "điểm". The
// result is sorted, without repeats, limited to real article numbers.
func Articles(text string) []int {
	seen := map[int]bool{}
	var out []int
	add := func(s string) {
		n, err := strconv.Atoi(s)
		if err == nil && n >= 1 && n <= MaxCriminalCodeArticle && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, part := range articleSep.Split(text, -1) {
		if m := articleWord.FindAllStringSubmatch(part, -1); m != nil {
			for _, g := range m {
				add(g[1])
			}
			continue
		}
		for _, g := range numberWord.FindAllStringSubmatch(part, -1) {
			if g[1] == "" {
				add(g[2])
				break
			}
		}
	}
	sort.Ints(out)
	return out
}

// OffenseChapters describes the chapters of one conviction: the court
// chapters (13, 26) it touches, from the recorded chapter and from the
// articles, and whether it also holds an offence of another chapter. A
// conviction may carry several offences, hence several chapters.
type OffenseChapters struct {
	Court    []int // court chapters, sorted, each once
	Articles []int // the articles read from criminal_code_articles
	Other    bool  // an offence of a chapter cleared automatically
}

// Mixed reports whether the conviction joins an offence cleared only by a
// court with one cleared automatically: BLHS Art. 73(3) then takes the
// Art. 71 periods, by court.
func (c OffenseChapters) Mixed() bool { return len(c.Court) > 0 && c.Other }

// ChaptersOf derives the chapters of p's conviction from OffenseChapter
// and CriminalCodeArticles ("117, 173": Art. 117 is in Chapter XIII, Art.
// 173 is not).
func ChaptersOf(p Person) OffenseChapters {
	c := OffenseChapters{Articles: Articles(p.CriminalCodeArticles)}
	court := map[int]bool{}
	if pvIn(p.OffenseChapter, CourtChapters) {
		court[p.OffenseChapter] = true
	} else if p.OffenseChapter != 0 {
		c.Other = true
	}
	for _, a := range c.Articles {
		if ch := ArticleChapter(a); ch != 0 {
			court[ch] = true
		} else {
			c.Other = true
		}
	}
	for ch := range court {
		c.Court = append(c.Court, ch)
	}
	sort.Ints(c.Court)
	return c
}

// articleList writes article numbers for a message: "117, 173".
func articleList(as []int) string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = strconv.Itoa(a)
	}
	return strings.Join(s, ", ")
}

// romanChapter writes a court chapter number in Roman numerals.
func romanChapter(ch int) string {
	switch ch {
	case 13:
		return "XIII"
	case 26:
		return "XXVI"
	}
	return strconv.Itoa(ch)
}
