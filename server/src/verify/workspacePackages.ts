// The verifier runs migrations with the workspace's own ORM and driver packages, never bundled ones:
// resolve them from the migration's project folder, and say exactly what to install when they are missing.
import { createRequire } from 'node:module';
import * as path from 'node:path';

export class MissingPackageError extends Error {
  constructor(readonly pkg: string, readonly projectRoot: string, readonly purpose: string) {
    super(`${purpose} needs the package "${pkg}", which ${projectRoot} does not have: run \`npm install --save-dev ${pkg}\` there`);
  }
}

/** `require(pkg)` as code in `projectRoot` would see it (its node_modules and those above it). */
export function requireFromProject<T>(pkg: string, projectRoot: string, purpose: string): T {
  const projectRequire = createRequire(path.join(projectRoot, 'package.json'));
  let resolved: string;
  try { resolved = projectRequire.resolve(pkg); } catch { throw new MissingPackageError(pkg, projectRoot, purpose); }
  return projectRequire(resolved) as T;
}
