import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type Position, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { BUILTIN_SCHEME } from '../../catalog/builtin-catalogs.js';

/**
 * Rename as Langium does it (the declaration and every reference in every file), except for what a built-in
 * catalog declares: its codes and names are national data, read-only, so rename refuses with the reason
 * (the editor shows the message) instead of editing builtin:/catalogs/… and every table that uses them.
 */
export class PerfRenameProvider extends DefaultRenameProvider {

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        this.refuseBuiltin(document, params.position);
        return super.rename(document, params);
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): MaybePromise<Range | undefined> {
        this.refuseBuiltin(document, params.position);
        return super.prepareRename(document, params);
    }

    private refuseBuiltin(document: LangiumDocument, position: Position): void {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        const declarations = leaf ? this.references.findDeclarations(leaf) : [];
        const builtin = declarations.find(node => AstUtils.getDocument(node).uri.scheme === BUILTIN_SCHEME);
        if (builtin) {
            const where = AstUtils.getDocument(builtin).uri.toString();
            throw new ResponseError(ErrorCodes.InvalidRequest,
                `“${leaf!.text}”由内置指标体系（${where}）定义，内置指标体系是只读的，不能重命名；`
                + '要用自己的代码，请在工作区写一个指标体系文件并在部门中用“指标体系”选用它。'
                + '(a built-in catalog is read-only: define your own catalog in the workspace to use other codes)');
        }
    }
}
