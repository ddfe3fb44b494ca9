package i18n

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

// joined is a message and its cause, as the storage's errors are.
type joined struct {
	msg   *Error
	cause error
}

func (j *joined) Error() string          { return j.msg.Error() }
func (j *joined) Localize(l Lang) string { return j.msg.Localize(l) }
func (j *joined) Unwrap() []error        { return []error{j.msg, j.cause} }

func TestDetailsAreWhatTheMessageLeavesOut(t *testing.T) {
	msg := E("err.gzip_damaged")
	for _, c := range []struct {
		err  error
		want string
	}{
		{errors.Join(msg, io.ErrUnexpectedEOF), "unexpected EOF"},
		{fmt.Errorf("restore: %w", errors.Join(msg, io.ErrUnexpectedEOF)), "unexpected EOF"},
		{&joined{msg, errors.New("cbor: unexpected end")}, "cbor: unexpected end"},
		{fmt.Errorf("decode: %w", msg), ""}, // context around a message: nothing technical behind it
		{io.ErrUnexpectedEOF, ""},           // no message in the user's words: shown as it is
		{nil, ""},
	} {
		if got := Details(c.err); got != c.want {
			t.Errorf("Details(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
