import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's data folder: catalogues and the seed live here, not in TypeScript literals. */
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
