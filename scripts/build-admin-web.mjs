// Completes the web admin build: `tsc -p apps/admin-web/tsconfig.json` compiled the ES modules into
// dist/admin-web; the page and its stylesheet are copied next to them, as the server serves that folder.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const source = join(root, 'apps', 'admin-web', 'src');
const target = join(root, 'dist', 'admin-web');

mkdirSync(target, { recursive: true });
for (const file of ['index.html', 'admin.css']) copyFileSync(join(source, file), join(target, file));
