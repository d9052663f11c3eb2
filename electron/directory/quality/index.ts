export { checkPasswordQuality, type QualityCheckOptions, type QualityReport, type QualityRule, type QualityRuleResult } from './check-password-quality';
export { isCommonPassword, loadCommonPasswords } from './common-passwords';
export { toPolicyRuleViews } from './policy-rule-view';
