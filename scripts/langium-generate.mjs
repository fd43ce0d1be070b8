// Runs `langium generate` on Node 20: chevrotain 13 (inside langium-cli) calls Object.groupBy, Node 22+.
import './object-group-by.mjs';
process.argv = [process.argv[0], 'langium', 'generate'];
await import('../node_modules/langium-cli/bin/langium.js');
