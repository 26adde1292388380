import { STEPS, type FiguresPeriodView, type FiguresRate, type FiguresView } from './figures.types';

/** One line of the dashboard: a count (or hours, a rating) or a rate with its parts, this period and the period before. */
export type FigureRow =
  | { key: string; kind: 'count'; current: number | null; previous: number | null }
  | { key: string; kind: 'rate'; current: FiguresRate; previous: FiguresRate };

type Pick = (p: FiguresPeriodView) => number | null | FiguresRate;

/** The figures the dashboard shows, by their path in the answer (the same paths as the export's `指标 metric`). */
const FIGURES: [string, Pick][] = [
  ['cases.reported', (p) => p.cases.reported],
  ['cases.accepted', (p) => p.cases.accepted],
  ['cases.rejected', (p) => p.cases.rejected],
  ['cases.closed', (p) => p.cases.closed],
  ['cases.open', (p) => p.cases.open],
  ['cases.overdue', (p) => p.cases.overdue],
  ...STEPS.map((step): [string, Pick] => [`cases.onTime.${step}`, (p) => p.cases.onTime[step]]),
  ['cases.warnings', (p) => p.cases.warnings],
  ['cases.yellowCards', (p) => p.cases.yellowCards],
  ['cases.redCards', (p) => p.cases.redCards],
  ['cases.returnRate', (p) => p.cases.returnRate],
  ['cases.reworkRate', (p) => p.cases.reworkRate],
  ['cases.extensionRate', (p) => p.cases.extensionRate],
  ['cases.handlingHours.mean', (p) => p.cases.handlingHours.mean],
  ['cases.handlingHours.p90', (p) => p.cases.handlingHours.p90],
  ['cases.evaluations.count', (p) => p.cases.evaluations.count],
  ['cases.evaluations.meanRating', (p) => p.cases.evaluations.meanRating],
  ['cases.evaluations.satisfied', (p) => p.cases.evaluations.satisfied],
  ['appeals.received', (p) => p.appeals.received],
  ['appeals.appeals', (p) => p.appeals.appeals],
  ['appeals.responseRate', (p) => p.appeals.responseRate],
  ['appeals.resolutionRate', (p) => p.appeals.resolutionRate],
  ['appeals.satisfactionRate', (p) => p.appeals.satisfactionRate],
  ['appeals.onTimeRate', (p) => p.appeals.onTimeRate],
  ['appeals.returnRate', (p) => p.appeals.returnRate],
  ['appeals.reopenRate', (p) => p.appeals.reopenRate],
  ['appeals.extensionRate', (p) => p.appeals.extensionRate],
];

const isRate = (value: unknown): value is FiguresRate => typeof value === 'object' && value !== null && 'denominator' in value;

/** The answer's figures as rows, each with the period before beside it (a department's `appeals.received` is null: left out). */
export function figureRows(view: FiguresView): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const [key, pick] of FIGURES) {
    const current = pick(view.current);
    const previous = pick(view.previous);
    if (isRate(current) && isRate(previous)) rows.push({ key, kind: 'rate', current, previous });
    else if (!isRate(current) && !isRate(previous) && !(key === 'appeals.received' && current === null)) rows.push({ key, kind: 'count', current, previous });
  }
  return rows;
}

/** A rate as a percentage (one place), `—` without a denominator. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
/** A number as shown: `—` for none, at most two places. */
export const shown = (value: number | null): string => (value === null ? '—' : String(Math.round(value * 100) / 100));
