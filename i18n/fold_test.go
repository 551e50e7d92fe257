package i18n_test

import (
	"fmt"
	"reflect"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoanhap/i18n"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyễn Văn Đức", "nguyen van duc"},
		{"  Nguyễn   Văn\tĐức\n", "nguyen van duc"},
		{"ĐẶNG THỊ HƯƠNG", "dang thi huong"},
		{"Trần Thị Ánh Tuyết", "tran thi anh tuyet"},
		{"Lê Quỳnh Ngọc Ẩn", "le quynh ngoc an"},
		{"Phạm Ưng Ơn Ợi", "pham ung on oi"},
		{"Bùi Thị Mỹ Dung", "bui thi my dung"},
		{"đ Đ d D", "d d d d"},
		{"nguyen van duc", "nguyen van duc"},
		{"", ""},
		{"   ", ""},
		{"Thôn 3, xã Yên Phong", "thon 3, xa yen phong"},
		{"079085001234", "079085001234"},
		{"Nguyễn\u00a0Văn", "nguyen van"}, // no-break space
		{"Ǹ Ḿ", "n m"},                    // Latin Extended letters with marks
		{"Ωμέγα", "ωμεγα"},                // non-Latin letters keep their base, lower-cased
	}
	for _, tt := range tests {
		if got := i18n.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldDecomposedEqualsComposed(t *testing.T) {
	for _, s := range []string{"Nguyễn Văn Đức", "Hoàng Thị Thuỷ", "Ngô Quốc Việt", "Đỗ Ưu Ộ"} {
		nfd := norm.NFD.String(s)
		if nfd == s {
			t.Fatalf("test input %q has no decomposition", s)
		}
		if a, b := i18n.Fold(s), i18n.Fold(nfd); a != b {
			t.Errorf("Fold(NFC %q) = %q but Fold(NFD) = %q", s, a, b)
		}
	}
}

func TestFoldEveryVietnameseLetter(t *testing.T) {
	groups := map[string]string{
		"a": "aàảãáạăằẳẵắặâầẩẫấậAÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬ",
		"e": "eèẻẽéẹêềểễếệEÈẺẼÉẸÊỀỂỄẾỆ",
		"i": "iìỉĩíịIÌỈĨÍỊ",
		"o": "oòỏõóọôồổỗốộơờởỡớợOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢ",
		"u": "uùủũúụưừửữứựUÙỦŨÚỤƯỪỬỮỨỰ",
		"y": "yỳỷỹýỵYỲỶỸÝỴ",
		"d": "dđDĐ",
	}
	for base, letters := range groups {
		for _, r := range letters {
			for _, form := range []string{string(r), norm.NFD.String(string(r))} {
				if got := i18n.Fold(form); got != base {
					t.Errorf("Fold(%q) = %q, want %q", form, got, base)
				}
			}
		}
	}
}

func TestFoldWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Nguyễn Văn Đức", []string{"nguyen", "van", "duc"}},
		{"  Lê  ", []string{"le"}},
		{"", nil},
		{" \t ", nil},
	}
	for _, tt := range tests {
		got := i18n.FoldWords(tt.in)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("FoldWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldAllocations(t *testing.T) {
	tests := []struct {
		in   string
		max  float64
		desc string
	}{
		{"nguyen van duc", 0, "already folded"},
		{"Nguyễn Văn Đức", 1, "needs folding"},
	}
	for _, tt := range tests {
		got := testing.AllocsPerRun(100, func() { _ = i18n.Fold(tt.in) })
		if got > tt.max {
			t.Errorf("Fold(%q) (%s): %v allocations, want at most %v", tt.in, tt.desc, got, tt.max)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	names := benchNames(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, n := range names {
			_ = i18n.Fold(n)
		}
	}
}

// benchNames builds n realistic, distinct Vietnamese full names.
func benchNames(n int) []string {
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middles := []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Quốc", "Thanh", "Xuân", "Thu"}
	givens := []string{"An", "Anh", "Ánh", "Bình", "Chi", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh", "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến"}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s %s %s", families[i%len(families)], middles[(i/len(families))%len(middles)], givens[(i/7)%len(givens)])
	}
	return out
}
