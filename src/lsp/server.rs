//! The server's state and its loop: the open documents and their checked
//! versions, the messages taken in a burst before any check runs, and what
//! is published. `router.rs` sends each message to its handler.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use chrono::NaiveDate;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeWatchedFiles, LogMessage, Notification as _, PublishDiagnostics,
};
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, InitializeParams,
    InitializeResult, LogMessageParams, MessageType, OneOf, PublishDiagnosticsParams,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};

use super::complete;
use super::config::Config;
use super::document::{Document, Encoding, LineIndex};
use crate::check::{Levels, check};
use crate::finding::Finding;
use crate::load::{Loaded, SourceCache, load_cached, load_owned};

/// What the server needs from the process that starts it.
pub struct ServerOptions<'a> {
    /// "Today", asked for at every check, so that a server left running
    /// past midnight moves on with the calendar. The command line passes
    /// the clock, or the fixed `--as-of` date.
    pub today: &'a dyn Fn() -> NaiveDate,
    /// Answer the request `commitments/panic` by panicking: for the tests
    /// that prove a panic is caught and the server goes on.
    pub panic_request: bool,
}

/// Why the server stopped other than by the editor's `shutdown` and `exit`.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The editor sent something that is not the protocol.
    #[error("the editor broke the language server protocol: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// The input ended before the editor said `initialize`.
    #[error(
        "the input ended before the editor sent `initialize` (start `commitments lsp` from an editor; it speaks the language server protocol on standard input and output)"
    )]
    NoEditor,
    /// The answer to `initialize` could not be encoded.
    #[error("cannot encode the answer to `initialize`: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The checked state of one version of a document.
pub(crate) struct Analysis {
    pub(super) version: i32,
    pub(super) as_of: NaiveDate,
    pub(super) loaded: Loaded,
    pub(super) findings: Vec<Finding>,
}

impl Analysis {
    pub(super) fn text(&self) -> &str {
        self.loaded.files.text(crate::finding::LEDGER_FILE)
    }
}

pub(super) struct OpenDocument {
    pub(super) document: Document,
    pub(super) is_ledger: bool,
    pub(super) analysis: Option<Rc<Analysis>>,
    /// The version whose diagnostics the editor has.
    pub(super) published: Option<i32>,
    /// The ids of the last version that loaded, for completion while the
    /// line being typed is not valid TOML.
    pub(super) known_ids: complete::KnownIds,
    /// The other ledgers of the workspace that lists it, read from disk
    /// when it is first checked and again after any save: `None` until
    /// then, `Some(None)` outside a workspace.
    pub(super) workspace: Option<Option<std::sync::Arc<crate::model::Neighbours>>>,
    /// Whether a workspace above it lists it (read on open and after any
    /// save, not at every change).
    pub(super) listed: bool,
}

pub(super) struct Server<'a> {
    pub(super) connection: &'a Connection,
    pub(super) options: &'a ServerOptions<'a>,
    pub(super) config: Config,
    pub(super) documents: HashMap<Uri, OpenDocument>,
    /// Source files, read again only when they change on disk.
    pub(super) sources: SourceCache,
    /// The editor sent `shutdown`: only `exit` is expected now.
    pub(super) shut_down: bool,
}

/// How the session with the editor ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `shutdown`, then `exit` or the end of the connection: exit 0.
    Shutdown,
    /// `exit` or the end of the connection without `shutdown`: exit 1, as
    /// the protocol asks.
    WithoutShutdown,
}

/// Serves one editor over `connection` until it says `exit` or goes away.
pub fn serve(connection: &Connection, options: &ServerOptions<'_>) -> Result<Ending, ServeError> {
    let (id, params) = match connection.initialize_start() {
        Ok(started) => started,
        Err(error) if error.channel_is_disconnected() => return Err(ServeError::NoEditor),
        Err(error) => return Err(error.into()),
    };
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let (config, problems) = Config::from_initialize(&params);
    let result = InitializeResult {
        capabilities: capabilities(config.encoding),
        server_info: Some(ServerInfo {
            name: "commitments".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let mut server = Server {
        connection,
        options,
        config,
        documents: HashMap::new(),
        sources: SourceCache::new(),
        shut_down: false,
    };
    for problem in problems {
        server.log(MessageType::WARNING, problem);
    }
    let can_watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    if can_watch {
        server.watch_files();
    }
    server.run()
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "=".into(), " ".into(), "[".into()]),
            ..Default::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..Default::default()
    }
}

/// Whether to go on after a message.
#[derive(PartialEq)]
pub(super) enum Flow {
    Continue,
    Exit,
}

impl Server<'_> {
    pub(super) fn run(&mut self) -> Result<Ending, ServeError> {
        let receiver = &self.connection.receiver;
        'serving: while let Ok(message) = receiver.recv() {
            if self.handle(message)? == Flow::Exit {
                break;
            }
            // Take in everything that has arrived before checking anything.
            while let Ok(message) = receiver.try_recv() {
                if self.handle(message)? == Flow::Exit {
                    break 'serving;
                }
            }
            if !self.shut_down {
                self.publish_pending();
            }
        }
        Ok(if self.shut_down {
            Ending::Shutdown
        } else {
            Ending::WithoutShutdown
        })
    }

    pub(super) fn handle(&mut self, message: Message) -> Result<Flow, ServeError> {
        match message {
            Message::Request(request) => {
                if request.method == "shutdown" {
                    self.shut_down = true;
                    self.send(Response::new_ok(request.id, ()).into());
                    return Ok(Flow::Continue);
                }
                if self.shut_down {
                    let refusal = Response::new_err(
                        request.id,
                        ErrorCode::InvalidRequest as i32,
                        "the server is shutting down".to_owned(),
                    );
                    self.send(refusal.into());
                    return Ok(Flow::Continue);
                }
                let id = request.id.clone();
                let method = request.method.clone();
                let response = match catch_unwind(AssertUnwindSafe(|| self.respond(request))) {
                    Ok(response) => response,
                    Err(panic) => {
                        let what = panic_message(&panic);
                        self.log(
                            MessageType::ERROR,
                            format!(
                                "commitments lsp: `{method}` panicked: {what}; the server goes on"
                            ),
                        );
                        Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            format!("internal error in `{method}`: {what}"),
                        )
                    }
                };
                self.send(response.into());
            }
            Message::Notification(notification) => {
                if notification.method == "exit" {
                    return Ok(Flow::Exit);
                }
                let method = notification.method.clone();
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.notified(notification))) {
                    self.log(
                        MessageType::ERROR,
                        format!(
                            "commitments lsp: `{method}` panicked: {}; the server goes on",
                            panic_message(&panic)
                        ),
                    );
                }
            }
            Message::Response(_) => {}
        }
        Ok(Flow::Continue)
    }

    /// Checks again, at the next quiet moment, the ledgers whose last
    /// analysis `affected` picks (unchanged source files come from the
    /// cache).
    pub(super) fn recheck(&mut self, affected: impl Fn(&Analysis) -> bool) {
        for open in self.documents.values_mut() {
            if open.analysis.as_deref().is_none_or(&affected) {
                open.analysis = None;
                open.published = None;
            }
        }
    }

    /// Asks the editor to report changes to files on disk, so that a
    /// source file edited elsewhere is read again.
    pub(super) fn watch_files(&self) {
        let watchers = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp_types::FileSystemWatcher {
                glob_pattern: lsp_types::GlobPattern::String("**/*".to_owned()),
                kind: None,
            }],
        };
        let params = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "commitments-source-files".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(watchers).ok(),
            }],
        };
        let request = Request::new(
            lsp_server::RequestId::from("commitments-watch".to_owned()),
            lsp_types::request::RegisterCapability::METHOD.to_owned(),
            params,
        );
        self.send(request.into());
    }

    /// Publishes diagnostics for every ledger whose latest version the
    /// editor has not seen, unless newer messages are waiting.
    /// Drops from the source cache every file that no open ledger's
    /// latest analysis read.
    pub(super) fn trim_sources(&self) {
        let used: std::collections::HashSet<std::path::PathBuf> = self
            .documents
            .values()
            .filter_map(|open| open.analysis.as_ref())
            .flat_map(|analysis| analysis.loaded.source_paths.iter().cloned())
            .collect();
        self.sources.retain(&used);
    }

    pub(super) fn publish_pending(&mut self) {
        let pending: Vec<Uri> = self
            .documents
            .iter()
            .filter(|(_, open)| open.is_ledger && open.published != Some(open.document.version))
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in pending {
            if !self.connection.receiver.is_empty() {
                return;
            }
            let analysed = catch_unwind(AssertUnwindSafe(|| self.analysis(&uri)));
            let version = self.documents.get(&uri).map(|open| open.document.version);
            let Ok(Some(analysis)) = analysed else {
                if let Some(open) = self.documents.get_mut(&uri) {
                    open.published = version;
                }
                self.log(
                    MessageType::ERROR,
                    format!("commitments lsp: checking {} failed", uri.as_str()),
                );
                continue;
            };
            if !self.connection.receiver.is_empty() {
                // Newer changes may be waiting: publish after them.
                return;
            }
            let diagnostics = self.diagnostics_json(&uri, &analysis);
            if let Some(open) = self.documents.get_mut(&uri) {
                open.published = Some(analysis.version);
            }
            // Built by hand: `json!` would copy every diagnostic again.
            let mut params = serde_json::Map::new();
            params.insert("uri".into(), uri.as_str().into());
            params.insert("diagnostics".into(), serde_json::Value::Array(diagnostics));
            params.insert("version".into(), analysis.version.into());
            // Not `Notification::new`, which would encode the value again.
            self.send(Message::Notification(Notification {
                method: PublishDiagnostics::METHOD.to_owned(),
                params: serde_json::Value::Object(params),
            }));
        }
        // A source the ledger no longer names is not kept.
        self.trim_sources();
    }

    /// The analysis of the document's current version as of today, made
    /// now if there is none yet. `None` for a document that is not open or
    /// not a ledger.
    pub(super) fn analysis(&mut self, uri: &Uri) -> Option<Rc<Analysis>> {
        let today = (self.options.today)();
        let open = self.documents.get_mut(uri)?;
        if !open.is_ledger {
            return None;
        }
        if let Some(analysis) = &open.analysis
            && analysis.version == open.document.version
            && analysis.as_of == today
        {
            return Some(Rc::clone(analysis));
        }
        // Freed before the new one is made, so that its memory is reused.
        open.analysis = None;
        let document = &open.document;
        let name = document.name(uri);
        let mut loaded = match document.base_dir() {
            Some(base) => load_cached(&name, document.text.clone(), base, &self.sources),
            None => load_owned(&name, document.text.clone().into_bytes(), None),
        };
        let workspace = open.workspace.get_or_insert_with(|| {
            let path = document.path.as_deref()?;
            crate::workspace::load_member(path).and_then(|member| member.workspace)
        });
        if let Some(neighbours) = workspace {
            crate::workspace::adopt(&mut loaded, neighbours);
        }
        let findings = check(&loaded, &Levels::of(&loaded), today);
        if let Some(ledger) = &loaded.ledger {
            open.known_ids = complete::KnownIds::of(ledger, loaded.workspace.as_deref());
        }
        let analysis = Rc::new(Analysis {
            version: document.version,
            as_of: today,
            loaded,
            findings,
        });
        open.analysis = Some(Rc::clone(&analysis));
        Some(analysis)
    }

    pub(super) fn index(&self, uri: &Uri) -> Option<&LineIndex> {
        self.documents.get(uri).map(|open| &open.document.index)
    }

    pub(super) fn publish(
        &self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into());
    }

    pub(super) fn log(&self, typ: MessageType, message: String) {
        let params = LogMessageParams { typ, message };
        self.send(Notification::new(LogMessage::METHOD.to_owned(), params).into());
    }

    pub(super) fn send(&self, message: Message) {
        // The reader side is gone only when the editor is: the next receive
        // ends the loop.
        let _ = self.connection.sender.send(message);
    }
}

pub(super) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}
