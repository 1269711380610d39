/** A JavaScript string literal for `text`: single-quoted on one line, a template literal across lines. */
export function jsString(text: string): string {
  if (text.includes('\n')) return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
