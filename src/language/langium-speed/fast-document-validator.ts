import {
    Cancellation, DefaultDocumentValidator, interruptAndCheck,
    type AstNode, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import { walkAst } from './ast-walk.js';

/**
 * Langium's loop over the AST awaits a cancellation check and builds a stream of the checks for every node;
 * here each type's checks are looked up once, a check is awaited only if it returns a promise (see
 * PerfValidationRegistry), cancellation is checked every few hundred nodes, and the nodes are found by a
 * plain walk instead of Langium's stream (ast-walk.ts).
 */
export class FastDocumentValidator extends DefaultDocumentValidator {

    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksByType = new Map<string, ValidationCheck[]>();
        const nodes = this.nodesToValidate(rootNode, options);
        for (let i = 0; i < nodes.length; i++) {
            if ((i + 1) % NODES_BETWEEN_CANCELLATION_CHECKS === 0) {
                await interruptAndCheck(cancelToken);
            }
            const node = nodes[i];
            let checks = checksByType.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksByType.set(node.$type, checks);
            }
            // An index, not for-of: in an async function the array iterator and its results outlive each await.
            for (let c = 0; c < checks.length; c++) {
                const pending = checks[c](node, acceptor, cancelToken);
                if (pending) {
                    await pending;
                }
            }
        }
    }

    /** The nodes whose checks run; checks do not change the AST, so gathering them first sees the same nodes. */
    private nodesToValidate(rootNode: AstNode, options: ValidationOptions): AstNode[] {
        const nodes: AstNode[] = [];
        walkAst(rootNode, node => {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                nodes.push(node);
            }
            return nodeOptions.validateChildren;
        });
        return nodes;
    }
}

const NODES_BETWEEN_CANCELLATION_CHECKS = 256;
