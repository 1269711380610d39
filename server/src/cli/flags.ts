/** `--format=json` → ['--format', 'json']; anything else → [arg, undefined] (the value, if any, is the next argument). */
export function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
