/**
 * The name Sequelize gives an index it was not told to name: `${table}_${fields.join('_')}` through
 * inflection's `underscore` (Utils.nameIndex). removeIndex(table, ['a']) computes the same name.
 */
export function sequelizeIndexName(table: string, fields: string[]): string {
  return underscore(`${table}_${fields.join('_')}`);
}

function underscore(s: string): string {
  return s
    .replace(/::/g, '/')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
