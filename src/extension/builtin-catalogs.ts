import * as vscode from 'vscode';
import { BUILTIN_SCHEME, builtinCatalogFile } from '../catalog/builtin-catalogs.js';

/**
 * Go to definition on an indicator code lands in a built-in catalog (builtin:///catalogs/2015.perf), which
 * is no file of the workspace: show it, read-only, from the catalogs/ folder the extension ships.
 */
export function registerBuiltinCatalogs(context: vscode.ExtensionContext): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(BUILTIN_SCHEME, {
        async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
            const file = vscode.Uri.file(context.asAbsolutePath(builtinCatalogFile(uri.path)));
            return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        }
    });
}
