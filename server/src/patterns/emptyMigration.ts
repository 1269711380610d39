import type { PatternDefinition } from './types';

export const emptyMigration: PatternDefinition = {
  id: 'emptyMigration',
  title: 'New empty migration',
  description: 'A paired up/down migration in the project\'s format and naming, with nothing in it yet.',
  orms: ['typeorm', 'sequelize', 'prisma'],
  dialects: ['postgres', 'mysql', 'mariadb'],
  params: [{ name: 'name', kind: 'string', prompt: 'Migration name (words, e.g. add-audit-log)', required: true }],
  name: (p) => [p.name],
  build: () => ({
    phases: [{ slug: [], title: 'Empty migration', up: [], down: [], transactional: true }],
    notes: ['Keep down the exact inverse of up, and guard each step with IF [NOT] EXISTS (or a presence check on MySQL).'],
  }),
};
