import * as migration_20261123_145751_initial from './20261123_145751_initial';

export const migrations = [
  {
    up: migration_20261123_145751_initial.up,
    down: migration_20261123_145751_initial.down,
    name: '20261123_145751_initial'
  },
];
