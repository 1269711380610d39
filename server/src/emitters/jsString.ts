/**
 * A JavaScript string literal for `text`, picked for readability: single quotes when the text has none,
 * a template literal when it has quotes but no backticks (PostgreSQL SQL) or spans lines, else escaped single quotes.
 */
export function jsString(text: string): string {
  const template = () => '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  if (text.includes('\n')) return template();
  if (!text.includes("'")) return `'${text.replace(/\\/g, '\\\\')}'`;
  if (!text.includes('`')) return template();
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
