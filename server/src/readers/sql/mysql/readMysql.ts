import type { OperationBuilder } from '../operationBuilder';
export function readMysql(b: OperationBuilder, dialect: 'mysql' | 'mariadb'): { failed: number } { void b; void dialect; return { failed: 0 }; }
