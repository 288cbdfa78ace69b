// Writes bench/README.md: how to run the benchmark, what each figure means, and the latest figures.
import { writeFile } from 'node:fs/promises';
import { markdownTable } from './report.mjs';

const readmePath = new URL('../README.md', import.meta.url);

const method = `# Benchmark (issue 7; targets of issue 14)

\`npm run bench\` builds the app, drives it in headless Chromium through its own screens and worker,
and prints every figure beside its target. It is not a test: nothing asserts a time, and \`npm test\`
never runs it. A full run takes about 5 minutes on 2 cores (plus any wait for \`--quiet\`) and needs
~4 GB of RAM and ~1.5 GB in \`os.tmpdir()\` (2 GB more with \`--huge\`).

\`\`\`sh
npm run bench                    # everything; rewrites the figures below
npm run bench -- --quick         # 100k-row files only, a smoke run (README left alone)
npm run bench -- --only=registry # some stages: first-load, conversion, shapes, hash, registry, rehearsal, wide, memory, huge
npm run bench -- --runs=5        # conversions and Papa.parse 5 times each (median; default 3)
npm run bench -- --huge          # also a 9.5M-row file, beyond one JS string (~555 MB)
npm run bench -- --profile       # then CPU profiles of the worker (and a main-thread trace of the wide header), in an unminified build
npm run bench -- --only=shapes --profile  # the shapes stage, then a worker profile of each shape (with --only, the profiled steps are those stages')
npm run bench -- --only=registry --memory-dump  # the renderer's memory by allocator at each upload's peak
npm run bench -- --quiet=3       # before each stage, wait (≤ 10 min) for the load average to fall below 3
npm run bench -- --report=F      # no run: print (and write here) the table of a saved results.json
\`\`\`

Every run writes \`results.json\` (and, with \`--profile\`, \`*.cpuprofile\` files to open in DevTools,
\`profiles.txt\` with the heaviest functions and their hot lines, and \`first-load-breakdown.txt\`) to a
fresh \`os.tmpdir()/webcollect-bench-out-<date>/\`.

\`--memory-dump\` (registry stage) takes Chromium's memory-infra dumps (\`Tracing.requestMemoryDump\`,
category \`disabled-by-default-memory-infra\`, the data behind chrome://tracing's memory tab) of the
renderer processes every 250 ms of each upload and logs the peak dump by allocator, MB held and MB
above the idle dump: V8's heap spaces (committed, so a grown young generation shows), PartitionAlloc's
partitions (\`array_buffer\`: typed-array contents; \`buffer\`: Blink's strings, such as every text a
\`TextDecoder\` returns, which V8 holds as external strings until a full collection), any bucket that
grew by 4 MB or more, malloc, Blink's GC heap. A dump takes about a second under load and slows the
upload it overlaps: the times of such a run are not comparable, and the README's table is left alone.

## How it measures

- **App**: the working tree is copied to \`os.tmpdir()\` and built there with \`vite build\`, then served
  by that copy's \`scripts/serve.js\` on a free port — the repository's \`build/\` is never touched.
- **Browser**: \`/usr/bin/chromium\` with the flags of \`playwright.config.ts\`, through Playwright, with a
  fresh on-disk profile per stage (IndexedDB on disk, as an operator has it), \`ja-JP\`, Asia/Tokyo.
- **Files** (made once, kept in \`os.tmpdir()/webcollect-bench-files-v2/\`): Yamato return files of 1M and
  100k rows (Japanese header, 30-character tokens, 58.4 MB per million rows) in Shift_JIS and UTF-8;
  the old cart's customer export, 1M rows with Japanese names (UTF-8 with BOM, 77.8 MB); the 9-column
  card import file for those customers, 1M rows (Shift_JIS header, 69.4 MB). All rows valid. Issue 14's
  other shapes of the return file, 1M rows in Shift_JIS, the same cards (stage \`shapes\`): LF line ends,
  no header row, 8-character tokens, and 2 % or 20 % of rows with one of five warnings (a brand in other
  case, a YYYYMM expiry, a space before the token, an expired card, a two-digit tail).
- **Times** are taken on the page's own clock by instruments installed with \`addInitScript\`: a capture
  click listener stamps the click, a MutationObserver stamps the first DOM change that shows the result
  (the download button enabled, the result text, the new count and rows of a search). A search's
  condition is armed by its own click (its "before" is the list as it was at the click, not when the
  condition was registered) and holds only once the worker answered the search that click posted: a
  list re-rendered just before the click (the previous search's cards arriving) was once taken for the
  result and printed a negative time; a result stamped before its click now stops the run. Playwright's
  polling never enters a figure. "worker" figures are the time from the page posting the command to
  the worker's answer arriving (the page's \`Worker\` wrapped to stamp messages; type and id only).
- **Papa.parse baseline**: the same file, read and decoded in an \`about:blank\` page of the same browser
  (no CSP there, so papaparse is injected as is), then \`Papa.parse(text)\` with default options timed
  alone; read and decode are reported apart. Each run in a fresh page (repeated parses in one page
  slowed down 4× as the heap filled). Ratio = median conversion time / median parse time.
- **Memory**: resident size (VmRSS from /proc) of the browser's renderer processes — the page's main
  thread, its dedicated worker and their ArrayBuffers all live there; ArrayBuffers are outside the JS
  heap, so \`usedJSHeapSize\` alone would miss the file — sampled every 50 ms; peak minus the idle page
  (after a forced GC, file chosen, before the click), divided by the file size. JS heaps of the page
  and of the worker (CDP \`Runtime.getHeapUsage\`; the worker reached with \`Target.setAutoAttach\`) at
  their peak and once the step is over and collected, and the browser process (where large Blobs
  live) are shown beside it.
- **CPU time**: utime + stime of each thread of the browser (/proc): the worker thread, the page's main
  thread, other renderer threads (V8's GC helpers, compositor) and every other process (IndexedDB's
  backend, blob storage). It moves much less than wall time when other work shares the cores.
- **Long tasks**: a \`PerformanceObserver('longtask')\` (tasks over 50 ms) on the main thread, between
  the click and the first frame after the result (step d and the wide header: the result's own layout and
  paint, and a focus the page moves to a task of its own, are counted with it). **Progress**: every change of a \`<progress>\` value seen by the observer;
  the figure is the longest wait without one, from the click to the result (both ends included).
- **First load**: every JS response of the page when each route (\`/\`, \`/settings\`, \`/migration\`,
  \`/customers\`, \`/history\`, \`/report\`, an unknown path) is first opened in a fresh profile, each gzipped with zlib
  level 9. The target counts what the first paint needs: SvelteKit's entry and the route's nodes with
  every file they import statically (read from the served files); what the page fetches later by
  dynamic import (the database for the bell and the lists) is shown beside it, the dedicated worker's
  and the service worker's scripts apart.
- **Rehearsal**: one page, one clock: 一括登録 › 顧客情報 (1M), カード情報移行 via the header menu,
  「登録済みの顧客から作る」 until 「連携用CSVをダウンロード」 is enabled, step d with the 1M return file
  (checked against that list), the card import file downloaded and chosen in 一括登録 ›
  クレジットカード情報. Total = first データアップロード click → the card import's result.
- **SHA-256** (\`--only=hash\`, issue 14): the 1M-row Shift_JIS return file read once into an
  \`about:blank\` page, then hashed 5 times (3 with \`--quick\`) by the app's stream hash
  (\`createSha256Stream\`, its own compression function) and by \`@noble/hashes\`' \`sha256.create()\`,
  both fed the same 1 MiB slices, alternated (which goes first swaps each round), built and minified
  together by vite; every digest checked against node:crypto's of the file. Figure: median ours / median noble,
  with the load average before and after. Step d may keep its own hash only while the ratio is < 1.
- **Wide header** (\`--only=wide\`, issue 12): return files whose header has 100,000 and 1,000 columns
  (20 rows each), chosen and converted in a fresh /migration page; the longest main-thread task from
  choosing the file to the result shown (and when it began), and how many column-mapping options were rendered.
  With \`--profile\`, the 100,000-column file again under a DevTools trace of the page: each main-thread task of
  20 ms or more with what it held by name (script, forced layout, text shaping, paint, GC), in \`profiles.txt\`, the
  trace in \`wide-100000-page.trace.json\` (a CPU profile of the page names its JavaScript only).
- **Repeated conversions** (\`--only=memory\`, issue 12): one page converts the same 445k-row return file
  (26 MB; 100k rows with \`--quick\`) 30 times; after each run garbage is collected on the page and the
  worker and the renderers' RSS and both JS heaps are read. Figure: after run 30 / after run 1.
- **Noise**: the machine's load average and other Chromium browsers (e.g. someone's \`npm test\`) are
  printed with the figures; on 2 cores a concurrent test run can double a time.
`;

/** Rewrites bench/README.md with the method and this run's table. */
export async function writeReadme(results) {
	const day = results.machine.date.slice(0, 10);
	const text = `${method}\n## Latest figures (${day})\n\n${markdownTable(results)}\n`;
	await writeFile(readmePath, text);
}
