// The Node options of the server process are defined once, by the language server.
export * from '../../server/src/lsp/serverProcess';
