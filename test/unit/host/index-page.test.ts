import { describe, expect, it } from 'vitest';
import { renderIndexPage } from '../../../electron/host/index-page';

const page = '<!doctype html><html><head><title>Sesame</title></head><body><div id="root"></div></body></html>';

describe('index page bootstrap metas', () => {
  it('adds the CSRF token and app.info as meta tags inside head', () => {
    const html = renderIndexPage(page, { csrfToken: 'tok_en-1', appInfo: { a: 1 } });
    expect(html).toContain('<meta name="sesame-csrf" content="tok_en-1"><meta name="sesame-app-info" content="{&quot;a&quot;:1}"></head>');
  });

  it('cannot be broken out of: quotes and angle brackets in values are escaped', () => {
    const hostile = { text: '"><script>alert(1)</script><meta x="' };
    const html = renderIndexPage(page, { csrfToken: '"><script>', appInfo: hostile });
    expect(html).not.toContain('<script>');
    expect(html.match(/<meta /g)).toHaveLength(2);
    const content = /name="sesame-app-info" content="([^"]*)"/.exec(html)?.[1] ?? '';
    const decoded = content.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    expect(JSON.parse(decoded)).toEqual(hostile);
  });

  it('leaves a page without head as it is', () => {
    expect(renderIndexPage('<p>x</p>', { csrfToken: 't' })).toBe('<p>x</p>');
  });
});
