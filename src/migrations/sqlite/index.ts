import * as migration_20261123_145751_initial from './20261123_145751_initial';
import * as migration_20261123_162544_list_sort_indexes from './20261123_162544_list_sort_indexes';
import * as migration_20261123_172530_static_publish from './20261123_172530_static_publish';
import * as migration_20261202_160058_site_time_zone from './20261202_160058_site_time_zone';
import * as migration_20261202_160128_review_log_names from './20261202_160128_review_log_names';
import * as migration_20261202_195542_coordination from './20261202_195542_coordination';
import * as migration_20261206_203748_orders from './20261206_203748_orders';

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
  {
    up: migration_20261202_160058_site_time_zone.up,
    down: migration_20261202_160058_site_time_zone.down,
    name: '20261202_160058_site_time_zone',
  },
  {
    up: migration_20261202_160128_review_log_names.up,
    down: migration_20261202_160128_review_log_names.down,
    name: '20261202_160128_review_log_names',
  },
  {
    up: migration_20261202_195542_coordination.up,
    down: migration_20261202_195542_coordination.down,
    name: '20261202_195542_coordination',
  },
  {
    up: migration_20261206_203748_orders.up,
    down: migration_20261206_203748_orders.down,
    name: '20261206_203748_orders'
  },
];
