import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        setupFiles: ['scripts/object-group-by.mjs'],
        testTimeout: 60_000,
        hookTimeout: 120_000
    }
});
