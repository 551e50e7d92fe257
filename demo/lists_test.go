package demo

import (
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadListRejectsBadFiles(t *testing.T) {
	cases := map[string]string{
		"empty":        "# only a comment\n\n",
		"no weight":    "Nguyễn\n",
		"bad weight":   "Nguyễn|nhiều\n",
		"neg weight":   "Nguyễn|-1\n",
		"zero weights": "Nguyễn|0\nTrần|0\n",
	}
	for name, body := range cases {
		fsys := fstest.MapFS{"demo/x.txt": {Data: []byte(body)}}
		if _, err := readList(fsys, "x.txt", 0); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := readList(fstest.MapFS{}, "missing.txt", -1); err == nil {
		t.Error("missing file: no error")
	}
}

func TestWeightedPickFollowsWeights(t *testing.T) {
	fsys := fstest.MapFS{"demo/x.txt": {Data: []byte("# header\nA|3\nB|1\nC|0\n")}}
	w, err := readList(fsys, "x.txt", 0)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	n := map[string]int{}
	for i := 0; i < 40000; i++ {
		n[w.pick(r).name]++
	}
	if n["C"] != 0 || n["A"] < 29000 || n["A"] > 31000 {
		t.Errorf("draws %v, want A about 30000, B about 10000, C never", n)
	}
	if strings.Join(w.names(), ",") != "A,B,C" {
		t.Errorf("names %v", w.names())
	}
}

func TestEmbeddedListsLoad(t *testing.T) {
	l, err := loadLists()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.offenseRows) < 10 || len(l.hamlets.items) != 12 {
		t.Errorf("%d offences, %d hamlets", len(l.offenseRows), len(l.hamlets.items))
	}
	want := map[string]string{"Trộm cắp tài sản": "Điều 173", "Tàng trữ trái phép chất ma túy": "Điều 249",
		"Đánh bạc": "Điều 321", "Vi phạm quy định về tham gia giao thông đường bộ": "Điều 260"}
	for name, art := range want {
		if l.offenseRows[name].articles != art {
			t.Errorf("%s: %q, want %q", name, l.offenseRows[name].articles, art)
		}
	}
	if !l.offenseRows["Vi phạm quy định về tham gia giao thông đường bộ"].negligent {
		t.Error("Art. 260 traffic offence should be negligent")
	}
}
