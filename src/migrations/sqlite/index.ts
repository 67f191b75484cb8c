import * as migration_20261123_145751_initial from './20261123_145751_initial';
import * as migration_20261123_161117_static_publish from './20261123_161117_static_publish';

export const migrations = [
  {
    up: migration_20261123_145751_initial.up,
    down: migration_20261123_145751_initial.down,
    name: '20261123_145751_initial',
  },
  {
    up: migration_20261123_161117_static_publish.up,
    down: migration_20261123_161117_static_publish.down,
    name: '20261123_161117_static_publish'
  },
];
