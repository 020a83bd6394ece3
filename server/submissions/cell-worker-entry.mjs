// Worker threads start without the server's TypeScript loader: register tsx here, then load the
// worker itself (cell-worker.ts). See cell-stream.ts.
import { register } from 'tsx/esm/api';

register();
await import('./cell-worker.ts');
