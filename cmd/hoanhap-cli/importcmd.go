package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report/importxlsx"
)

func init() {
	register(command{name: "import", summary: "import.cli.summary", run: runImport})
}

// runImport reads an existing Excel list: import xlsx FILE [--sheet NAME]
// [--dry-run] [--map field=COLUMN,...] [--skip-duplicates]. Every row is
// checked; any error writes nothing.
func runImport(e *env, args []string) error {
	fs := newCmdFlags("import", "import.cli.usage")
	sheet := fs.String("sheet", "", "sheet name (default the first)")
	dry := fs.Bool("dry-run", false, "check only, write nothing")
	mapping := fs.String("map", "", "correct the mapping: field=COLUMN,... (e.g. hamlet=F)")
	skipDup := fs.Bool("skip-duplicates", false, "leave out rows flagged as duplicates")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) != 2 || rest[0] != "xlsx" {
		return usageError{fs.usage()}
	}
	path := rest[1]
	file, err := os.Open(path)
	if err != nil {
		return cliMessage("import.error.open", "File", path)
	}
	defer file.Close()
	book, _, err := importxlsx.Open(file)
	if err != nil {
		return cliMessage("import.error.open", "File", path)
	}
	defer book.Close()
	s, err := importxlsx.ReadSheet(book, *sheet)
	switch {
	case errors.Is(err, importxlsx.ErrNoSheet):
		return cliMessage("import.error.no_sheet", "Value", *sheet)
	case errors.Is(err, importxlsx.ErrNoHeader) && *mapping == "":
		return cliMessage("import.error.no_header")
	case err != nil && !errors.Is(err, importxlsx.ErrNoHeader):
		return err
	}
	if *mapping != "" {
		if err := applyMapping(s, *mapping); err != nil {
			return usageError{err.Error() + "\n" + fs.usage()}
		}
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	rows := s.Parse(st, caseload.Today())
	skip := map[int]bool{}
	for _, r := range rows {
		for _, m := range r.Errors {
			fmt.Fprintln(e.stderr, i18n.T("import.cli.row_error", "Line", r.Line, "Text", m.Text()))
		}
		for _, m := range r.Warns {
			fmt.Fprintln(e.stderr, i18n.T("import.cli.row_warn", "Line", r.Line, "Text", m.Text()))
			if *skipDup {
				skip[r.Line] = true
			}
		}
	}
	res, err := importxlsx.Commit(context.Background(), st, rows, skip, *dry)
	if err != nil {
		return err
	}
	key := "import.cli.saved"
	if *dry {
		key = "import.cli.dry"
	}
	fmt.Fprintln(e.stdout, i18n.T(key, "Rows", len(rows), "Saved", res.Saved, "Skipped", res.Skipped, "Header", s.Header+1))
	return nil
}

// applyMapping corrects the column of fields: "hamlet=F,full_name=B"
// (column letters or 1-based numbers; "-" drops a field).
func applyMapping(s *importxlsx.Sheet, spec string) error {
	if s.Mapping == nil {
		s.Mapping = importxlsx.Mapping{}
	}
	for _, part := range strings.Split(spec, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		f := importxlsx.Field(strings.TrimSpace(k))
		known := false
		for _, x := range importxlsx.Fields {
			known = known || x == f
		}
		if !ok || !known {
			return errors.New(i18n.T("import.cli.bad_map", "Value", part))
		}
		v = strings.ToUpper(strings.TrimSpace(v))
		if v == "-" {
			delete(s.Mapping, f)
			continue
		}
		col, err := strconv.Atoi(v)
		if err != nil {
			col = 0
			for _, r := range v {
				if r < 'A' || r > 'Z' {
					return errors.New(i18n.T("import.cli.bad_map", "Value", part))
				}
				col = col*26 + int(r-'A'+1)
			}
		}
		if col < 1 {
			return errors.New(i18n.T("import.cli.bad_map", "Value", part))
		}
		s.Mapping[f] = col - 1
	}
	if s.Header < 0 {
		s.Header = 0
	}
	return nil
}

// cliMessage is an error shown as a translated message.
func cliMessage(key string, kv ...any) error {
	args := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		args[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return msgError{key, args}
}

type msgError struct {
	key  string
	args map[string]any
}

func (m msgError) Error() string               { return m.key }
func (m msgError) MessageKey() string          { return m.key }
func (m msgError) MessageArgs() map[string]any { return m.args }
