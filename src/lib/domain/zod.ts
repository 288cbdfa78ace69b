import { z } from 'zod';

// zod otherwise probes `new Function`, which the Content-Security-Policy forbids.
z.config({ jitless: true });

export { z };
