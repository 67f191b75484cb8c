import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`lecturers_dialects\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturers_dialects_order_idx\` ON \`lecturers_dialects\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_dialects_parent_idx\` ON \`lecturers_dialects\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`lecturers_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`by_name\` text,
  	\`at\` text,
  	\`comment\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturers_review_log_order_idx\` ON \`lecturers_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_review_log_parent_id_idx\` ON \`lecturers_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_review_log_by_idx\` ON \`lecturers_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`lecturers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`display_name\` text,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'person',
  	\`team\` text,
  	\`org_id\` integer,
  	\`photo_id\` integer,
  	\`bio\` text,
  	\`account_id\` integer,
  	\`published_at\` text,
  	\`review_state\` text DEFAULT 'draft',
  	\`review_comment\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`account_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`lecturers_slug_idx\` ON \`lecturers\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_org_idx\` ON \`lecturers\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_photo_idx\` ON \`lecturers\` (\`photo_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`lecturers_account_idx\` ON \`lecturers\` (\`account_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_published_at_idx\` ON \`lecturers\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_review_state_idx\` ON \`lecturers\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_created_by_idx\` ON \`lecturers\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_updated_at_idx\` ON \`lecturers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_created_at_idx\` ON \`lecturers\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`lecturers__status_idx\` ON \`lecturers\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`lecturers_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lecturers_rels_order_idx\` ON \`lecturers_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_rels_parent_idx\` ON \`lecturers_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_rels_path_idx\` ON \`lecturers_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`lecturers_rels_topics_id_idx\` ON \`lecturers_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_lecturers_v_version_dialects\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_lecturers_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_dialects_order_idx\` ON \`_lecturers_v_version_dialects\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_dialects_parent_idx\` ON \`_lecturers_v_version_dialects\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_lecturers_v_version_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`by_name\` text,
  	\`at\` text,
  	\`comment\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_lecturers_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_review_log_order_idx\` ON \`_lecturers_v_version_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_review_log_parent_id_idx\` ON \`_lecturers_v_version_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_review_log_by_idx\` ON \`_lecturers_v_version_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_lecturers_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_display_name\` text,
  	\`version_slug\` text,
  	\`version_kind\` text DEFAULT 'person',
  	\`version_team\` text,
  	\`version_org_id\` integer,
  	\`version_photo_id\` integer,
  	\`version_bio\` text,
  	\`version_account_id\` integer,
  	\`version_published_at\` text,
  	\`version_review_state\` text DEFAULT 'draft',
  	\`version_review_comment\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_account_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_lecturers_v_parent_idx\` ON \`_lecturers_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_slug_idx\` ON \`_lecturers_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_org_idx\` ON \`_lecturers_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_photo_idx\` ON \`_lecturers_v\` (\`version_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_account_idx\` ON \`_lecturers_v\` (\`version_account_id\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_published_at_idx\` ON \`_lecturers_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_review_state_idx\` ON \`_lecturers_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_created_by_idx\` ON \`_lecturers_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_updated_at_idx\` ON \`_lecturers_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version_created_at_idx\` ON \`_lecturers_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_version_version__status_idx\` ON \`_lecturers_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_created_at_idx\` ON \`_lecturers_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_updated_at_idx\` ON \`_lecturers_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_latest_idx\` ON \`_lecturers_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_lecturers_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_lecturers_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lecturers_v_rels_order_idx\` ON \`_lecturers_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_rels_parent_idx\` ON \`_lecturers_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_rels_path_idx\` ON \`_lecturers_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_lecturers_v_rels_topics_id_idx\` ON \`_lecturers_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`orders_timeline\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`action\` text,
  	\`by_name\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`orders_timeline_order_idx\` ON \`orders_timeline\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`orders_timeline_parent_id_idx\` ON \`orders_timeline\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`orders\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`requester_name\` text NOT NULL,
  	\`phone\` text,
  	\`phone_masked\` text,
  	\`org_id\` integer NOT NULL,
  	\`resource_key\` text,
  	\`requested_lecturer_id\` integer,
  	\`subject\` text,
  	\`preferred_dates\` text,
  	\`audience_type\` text,
  	\`audience_size\` numeric,
  	\`note\` text,
  	\`assignee_id\` integer,
  	\`assigned_user_id\` integer,
  	\`scheduled_at\` text,
  	\`place\` text,
  	\`reason\` text,
  	\`rating\` numeric,
  	\`comment_review\` text,
  	\`rating_comment\` text,
  	\`dispatched_at\` text,
  	\`closed_at\` text,
  	\`rated_at\` text,
  	\`phone_erased_at\` text,
  	\`tracking_token_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requested_lecturer_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`lecturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assigned_user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`orders_number_idx\` ON \`orders\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`orders_status_idx\` ON \`orders\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`orders_org_idx\` ON \`orders\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_resource_key_idx\` ON \`orders\` (\`resource_key\`);`)
  await db.run(sql`CREATE INDEX \`orders_requested_lecturer_idx\` ON \`orders\` (\`requested_lecturer_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_assignee_idx\` ON \`orders\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_assigned_user_idx\` ON \`orders\` (\`assigned_user_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_comment_review_idx\` ON \`orders\` (\`comment_review\`);`)
  await db.run(sql`CREATE INDEX \`orders_dispatched_at_idx\` ON \`orders\` (\`dispatched_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_closed_at_idx\` ON \`orders\` (\`closed_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_rated_at_idx\` ON \`orders\` (\`rated_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_phone_erased_at_idx\` ON \`orders\` (\`phone_erased_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`orders_tracking_token_hash_idx\` ON \`orders\` (\`tracking_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`orders_updated_at_idx\` ON \`orders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_created_at_idx\` ON \`orders\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`orders_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`orders_rels_order_idx\` ON \`orders_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`orders_rels_parent_idx\` ON \`orders_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_rels_path_idx\` ON \`orders_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`orders_rels_scripts_id_idx\` ON \`orders_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_rels_videos_id_idx\` ON \`orders_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_rels_cases_id_idx\` ON \`orders_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`scripts_rels\` ADD \`lecturers_id\` integer REFERENCES lecturers(id);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_lecturers_id_idx\` ON \`scripts_rels\` (\`lecturers_id\`);`)
  await db.run(sql`ALTER TABLE \`_scripts_v_rels\` ADD \`lecturers_id\` integer REFERENCES lecturers(id);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_lecturers_id_idx\` ON \`_scripts_v_rels\` (\`lecturers_id\`);`)
  await db.run(sql`ALTER TABLE \`videos_rels\` ADD \`lecturers_id\` integer REFERENCES lecturers(id);`)
  await db.run(sql`CREATE INDEX \`videos_rels_lecturers_id_idx\` ON \`videos_rels\` (\`lecturers_id\`);`)
  await db.run(sql`ALTER TABLE \`_videos_v_rels\` ADD \`lecturers_id\` integer REFERENCES lecturers(id);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_lecturers_id_idx\` ON \`_videos_v_rels\` (\`lecturers_id\`);`)
  await db.run(sql`ALTER TABLE \`cases_rels\` ADD \`lecturers_id\` integer REFERENCES lecturers(id);`)
  await db.run(sql`CREATE INDEX \`cases_rels_lecturers_id_idx\` ON \`cases_rels\` (\`lecturers_id\`);`)
  await db.run(sql`ALTER TABLE \`_cases_v_rels\` ADD \`lecturers_id\` integer REFERENCES lecturers(id);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_lecturers_id_idx\` ON \`_cases_v_rels\` (\`lecturers_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`lecturers_id\` integer REFERENCES lecturers(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lecturers_id_idx\` ON \`payload_locked_documents_rels\` (\`lecturers_id\`);`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`orders_overdue_days\` numeric DEFAULT 3;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`orders_phone_retention_days\` numeric DEFAULT 30;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`lecturers_dialects\`;`)
  await db.run(sql`DROP TABLE \`lecturers_review_log\`;`)
  await db.run(sql`DROP TABLE \`lecturers\`;`)
  await db.run(sql`DROP TABLE \`lecturers_rels\`;`)
  await db.run(sql`DROP TABLE \`_lecturers_v_version_dialects\`;`)
  await db.run(sql`DROP TABLE \`_lecturers_v_version_review_log\`;`)
  await db.run(sql`DROP TABLE \`_lecturers_v\`;`)
  await db.run(sql`DROP TABLE \`_lecturers_v_rels\`;`)
  await db.run(sql`DROP TABLE \`orders_timeline\`;`)
  await db.run(sql`DROP TABLE \`orders\`;`)
  await db.run(sql`DROP TABLE \`orders_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_scripts_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_scripts_rels\`("id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id") SELECT "id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id" FROM \`scripts_rels\`;`)
  await db.run(sql`DROP TABLE \`scripts_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_scripts_rels\` RENAME TO \`scripts_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`scripts_rels_order_idx\` ON \`scripts_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_parent_idx\` ON \`scripts_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_path_idx\` ON \`scripts_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_topics_id_idx\` ON \`scripts_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_scripts_id_idx\` ON \`scripts_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_videos_id_idx\` ON \`scripts_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_textbooks_id_idx\` ON \`scripts_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_cases_id_idx\` ON \`scripts_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__scripts_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__scripts_v_rels\`("id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id") SELECT "id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id" FROM \`_scripts_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__scripts_v_rels\` RENAME TO \`_scripts_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_order_idx\` ON \`_scripts_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_parent_idx\` ON \`_scripts_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_path_idx\` ON \`_scripts_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_topics_id_idx\` ON \`_scripts_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_scripts_id_idx\` ON \`_scripts_v_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_videos_id_idx\` ON \`_scripts_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_textbooks_id_idx\` ON \`_scripts_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_cases_id_idx\` ON \`_scripts_v_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_videos_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_videos_rels\`("id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id") SELECT "id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id" FROM \`videos_rels\`;`)
  await db.run(sql`DROP TABLE \`videos_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_videos_rels\` RENAME TO \`videos_rels\`;`)
  await db.run(sql`CREATE INDEX \`videos_rels_order_idx\` ON \`videos_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_parent_idx\` ON \`videos_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_path_idx\` ON \`videos_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_topics_id_idx\` ON \`videos_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_scripts_id_idx\` ON \`videos_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_videos_id_idx\` ON \`videos_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_textbooks_id_idx\` ON \`videos_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_cases_id_idx\` ON \`videos_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__videos_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_videos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__videos_v_rels\`("id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id") SELECT "id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id" FROM \`_videos_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_videos_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__videos_v_rels\` RENAME TO \`_videos_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_order_idx\` ON \`_videos_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_parent_idx\` ON \`_videos_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_path_idx\` ON \`_videos_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_topics_id_idx\` ON \`_videos_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_scripts_id_idx\` ON \`_videos_v_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_videos_id_idx\` ON \`_videos_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_textbooks_id_idx\` ON \`_videos_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_cases_id_idx\` ON \`_videos_v_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_cases_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_cases_rels\`("id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id") SELECT "id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id" FROM \`cases_rels\`;`)
  await db.run(sql`DROP TABLE \`cases_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_cases_rels\` RENAME TO \`cases_rels\`;`)
  await db.run(sql`CREATE INDEX \`cases_rels_order_idx\` ON \`cases_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_parent_idx\` ON \`cases_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_path_idx\` ON \`cases_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_topics_id_idx\` ON \`cases_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_scripts_id_idx\` ON \`cases_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_videos_id_idx\` ON \`cases_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_textbooks_id_idx\` ON \`cases_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_cases_id_idx\` ON \`cases_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__cases_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_cases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__cases_v_rels\`("id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id") SELECT "id", "order", "parent_id", "path", "topics_id", "scripts_id", "videos_id", "textbooks_id", "cases_id" FROM \`_cases_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_cases_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__cases_v_rels\` RENAME TO \`_cases_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_order_idx\` ON \`_cases_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_parent_idx\` ON \`_cases_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_path_idx\` ON \`_cases_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_topics_id_idx\` ON \`_cases_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_scripts_id_idx\` ON \`_cases_v_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_videos_id_idx\` ON \`_cases_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_textbooks_id_idx\` ON \`_cases_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_cases_id_idx\` ON \`_cases_v_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	\`orgs_id\` integer,
  	\`topics_id\` integer,
  	\`media_id\` integer,
  	\`files_id\` integer,
  	\`video_files_id\` integer,
  	\`subtitle_files_id\` integer,
  	\`users_id\` integer,
  	\`static_publish_status_id\` integer,
  	\`leases_id\` integer,
  	\`rate_counters_id\` integer,
  	\`public_changes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`orgs_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`files_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`video_files_id\`) REFERENCES \`video_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subtitle_files_id\`) REFERENCES \`subtitle_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`static_publish_status_id\`) REFERENCES \`static_publish_status\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leases_id\`) REFERENCES \`leases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rate_counters_id\`) REFERENCES \`rate_counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`public_changes_id\`) REFERENCES \`public_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "scripts_id", "videos_id", "textbooks_id", "cases_id", "orgs_id", "topics_id", "media_id", "files_id", "video_files_id", "subtitle_files_id", "users_id", "static_publish_status_id", "leases_id", "rate_counters_id", "public_changes_id") SELECT "id", "order", "parent_id", "path", "scripts_id", "videos_id", "textbooks_id", "cases_id", "orgs_id", "topics_id", "media_id", "files_id", "video_files_id", "subtitle_files_id", "users_id", "static_publish_status_id", "leases_id", "rate_counters_id", "public_changes_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scripts_id_idx\` ON \`payload_locked_documents_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_textbooks_id_idx\` ON \`payload_locked_documents_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cases_id_idx\` ON \`payload_locked_documents_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_orgs_id_idx\` ON \`payload_locked_documents_rels\` (\`orgs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_files_id_idx\` ON \`payload_locked_documents_rels\` (\`files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_video_files_id_idx\` ON \`payload_locked_documents_rels\` (\`video_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subtitle_files_id_idx\` ON \`payload_locked_documents_rels\` (\`subtitle_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_static_publish_status_id_idx\` ON \`payload_locked_documents_rels\` (\`static_publish_status_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_leases_id_idx\` ON \`payload_locked_documents_rels\` (\`leases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rate_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_public_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`public_changes_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`orders_overdue_days\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`orders_phone_retention_days\`;`)
}
