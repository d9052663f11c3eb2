/**
 * The index page with what the renderer needs before its first frame: the CSRF token of the browser
 * session and the app.info answer, as <meta> tags (data, not script, so the CSP stays 'self'). This spares
 * the start screen two round trips.
 */
export const csrfMetaName = 'sesame-csrf';
export const appInfoMetaName = 'sesame-app-info';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderIndexPage(html: string, values: { csrfToken: string; appInfo?: unknown }): string {
  const metas = [`<meta name="${csrfMetaName}" content="${escapeAttribute(values.csrfToken)}">`];
  if (values.appInfo !== undefined) metas.push(`<meta name="${appInfoMetaName}" content="${escapeAttribute(JSON.stringify(values.appInfo))}">`);
  const at = html.indexOf('</head>');
  return at < 0 ? html : `${html.slice(0, at)}${metas.join('')}${html.slice(at)}`;
}
