import * as migration_20261123_133134_initial from './20261123_133134_initial';
import * as migration_20261123_140940_workflow_and_scope from './20261123_140940_workflow_and_scope';

export const migrations = [
  {
    up: migration_20261123_133134_initial.up,
    down: migration_20261123_133134_initial.down,
    name: '20261123_133134_initial',
  },
  {
    up: migration_20261123_140940_workflow_and_scope.up,
    down: migration_20261123_140940_workflow_and_scope.down,
    name: '20261123_140940_workflow_and_scope'
  },
];
