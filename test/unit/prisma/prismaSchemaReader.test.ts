// Prisma schemas: models, @@map/@map names and the provider, through Prisma's own parser (wasm);
// an invalid schema still yields its models through the fallback scan, plus the parser's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPrismaSchema, readPrismaSchemaFiles } from '../../../server/src/readers/prisma/prismaSchemaReader';

const PROJECTS = path.join(__dirname, '..', '..', 'fixtures', 'projects');

test('valid postgres schema: models with table and column names', () => {
  const text = fs.readFileSync(path.join(PROJECTS, 'prisma-postgres', 'prisma', 'schema.prisma'), 'utf8');
  const r = readPrismaSchema(text);
  assert.equal(r.via, 'prisma-wasm');
  assert.deepEqual(r.problems, []);
  assert.equal(r.provider, 'postgresql');
  assert.deepEqual(r.models.map((m) => [m.name, m.dbName]), [['User', 'User'], ['Product', 'Product'], ['Order', 'orders']]);
  const order = r.models.find((m) => m.name === 'Order')!;
  const userId = order.fields.find((f) => f.name === 'userId')!;
  assert.equal(userId.dbName, 'user_id');
  assert.equal(userId.isRequired, true);
  assert.equal(userId.relation, false);
  const user = order.fields.find((f) => f.name === 'user')!;
  assert.equal(user.relation, true);
  const id = order.fields.find((f) => f.name === 'id')!;
  assert.equal(id.isId, true);
  assert.equal(id.hasDefault, true);
  const fullName = r.models[0].fields.find((f) => f.name === 'fullName')!;
  assert.equal(fullName.isRequired, false);
});

test('a Prisma 6 schema with datasource url still reads through the Prisma 7 parser', () => {
  const text = fs.readFileSync(path.join(PROJECTS, 'prisma-mysql', 'prisma', 'schema.prisma'), 'utf8');
  assert.match(text, /url\s*=\s*env\("DATABASE_URL"\)/);
  const r = readPrismaSchema(text);
  assert.equal(r.via, 'prisma-wasm');
  assert.equal(r.provider, 'mysql');
  const comment = r.models.find((m) => m.name === 'Comment')!;
  assert.equal(comment.dbName, 'comments');
  assert.deepEqual(comment.fields.filter((f) => !f.relation).map((f) => f.dbName), ['id', 'post_id', 'author_id', 'body', 'created_at']);
});

const INVALID = `datasource db {
  provider = "postgresql"
}

model Account {
  id      Int     @id @default(autoincrement())
  email   Strin   @unique @map("email_address")
  tags    String[]
  owner   User?   @relation(fields: [ownerId], references: [id])
  ownerId Int?

  @@map("accounts")
}

model User {
  id       Int       @id
  accounts Account[]
}
`;

test('invalid schema: the parser error becomes a problem on the right line; models come from the scan', () => {
  const r = readPrismaSchema(INVALID);
  assert.equal(r.via, 'regex');
  assert.equal(r.provider, 'postgresql');
  assert.ok(r.problems.length >= 1);
  const p = r.problems[0];
  assert.equal(p.code, 'prisma-schema');
  assert.equal(p.severity, 'error');
  assert.match(p.message, /Strin/);
  assert.doesNotMatch(p.message, /\u001b/, 'ANSI colour codes are stripped');
  assert.equal(p.range.start.line, 6);
  const account = r.models.find((m) => m.name === 'Account')!;
  assert.equal(account.dbName, 'accounts');
  const email = account.fields.find((f) => f.name === 'email')!;
  assert.equal(email.dbName, 'email_address');
  assert.equal(email.isUnique, true);
  assert.equal(account.fields.find((f) => f.name === 'tags')!.isList, true);
  assert.equal(account.fields.find((f) => f.name === 'owner')!.relation, true);
  assert.equal(account.fields.find((f) => f.name === 'ownerId')!.isRequired, false);
  assert.deepEqual(r.models.map((m) => m.name), ['Account', 'User']);
});

test('garbage never throws', () => {
  for (const text of ['', '}}}{{{', 'model {', 'datasource db {\n provider = \n}', '\u0000\u0001binary']) {
    const r = readPrismaSchema(text);
    assert.ok(Array.isArray(r.models));
  }
});

test('multi-file schema: models from every file, provider from the datasource file', () => {
  const r = readPrismaSchemaFiles([
    ['schema/base.prisma', 'datasource db {\n  provider = "mysql"\n}\n'],
    ['schema/user.prisma', 'model User {\n  id Int @id\n  posts Post[]\n}\n'],
    ['schema/post.prisma', 'model Post {\n  id Int @id\n  userId Int @map("user_id")\n  user User @relation(fields: [userId], references: [id])\n  @@map("posts")\n}\n'],
  ]);
  assert.deepEqual(r.problems, []);
  assert.equal(r.provider, 'mysql');
  assert.deepEqual(r.models.map((m) => m.dbName).sort(), ['User', 'posts']);
});
