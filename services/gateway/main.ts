import { loadConfig } from '../../shared/config.ts';
import { createLogger } from '../../shared/logger.ts';
import { runUntilSignal } from '../../shared/lifecycle.ts';
import { startGateway } from './server.ts';

const config = loadConfig();
const log = createLogger('gateway', config.LOG_LEVEL);
await runUntilSignal(log, () => startGateway(config, log));
