import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`scripts_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`comment\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_review_log_order_idx\` ON \`scripts_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_review_log_parent_id_idx\` ON \`scripts_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_review_log_by_idx\` ON \`scripts_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`comment\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_review_log_order_idx\` ON \`_scripts_v_version_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_review_log_parent_id_idx\` ON \`_scripts_v_version_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_review_log_by_idx\` ON \`_scripts_v_version_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`videos_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`comment\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_review_log_order_idx\` ON \`videos_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`videos_review_log_parent_id_idx\` ON \`videos_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_review_log_by_idx\` ON \`videos_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_videos_v_version_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`comment\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_videos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_videos_v_version_review_log_order_idx\` ON \`_videos_v_version_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_review_log_parent_id_idx\` ON \`_videos_v_version_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_review_log_by_idx\` ON \`_videos_v_version_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`comment\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_review_log_order_idx\` ON \`textbooks_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_review_log_parent_id_idx\` ON \`textbooks_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_review_log_by_idx\` ON \`textbooks_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_version_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`comment\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_review_log_order_idx\` ON \`_textbooks_v_version_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_review_log_parent_id_idx\` ON \`_textbooks_v_version_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_review_log_by_idx\` ON \`_textbooks_v_version_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`cases_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`comment\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cases_review_log_order_idx\` ON \`cases_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cases_review_log_parent_id_idx\` ON \`cases_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_review_log_by_idx\` ON \`cases_review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_cases_v_version_review_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`comment\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_cases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_cases_v_version_review_log_order_idx\` ON \`_cases_v_version_review_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_review_log_parent_id_idx\` ON \`_cases_v_version_review_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_review_log_by_idx\` ON \`_cases_v_version_review_log\` (\`by_id\`);`)
  await db.run(sql`ALTER TABLE \`scripts\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`scripts\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`scripts\` ADD \`created_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`scripts_review_state_idx\` ON \`scripts\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`scripts_created_by_idx\` ON \`scripts\` (\`created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_scripts_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_scripts_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_scripts_v\` ADD \`version_created_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_review_state_idx\` ON \`_scripts_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_created_by_idx\` ON \`_scripts_v\` (\`version_created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`created_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`videos_review_state_idx\` ON \`videos\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_by_idx\` ON \`videos\` (\`created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_created_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_review_state_idx\` ON \`_videos_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_created_by_idx\` ON \`_videos_v\` (\`version_created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`textbooks\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`textbooks\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`textbooks\` ADD \`created_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`textbooks_review_state_idx\` ON \`textbooks\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_created_by_idx\` ON \`textbooks\` (\`created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_textbooks_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_textbooks_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_textbooks_v\` ADD \`version_created_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_review_state_idx\` ON \`_textbooks_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_created_by_idx\` ON \`_textbooks_v\` (\`version_created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`created_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`cases_review_state_idx\` ON \`cases\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`cases_created_by_idx\` ON \`cases\` (\`created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_created_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_review_state_idx\` ON \`_cases_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_created_by_idx\` ON \`_cases_v\` (\`version_created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`org_id\` integer REFERENCES orgs(id);`)
  await db.run(sql`CREATE INDEX \`media_org_idx\` ON \`media\` (\`org_id\`);`)
  await db.run(sql`ALTER TABLE \`files\` ADD \`org_id\` integer REFERENCES orgs(id);`)
  await db.run(sql`CREATE INDEX \`files_org_idx\` ON \`files\` (\`org_id\`);`)
  await db.run(sql`ALTER TABLE \`video_files\` ADD \`org_id\` integer REFERENCES orgs(id);`)
  await db.run(sql`CREATE INDEX \`video_files_org_idx\` ON \`video_files\` (\`org_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`scripts_review_log\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_review_log\`;`)
  await db.run(sql`DROP TABLE \`videos_review_log\`;`)
  await db.run(sql`DROP TABLE \`_videos_v_version_review_log\`;`)
  await db.run(sql`DROP TABLE \`textbooks_review_log\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_version_review_log\`;`)
  await db.run(sql`DROP TABLE \`cases_review_log\`;`)
  await db.run(sql`DROP TABLE \`_cases_v_version_review_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_scripts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`org_id\` integer,
  	\`published_at\` text,
  	\`format\` text,
  	\`dialect\` text DEFAULT 'mandarin',
  	\`duration_minutes\` numeric,
  	\`body\` text,
  	\`word_count\` numeric,
  	\`speaking_minutes\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_scripts\`("id", "title", "slug", "summary", "cover_id", "org_id", "published_at", "format", "dialect", "duration_minutes", "body", "word_count", "speaking_minutes", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "cover_id", "org_id", "published_at", "format", "dialect", "duration_minutes", "body", "word_count", "speaking_minutes", "updated_at", "created_at", "_status" FROM \`scripts\`;`)
  await db.run(sql`DROP TABLE \`scripts\`;`)
  await db.run(sql`ALTER TABLE \`__new_scripts\` RENAME TO \`scripts\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`scripts_slug_idx\` ON \`scripts\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`scripts_cover_idx\` ON \`scripts\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_org_idx\` ON \`scripts\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_published_at_idx\` ON \`scripts\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`scripts_format_idx\` ON \`scripts\` (\`format\`);`)
  await db.run(sql`CREATE INDEX \`scripts_dialect_idx\` ON \`scripts\` (\`dialect\`);`)
  await db.run(sql`CREATE INDEX \`scripts_duration_minutes_idx\` ON \`scripts\` (\`duration_minutes\`);`)
  await db.run(sql`CREATE INDEX \`scripts_updated_at_idx\` ON \`scripts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scripts_created_at_idx\` ON \`scripts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`scripts__status_idx\` ON \`scripts\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__scripts_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_org_id\` integer,
  	\`version_published_at\` text,
  	\`version_format\` text,
  	\`version_dialect\` text DEFAULT 'mandarin',
  	\`version_duration_minutes\` numeric,
  	\`version_body\` text,
  	\`version_word_count\` numeric,
  	\`version_speaking_minutes\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__scripts_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_org_id", "version_published_at", "version_format", "version_dialect", "version_duration_minutes", "version_body", "version_word_count", "version_speaking_minutes", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_org_id", "version_published_at", "version_format", "version_dialect", "version_duration_minutes", "version_body", "version_word_count", "version_speaking_minutes", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_scripts_v\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__scripts_v\` RENAME TO \`_scripts_v\`;`)
  await db.run(sql`CREATE INDEX \`_scripts_v_parent_idx\` ON \`_scripts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_slug_idx\` ON \`_scripts_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_cover_idx\` ON \`_scripts_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_org_idx\` ON \`_scripts_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_published_at_idx\` ON \`_scripts_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_format_idx\` ON \`_scripts_v\` (\`version_format\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_dialect_idx\` ON \`_scripts_v\` (\`version_dialect\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_duration_minutes_idx\` ON \`_scripts_v\` (\`version_duration_minutes\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_updated_at_idx\` ON \`_scripts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_created_at_idx\` ON \`_scripts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version__status_idx\` ON \`_scripts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_created_at_idx\` ON \`_scripts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_updated_at_idx\` ON \`_scripts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_latest_idx\` ON \`_scripts_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_videos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`org_id\` integer,
  	\`published_at\` text,
  	\`dialect\` text,
  	\`duration_seconds\` numeric,
  	\`video_file_id\` integer,
  	\`poster_id\` integer,
  	\`description\` text,
  	\`subtitles\` text,
  	\`transcript\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`video_file_id\`) REFERENCES \`video_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_videos\`("id", "title", "slug", "summary", "cover_id", "org_id", "published_at", "dialect", "duration_seconds", "video_file_id", "poster_id", "description", "subtitles", "transcript", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "cover_id", "org_id", "published_at", "dialect", "duration_seconds", "video_file_id", "poster_id", "description", "subtitles", "transcript", "updated_at", "created_at", "_status" FROM \`videos\`;`)
  await db.run(sql`DROP TABLE \`videos\`;`)
  await db.run(sql`ALTER TABLE \`__new_videos\` RENAME TO \`videos\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`videos_slug_idx\` ON \`videos\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`videos_cover_idx\` ON \`videos\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_org_idx\` ON \`videos\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_published_at_idx\` ON \`videos\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_dialect_idx\` ON \`videos\` (\`dialect\`);`)
  await db.run(sql`CREATE INDEX \`videos_duration_seconds_idx\` ON \`videos\` (\`duration_seconds\`);`)
  await db.run(sql`CREATE INDEX \`videos_video_file_idx\` ON \`videos\` (\`video_file_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_poster_idx\` ON \`videos\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_updated_at_idx\` ON \`videos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_at_idx\` ON \`videos\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`videos__status_idx\` ON \`videos\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__videos_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_org_id\` integer,
  	\`version_published_at\` text,
  	\`version_dialect\` text,
  	\`version_duration_seconds\` numeric,
  	\`version_video_file_id\` integer,
  	\`version_poster_id\` integer,
  	\`version_description\` text,
  	\`version_subtitles\` text,
  	\`version_transcript\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_video_file_id\`) REFERENCES \`video_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__videos_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_org_id", "version_published_at", "version_dialect", "version_duration_seconds", "version_video_file_id", "version_poster_id", "version_description", "version_subtitles", "version_transcript", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_org_id", "version_published_at", "version_dialect", "version_duration_seconds", "version_video_file_id", "version_poster_id", "version_description", "version_subtitles", "version_transcript", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_videos_v\`;`)
  await db.run(sql`DROP TABLE \`_videos_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__videos_v\` RENAME TO \`_videos_v\`;`)
  await db.run(sql`CREATE INDEX \`_videos_v_parent_idx\` ON \`_videos_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_slug_idx\` ON \`_videos_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_cover_idx\` ON \`_videos_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_org_idx\` ON \`_videos_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_published_at_idx\` ON \`_videos_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_dialect_idx\` ON \`_videos_v\` (\`version_dialect\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_duration_seconds_idx\` ON \`_videos_v\` (\`version_duration_seconds\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_video_file_idx\` ON \`_videos_v\` (\`version_video_file_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_poster_idx\` ON \`_videos_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_updated_at_idx\` ON \`_videos_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_created_at_idx\` ON \`_videos_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version__status_idx\` ON \`_videos_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_created_at_idx\` ON \`_videos_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_updated_at_idx\` ON \`_videos_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_latest_idx\` ON \`_videos_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_textbooks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`org_id\` integer,
  	\`published_at\` text,
  	\`pdf_id\` integer,
  	\`word_count\` numeric,
  	\`reading_minutes\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pdf_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_textbooks\`("id", "title", "slug", "summary", "cover_id", "org_id", "published_at", "pdf_id", "word_count", "reading_minutes", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "cover_id", "org_id", "published_at", "pdf_id", "word_count", "reading_minutes", "updated_at", "created_at", "_status" FROM \`textbooks\`;`)
  await db.run(sql`DROP TABLE \`textbooks\`;`)
  await db.run(sql`ALTER TABLE \`__new_textbooks\` RENAME TO \`textbooks\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`textbooks_slug_idx\` ON \`textbooks\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_cover_idx\` ON \`textbooks\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_org_idx\` ON \`textbooks\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_published_at_idx\` ON \`textbooks\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_pdf_idx\` ON \`textbooks\` (\`pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_updated_at_idx\` ON \`textbooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_created_at_idx\` ON \`textbooks\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`textbooks__status_idx\` ON \`textbooks\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__textbooks_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_org_id\` integer,
  	\`version_published_at\` text,
  	\`version_pdf_id\` integer,
  	\`version_word_count\` numeric,
  	\`version_reading_minutes\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_pdf_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__textbooks_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_org_id", "version_published_at", "version_pdf_id", "version_word_count", "version_reading_minutes", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_org_id", "version_published_at", "version_pdf_id", "version_word_count", "version_reading_minutes", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_textbooks_v\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__textbooks_v\` RENAME TO \`_textbooks_v\`;`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_parent_idx\` ON \`_textbooks_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_slug_idx\` ON \`_textbooks_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_cover_idx\` ON \`_textbooks_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_org_idx\` ON \`_textbooks_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_published_at_idx\` ON \`_textbooks_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_pdf_idx\` ON \`_textbooks_v\` (\`version_pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_updated_at_idx\` ON \`_textbooks_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_created_at_idx\` ON \`_textbooks_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version__status_idx\` ON \`_textbooks_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_created_at_idx\` ON \`_textbooks_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_updated_at_idx\` ON \`_textbooks_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_latest_idx\` ON \`_textbooks_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_cases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`org_id\` integer,
  	\`published_at\` text,
  	\`loop_order\` text,
  	\`loop_dispatch\` text,
  	\`loop_accept\` text,
  	\`loop_review\` text,
  	\`outcomes_volunteers\` numeric,
  	\`outcomes_activities\` numeric,
  	\`outcomes_people_served\` numeric,
  	\`outcomes_year\` numeric,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_cases\`("id", "title", "slug", "summary", "cover_id", "org_id", "published_at", "loop_order", "loop_dispatch", "loop_accept", "loop_review", "outcomes_volunteers", "outcomes_activities", "outcomes_people_served", "outcomes_year", "body", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "cover_id", "org_id", "published_at", "loop_order", "loop_dispatch", "loop_accept", "loop_review", "outcomes_volunteers", "outcomes_activities", "outcomes_people_served", "outcomes_year", "body", "updated_at", "created_at", "_status" FROM \`cases\`;`)
  await db.run(sql`DROP TABLE \`cases\`;`)
  await db.run(sql`ALTER TABLE \`__new_cases\` RENAME TO \`cases\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`cases_slug_idx\` ON \`cases\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`cases_cover_idx\` ON \`cases\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_org_idx\` ON \`cases\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_published_at_idx\` ON \`cases\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`cases_outcomes_outcomes_year_idx\` ON \`cases\` (\`outcomes_year\`);`)
  await db.run(sql`CREATE INDEX \`cases_updated_at_idx\` ON \`cases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cases_created_at_idx\` ON \`cases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`cases__status_idx\` ON \`cases\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__cases_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_org_id\` integer,
  	\`version_published_at\` text,
  	\`version_loop_order\` text,
  	\`version_loop_dispatch\` text,
  	\`version_loop_accept\` text,
  	\`version_loop_review\` text,
  	\`version_outcomes_volunteers\` numeric,
  	\`version_outcomes_activities\` numeric,
  	\`version_outcomes_people_served\` numeric,
  	\`version_outcomes_year\` numeric,
  	\`version_body\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__cases_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_org_id", "version_published_at", "version_loop_order", "version_loop_dispatch", "version_loop_accept", "version_loop_review", "version_outcomes_volunteers", "version_outcomes_activities", "version_outcomes_people_served", "version_outcomes_year", "version_body", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_org_id", "version_published_at", "version_loop_order", "version_loop_dispatch", "version_loop_accept", "version_loop_review", "version_outcomes_volunteers", "version_outcomes_activities", "version_outcomes_people_served", "version_outcomes_year", "version_body", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_cases_v\`;`)
  await db.run(sql`DROP TABLE \`_cases_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__cases_v\` RENAME TO \`_cases_v\`;`)
  await db.run(sql`CREATE INDEX \`_cases_v_parent_idx\` ON \`_cases_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_slug_idx\` ON \`_cases_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_cover_idx\` ON \`_cases_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_org_idx\` ON \`_cases_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_published_at_idx\` ON \`_cases_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_outcomes_version_outcomes_year_idx\` ON \`_cases_v\` (\`version_outcomes_year\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_updated_at_idx\` ON \`_cases_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_created_at_idx\` ON \`_cases_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version__status_idx\` ON \`_cases_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_created_at_idx\` ON \`_cases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_updated_at_idx\` ON \`_cases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_latest_idx\` ON \`_cases_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_media\`("id", "alt", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename") SELECT "id", "alt", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename" FROM \`media\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`ALTER TABLE \`__new_media\` RENAME TO \`media\`;`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`INSERT INTO \`__new_files\`("id", "title", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "title", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`files\`;`)
  await db.run(sql`DROP TABLE \`files\`;`)
  await db.run(sql`ALTER TABLE \`__new_files\` RENAME TO \`files\`;`)
  await db.run(sql`CREATE INDEX \`files_updated_at_idx\` ON \`files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`files_created_at_idx\` ON \`files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`files_filename_idx\` ON \`files\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_video_files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`duration_seconds\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`INSERT INTO \`__new_video_files\`("id", "duration_seconds", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "duration_seconds", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`video_files\`;`)
  await db.run(sql`DROP TABLE \`video_files\`;`)
  await db.run(sql`ALTER TABLE \`__new_video_files\` RENAME TO \`video_files\`;`)
  await db.run(sql`CREATE INDEX \`video_files_updated_at_idx\` ON \`video_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`video_files_created_at_idx\` ON \`video_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`video_files_filename_idx\` ON \`video_files\` (\`filename\`);`)
}
