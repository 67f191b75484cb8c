import * as migration_20261123_133134_initial from './20261123_133134_initial';
import * as migration_20261123_143648_media_pipeline from './20261123_143648_media_pipeline';

export const migrations = [
  {
    up: migration_20261123_133134_initial.up,
    down: migration_20261123_133134_initial.down,
    name: '20261123_133134_initial',
  },
  {
    up: migration_20261123_143648_media_pipeline.up,
    down: migration_20261123_143648_media_pipeline.down,
    name: '20261123_143648_media_pipeline'
  },
];
