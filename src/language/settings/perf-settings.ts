/**
 * What a user sets for the checks, in one place: the catalog of a department that names none (`perf.catalog`,
 * `--catalog`), the rule levels (`perf.rules`, `--rule`) and the rounding tolerance (`perf.roundingTolerance`,
 * `--rounding-tolerance`). It takes the `perf` section of the configuration (the client's in the server, the
 * options in the CLI: src/cli/documents.ts); the scope and the checks read it; nothing else holds a copy.
 */
import { Emitter, type ConfigurationProvider, type Event } from 'langium';
import { DEFAULT_CATALOG } from '../../catalog/builtin-catalogs.js';
import { Decimal } from '../../model/money.js';
import { readRuleSettings, type RuleSettings } from '../validation/rule-settings.js';
import { readRoundingTolerance } from './rounding-tolerance.js';

/** The settings section the editor sends: `"perf.rules": { "placeholder-amount": "off" }`. */
export const SETTINGS_SECTION = 'perf';

/** The `perf` section as the editor sends it (or the CLI builds it from its options), unchecked. */
export interface RawPerfSettings {
    catalog?: unknown;
    rules?: unknown;
    roundingTolerance?: unknown;
}

/** What a change touched: a new catalog relinks documents, new rule levels or tolerance only revalidate. */
export interface SettingsChange {
    catalog: boolean;
    checks: boolean;
}

export class PerfSettings {

    private catalogName = DEFAULT_CATALOG;
    private ruleLevels: RuleSettings = {};
    private tolerance: Decimal | undefined;
    private readonly changeEmitter = new Emitter<SettingsChange>();

    /** Fired after an update that changed anything (settings-rebuild.ts rebuilds the documents). */
    readonly onDidChange: Event<SettingsChange> = this.changeEmitter.event;

    /** The one listener on the configuration: fetched at connection (PerfConfigurationProvider) or changed. */
    constructor(configuration: ConfigurationProvider) {
        configuration.onConfigurationSectionUpdate(({ section, configuration: raw }) => {
            if (section !== SETTINGS_SECTION) {
                return;
            }
            for (const problem of this.update(raw as RawPerfSettings | undefined)) {
                console.warn(`perf.rules: ${problem}`);
            }
        });
    }

    /** The catalog of a department that writes no 指标体系. */
    get defaultCatalog(): string {
        return this.catalogName;
    }

    /** Rule code → level; a rule not named keeps its default level. */
    get rules(): RuleSettings {
        return this.ruleLevels;
    }

    /** A fixed rounding tolerance in the table's unit, or undefined: worked out per sum (reconciliation.ts). */
    get roundingTolerance(): Decimal | undefined {
        return this.tolerance;
    }

    /**
     * Takes the whole section: a key left out returns to its default. Returns the problems of invalid
     * entries (each is ignored and says what to write).
     */
    private update(raw: RawPerfSettings | undefined): string[] {
        const catalog = typeof raw?.catalog === 'string' && raw.catalog.trim() !== '' ? raw.catalog.trim() : DEFAULT_CATALOG;
        const { settings: rules, problems } = readRuleSettings(raw?.rules);
        const tolerance = readRoundingTolerance(raw?.roundingTolerance);
        const change: SettingsChange = {
            catalog: catalog !== this.catalogName,
            checks: !sameRules(rules, this.ruleLevels) || !sameTolerance(tolerance, this.tolerance)
        };
        this.catalogName = catalog;
        this.ruleLevels = rules;
        this.tolerance = tolerance;
        if (change.catalog || change.checks) {
            this.changeEmitter.fire(change);
        }
        return problems;
    }
}

function sameRules(a: RuleSettings, b: RuleSettings): boolean {
    const entries = (settings: RuleSettings) => Object.entries(settings).sort(([x], [y]) => x.localeCompare(y));
    return JSON.stringify(entries(a)) === JSON.stringify(entries(b));
}

function sameTolerance(a: Decimal | undefined, b: Decimal | undefined): boolean {
    return a === undefined || b === undefined ? a === b : a.equals(b);
}
