import * as migration_20261123_145751_initial from './20261123_145751_initial';
import * as migration_20261123_162544_list_sort_indexes from './20261123_162544_list_sort_indexes';
import * as migration_20261123_172530_static_publish from './20261123_172530_static_publish';

export const migrations = [
  {
    up: migration_20261123_145751_initial.up,
    down: migration_20261123_145751_initial.down,
    name: '20261123_145751_initial',
  },
  {
    up: migration_20261123_162544_list_sort_indexes.up,
    down: migration_20261123_162544_list_sort_indexes.down,
    name: '20261123_162544_list_sort_indexes',
  },
  {
    up: migration_20261123_172530_static_publish.up,
    down: migration_20261123_172530_static_publish.down,
    name: '20261123_172530_static_publish',
  },
];
