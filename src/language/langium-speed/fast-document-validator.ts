import {
    AstUtils, Cancellation, DefaultDocumentValidator, interruptAndCheck,
    type AstNode, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';

/**
 * Langium's loop over the AST awaits a cancellation check and builds a stream of the checks for every node;
 * here each type's checks are looked up once, a check is awaited only if it returns a promise (see
 * PerfValidationRegistry), and cancellation is checked every few hundred nodes.
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
}

const NODES_BETWEEN_CANCELLATION_CHECKS = 256;
