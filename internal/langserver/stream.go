package langserver

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"strconv"

	"github.com/sourcegraph/jsonrpc2"
)

// malformedMethod is the notification the server hands itself in place of
// a message it could not decode.
const malformedMethod = "$/neptune/malformedMessage"

// maxMessageBytes bounds one message, so that a bad header cannot make the
// server allocate gigabytes.
const maxMessageBytes = 64 << 20

// tolerantCodec is jsonrpc2's LSP codec (Content-Length framing) with one
// difference when reading: a frame whose body is not a JSON-RPC message
// does not end the connection. jsonrpc2 v0.2.1 closes the connection on any
// ReadObject error, and its own codec leaves the rest of a bad body in the
// stream; this codec reads the whole frame first, so the next message still
// parses, and turns the bad one into a notification the server logs.
type tolerantCodec struct{}

func (tolerantCodec) WriteObject(stream io.Writer, obj any) error {
	return jsonrpc2.VSCodeObjectCodec{}.WriteObject(stream, obj)
}

func (tolerantCodec) ReadObject(stream *bufio.Reader, v any) error {
	header, err := textproto.NewReader(stream).ReadMIMEHeader()
	if err != nil {
		return err // the stream itself is broken or ended
	}
	length, err := strconv.Atoi(header.Get("Content-Length"))
	if err != nil || length < 0 || length > maxMessageBytes {
		// Without a length the frame cannot be skipped: the stream is lost.
		return fmt.Errorf("bad Content-Length header %q", header.Get("Content-Length"))
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(stream, body); err != nil {
		return err
	}
	if err := json.Unmarshal(body, v); err != nil {
		note, _ := json.Marshal(map[string]any{
			"jsonrpc": "2.0",
			"method":  malformedMethod,
			"params":  map[string]string{"error": err.Error(), "body": truncate(string(body), 200)},
		})
		return json.Unmarshal(note, v)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
