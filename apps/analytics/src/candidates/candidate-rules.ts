import { DEFAULT_CANDIDATE_RULE, analyticsInvalid, type CandidateRuleInput, type CandidateRuleView } from '@gridline/contracts-analytics';
import { fieldPath } from '@gridline/platform';

/**
 * The rules of a PUT, checked beyond their DTO: exactly one `*` rule, each category once, and each kind with the
 * settings it needs and none it does not — a 400 naming the rule's field (`rules.2.radiusMetres`).
 */
export function checkCandidateRules(inputs: readonly CandidateRuleInput[]): CandidateRuleView[] {
  const seen = new Set<string>();
  const rules = inputs.map((input, i): CandidateRuleView => {
    const field = (name: string) => fieldPath('rules', i, name);
    if (seen.has(input.categoryCode)) throw analyticsInvalid(field('categoryCode'), `names ${input.categoryCode} a second time`);
    seen.add(input.categoryCode);
    const radius = input.radiusMetres ?? null;
    const factor = input.factor ?? null;
    const baselineWindows = input.baselineWindows ?? null;
    if (input.kind === 'within_radius' && radius === null) throw analyticsInvalid(field('radiusMetres'), 'is required for within_radius');
    if (input.kind !== 'within_radius' && radius !== null) throw analyticsInvalid(field('radiusMetres'), 'is only for within_radius');
    if (input.kind === 'rise_over_baseline') {
      if (factor === null) throw analyticsInvalid(field('factor'), 'is required for rise_over_baseline');
      if (baselineWindows === null) throw analyticsInvalid(field('baselineWindows'), 'is required for rise_over_baseline');
    } else {
      if (factor !== null) throw analyticsInvalid(field('factor'), 'is only for rise_over_baseline');
      if (baselineWindows !== null) throw analyticsInvalid(field('baselineWindows'), 'is only for rise_over_baseline');
    }
    if (input.kind === 'rise_over_baseline' && input.windowDays * (1 + (baselineWindows ?? 0)) > 366) {
      throw analyticsInvalid(field('baselineWindows'), 'with windowDays reaches back more than 366 days');
    }
    return { categoryCode: input.categoryCode, kind: input.kind, windowDays: input.windowDays, minCount: input.minCount, radiusMetres: radius, factor, baselineWindows, enabled: input.enabled ?? true };
  });
  if (!seen.has(DEFAULT_CANDIDATE_RULE)) throw analyticsInvalid('rules', `must hold the default rule (categoryCode ${DEFAULT_CANDIDATE_RULE})`);
  return rules;
}

/** The candidate's summary in Chinese, as the street grid centre reads it: "文汇社区第1网格 近14天 占道经营 6 起". */
export function candidateSummary(
  c: { rule: CandidateRuleView; unitCode: string; categoryCode: string; count: number; baselineMean: number | null },
  names: { unit: string | null; category: string | null },
): string {
  const where = c.rule.kind === 'within_radius' ? `${names.unit ?? c.unitCode} ${c.rule.radiusMetres}米范围内` : (names.unit ?? c.unitCode);
  const rise = c.rule.kind === 'rise_over_baseline' ? `（此前每${c.rule.windowDays}天平均 ${c.baselineMean ?? 0} 起）` : '';
  return `${where} 近${c.rule.windowDays}天 ${names.category ?? c.categoryCode} ${c.count} 起${rise}`;
}
