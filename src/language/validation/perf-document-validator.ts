import {
    AstUtils, Cancellation, DefaultDocumentValidator, interruptAndCheck,
    type AstNode, type ConfigurationProvider, type IndexManager, type LangiumDocument, type LangiumSharedCoreServices,
    type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import { BUILTIN_SCHEME } from '../../catalog/builtin-catalogs.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Catalog, Department, Indicator, isIndicator, SummaryMember, type IndicatorCategory, type IndicatorGroup } from '../generated/ast.js';
import { catalogOf, type PerfScopeProvider } from '../perf-scope.js';
import type { PerfServices } from '../perf-module.js';
import { Decimal } from '../../model/money.js';
import type { ReconciliationSettings } from './reconciliation.js';
import { applyRuleSettings, readRuleSettings, type RuleSettings } from './rule-settings.js';
import { RULES, type RuleCode } from './rules.js';

/** Settings section and key: `"perf.rules": { "placeholder-amount": "off" }`. */
export const SETTINGS_SECTION = 'perf';
export const RULES_KEY = 'rules';
export const ROUNDING_TOLERANCE_KEY = 'roundingTolerance';

/**
 * The one place where rule settings apply: every diagnostic with a rule code is dropped or re-levelled
 * here, after Langium's validation ran. Unresolved indicator codes and catalogs get perf's own rules and
 * messages instead of the linker's generic one.
 */
export class PerfDocumentValidator extends DefaultDocumentValidator {

    private readonly scopes: PerfScopeProvider;
    private readonly reconciliation: ReconciliationSettings;
    private readonly configuration: ConfigurationProvider;
    private readonly index: IndexManager;

    constructor(services: PerfServices) {
        super(services);
        this.scopes = services.references.ScopeProvider;
        this.reconciliation = services.validation.PerfValidator.reconciliation;
        this.configuration = services.shared.workspace.ConfigurationProvider;
        this.index = services.shared.workspace.IndexManager;
        revalidateWhenRulesChange(services.shared);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const settings = await this.ruleSettings();
        this.reconciliation.tolerance = readRoundingTolerance(
            await this.configuration.getConfiguration(SETTINGS_SECTION, ROUNDING_TOLERANCE_KEY));
        return applyRuleSettings(await super.validateDocument(document, options, cancelToken), settings);
    }

    /**
     * Langium's loop awaits a cancellation check and builds a stream of the checks for every AST node; here
     * each type's checks are looked up once, a check is awaited only if it returns a promise (see
     * PerfValidationRegistry), and cancellation is checked every few hundred nodes.
     */
    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksByType = new Map<string, ValidationCheck[]>();
        const nodes = AstUtils.streamAst(rootNode).iterator();
        let visited = 0;
        for (const node of nodes) {
            if (++visited % NODES_BETWEEN_CANCELLATION_CHECKS === 0) {
                await interruptAndCheck(cancelToken);
            }
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksByType.get(node.$type);
                if (!checks) {
                    checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                    checksByType.set(node.$type, checks);
                }
                for (const check of checks) {
                    const pending = check(node, acceptor, cancelToken);
                    if (pending) {
                        await pending;
                    }
                }
            }
            if (!nodeOptions.validateChildren) {
                nodes.prune();
            }
        }
    }

    private async ruleSettings(): Promise<RuleSettings> {
        const { settings, problems } = readRuleSettings(await this.configuration.getConfiguration(SETTINGS_SECTION, RULES_KEY));
        for (const problem of problems) {
            console.warn(`perf.rules: ${problem}`);
        }
        return settings;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const generic: Diagnostic[] = [];
        super.processLinkingErrors(document, generic, options);
        for (const reference of document.references) {
            const error = reference.error;
            if (!error || !reference.$refNode) {
                continue;
            }
            const { container, property } = error.info;
            const range = reference.$refNode.range;
            const index = generic.findIndex(d => d.range.start.line === range.start.line && d.range.start.character === range.start.character);
            const message = isIndicator(container)
                ? this.unknownCodeMessage(container, property, reference.$refText)
                : container.$type === Department.$type && property === Department.catalog
                    ? this.unknownCatalogMessage(reference.$refText)
                    : container.$type === SummaryMember.$type
                        ? this.unknownDepartmentMessage(reference.$refText)
                        : undefined;
            if (message && index >= 0) {
                const code: RuleCode = message.code;
                generic[index] = { ...generic[index], message: message.text, severity: severityNumber(code), code, data: { code } };
            }
        }
        diagnostics.push(...generic);
    }

    private unknownCodeMessage(indicator: Indicator, property: string, written: string): { code: RuleCode; text: string } {
        const catalog = catalogOf(indicator, this.scopes);
        const level = property === Indicator.group ? '一级' : '二级';
        if (!catalog) {
            return { code: 'unknown-code', text: `${level}指标代码“${written}”无法识别：找不到所选的指标体系。` };
        }
        const known: Array<IndicatorGroup | IndicatorCategory> = property === Indicator.group
            ? catalog.groups
            : catalog.groups.flatMap(group => group.categories);
        const list = known.map(node => `${node.name}-${node.label}`).join('、');
        return {
            code: 'unknown-code',
            text: `${level}指标代码“${written}”不在指标体系“${catalog.name}”中；可用的${level}指标代码：${list}。`
                + `（unknown ${property === Indicator.group ? 'level-1' : 'level-2'} code）`
        };
    }

    /** A summary (汇总) lists a department that no workspace file declares. */
    private unknownDepartmentMessage(written: string): { code: RuleCode; text: string } {
        return {
            code: 'unknown-department',
            text: `找不到部门“${written}”：请检查名称是否与部门文件中“部门 "…"”一致；用 perf check 时请把各部门文件一并列出`
                + '（如 perf check *.perf）。（unknown department）'
        };
    }

    private unknownCatalogMessage(written: string): { code: RuleCode; text: string } {
        const names = this.index.allElements(Catalog.$type).map(catalog => `“${catalog.name}”`).distinct().join('、');
        return { code: 'unknown-catalog', text: `找不到指标体系“${written}”；可用的指标体系：${names}。（unknown catalog）` };
    }
}

const NODES_BETWEEN_CANCELLATION_CHECKS = 256;

/** A non-negative number (or numeric text) sets a fixed tolerance; anything else means automatic. */
export function readRoundingTolerance(raw: unknown): Decimal | undefined {
    if ((typeof raw !== 'number' && typeof raw !== 'string') || String(raw).trim() === '') {
        return undefined;
    }
    try {
        const tolerance = new Decimal(raw);
        return tolerance.isNegative() || !tolerance.isFinite() ? undefined : tolerance;
    } catch {
        return undefined;
    }
}

function severityNumber(code: RuleCode): 1 | 2 | 3 {
    return ({ error: 1, warning: 2, info: 3 } as const)[RULES[code].severity];
}

const watchedWorkspaces = new WeakSet<LangiumSharedCoreServices>();

/** A change of `perf.rules` in the editor revalidates every open document, so the new levels show at once. */
function revalidateWhenRulesChange(shared: LangiumSharedCoreServices): void {
    if (watchedWorkspaces.has(shared)) {
        return;
    }
    watchedWorkspaces.add(shared);
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== SETTINGS_SECTION) {
            return;
        }
        const documents = shared.workspace.LangiumDocuments.all
            .filter(document => document.uri.scheme !== BUILTIN_SCHEME)
            .toArray();
        // validation: true re-runs every check of documents already validated; nothing is parsed again.
        void shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.build(documents, { validation: true }, token));
    });
}
