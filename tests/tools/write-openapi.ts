// Regenerates resources/openapi.json from the zod schemas (`npm run openapi`); a test keeps them equal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPaths } from '../../electron/launcher/project-paths';
import { buildOpenApiDocument } from '../../shared/hosted-api/openapi';

writeFileSync(join(projectPaths().resources, 'openapi.json'), `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
