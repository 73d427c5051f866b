// Loads a Data Package from a URL with the Frictionless project's datapackage library, validates its descriptor
// and every resource's, and reads every tabular resource with its Table Schema (casting each value, which throws
// on a row that does not fit). Prints one JSON line: what the test asserts on.
import datapackage from 'datapackage';

const pkg = await datapackage.Package.load(process.argv[2]);
const problems = pkg.errors.map(e => `package: ${e.message}`);
let rows = 0;
for (const resource of pkg.resources) {
  problems.push(...resource.errors.map(e => `${resource.name}: ${e.message}`));
  if (resource.tabular) {
    try {
      rows += (await resource.read({ keyed: true, cast: true })).length;
    } catch (error) {
      problems.push(`${resource.name}: ${error.message} ${(error.errors || []).map(e => e.message).join('; ')}`);
    }
  }
}

console.log(JSON.stringify({
  valid: pkg.valid,
  resources: pkg.resources.length,
  tabular: pkg.resources.filter(r => r.tabular).length,
  rows,
  problems,
}));
