// Imported first by main.tsx, before any module that parses with zod: zod probes for eval support
// with `Function('')` on its first object parse, which the CSP (script-src 'self', no eval) reports as
// a violation. Told up front, it never probes (it would have found eval refused and parsed the same way).
import { z } from 'zod';

z.config({ jitless: true });
