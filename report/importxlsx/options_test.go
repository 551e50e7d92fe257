package importxlsx

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestGuessSheet: a workbook whose first sheet is a cover note and whose
// second holds the list; the guess is the list.
func TestGuessSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "Ghi chú"))
	must(t, f.SetCellValue("Ghi chú", "A1", "Danh sách gửi Công an quận"))
	must(t, f.SetCellValue("Ghi chú", "A2", "Họ và tên người lập"))
	_, err := f.NewSheet("Danh sách")
	must(t, err)
	must(t, f.SetSheetRow("Danh sách", "A3", &[]any{"STT", "Họ tên", "Năm sinh", "Tội danh"}))
	must(t, f.SetSheetRow("Danh sách", "A4", &[]any{1, "Lê Văn Cường", 1979, "Đánh bạc"}))
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(t, err)
	g, _, err := Open(&buf)
	must(t, err)
	defer g.Close()
	if got := GuessSheet(g); got != "Danh sách" {
		t.Errorf("GuessSheet = %q, want the list", got)
	}
	if got := ColumnLetter(27); got != "AB" {
		t.Errorf("ColumnLetter(27) = %q", got)
	}
}

// TestHeaderColumnsAndOptions: the header row can be chosen again, the
// columns are named by the header's (NFC) texts, the preview stops at its
// limit and the progress reaches the end.
func TestHeaderColumnsAndOptions(t *testing.T) {
	st := openStore(t)
	s := read(t, messyBook(t, nil))
	cols := s.Columns()
	if len(cols) != 12 || cols[1] != "Họ và tên" || cols[5] != "Thôn / Tổ dân phố" {
		t.Fatalf("columns %q", cols)
	}
	if s.DataRows() != 4 {
		t.Errorf("DataRows = %d, want 4", s.DataRows())
	}
	if s.SetHeader(0) {
		t.Error("the merged title row taken as naming the full name")
	}
	if len(s.Mapping) != 0 {
		t.Errorf("title row mapped %v", s.Mapping)
	}
	if !s.SetHeader(3) || s.Mapping[Hamlet] != 5 {
		t.Fatalf("header row 4 not mapped again: %v", s.Mapping)
	}
	if rows := s.ParseWith(today, Options{Limit: 2}); len(rows) != 2 || rows[1].Line != 7 {
		t.Errorf("preview rows %d", len(rows))
	}
	last, calls := 0, 0
	rows := s.ParseWith(today, Options{Store: st, Progress: func(done, total int) {
		calls++
		if done < last || done > total {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
		if total != 6 {
			t.Errorf("total %d, want the 6 rows under the header", total)
		}
	}})
	if len(rows) != 4 || last != 6 || calls == 0 {
		t.Errorf("%d rows, progress ended at %d after %d calls", len(rows), last, calls)
	}
	written := 0
	res, err := CommitProgress(context.Background(), st, rows, map[int]bool{10: true}, false,
		func(done, total int) { written = done })
	must(t, err)
	if res.Saved != 3 || written != 3 || st.PeopleCount() != 3 {
		t.Errorf("saved %d, progress %d, store %d", res.Saved, written, st.PeopleCount())
	}
}

// FuzzOpen: whatever bytes the officer chooses, opening, guessing the
// sheet and reading it returns an error or a sheet, never a panic.
func FuzzOpen(f *testing.F) {
	g := excelize.NewFile()
	_ = g.SetSheetRow("Sheet1", "A2", &[]any{"Họ tên", "Năm sinh"})
	_ = g.SetSheetRow("Sheet1", "A3", &[]any{"Lê Văn Cường", 1979})
	var buf bytes.Buffer
	_, _ = g.WriteTo(&buf)
	_ = g.Close()
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04 not really a workbook"))
	f.Add([]byte("Họ và tên;Năm sinh\nLê Văn Cường;1979\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		book, names, err := Open(bytes.NewReader(b))
		if err != nil {
			return
		}
		defer book.Close()
		name := GuessSheet(book)
		if name == "" && len(names) > 0 {
			name = names[0]
		}
		if s, err := ReadSheet(book, name); err == nil {
			s.ParseWith(today, Options{Limit: 5})
		}
	})
}
