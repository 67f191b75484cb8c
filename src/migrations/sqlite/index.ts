import * as migration_20261123_141710_initial from './20261123_141710_initial';

export const migrations = [
  {
    up: migration_20261123_141710_initial.up,
    down: migration_20261123_141710_initial.down,
    name: '20261123_141710_initial'
  },
];
