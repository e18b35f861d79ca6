// Starts `commitments lsp` for TOML files; the server checks only ledgers.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('commitments');
  const command = config.get('path') || 'commitments';
  const rulesDocsUrl = config.get('rulesDocsUrl');
  client = new LanguageClient(
    'commitments',
    'commitments',
    { command, args: ['lsp'] },
    {
      documentSelector: [{ scheme: 'file', language: 'toml' }],
      initializationOptions: {
        ledgerGlobs: config.get('ledgerGlobs') || [],
        ...(rulesDocsUrl ? { rulesDocsUrl } : {}),
      },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
