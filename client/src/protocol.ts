// The custom requests and notifications are defined once, by the language server.
export * from '../../server/src/lsp/protocol';
