//! The router: each request, by its method, to its own file's `answer`
//! with a snapshot of the document; each notification (the document
//! changes) to the server's state.

use lsp_server::{ErrorCode, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest, References,
    Request as _,
};
use lsp_types::{
    CodeActionParams, CompletionParams, DocumentSymbolParams, GotoDefinitionParams, HoverParams,
    MessageType, ReferenceParams,
};
use serde::de::DeserializeOwned;

use super::document::{self, Document};
use super::server::{OpenDocument, Server};
use super::{actions, complete, definition, document_symbol, hover, references};

impl Server<'_> {
    pub(super) fn respond(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        match request.method.as_str() {
            HoverRequest::METHOD => self.answer(request, |server, params: HoverParams| {
                let uri = params
                    .text_document_position_params
                    .text_document
                    .uri
                    .clone();
                hover::answer(&server.snapshot(&uri)?, params)
            }),
            GotoDefinition::METHOD => {
                self.answer(request, |server, params: GotoDefinitionParams| {
                    let uri = params
                        .text_document_position_params
                        .text_document
                        .uri
                        .clone();
                    definition::answer(&server.snapshot(&uri)?, params)
                })
            }
            References::METHOD => self.answer(request, |server, params: ReferenceParams| {
                let uri = params.text_document_position.text_document.uri.clone();
                references::answer(&server.snapshot(&uri)?, params)
            }),
            Completion::METHOD => self.answer(request, |server, params: CompletionParams| {
                let uri = params.text_document_position.text_document.uri.clone();
                complete::answer(&server.snapshot(&uri)?, params)
            }),
            CodeActionRequest::METHOD => {
                self.answer(request, |server, params: CodeActionParams| {
                    let uri = params.text_document.uri.clone();
                    actions::answer(&server.snapshot(&uri)?, params)
                })
            }
            DocumentSymbolRequest::METHOD => {
                self.answer(request, |server, params: DocumentSymbolParams| {
                    let uri = params.text_document.uri.clone();
                    document_symbol::answer(&server.snapshot(&uri)?, params)
                })
            }
            "commitments/panic" if self.options.panic_request => {
                panic!("the test request `commitments/panic`")
            }
            method => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("commitments lsp does not answer `{method}`"),
            ),
        }
    }

    /// Decodes the parameters, calls `handler`, and encodes its result.
    pub(super) fn answer<P: DeserializeOwned, R: serde::Serialize>(
        &mut self,
        request: Request,
        handler: impl FnOnce(&mut Self, P) -> R,
    ) -> Response {
        match serde_json::from_value::<P>(request.params) {
            Ok(params) => {
                let result = handler(self, params);
                Response::new_ok(request.id, result)
            }
            Err(error) => Response::new_err(
                request.id,
                ErrorCode::InvalidParams as i32,
                format!("bad parameters for `{}`: {error}", request.method),
            ),
        }
    }

    pub(super) fn notified(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Some(params) =
                    decode::<lsp_types::DidOpenTextDocumentParams>(notification.params)
                {
                    let item = params.text_document;
                    let document =
                        Document::new(&item.uri, item.text, item.version, self.config.encoding);
                    let listed = document
                        .path
                        .as_deref()
                        .is_some_and(crate::workspace::lists);
                    let is_ledger = self.config.is_ledger(&item.uri, &document, listed);
                    if document.text.len() as u64 > crate::load::MAX_LEDGER_BYTES {
                        self.log(
                            MessageType::WARNING,
                            format!(
                                "{} is larger than 256 MiB: commitments lsp does not check it (split the ledger)",
                                item.uri.as_str()
                            ),
                        );
                    }
                    self.documents.insert(
                        item.uri,
                        OpenDocument {
                            document,
                            is_ledger,
                            analysis: None,
                            published: None,
                            known_ids: complete::KnownIds::default(),
                            workspace: None,
                            listed,
                        },
                    );
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Some(params) =
                    decode::<lsp_types::DidChangeTextDocumentParams>(notification.params)
                {
                    let uri = params.text_document.uri;
                    if let Some(open) = self.documents.get_mut(&uri) {
                        open.document
                            .change(params.text_document.version, params.content_changes);
                        let was_ledger = open.is_ledger;
                        open.is_ledger = self.config.is_ledger(&uri, &open.document, open.listed);
                        if was_ledger && !open.is_ledger {
                            // No longer ours: take our diagnostics back.
                            self.publish(uri, Vec::new(), None);
                        }
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Some(params) =
                    decode::<lsp_types::DidCloseTextDocumentParams>(notification.params)
                    && let Some(open) = self.documents.remove(&params.text_document.uri)
                {
                    let was_ledger = open.is_ledger;
                    // Its analysis, text and sources are freed now.
                    drop(open);
                    self.trim_sources();
                    if was_ledger {
                        self.publish(params.text_document.uri, Vec::new(), None);
                    }
                }
            }
            // A source file, or another ledger of the workspace, may have
            // changed on disk: read the workspace again, and check again.
            DidSaveTextDocument::METHOD => {
                for open in self.documents.values_mut() {
                    open.workspace = None;
                    open.listed = open
                        .document
                        .path
                        .as_deref()
                        .is_some_and(crate::workspace::lists);
                }
                self.recheck(|_| true)
            }
            DidChangeWatchedFiles::METHOD => {
                if let Some(params) =
                    decode::<lsp_types::DidChangeWatchedFilesParams>(notification.params)
                {
                    let changed: Vec<std::path::PathBuf> = params
                        .changes
                        .iter()
                        .filter_map(|change| document::uri_to_path(&change.uri))
                        .collect();
                    self.recheck(|analysis| {
                        let files = &analysis.loaded.files;
                        let reads = |path: &std::path::PathBuf| {
                            (1..files.len()).any(|id| std::path::Path::new(files.name(id)) == path)
                        };
                        // A source file that was missing may have appeared.
                        let misses_one = analysis
                            .findings
                            .iter()
                            .any(|f| f.rule == &crate::rules::source_file::RULE);
                        misses_one || changed.iter().any(reads)
                    });
                }
            }
            _ => {}
        }
    }
}

fn decode<P: DeserializeOwned>(params: serde_json::Value) -> Option<P> {
    serde_json::from_value(params).ok()
}
