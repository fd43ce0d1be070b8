import {
    AstUtils, CstUtils, GrammarUtils, isAstNode, isCompositeCstNode, isReference,
    type AstNode, type CstNode, type DocumentSegment, type LangiumDocument, type LangiumSharedCoreServices,
    type CompositeCstNode, type Reference, type ServiceRegistry
} from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { LangiumSharedServices } from 'langium/lsp';
import type { PerfFile } from '../generated/ast.js';
import { symbolNodes } from '../symbol-nodes.js';
import { referencesOf } from './perf-linker.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a document held without its CST keeps: the text positions its references and symbol names had. */
interface Released {
    /** Offset and length of each reference's token, in `referencesOf` order. */
    references: Int32Array;
    /** Offset and length of each symbol's name, in `symbolNodes` order (-1: the node had no name token). */
    names: Int32Array;
    /** The comments above its departments (what other files' completion shows of them), where written. */
    comments?: Map<AstNode, string>;
}

/** How many documents a request may have given back their CST at once (go to definition, rename …). */
const RESTORED_ON_REQUEST = 16;

/** Services that hold closed files' CSTs (perf's, PerfAddedServices), as the files beside this one need them. */
export interface ClosedDocumentCstServices {
    workspace: { ClosedDocumentCst: ClosedDocumentCst };
}

/** The ClosedDocumentCst of the language a document is in. */
export function closedDocumentCstOf(registry: ServiceRegistry, document: LangiumDocument): ClosedDocumentCst {
    return (registry.getServices(document.uri) as unknown as ClosedDocumentCstServices).workspace.ClosedDocumentCst;
}

/**
 * The concrete syntax tree of the files the editor does not show, dropped and rebuilt from their text when
 * needed. Langium keeps a CST node per token (~40 % of what a workspace holds: docs/performance.md, seventh
 * round), and a province of 1,000 files held them all. A closed document keeps its AST (so links into it,
 * summaries and catalogs work as before), its diagnostics and the positions of its references and names
 * (find references, workspace symbols); validating it again and features that need its CST (go to
 * definition or rename into it, compiling it) parse its text again and graft the new CST onto the AST it
 * already has: the same text parses to the same tree. Open files and catalogs are never released. Only a
 * language server releases: the CLI checks each file once, and tests see documents as the parser made them.
 */
export class ClosedDocumentCst {

    /** Whether closed documents are released: in a language server (a connection), unless set otherwise. */
    enabled: boolean;
    /** By the document's root: a document parsed again (its file changed) has a new root and its CST. */
    private readonly released = new WeakMap<AstNode, Released>();
    /** Documents given back their CST by a request, oldest first; released again past RESTORED_ON_REQUEST. */
    private readonly restoredOnRequest: LangiumDocument[] = [];
    /** Documents being validated: never released under the validator's feet. */
    private readonly pinned = new Set<LangiumDocument>();
    private readonly serviceRegistry: ServiceRegistry;
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'] | undefined;

    constructor(services: LangiumSharedCoreServices) {
        const lsp = services as Partial<LangiumSharedServices>;
        this.enabled = lsp.lsp?.Connection !== undefined;
        this.serviceRegistry = services.ServiceRegistry;
        this.textDocuments = lsp.workspace?.TextDocuments;
    }

    isReleased(document: LangiumDocument): boolean {
        return this.released.has(document.parseResult.value);
    }

    /** Drops the CST of a closed document that has one (kept: open files, catalogs, documents being validated). */
    release(document: LangiumDocument): void {
        const root = document.parseResult.value as PerfFile;
        if (!this.enabled || !root.$cstNode || this.released.has(root) || this.pinned.has(document)
            || root.catalogs?.length > 0 || this.textDocuments?.get(document.uri.toString())) {
            return;
        }
        const released: Released = {
            references: positions([...referencesOf(root)].map(info => info.reference.$refNode)),
            names: positions([...symbolNodes(root)].map(({ node }) => nameNode(node)))
        };
        const commentProvider = this.serviceRegistry.getServices(document.uri).documentation.CommentProvider;
        for (const department of root.departments ?? []) {
            const comment = commentProvider.getComment(department);
            if (comment) {
                (released.comments ??= new Map()).set(department, comment);
            }
        }
        forEachNode(root, node => {
            (node as Mutable<AstNode>).$cstNode = undefined;
        }, reference => {
            reference.$refNode = undefined;
        });
        this.released.set(root, released);
        const waiting = this.restoredOnRequest.indexOf(document);
        if (waiting >= 0) {
            this.restoredOnRequest.splice(waiting, 1);
        }
    }

    /** Gives a released document its CST again (parsing its text), for as long as a request needs it. */
    restore(document: LangiumDocument): void {
        if (this.graft(document)) {
            this.restoredOnRequest.push(document);
            while (this.restoredOnRequest.length > RESTORED_ON_REQUEST) {
                this.release(this.restoredOnRequest.shift()!);
            }
        }
    }

    /** Gives a document its CST for its validation: it is released again by `unpin`, not by requests. */
    pin(document: LangiumDocument): void {
        this.pinned.add(document);
        this.graft(document);
    }

    unpin(document: LangiumDocument): void {
        this.pinned.delete(document);
    }

    /** Whether a reference (by its index in `referencesOf`) has a token: one the parser recovered may not. */
    hasReferenceToken(document: LangiumDocument, index: number, refNode: CstNode | undefined): boolean {
        return refNode !== undefined || (this.released.get(document.parseResult.value)?.references[2 * index] ?? -1) >= 0;
    }

    /** The segment of a reference's token (by its index in `referencesOf`), from its CST or, released, its text. */
    referenceSegment(document: LangiumDocument, index: number, refNode: CstNode | undefined): DocumentSegment | undefined {
        if (refNode) {
            return CstUtils.toDocumentSegment(refNode);
        }
        const released = this.released.get(document.parseResult.value);
        return released && segmentAt(document, released.references, index);
    }

    /** The comment a released document kept for a node (see `Released.comments`). */
    commentOf(node: AstNode): string | undefined {
        return this.released.get(AstUtils.findRootNode(node))?.comments?.get(node);
    }

    /** The range of each symbol's name, in `symbolNodes` order, from the CST or, released, from the text. */
    nameRanges(document: LangiumDocument): (index: number) => Range | undefined {
        const released = this.released.get(document.parseResult.value);
        if (released) {
            return index => segmentAt(document, released.names, index)?.range;
        }
        const nodes = [...symbolNodes(document.parseResult.value as PerfFile)];
        return index => {
            const node = nodes[index]?.node;
            return node?.$cstNode && (nameNode(node) ?? node.$cstNode).range;
        };
    }

    private graft(document: LangiumDocument): boolean {
        if (!this.released.has(document.parseResult.value)) {
            return false;
        }
        const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
        const fresh = parser.parse(document.textDocument.getText()).value;
        graftCst(document.parseResult.value, fresh);
        this.released.delete(document.parseResult.value);
        return true;
    }
}

function nameNode(node: AstNode): CstNode | undefined {
    return node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
}

function positions(nodes: (CstNode | undefined)[]): Int32Array {
    const table = new Int32Array(nodes.length * 2).fill(-1);
    nodes.forEach((node, i) => {
        if (node) {
            table[2 * i] = node.offset;
            table[2 * i + 1] = node.length;
        }
    });
    return table;
}

function segmentAt(document: LangiumDocument, table: Int32Array, index: number): DocumentSegment | undefined {
    const offset = table[2 * index];
    if (offset === undefined || offset < 0) {
        return undefined;
    }
    const length = table[2 * index + 1];
    const text = document.textDocument;
    return { range: { start: text.positionAt(offset), end: text.positionAt(offset + length) }, offset, end: offset + length, length };
}

/** Visits every AST node and every reference below `root` (the properties not starting with `$`). */
function forEachNode(root: AstNode, onNode: (node: AstNode) => void, onReference: (reference: Mutable<Reference>) => void): void {
    onNode(root);
    const properties = root as unknown as Record<string, unknown>;
    for (const property in properties) {
        const value = properties[property];
        if (property.startsWith('$') || typeof value !== 'object' || value === null) {
            continue;
        }
        if (Array.isArray(value)) {
            for (const item of value) {
                visit(item, onNode, onReference);
            }
        } else {
            visit(value, onNode, onReference);
        }
    }
}

function visit(item: unknown, onNode: (node: AstNode) => void, onReference: (reference: Mutable<Reference>) => void): void {
    if (isReference(item)) {
        onReference(item);
    } else if (isAstNode(item)) {
        forEachNode(item, onNode, onReference);
    }
}

/**
 * Gives the nodes of `old` the CST of `fresh`, a parse of the same text: the two trees have the same shape,
 * node for node and reference for reference, and each CST node is pointed back at the old AST node.
 */
function graftCst(old: AstNode, fresh: AstNode): void {
    if (old.$type !== fresh.$type) {
        throw new Error(`the text of a released document parsed to another tree (${fresh.$type} where ${old.$type} was)`);
    }
    (old as Mutable<AstNode>).$cstNode = fresh.$cstNode;
    if (isCompositeCstNode(fresh.$cstNode)) {
        (fresh.$cstNode as Mutable<CompositeCstNode>).astNode = old;
    }
    const before = old as unknown as Record<string, unknown>;
    const after = fresh as unknown as Record<string, unknown>;
    for (const property in after) {
        const value = after[property];
        if (property.startsWith('$') || typeof value !== 'object' || value === null) {
            continue;
        }
        const previous = before[property];
        if (!Array.isArray(value)) {
            graftItem(previous, value, fresh, property);
        } else if (Array.isArray(previous) && previous.length === value.length) {
            for (let i = 0; i < value.length; i++) {
                graftItem(previous[i], value[i], fresh, property);
            }
        } else {
            throw new Error(`the text of a released document parsed to another tree (at ${fresh.$type}.${property})`);
        }
    }
}

function graftItem(old: unknown, fresh: unknown, container: AstNode, property: string): void {
    if (isReference(fresh) && isReference(old)) {
        (old as Mutable<Reference>).$refNode = fresh.$refNode;
    } else if (isAstNode(fresh) && isAstNode(old)) {
        graftCst(old, fresh);
    } else if (isAstNode(fresh) || isReference(fresh)) {
        throw new Error(`the text of a released document parsed to another tree (at ${container.$type}.${property})`);
    }
}
