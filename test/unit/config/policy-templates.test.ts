import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { policySettings } from '../../../electron/config/policy-settings';
import { describeSettingKey } from '../../../electron/config/schema-leaf';
import { admlLanguages, policyDir, renderedTemplates } from '../../../scripts/installer/policy-templates';

// The schemas sit beside the checkout (../shared/schemas/admx), as in the xmllint command.
const xsd = fileURLToPath(new URL('../../../../shared/schemas/admx/PolicyDefinitionFiles.xsd', import.meta.url));
const admxPath = join(policyDir, 'sesame.admx');
const admx = readFileSync(admxPath, 'utf8');
const admlPaths = Object.keys(admlLanguages).map((language) => join(policyDir, language, 'sesame.adml'));
const all = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1] ?? '');

/** `<policy name="X" ...>...</policy>` blocks of the ADMX by policy name. */
const policyBlocks = new Map(
  [...admx.matchAll(/<policy name="([^"]+)"[\s\S]*?<\/policy>/g)].map((m) => [m[1] ?? '', m[0]]),
);

describe('ADMX/ADML templates', () => {
  it('are valid against the Group Policy schema (xmllint must be installed: Debian libxml2-utils)', () => {
    // execFileSync throws ENOENT when xmllint is missing, failing the test rather than skipping it.
    const output = execFileSync('xmllint', ['--noout', '--schema', xsd, admxPath, ...admlPaths], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toBe('');
  });

  it('are what the generator makes from the policy table and schema today', () => {
    for (const [path, content] of renderedTemplates()) expect(readFileSync(path, 'utf8'), path).toBe(content);
  });

  it('define exactly the policy values the loader reads, each on a schema key of the matching type', () => {
    const admxValueNames = new Set(all(admx, /valueName="([^"]+)"/g));
    expect([...admxValueNames].sort()).toEqual(policySettings.map((p) => p.valueName).sort());
    expect(new Set(all(admx, /key="([^"]+)"/g))).toEqual(new Set(['SOFTWARE\\Policies\\Sesame']));
    for (const setting of policySettings) {
      const leaf = describeSettingKey(setting.key);
      const block = policyBlocks.get(setting.valueName) ?? '';
      const expectedElement = { boolean: '<enabledValue><decimal value="1"/>', integer: '<decimal id=', integerList: '<multiText id=', stringList: '<multiText id=' }[setting.kind as string];
      expect(leaf, `${setting.valueName} -> ${setting.key.join('.')}`).toBeDefined();
      if (setting.kind === 'boolean') expect(leaf?.type).toBe('boolean');
      if (setting.kind === 'integer') expect(leaf?.type).toBe('integer');
      if (setting.kind === 'string') expect(['string', 'enum']).toContain(leaf?.type);
      if (setting.kind === 'stringList') expect(leaf?.type === 'list' && ['string', 'enum'].includes(leaf.element.type)).toBe(true);
      if (setting.kind === 'integerList') expect(leaf?.type === 'list' && leaf.element.type).toBe('integer');
      if (expectedElement) expect(block, setting.valueName).toContain(expectedElement);
      if (leaf?.type === 'enum') expect(all(block, /<string>([^<]+)<\/string>/g)).toEqual(leaf.options);
      if (leaf?.type === 'integer') expect(block).toContain(`minValue="${leaf.min ?? 0}"`);
      if (leaf?.type === 'string') expect(block).toContain('<text id=');
    }
  });

  it.each(Object.keys(admlLanguages))('%s ADML defines every string and presentation the ADMX references', (language) => {
    const adml = readFileSync(join(policyDir, language, 'sesame.adml'), 'utf8');
    const strings = new Set(all(adml, /<string id="([^"]+)"/g));
    const presentations = new Set(all(adml, /<presentation id="([^"]+)"/g));
    for (const id of all(admx, /\$\(string\.([^)]+)\)/g)) expect(strings, `string ${id}`).toContain(id);
    for (const id of all(admx, /\$\(presentation\.([^)]+)\)/g)) expect(presentations, `presentation ${id}`).toContain(id);
    // Every control of a presentation is bound to an element of the same policy.
    for (const [, id, body] of adml.matchAll(/<presentation id="([^"]+)">([\s\S]*?)<\/presentation>/g)) {
      for (const refId of all(body ?? '', /refId="([^"]+)"/g)) expect(policyBlocks.get(id ?? '') ?? '').toContain(`id="${refId}"`);
    }
    // A translation, not a copy: at least the category names differ from English except for the reference.
    if (language !== 'en-US') expect(adml).not.toContain('>Security questions<');
  });
});
