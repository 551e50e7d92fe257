package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// DataDir returns the data folder: dir when given, else $HOANHAP_DATA, else
// HoaNhap in the user's config folder (%APPDATA%\HoaNhap on Windows,
// ~/.config/HoaNhap on Linux). A demo uses a separate "HoaNhap-demo" folder
// so that demo data never mixes with a real caseload. The folder is created.
func DataDir(dir string, demo bool) (string, error) {
	dir, err := DataPath(dir, demo)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("store: create data folder: %w", err)
	}
	return dir, nil
}

// DataPath is DataDir without creating the folder: for commands that must
// find an existing store and never create one.
func DataPath(dir string, demo bool) (string, error) {
	if dir == "" {
		dir = os.Getenv("HOANHAP_DATA")
	}
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("store: find config folder: %w", err)
		}
		name := "HoaNhap"
		if demo {
			name = "HoaNhap-demo"
		}
		dir = filepath.Join(base, name)
	}
	return dir, nil
}

// DBFile is the database file inside a data folder.
func DBFile(dir string) string { return filepath.Join(dir, "hoanhap.db") }
