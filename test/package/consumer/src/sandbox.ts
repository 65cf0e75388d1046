// A Node test suite that runs the sandbox, as the README shows it.
import { createSandbox, type SandboxOptions } from 'fiskil-link/sandbox';

const options: Partial<SandboxOptions> = { log: () => {} };
const sandbox = createSandbox(options);
const url: string = await sandbox.listen(0);
console.log(`sandbox at ${url}`);
await sandbox.close();
