package exchange

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"hoanhap/exchange/enrol"
	"hoanhap/exchange/identity"
	"hoanhap/store"
)

// AppVersion is the application version told to peers in acks.
var AppVersion = "dev"

// Node is this installation taking part in sync: its store and its keys.
type Node struct {
	St  *store.Store
	ID  *identity.Identity
	dir string // data folder holding the key file
}

// Open loads this installation's identity from the store's data folder,
// creating its keys on first use.
func Open(st *store.Store) (*Node, error) {
	dir := filepath.Dir(st.Path())
	id, err := identity.LoadOrCreate(dir, st.Node().ID)
	if err != nil {
		if errors.Is(err, identity.ErrKeyFileMode) {
			return nil, fail("key_file_mode", err, "Path", identity.KeyFile(dir))
		}
		return nil, fail("key_file", err, "Path", identity.KeyFile(dir))
	}
	return &Node{St: st, ID: id, dir: dir}, nil
}

// Fingerprint returns this node's fingerprint.
func (n *Node) Fingerprint() string {
	fp, err := n.ID.Fingerprint()
	if err != nil { // the node's own keys always encode
		panic(err)
	}
	return fp
}

// Unit describes this node for enrolment messages.
func (n *Node) Unit() enrol.Unit {
	node := n.St.Node()
	return enrol.Unit{Name: node.UnitName, Kind: node.UnitKind, Code: UnitCode(node.UnitName, node.ID)}
}

func (n *Node) signPub() ed25519.PublicKey { return n.ID.Sign.Public().(ed25519.PublicKey) }

// UnitCode turns a unit name into the short name used in file names:
// Vietnamese letters without marks, each word capitalised, only letters and
// digits ("Phường Hòa Bình" → "PhuongHoaBinh"), at most 24 characters; a
// unit without a usable name falls back to the start of its node id.
func UnitCode(name, node string) string {
	var b strings.Builder
	up := true
	for _, r := range norm.NFD.String(strings.ReplaceAll(strings.ReplaceAll(name, "đ", "d"), "Đ", "D")) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	code := b.String()
	if len(code) > 24 {
		code = code[:24]
	}
	if code == "" {
		code = strings.ReplaceAll(node, "-", "")
		if len(code) > 12 {
			code = code[:12]
		}
	}
	return code
}

// FileName is the name of a sync file a person can read:
// HN_<sender code>_to_<recipient code>_<seq>_<yyyymmdd>.hnx.
func FileName(from, to string, seq uint64, date string) string {
	return fmt.Sprintf("HN_%s_to_%s_%06d_%s.hnx", from, to, seq, strings.ReplaceAll(date, "-", ""))
}

// writeAtomic writes data to path through path.tmp, synced, then renamed,
// so that a reader never sees half a file under the final name.
func writeAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil { // make the rename durable where the system allows
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// peerFor picks the peer a file goes to: the one named, or the only one.
func (n *Node) peerFor(ctx context.Context, to string) (store.SyncPeer, error) {
	if to != "" {
		p, err := n.St.SyncPeer(ctx, to)
		if errors.Is(err, store.ErrNotFound) {
			return p, fail("unknown_peer", err, "Node", to)
		}
		return p, err
	}
	peers, err := n.St.SyncPeers(ctx)
	if err != nil {
		return store.SyncPeer{}, err
	}
	var active []store.SyncPeer
	for _, p := range peers {
		if p.Status == "active" {
			active = append(active, p)
		}
	}
	switch len(active) {
	case 0:
		return store.SyncPeer{}, fail("no_peer", nil)
	case 1:
		return active[0], nil
	}
	return store.SyncPeer{}, fail("choose_peer", nil, "Count", len(active))
}

func (n *Node) now() string { return time.Now().UTC().Format(time.RFC3339) }
