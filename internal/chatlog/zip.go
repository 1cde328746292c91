package chatlog

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Chat exports often come as zip archives: WhatsApp's "Export chat" shares
// one (_chat.txt, or "WhatsApp Chat with Name.txt", beside the media), and
// a Slack workspace export is downloaded as one (channels.json, users.json
// and a folder per channel). ParseFile, ScanFile and ParsePath read them as
// they are, without unzipping.

// zipMagic reports whether b starts as a zip archive does: with a file's
// header, or with the end record of an empty archive.
func zipMagic(b []byte) bool {
	return bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06"))
}

// zipHint says what to do with a zip archive that cannot be read as one.
const zipHint = "unzip it and pass the chat file, or the Slack export folder"

// IsZip reports whether the file at path is a zip archive, by its first
// bytes. Only a regular file is looked at (reading a pipe would lose what
// it holds), and a file that cannot be read is none.
func IsZip(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return false
	}
	var b [4]byte
	n, _ := io.ReadFull(f, b[:])
	return zipMagic(b[:n])
}

// openZip opens the zip archive at path.
func openZip(path string) (*zip.ReadCloser, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, &ParseError{Path: path, Msg: "is a zip archive that cannot be read (" + zipHint + ")", Err: unwrapFSError(err)}
	}
	return z, nil
}

// slackZipRoot returns the folder of a zip archive that holds a Slack
// export: "." when channels.json, users.json or org_users.json is at its
// top, the one folder at its top when they are there (an export zipped
// again with its folder), or "" when it holds no Slack export.
func slackZipRoot(z *zip.Reader) string {
	isExport := func(dir string) bool {
		for _, name := range append([]string{"channels.json"}, slackUserFiles...) {
			if st, err := fs.Stat(z, path.Join(dir, name)); err == nil && st.Mode().IsRegular() {
				return true
			}
		}
		return false
	}
	if isExport(".") {
		return "."
	}
	entries, err := fs.ReadDir(z, ".")
	if err != nil {
		return ""
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && !zipJunk(e.Name()) {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) == 1 && isExport(dirs[0]) {
		return dirs[0]
	}
	return ""
}

// IsSlackZip reports whether the file at path is a zip archive of a Slack
// export (see slackZipRoot).
func IsSlackZip(path string) bool {
	return zipHolds(path, func(z *zip.Reader) bool { return slackZipRoot(z) != "" })
}

// zipHolds reports what holds says of the zip archive at path; false for
// a file that is no zip archive or cannot be read as one.
func zipHolds(path string, holds func(*zip.Reader) bool) bool {
	if !IsZip(path) {
		return false
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer z.Close()
	return holds(&z.Reader)
}

// ParseSlackZip reads a Slack export zip as ParseSlackDir reads the folder
// it unzips to; Log.Path and the errors name the channels and files inside
// it as zipPath/general, zipPath/general/2024-01-15.json. Times are in UTC
// (shown in another zone with ParsePathIn).
func ParseSlackZip(zipPath string) ([]*Log, error) {
	return parseSlackZip(zipPath, zone{})
}

// parseSlackZip is ParseSlackZip with the times shown in tz, as
// parseSlackDir shows them.
func parseSlackZip(zipPath string, tz zone) ([]*Log, error) {
	z, err := openZip(zipPath)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	root := slackZipRoot(&z.Reader)
	if root == "" {
		return nil, &ParseError{Path: zipPath, Msg: "not a Slack export zip: expected channels.json or users.json in it"}
	}
	fsys, err := fs.Sub(z, root)
	if err != nil {
		return nil, &ParseError{Path: zipPath, Msg: "cannot read the zip archive", Err: err}
	}
	return parseSlackFS(fsys, func(rel string) string {
		if in := path.Join(root, rel); in != "." {
			return zipPath + "/" + in
		}
		return zipPath
	}, tz)
}

// zipJunk reports whether a name inside a zip archive is one that archivers
// add beside the content: macOS's __MACOSX folder and ._ files, and hidden
// files.
func zipJunk(name string) bool {
	return strings.HasPrefix(name, "__MACOSX") || strings.HasPrefix(path.Base(name), ".")
}

// zipChat returns the chat log a zip archive holds: its _chat.txt or
// "WhatsApp Chat with Name.txt" (as WhatsApp names it); else, of its files
// that are no picture, video or audio, the only one whose content is a
// chat log in format (any known format for ""), or, with a format named,
// the only file. Folders in the archive are looked into; a name that is no
// valid path inside it (../x, /x) is passed over.
func zipChat(z *zip.Reader, zipPath, format string) (*zip.File, error) {
	var named, other []*zip.File
	for _, f := range z.File {
		if !f.Mode().IsRegular() || zipJunk(f.Name) || !fs.ValidPath(f.Name) {
			continue
		}
		if base := path.Base(f.Name); base == "_chat.txt" || whatsappTitleRE.MatchString(base) {
			named = append(named, f)
		} else if !isWhatsAppMedia(base) {
			other = append(other, f)
		}
	}
	switch {
	case len(named) == 1:
		return named[0], nil
	case len(named) > 1:
		return nil, zipSeveral(zipPath, named)
	case len(other) == 1 && format != "":
		return other[0], nil
	}
	var found []*zip.File
	for _, f := range other {
		if d := zipDetect(f); d != "" && (format == "" || d == format) {
			found = append(found, f)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return nil, zipSeveral(zipPath, found)
	}
	return nil, &ParseError{Path: zipPath, Msg: "is a zip archive without a chat log in a known format in it (" + zipHint + ")"}
}

// zipEntryName is the name of a file in a zip archive as text: as stored
// when it is UTF-8, else read as GB18030 (the names a Chinese Windows
// archiver writes), else with the bytes that are no UTF-8 replaced.
func zipEntryName(f *zip.File) string {
	if utf8.ValidString(f.Name) {
		return f.Name
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().String(f.Name); err == nil && utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(f.Name, "\uFFFD")
}

// zipSeveral returns the error for a zip archive that holds several chat logs.
func zipSeveral(zipPath string, files []*zip.File) error {
	names := make([]string, 0, len(files))
	for _, f := range files {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	if len(names) > 3 {
		names = append(names[:3], "...")
	}
	return &ParseError{Path: zipPath, Msg: fmt.Sprintf("is a zip archive of several chat logs (%s): unzip it and pass them", strings.Join(names, ", "))}
}

// zipDetect returns the format of a file in a zip archive, by its first
// bytes, or "".
func zipDetect(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	dec, _ := Decode(rc)
	head := make([]byte, sniffSize)
	n, _ := io.ReadFull(dec, head)
	return Detect(head[:n])
}

// A zipChatFile is the chat log of a zip archive, open for reading.
type zipChatFile struct {
	io.ReadCloser
	z    *zip.ReadCloser
	name string // the log's path: the archive's, then the file's inside it
}

// Close closes the file and the archive.
func (f *zipChatFile) Close() error {
	return errors.Join(f.ReadCloser.Close(), f.z.Close())
}

// openZipChat opens the chat log of the zip archive at path (see zipChat).
func openZipChat(path, format string) (*zipChatFile, error) {
	z, err := openZip(path)
	if err != nil {
		return nil, err
	}
	switch root := slackZipRoot(&z.Reader); {
	case root != "" && (format == "" || format == slackFormat.Name):
		z.Close()
		return nil, &ParseError{Path: path, Msg: "is a Slack export zip: read it with ParsePath, which gives one log per channel"}
	case format == slackFormat.Name:
		z.Close()
		return nil, &ParseError{Path: path, Msg: "not a Slack export zip: expected channels.json or users.json in it"}
	}
	f, err := zipChat(&z.Reader, path, format)
	if err != nil {
		z.Close()
		return nil, err
	}
	name := path + "/" + zipEntryName(f)
	if f.Flags&0x1 != 0 {
		z.Close()
		return nil, &ParseError{Path: name, Msg: "is encrypted in the zip archive: unzip it with its password and pass the chat file"}
	}
	rc, err := f.Open()
	if err != nil {
		z.Close()
		return nil, &ParseError{Path: name, Msg: "cannot read it in the zip archive", Err: err}
	}
	return &zipChatFile{ReadCloser: rc, z: z, name: name}, nil
}

// parseZipChat is ParseFile for a zip archive: it parses the chat log the
// archive holds, whose Log.Path is path/name inside it, with ParseIn, its
// times in loc.
func parseZipChat(path, format string, loc *time.Location) (*Log, error) {
	f, err := openZipChat(path, format)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseIn(f, f.name, format, loc)
}

// scanZipChat is ScanFileIn for a zip archive, as parseZipChat.
func scanZipChat(path, format string, loc *time.Location, emit EmitFunc) (*Log, error) {
	f, err := openZipChat(path, format)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ScanIn(f, f.name, format, loc, emit)
}

// IsChatZip reports whether the file at path is a zip archive that holds
// a Slack export or one chat log in a known format, as a folder walk
// looks for chat logs.
func IsChatZip(path string) bool {
	return zipHolds(path, func(z *zip.Reader) bool {
		if slackZipRoot(z) != "" {
			return true
		}
		f, err := zipChat(z, path, "")
		return err == nil && zipDetect(f) != ""
	})
}
