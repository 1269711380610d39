// File and class names in each ORM's own convention, from the same list of words.

/** Splits identifiers and phrases into lower-case words: `full_name`, `fullName`, `add-audit log` → words. */
export function nameWords(parts: string[]): string[] {
  return parts
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/))
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

export function pascalName(words: string[]): string {
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(name) ? `M${name}` : name || 'Migration';
}

export function kebabName(words: string[]): string { return words.join('-') || 'migration'; }
export function snakeName(words: string[]): string { return words.join('_') || 'migration'; }

/** `YYYYMMDDHHmmss` in UTC, as sequelize-cli and prisma name migrations. */
export function compactTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/** Phase i (0-based) runs one second after phase i-1, so every runner orders them by name. */
export function phaseDate(now: Date, index: number): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000 + index * 1000);
}
