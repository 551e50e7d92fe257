package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoanhap/caseload"
	"hoanhap/report"
	"hoanhap/store"
)

func TestEveryListExports(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, name := range report.ListNames {
		var buf bytes.Buffer
		filter := report.Filter{Today: caseload.D(2026, 6, 20), Quarter: "2026-Q2", ListDate: caseload.D(2026, 7, 5)}
		if err := report.ExportList(ctx, &buf, f.st, name, filter, report.Doc{}); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		x, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Errorf("%s: reopen: %v", name, err)
			continue
		}
		sheet := x.GetSheetList()[0]
		checkPrintSetup(t, x, sheet)
		rows, _ := x.GetRows(sheet)
		if findRow(rows, "STT") == 0 || findRow(rows, "THỦ TRƯỞNG ĐƠN VỊ") == 0 {
			t.Errorf("%s: no table head or signature", name)
		}
		x.Close()
	}
	var unknown report.ErrUnknownList
	if err := report.ExportList(ctx, &bytes.Buffer{}, f.st, "nope", report.Filter{}, report.Doc{}); !errors.As(err, &unknown) {
		t.Errorf("unknown list: %v", err)
	}
}

func TestCaseloadExportCells(t *testing.T) {
	f := newFixture(t)
	var buf bytes.Buffer
	filter := report.Filter{Person: store.PersonFilter{Statuses: []caseload.Status{caseload.StatusManaged}}, Subtitle: "Đang quản lý"}
	must(t, report.ExportList(context.Background(), &buf, f.st, "caseload", filter, report.Doc{}))
	x, err := excelize.OpenReader(&buf)
	must(t, err)
	defer x.Close()
	sheet := x.GetSheetList()[0]
	rows, _ := x.GetRows(sheet)
	head := findRow(rows, "STT")
	// Managed now: P1, P2, P3, P4, P10 (P6, P7, P9 ended; P5, P8 ended).
	n := 0
	for _, r := range rows[head:] {
		if len(r) > 1 && r[1] != "" && r[0] != "" {
			n++
		}
	}
	if n != 5 {
		t.Errorf("%d people rows, want 5", n)
	}
	r := findRow(rows, "Nguyễn Văn P1")
	if r == 0 {
		t.Fatal("P1 not listed")
	}
	// Returned on: a real date (serial) shown dd/mm/yyyy.
	cell := fmt.Sprintf("I%d", r)
	raw, _ := x.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	shown, _ := x.GetCellValue(sheet, cell)
	id, _ := x.GetCellStyle(sheet, cell)
	st, _ := x.GetStyle(id)
	if raw != "46157" || shown != "15/05/2026" || st.CustomNumFmt == nil || *st.CustomNumFmt != report.FmtDate {
		t.Errorf("returned_on raw %q shown %q style %+v", raw, shown, st.CustomNumFmt)
	}
	if shown, _ := x.GetCellValue(sheet, fmt.Sprintf("A%d", r)); shown == "" {
		t.Error("no row number")
	}
	if s, _ := x.GetCellValue(sheet, "A6"); s != "Đang quản lý" {
		t.Errorf("subtitle %q", s)
	}
}
