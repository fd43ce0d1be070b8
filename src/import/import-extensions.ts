/**
 * The file kinds `perf import` reads, in a module of their own so that the VS Code client can offer them in
 * its open dialog without bundling the importer (which runs in the server).
 */
export const IMPORT_EXTENSIONS = ['.xlsx', '.xls', '.et', '.html', '.htm', '.pdf', '.docx', '.txt', '.csv'] as const;
export type ImportExtension = typeof IMPORT_EXTENSIONS[number];
