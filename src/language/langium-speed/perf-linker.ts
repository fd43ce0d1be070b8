import { Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument, type ReferenceInfo } from 'langium';
import type { Indicator, PerfFile } from '../generated/ast.js';

/**
 * Where the grammar has cross-references (`[Type:TOKEN]`), by the AST type that holds them. A test compares
 * this with the grammar, so a new reference cannot be missed by `referencesOf`.
 */
export const REFERENCE_PROPERTIES = {
    Department: ['catalog'],
    Indicator: ['group', 'category'],
    LevelScore: ['group'],
    SummaryMember: ['department']
} as const;

/**
 * Every cross-reference of a document in document order, reached through the few node types that hold them.
 * Langium's linker and reference index visit every AST node and look at each of its properties, with an
 * await per node: ~70,000 nodes at 25,000 indicators, of which a third hold a reference (docs/performance.md).
 */
export function* referencesOf(root: PerfFile): Generator<ReferenceInfo> {
    for (const department of root.departments) {
        if (department.catalog) {
            yield { reference: department.catalog, container: department, property: 'catalog' };
        }
        yield* indicatorReferences(department.indicators);
        for (const project of department.projects) {
            for (const score of project.scores) {
                if (score.group) {
                    yield { reference: score.group, container: score, property: 'group' };
                }
            }
            yield* indicatorReferences(project.indicators);
        }
    }
    for (const summary of root.summaries) {
        for (const member of summary.members) {
            if (member.department) {
                yield { reference: member.department, container: member, property: 'department' };
            }
        }
    }
}

function* indicatorReferences(indicators: Indicator[]): Generator<ReferenceInfo> {
    for (const indicator of indicators) {
        if (indicator.group) {
            yield { reference: indicator.group, container: indicator, property: 'group' };
        }
        if (indicator.category) {
            yield { reference: indicator.category, container: indicator, property: 'category' };
        }
    }
}

/** How many references are resolved between two checks for cancellation (a keystroke cancels a build). */
const REFERENCES_PER_CANCELLATION_CHECK = 500;

export class PerfLinker extends DefaultLinker {

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        let count = 0;
        for (const reference of referencesOf(document.parseResult.value as PerfFile)) {
            if (++count % REFERENCES_PER_CANCELLATION_CHECK === 0) {
                await interruptAndCheck(cancelToken);
            }
            this.doLink(reference, document);
        }
    }
}
