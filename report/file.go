package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// SaveFile writes a file through write into a temporary file beside path
// and renames it into place, so that a failed export never leaves a
// half-written workbook under the chosen name.
func SaveFile(path string, write func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".hoanhap-*.xlsx")
	if err != nil {
		return fmt.Errorf("report: save %s: %w", path, err)
	}
	name := tmp.Name()
	defer os.Remove(name) // after a successful rename there is nothing to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("report: save %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("report: save %s: %w", path, err)
	}
	return nil
}
