import type { Cancellation, LangiumCoreServices, LangiumDocument, ParseResult, ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { FastDocumentValidator } from '../langium-speed/fast-document-validator.js';
import type { PerfScopeProvider } from '../perf-scope.js';
import type { PerfSettings } from '../settings/perf-settings.js';
import { codeLexingDiagnostic } from '../perf-lexer.js';
import { LinkingMessages } from './linking-messages.js';
import { applyRuleSettings } from './rule-settings.js';
import { RULES, type RuleCode } from './rules.js';

/**
 * The one place where rule levels apply: every diagnostic with a rule code is dropped or re-levelled here,
 * after Langium's validation ran (`perf.rules`, `perf check --rule`). Unresolved references get perf's own
 * rules and messages instead of the linker's generic one (linking-messages.ts).
 */
export class PerfDocumentValidator extends FastDocumentValidator {

    private readonly settings: PerfSettings;
    private readonly linkingMessages: LinkingMessages;

    constructor(services: LangiumCoreServices, scopes: PerfScopeProvider, settings: PerfSettings) {
        super(services);
        this.settings = settings;
        this.linkingMessages = new LinkingMessages(scopes, services.shared.workspace.IndexManager);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        return applyRuleSettings(await super.validateDocument(document, options, cancelToken), this.settings.rules);
    }

    /** Syntax errors perf explains itself (perf-lexer.ts) carry their code, for their quick fixes. */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        parseResult.lexerErrors.forEach((error, i) => {
            diagnostics[first + i] = codeLexingDiagnostic(diagnostics[first + i], error);
        });
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const generic: Diagnostic[] = [];
        super.processLinkingErrors(document, generic, options);
        for (const reference of document.references) {
            const error = reference.error;
            if (!error || !reference.$refNode) {
                continue;
            }
            const range = reference.$refNode.range;
            const index = generic.findIndex(d => d.range.start.line === range.start.line && d.range.start.character === range.start.character);
            const message = this.linkingMessages.messageFor(error.info, reference.$refText);
            if (message && index >= 0) {
                const code: RuleCode = message.code;
                generic[index] = { ...generic[index], message: message.text, severity: severityNumber(code), code, data: { code } };
            }
        }
        diagnostics.push(...generic);
    }
}

function severityNumber(code: RuleCode): 1 | 2 | 3 {
    return ({ error: 1, warning: 2, info: 3 } as const)[RULES[code].severity];
}
