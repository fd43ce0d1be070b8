// Runs inside VS Code's extension host (test-electron's extensionTestsPath): opens the reference example,
// which activates the extension, then runs its self-check (diagnostics, completion at an indicator code,
// format, preview, compile, status bar) and fails unless every check passed.
const fs = require('node:fs');
const vscode = require('vscode');

exports.run = async function run() {
    const [example] = await vscode.workspace.findFiles('**/nansha-commerce-bureau.perf', undefined, 1);
    if (!example) {
        throw new Error('the test workspace has no nansha-commerce-bureau.perf');
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example));
    const extension = vscode.extensions.getExtension('perf-budget.perf-budget');
    await extension.activate();
    const passed = await vscode.commands.executeCommand('perf.test.selfCheck');
    const report = fs.readFileSync(process.env.PERF_SELF_CHECK_RESULT, 'utf8');
    if (!passed) {
        throw new Error(`perf self-check failed:\n${report}`);
    }
};
