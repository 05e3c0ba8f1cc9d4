import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/load-config';
import { buildDataSourceOptions } from './src/database/data-source-options';

// The TypeORM CLI's data source (npm run typeorm -- migration:show|run|revert), built like the app's.
export default new DataSource(buildDataSourceOptions(loadConfig(process.env).database));
