/**
 * The name Sequelize gives an index it was not told to name: `${table}_${fields.join('_')}` through
 * inflection's `underscore` (Utils.nameIndex). removeIndex(table, ['a']) computes the same name.
 */
export function sequelizeIndexName(table: string, fields: string[]): string {
  return underscore(`${table}_${fields.join('_')}`);
}

/** inflection 1.x `underscore`: `_` before every capital, leading `_` dropped, `::` → `/` (so `APIKeys` → `a_p_i_keys`). */
function underscore(s: string): string {
  return s.split('::').map(part => part.replace(/([A-Z])/g, '_$1').replace(/^_/, '')).join('/').toLowerCase();
}
