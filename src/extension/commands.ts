/** Command ids of the extension; package.json contributes exactly these (checked by test/extension). */
export const PERF_COMMANDS = {
    openPreviewToSide: 'perf.openPreviewToSide',
    compileHtml: 'perf.compileHtml',
    compileXlsx: 'perf.compileXlsx',
    compilePdf: 'perf.compilePdf',
    importTable: 'perf.importTable',
    format: 'perf.format',
    checkWorkspace: 'perf.checkWorkspace',
    compareWithHead: 'perf.compareWithHead',
    newTable: 'perf.newTable'
} as const;

/** Registered only when PERF_SELF_CHECK_RESULT is set (end-to-end runs); not contributed in package.json. */
export const SELF_CHECK_COMMAND = 'perf.test.selfCheck';
