package i18n_test

import (
	"bytes"
	"slices"
	"sort"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoanhap/i18n"
)

func TestCompareNames(t *testing.T) {
	tests := []struct {
		a, b string
		want int
		why  string
	}{
		{"Trần Thị Anh", "Lê Văn Bình", -1, "given name first: Anh < Bình"},
		{"Lê Văn Bình", "Nguyễn Văn Bình", -1, "same given and middle: family Lê < Nguyễn"},
		{"Nguyễn Văn Dũng", "Nguyễn Văn Đức", -1, "d < đ in the Vietnamese alphabet"},
		{"Lê Đức", "Trần Dũng", 1, "given Đức after Dũng despite the family names"},
		{"Phạm Thị Anh", "Phạm Văn Anh", -1, "middle Thị < Văn"},
		{"Hồ An", "Hồ Ăn", -1, "a < ă"},
		{"Hồ Ăn", "Hồ Ân", -1, "ă < â"},
		{"Vũ Văn Ân", "Bùi Văn Bảo", -1, "â is still an a-letter: Ân < Bảo"},
		{"Lê Thị Ơn", "Lê Thị Ôn", 1, "ô < ơ"},
		{"Lê Thị Ưng", "Lê Thị Uyên", 1, "u < ư"},
		{"Lê Thị Ánh", "Lê Thị Ảnh", 1, "tones: hỏi < sắc"},
		{"Lê Thị Anh", "Lê Thị Ành", -1, "no tone before huyền"},
		{"Lê Thị Ạnh", "Lê Thị Ánh", 1, "sắc < nặng"},
		{"Lê Văn An", "Lê Văn Anh", -1, "An is a prefix of Anh"},
		{"Nguyễn Anh", "Nguyễn Văn Anh", -1, "no middle name sorts before a middle name"},
		{"Trần Văn Minh", "Trần Văn Thanh Minh", -1, "shorter middle part first"},
		{"Nguyễn Văn Đức", "nguyễn văn đức", 1, "case only breaks ties; lower first"},
		{"Nguyễn Văn Đức", "  Nguyễn  Văn   Đức ", 0, "white space does not count"},
		{"Nguyễn Văn Đức", norm.NFD.String("Nguyễn Văn Đức"), 0, "decomposed input equals composed"},
		{"Bình", "Lê Bình", -1, "a lone given name has no family name"},
		{"", "An", -1, "empty first"},
	}
	for _, tt := range tests {
		if got := i18n.CompareNames(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareNames(%q, %q) = %d, want %d (%s)", tt.a, tt.b, got, tt.want, tt.why)
		}
		if got := i18n.CompareNames(tt.b, tt.a); got != -tt.want {
			t.Errorf("CompareNames(%q, %q) = %d, want %d (reversed)", tt.b, tt.a, got, -tt.want)
		}
	}
}

func TestNameSortKeyOrdersAList(t *testing.T) {
	want := []string{
		"Trần Thị Anh",
		"Hoàng Văn Ánh",
		"Lê Văn Bình",
		"Nguyễn Văn Bình",
		"Phan Thị Chi",
		"Đỗ Văn Dũng",
		"Vũ Văn Dương",
		"Bùi Minh Đức",
		"Lê Văn Đức",
		"Nguyễn Thị Thu Hà",
		"Ngô Thị Hạ",
		"Đặng Thị Ơn",
		"Hồ Văn Ưng",
		"Lý Thị Yến",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	keys := make(map[string][]byte, len(got))
	for _, n := range got {
		keys[n] = i18n.NameSortKey(n)
	}
	sort.SliceStable(got, func(i, j int) bool { return bytes.Compare(keys[got[i]], keys[got[j]]) < 0 })
	if !slices.Equal(got, want) {
		t.Errorf("sorted:\n%q\nwant:\n%q", got, want)
	}
}

func TestNameSortKeyConcurrent(t *testing.T) {
	names := benchNames(200)
	want := make([][]byte, len(names))
	for i, n := range names {
		want[i] = i18n.NameSortKey(n)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(names))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, n := range names {
				if !bytes.Equal(i18n.NameSortKey(n), want[i]) {
					errs <- n
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for n := range errs {
		t.Errorf("concurrent NameSortKey(%q) differs", n)
	}
}

func BenchmarkNameSort100k(b *testing.B) {
	names := benchNames(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		keys := make([][]byte, len(names))
		for j, n := range names {
			keys[j] = i18n.NameSortKey(n)
		}
		idx := make([]int, len(names))
		for j := range idx {
			idx[j] = j
		}
		sort.Slice(idx, func(x, y int) bool { return bytes.Compare(keys[idx[x]], keys[idx[y]]) < 0 })
	}
}
