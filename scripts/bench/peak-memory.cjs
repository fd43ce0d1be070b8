// Preloaded (node --require) into a process the benchmark measures: at exit, writes the process's peak
// resident memory (maxRSS, in KiB) to the file named by PERF_BENCH_PEAK_FILE. Node cannot read a child's
// rusage, and /proc/PID is gone once the child has exited, so the child reports it itself.
const fs = require('node:fs');

const file = process.env.PERF_BENCH_PEAK_FILE;
if (file) {
    process.on('exit', () => {
        fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    });
}
