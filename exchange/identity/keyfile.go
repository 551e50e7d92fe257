package identity

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"filippo.io/age"
)

// KeyFileName is the name of the key file inside the data folder.
const KeyFileName = "sync-keys.json"

// maxKeyFile caps what Load reads: a key file is a few hundred bytes.
const maxKeyFile = 64 << 10

const keyFileFormat = "hoanhap-keys-v1"

// ErrKeyFileMode is returned when the key file can be read by other users.
var ErrKeyFileMode = errors.New("identity: key file readable by other users")

// ErrNoKeys is returned by Load when the data folder has no key file.
var ErrNoKeys = errors.New("identity: no key file")

type keyFile struct {
	Format      string   `json:"format"`
	NodeID      string   `json:"node_id"`
	SignSeed    string   `json:"sign_seed"`    // Ed25519 seed, standard base64
	AgeIdentity string   `json:"age_identity"` // AGE-SECRET-KEY-1…
	RetiredAge  []string `json:"retired_age,omitempty"`
}

// KeyFile returns the path of the key file in data folder dir.
func KeyFile(dir string) string { return filepath.Join(dir, KeyFileName) }

// Save writes the identity to path, readable and writable by its owner
// only (mode 0600): it is first written to path.tmp, synced, then renamed
// over path, so a crash leaves either the old or the new file.
//
// On Windows the mode bits do not become an ACL: the file inherits the
// ACL of the data folder, which is under the user's profile (%APPDATA%)
// and so readable only by that user and administrators. Sealed storage of
// the whole data folder will wrap this file later.
func Save(path string, id *Identity) error {
	kf := keyFile{
		Format:      keyFileFormat,
		NodeID:      id.NodeID,
		SignSeed:    base64.StdEncoding.EncodeToString(id.Sign.Seed()),
		AgeIdentity: id.Age.String(),
	}
	for _, r := range id.Retired {
		kf.RetiredAge = append(kf.RetiredAge, r.String())
	}
	data, err := json.MarshalIndent(kf, "", "  ")
	if err != nil {
		return fmt.Errorf("identity: save: %w", err)
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("identity: save: %w", err)
	}
	if err := f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("identity: save: %w", err)
	}
	_, werr := f.Write(append(data, '\n'))
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("identity: save: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("identity: save: %w", err)
	}
	return nil
}

// Load reads the identity from path. It refuses a file that other users
// can read (on systems with Unix permissions) and one written for another
// node (a key file copied beside another database).
func Load(path, node string) (*Identity, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoKeys
	}
	if err != nil {
		return nil, fmt.Errorf("identity: load: %w", err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s has mode %v", ErrKeyFileMode, path, st.Mode().Perm())
	}
	if st.Size() > maxKeyFile {
		return nil, errors.New("identity: load: key file too large")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("identity: load: %w", err)
	}
	return Parse(data, node)
}

// Parse reads an identity of node from the bytes of a key file.
func Parse(data []byte, node string) (*Identity, error) {
	if len(data) > maxKeyFile {
		return nil, errors.New("identity: load: key file too large")
	}
	var kf keyFile
	if err := json.Unmarshal(data, &kf); err != nil || kf.Format != keyFileFormat {
		return nil, errors.New("identity: load: malformed key file")
	}
	if kf.NodeID != node {
		return nil, fmt.Errorf("identity: load: key file belongs to node %s, not %s", kf.NodeID, node)
	}
	seed, err := base64.StdEncoding.Strict().DecodeString(kf.SignSeed)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, errors.New("identity: load: malformed signing key")
	}
	ai, err := age.ParseX25519Identity(kf.AgeIdentity)
	if err != nil {
		return nil, errors.New("identity: load: malformed age identity")
	}
	id := &Identity{NodeID: kf.NodeID, Sign: ed25519.NewKeyFromSeed(seed), Age: ai}
	for _, s := range kf.RetiredAge {
		r, err := age.ParseX25519Identity(s)
		if err != nil {
			return nil, errors.New("identity: load: malformed retired age identity")
		}
		id.Retired = append(id.Retired, r)
	}
	return id, nil
}

// LoadOrCreate loads the identity of node from data folder dir, creating
// and saving a new one the first time.
func LoadOrCreate(dir, node string) (*Identity, error) {
	path := KeyFile(dir)
	id, err := Load(path, node)
	if !errors.Is(err, ErrNoKeys) {
		return id, err
	}
	id, err = Generate(node)
	if err != nil {
		return nil, err
	}
	if err := Save(path, id); err != nil {
		return nil, err
	}
	return id, nil
}

// Rotate returns a copy of id with new signing and age keys; the old age
// identity is kept among the retired ones so that files already sent to it
// still decrypt.
func (i *Identity) Rotate() (*Identity, error) {
	n, err := Generate(i.NodeID)
	if err != nil {
		return nil, err
	}
	n.Retired = append([]*age.X25519Identity{i.Age}, i.Retired...)
	return n, nil
}
