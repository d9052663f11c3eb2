/** The quality report as the renderer's live checklist (shared/flow.ts PolicyRuleView). */
import type { PolicyRuleView } from '../../../shared/flow';
import type { QualityReport, QualityRule } from './check-password-quality';

// Fails to compile if the two rule vocabularies drift apart.
const sameRules: [QualityRule] extends [PolicyRuleView['rule']] ? ([PolicyRuleView['rule']] extends [QualityRule] ? true : never) : never = true;
void sameRules;

export function toPolicyRuleViews(report: QualityReport): PolicyRuleView[] {
  return report.rules.map(({ rule, params, passes }) => ({ rule, params: { ...params }, ...(passes === undefined ? {} : { passes }) }));
}
