import * as migration_20261123_133134_initial from './20261123_133134_initial';

export const migrations = [
  {
    up: migration_20261123_133134_initial.up,
    down: migration_20261123_133134_initial.down,
    name: '20261123_133134_initial'
  },
];
