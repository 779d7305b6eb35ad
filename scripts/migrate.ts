// `npm run migrate`: creates the database when missing and applies the migrations.
import { loadConfig } from '../shared/config.ts';
import { ensureDatabase, migrate } from '../shared/db/migrate.ts';

const config = loadConfig();
if (await ensureDatabase(config.DATABASE_URL)) console.log('created the database');
const applied = await migrate(config.DATABASE_URL, () => undefined);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
