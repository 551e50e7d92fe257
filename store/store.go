// Package store keeps the caseload in a SQLite file (modernc.org/sqlite,
// pure Go): migrations, repositories, the audit log, the sync fields of every
// record and the in-memory search index.
//
// The store never imports Fyne. Every write runs in one transaction that also
// writes its audit row; a failed write leaves nothing behind.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	pathpkg "path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver

	"hoanhap/caseload"
)

// ErrNotFound is returned when a record does not exist (or is deleted).
var ErrNotFound = errors.New("record not found")

// Store is an open caseload database.
type Store struct {
	db    *sql.DB
	path  string
	node  Node
	clock *Clock

	mu      sync.RWMutex
	actor   string         // who is writing: the logged-in user name, or "cli"
	session *caseload.User // the logged-in user; nil: no session (CLI, tests), full rights

	people *peopleIndex // in-memory person search index, kept current on writes
	// peopleReady is closed once people is built (see index and
	// OpenDeferred); peopleErr is why the build failed, if it did.
	peopleReady chan struct{}
	peopleErr   error
	stopIndex   context.CancelFunc
	wl          wlCache // worklist cache, see worklist_cache.go
}

// DSN builds the modernc SQLite data source name for a file path, escaping
// characters such as spaces, '#', '?' and Vietnamese letters, with WAL,
// foreign keys, a busy timeout and immediate write transactions. A
// relative path (--data data) is made absolute against the working
// directory first: the URI forms below are for absolute paths only.
func DSN(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	wd, _ := os.Getwd()
	return dsnFor(path, runtime.GOOS == "windows", wd)
}

// dsnFor is DSN for the given operating system (tested for both); a
// relative path is taken relative to the working directory wd.
func dsnFor(path string, windows bool, wd string) string {
	p := absFor(path, windows, wd)
	if windows && !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/... -> /C:/Users/...
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "secure_delete(1)")
	// Temporary tables and statement journals in memory: a bulk write
	// (load, import) wrote every changed page a second time into a
	// temporary file (a third of a 100,000-person load), and no
	// plaintext copy of records lands in the system's temp folder.
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	// Linux: file:/home/...; Windows: file:///C:/Users/..., the form the
	// SQLite URI documentation gives for a drive letter.
	u := url.URL{Scheme: "file", OmitHost: !windows, Path: p, RawQuery: q.Encode()}
	return u.String()
}

// absFor returns path made absolute against the working directory wd,
// with forward slashes, following the rules of the given operating system
// (so that both are tested on any machine). On Windows an absolute path
// has a drive (C:/...) or is a UNC path (//server/share/...); a path
// rooted without a drive (/data) takes the drive of wd, and a
// drive-relative one (C:data) is joined to wd when wd is on that drive.
func absFor(path string, windows bool, wd string) string {
	if !windows {
		p := filepath.ToSlash(path)
		if strings.HasPrefix(p, "/") || wd == "" {
			return p
		}
		return pathpkg.Join(filepath.ToSlash(wd), p)
	}
	p := strings.ReplaceAll(path, `\`, "/")
	w := strings.ReplaceAll(wd, `\`, "/")
	drive := func(s string) string {
		if len(s) >= 2 && s[1] == ':' && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z') {
			return s[:2]
		}
		return ""
	}
	d := drive(p)
	switch {
	case d != "" && strings.HasPrefix(p[2:], "/"), strings.HasPrefix(p, "//"):
		return p // C:/... or //server/share/...
	case d != "":
		if w != "" && strings.EqualFold(drive(w), d) {
			return pathpkg.Join(w, p[2:])
		}
		return d + "/" + p[2:]
	case strings.HasPrefix(p, "/"):
		return drive(w) + p
	case w == "":
		return p
	}
	return pathpkg.Join(w, p)
}

// Open opens (creating if needed) the database file at path, applies the
// pending migrations, makes sure this installation has a node identity and
// loads the search index.
func Open(path string) (*Store, error) { return open(path, false) }

// OpenDeferred is Open for the desktop window: it returns as soon as the
// database is open and migrated, and builds the search index in the
// background (about a second at 100,000 people). Whatever needs the index
// (People, search, person writes, the worklist) waits for it; IndexReady
// tells when it is there, IndexErr whether building it failed.
func OpenDeferred(path string) (*Store, error) { return open(path, true) }

func open(path string, deferred bool) (*Store, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs // Path() and the DSN name the same file whatever the working directory later
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One connection: SQLite has one writer anyway, and a single connection
	// makes every transaction see the previous one's writes.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, actor: "system", peopleReady: make(chan struct{})}
	if err := s.init(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stopIndex = cancel
	if !deferred {
		defer cancel()
		if err := s.loadIndex(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("store: load index: %w", err)
		}
		return s, nil
	}
	go func() {
		// A second connection of its own: WAL lets it read while the
		// window's queries use the store's one. Person writes wait for
		// the index (index), so none can slip between its read and ready.
		r, err := sql.Open("sqlite", DSN(path))
		if err != nil {
			r = db // cannot happen with this driver; the store's pool will do
		} else {
			r.SetMaxOpenConns(1)
			defer r.Close()
		}
		if err := s.loadIndex(ctx, r); err != nil {
			s.peopleErr = fmt.Errorf("store: load index: %w", err)
		}
	}()
	return s, nil
}

func (s *Store) init(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("store: open %s: %w", s.path, err)
	}
	if err := migrate(ctx, s.db); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	node, err := ensureNode(ctx, s.db)
	if err != nil {
		return fmt.Errorf("store: node: %w", err)
	}
	s.node = node
	s.clock = NewClock(node.ID, time.Now)
	if err := s.seedHolidays(ctx); err != nil {
		return fmt.Errorf("store: holidays: %w", err)
	}
	return nil
}

// Close runs PRAGMA optimize and closes the database.
func (s *Store) Close() error {
	if s.stopIndex != nil {
		s.stopIndex()
		<-s.peopleReady
	}
	_, _ = s.db.Exec("PRAGMA optimize")
	return s.db.Close()
}

// Path returns the database file path.
func (s *Store) Path() string { return s.path }

// Node returns this installation's identity.
func (s *Store) Node() Node { return s.node }

// SetActor sets who the following writes are attributed to (user name).
func (s *Store) SetActor(name string) {
	s.mu.Lock()
	s.actor = name
	s.mu.Unlock()
}

// Actor returns who writes are attributed to.
func (s *Store) Actor() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.actor
}

// tx runs fn in one write transaction: committed if fn returns nil, rolled
// back otherwise.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return frozenErr(err)
	}
	return tx.Commit()
}
