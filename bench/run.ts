/**
 * `npm run bench`: every registered measure, one `BENCH <name> <value>` line each; exits non-zero at the
 * end when any measure failed. Each measure lives in its own file and exports an async function
 * returning a number.
 */
import { benchAnswerHashMs } from './answer-hash';
import { benchRendererJsGzipKb, benchRendererTtiRatio } from './renderer';
import { benchResetPathRatio } from './reset-path';
import { runMeasures, type Measure } from './runner';

const measures: Measure[] = [
  { name: 'reset_path_ratio', run: () => benchResetPathRatio() },
  { name: 'answer_hash_ms', run: () => benchAnswerHashMs() },
  { name: 'renderer_js_gzip_kb', run: () => benchRendererJsGzipKb() },
  { name: 'renderer_tti_ratio', run: () => benchRendererTtiRatio() },
];

const failures = await runMeasures(measures);
// Explicit exit: a failed measure may leave a socket or timer behind that would keep the run alive.
process.exit(failures > 0 ? 1 : 0);
