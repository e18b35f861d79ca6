//! The connection to the editor over standard input and output.
//!
//! lsp-server's own reader trusts `Content-Length`: it allocates and
//! zero-fills that many bytes before reading one, so a forged length of a
//! few gigabytes aborted the server ("capacity overflow"). This reader
//! refuses a message over [`MAX_MESSAGE_BYTES`] before reading it, skips
//! its body without keeping it, tells the editor, and goes on; a message
//! is read as its bytes arrive. It also reads ahead, so that the server
//! sees every message that has arrived before it checks a document, and
//! never publishes a version older than one it has received.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::thread::JoinHandle;

use crossbeam_channel::{Sender, unbounded};
use lsp_server::{Connection, Message, Notification};

/// The largest message read: twice the largest ledger that is checked, for
/// the escapes JSON adds.
pub const MAX_MESSAGE_BYTES: u64 = 2 * crate::load::MAX_LEDGER_BYTES;

/// The longest header line: `Content-Length: 536870912` and the like.
const MAX_HEADER_LINE: u64 = 4096;

/// The reader and writer threads; [`Transport::join`] after the session.
pub struct Transport {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl Transport {
    /// Waits for both threads; the reader's error first, as it says more.
    pub fn join(self) -> io::Result<()> {
        let reader = self
            .reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reader panicked")));
        let writer = self
            .writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer panicked")));
        reader.and(writer)
    }
}

/// A connection over standard input and output.
pub fn stdio() -> (Connection, Transport) {
    connect(io::stdin(), io::stdout())
}

/// A connection that reads `input` and writes `output` (for tests).
pub fn connect(
    input: impl Read + Send + 'static,
    output: impl Write + Send + 'static,
) -> (Connection, Transport) {
    let (to_editor, outgoing) = unbounded::<Message>();
    let (incoming, from_editor) = unbounded::<Message>();
    let writer = std::thread::spawn(move || {
        let mut output = io::BufWriter::new(output);
        for message in outgoing {
            message.write(&mut output)?;
        }
        output.flush()
    });
    let notices = to_editor.clone();
    let reader = std::thread::spawn(move || read_all(BufReader::new(input), &incoming, &notices));
    let connection = Connection {
        sender: to_editor,
        receiver: from_editor,
    };
    (connection, Transport { reader, writer })
}

/// Reads messages until the input ends or `exit`.
fn read_all(
    mut input: impl BufRead,
    incoming: &Sender<Message>,
    notices: &Sender<Message>,
) -> io::Result<()> {
    loop {
        let Some(length) = read_headers(&mut input)? else {
            return Ok(());
        };
        if length > MAX_MESSAGE_BYTES {
            // Skipped as it arrives, never held.
            let skipped = io::copy(&mut (&mut input).take(length), &mut io::sink())?;
            tell(
                notices,
                &format!(
                    "commitments lsp: a message of {length} bytes is over the limit of {MAX_MESSAGE_BYTES} bytes; it was skipped"
                ),
            );
            if skipped < length {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the input ended inside a message",
                ));
            }
            continue;
        }
        let mut body = Vec::new();
        (&mut input).take(length).read_to_end(&mut body)?;
        if (body.len() as u64) < length {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the input ended inside a message",
            ));
        }
        let message = match serde_json::from_slice::<Message>(&body) {
            Ok(message) => message,
            Err(error) => {
                tell(
                    notices,
                    &format!(
                        "commitments lsp: a message is not JSON-RPC ({error}); it was skipped"
                    ),
                );
                continue;
            }
        };
        let is_exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if incoming.send(message).is_err() || is_exit {
            return Ok(());
        }
    }
}

/// The headers of one message: its `Content-Length`, or `None` at the end
/// of the input.
fn read_headers(input: &mut impl BufRead) -> io::Result<Option<u64>> {
    let mut length = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = input.take(MAX_HEADER_LINE).read_until(b'\n', &mut line)?;
        if read == 0 {
            return if length.is_none() {
                Ok(None)
            } else {
                Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the input ended inside a header",
                ))
            };
        }
        let Some(text) = line.strip_suffix(b"\r\n") else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "a header line is too long or does not end in CRLF",
            ));
        };
        if text.is_empty() {
            return match length {
                Some(length) => Ok(Some(length)),
                None => Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "a message has no Content-Length",
                )),
            };
        }
        let text = String::from_utf8_lossy(text);
        if let Some((name, value)) = text.split_once(':')
            && name.trim().eq_ignore_ascii_case("Content-Length")
        {
            length = Some(value.trim().parse::<u64>().map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("Content-Length `{}` is not a number", value.trim()),
                )
            })?);
        }
    }
}

/// Tells the editor something went wrong with its input.
fn tell(notices: &Sender<Message>, message: &str) {
    let params = lsp_types::ShowMessageParams {
        typ: lsp_types::MessageType::ERROR,
        message: message.to_owned(),
    };
    let _ = notices.send(Message::Notification(Notification::new(
        "window/showMessage".to_owned(),
        params,
    )));
}
