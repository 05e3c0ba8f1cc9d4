// The results: one Markdown table, the raw JSON and an SVG bar chart of the ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fixed = (value, digits) => (value === undefined ? '—' : value.toFixed(digits));
const escapeXml = (text) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);

/** A row failed when it saw any error; its numbers are not reported. */
export const failed = (row) => row.errors !== undefined && row.errors > 0;

/** Compares `row` with `reference` (ratio = row/reference, or reference/row when `inverse`), against `min`. */
export function compare(row, reference, { min, against, inverse = false } = {}) {
  if (!row || !reference || failed(row) || failed(reference) || !row.rps || !reference.rps) {
    return { against, min, value: undefined, met: false };
  }
  const value = inverse ? reference.rps / row.rps : row.rps / reference.rps;
  return { against, min, value, met: min === undefined ? undefined : value >= min };
}

function metCell(row) {
  if (failed(row)) return '**FAILED**';
  if (row.unsupported) return '—';
  if (!row.ratio || row.ratio.min === undefined) return '—';
  if (row.ratio.value === undefined) return '**FAILED** (reference)';
  return row.ratio.met ? 'yes' : '**no**';
}

function ratioCell(row) {
  if (!row.ratio || failed(row)) return '—';
  return `${fixed(row.ratio.value, 2)}× ${row.ratio.against}`;
}

export function markdownTable(rows) {
  const lines = [
    '| scenario | requests/s | p50 ms | p99 ms | errors | ratio | target | met? |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const row of rows) {
    if (row.unsupported) {
      lines.push(`| ${row.scenario} | n/a | — | — | — | ${row.unsupported} | — | — |`);
      continue;
    }
    const numbers = failed(row) ? ['FAILED', '—', '—'] : [fixed(row.rps, 0), fixed(row.p50, 1), fixed(row.p99, 1)];
    const target = row.ratio?.min === undefined ? '—' : `≥ ${row.ratio.min}`;
    lines.push(
      `| ${row.scenario} | ${numbers.join(' | ')} | ${row.errors ?? '—'} | ${ratioCell(row)} | ${target} | ${metCell(row)} |`,
    );
  }
  return lines.join('\n');
}

export function memoryTable(memory) {
  const lines = ['| our server | RSS MiB |', '| --- | ---: |'];
  for (const [label, value] of Object.entries(memory)) lines.push(`| ${label} | ${fixed(value, 1)} |`);
  return lines.join('\n');
}

/** Horizontal bars, one per ratio, with the target as a tick; green met, red missed, grey no target. */
export function ratioChart(rows) {
  const bars = rows.filter((row) => row.ratio?.value !== undefined && !failed(row));
  const width = 900;
  const labelWidth = 430;
  const barHeight = 22;
  const top = 40;
  const height = top + bars.length * (barHeight + 8) + 30;
  const scaleMax = Math.max(1.6, ...bars.map((row) => Math.max(row.ratio.value, row.ratio.min ?? 0) * 1.1));
  const x = (ratio) => labelWidth + (ratio / scaleMax) * (width - labelWidth - 60);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">Ratios (bar) and targets (black tick); 1.0 = dashed line</text>`,
    `<line x1="${x(1)}" y1="${top - 6}" x2="${x(1)}" y2="${height - 24}" stroke="#888" stroke-dasharray="4 3"/>`,
  ];
  bars.forEach((row, i) => {
    const y = top + i * (barHeight + 8);
    const colour = row.ratio.min === undefined ? '#8a8a8a' : row.ratio.met ? '#2e8b57' : '#c0392b';
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeXml(`${row.scenario} (${row.ratio.against})`)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${x(row.ratio.value) - labelWidth}" height="${barHeight}" fill="${colour}"/>`,
      `<text x="${x(row.ratio.value) + 4}" y="${y + 15}">${row.ratio.value.toFixed(2)}</text>`,
    );
    if (row.ratio.min !== undefined) {
      parts.push(
        `<line x1="${x(row.ratio.min)}" y1="${y - 3}" x2="${x(row.ratio.min)}" y2="${y + barHeight + 3}" stroke="black" stroke-width="2"/>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Writes results.md, results.json and ratios.svg into `dir`. */
export function writeResults(dir, { markdown, json, rows }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.md'), `${markdown}\n`);
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(dir, 'ratios.svg'), `${ratioChart(rows)}\n`);
}
