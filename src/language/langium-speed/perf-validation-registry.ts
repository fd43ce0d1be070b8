import { isOperationCancelled, ValidationRegistry, type ValidationCheck } from 'langium';

/**
 * Langium wraps every check in two async functions, so each call of each check on each AST node allocates a
 * closure and two promises: ~2.7 MiB of garbage per keystroke in a 300-indicator file, collected in the
 * language server's small young generation (docs/performance.md). perf's checks are synchronous: they run
 * without a promise, and only a check that returns one is awaited. A check that throws is reported on its
 * node, as Langium does; cancellation still propagates.
 */
export class PerfValidationRegistry extends ValidationRegistry {

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise
                    ? this.handleException(() => result, VALIDATION_ERROR_CONTEXT, accept, node)
                    : undefined;
            } catch (error) {
                if (isOperationCancelled(error)) {
                    throw error;
                }
                return this.handleException(() => { throw error; }, VALIDATION_ERROR_CONTEXT, accept, node);
            }
        };
    }
}

/** Langium's wording for a check that failed. */
const VALIDATION_ERROR_CONTEXT = 'An error occurred during validation';
