import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`scripts_audience\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_audience_order_idx\` ON \`scripts_audience\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_audience_parent_idx\` ON \`scripts_audience\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_audience_value_idx\` ON \`scripts_audience\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`scripts_key_points\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`point\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_key_points_order_idx\` ON \`scripts_key_points\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_key_points_parent_id_idx\` ON \`scripts_key_points\` (\`_parent_id\`);`)
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
  await db.run(sql`CREATE TABLE \`scripts\` (
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
  	\`review_state\` text DEFAULT 'draft',
  	\`review_comment\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scripts_slug_idx\` ON \`scripts\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`scripts_cover_idx\` ON \`scripts\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_org_idx\` ON \`scripts\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_published_at_idx\` ON \`scripts\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`scripts_format_idx\` ON \`scripts\` (\`format\`);`)
  await db.run(sql`CREATE INDEX \`scripts_dialect_idx\` ON \`scripts\` (\`dialect\`);`)
  await db.run(sql`CREATE INDEX \`scripts_duration_minutes_idx\` ON \`scripts\` (\`duration_minutes\`);`)
  await db.run(sql`CREATE INDEX \`scripts_review_state_idx\` ON \`scripts\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`scripts_created_by_idx\` ON \`scripts\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_updated_at_idx\` ON \`scripts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scripts_created_at_idx\` ON \`scripts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`scripts__status_idx\` ON \`scripts\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`scripts_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scripts_texts_order_parent\` ON \`scripts_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scripts_rels\` (
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
  await db.run(sql`CREATE INDEX \`scripts_rels_order_idx\` ON \`scripts_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_parent_idx\` ON \`scripts_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_path_idx\` ON \`scripts_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_topics_id_idx\` ON \`scripts_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_scripts_id_idx\` ON \`scripts_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_videos_id_idx\` ON \`scripts_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_textbooks_id_idx\` ON \`scripts_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`scripts_rels_cases_id_idx\` ON \`scripts_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_audience\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_audience_order_idx\` ON \`_scripts_v_version_audience\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_audience_parent_idx\` ON \`_scripts_v_version_audience\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_audience_value_idx\` ON \`_scripts_v_version_audience\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_version_key_points\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`point\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_key_points_order_idx\` ON \`_scripts_v_version_key_points\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_key_points_parent_id_idx\` ON \`_scripts_v_version_key_points\` (\`_parent_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_scripts_v\` (
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
  	\`version_review_state\` text DEFAULT 'draft',
  	\`version_review_comment\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_parent_idx\` ON \`_scripts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_slug_idx\` ON \`_scripts_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_cover_idx\` ON \`_scripts_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_org_idx\` ON \`_scripts_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_published_at_idx\` ON \`_scripts_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_format_idx\` ON \`_scripts_v\` (\`version_format\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_dialect_idx\` ON \`_scripts_v\` (\`version_dialect\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_duration_minutes_idx\` ON \`_scripts_v\` (\`version_duration_minutes\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_review_state_idx\` ON \`_scripts_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_created_by_idx\` ON \`_scripts_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_updated_at_idx\` ON \`_scripts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version_created_at_idx\` ON \`_scripts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_version_version__status_idx\` ON \`_scripts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_created_at_idx\` ON \`_scripts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_updated_at_idx\` ON \`_scripts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_latest_idx\` ON \`_scripts_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_scripts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_scripts_v_texts_order_parent\` ON \`_scripts_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_scripts_v_rels\` (
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
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_order_idx\` ON \`_scripts_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_parent_idx\` ON \`_scripts_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_path_idx\` ON \`_scripts_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_topics_id_idx\` ON \`_scripts_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_scripts_id_idx\` ON \`_scripts_v_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_videos_id_idx\` ON \`_scripts_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_textbooks_id_idx\` ON \`_scripts_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_scripts_v_rels_cases_id_idx\` ON \`_scripts_v_rels\` (\`cases_id\`);`)
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
  await db.run(sql`CREATE TABLE \`videos\` (
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
  	\`subtitle_file_id\` integer,
  	\`subtitles\` text,
  	\`transcript\` text,
  	\`review_state\` text DEFAULT 'draft',
  	\`review_comment\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`video_file_id\`) REFERENCES \`video_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`subtitle_file_id\`) REFERENCES \`subtitle_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`videos_slug_idx\` ON \`videos\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`videos_cover_idx\` ON \`videos\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_org_idx\` ON \`videos\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_published_at_idx\` ON \`videos\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_dialect_idx\` ON \`videos\` (\`dialect\`);`)
  await db.run(sql`CREATE INDEX \`videos_duration_seconds_idx\` ON \`videos\` (\`duration_seconds\`);`)
  await db.run(sql`CREATE INDEX \`videos_video_file_idx\` ON \`videos\` (\`video_file_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_poster_idx\` ON \`videos\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_subtitle_file_idx\` ON \`videos\` (\`subtitle_file_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_review_state_idx\` ON \`videos\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_by_idx\` ON \`videos\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_updated_at_idx\` ON \`videos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_at_idx\` ON \`videos\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`videos__status_idx\` ON \`videos\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`videos_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_texts_order_parent\` ON \`videos_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`videos_rels\` (
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
  await db.run(sql`CREATE INDEX \`videos_rels_order_idx\` ON \`videos_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_parent_idx\` ON \`videos_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_path_idx\` ON \`videos_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_topics_id_idx\` ON \`videos_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_scripts_id_idx\` ON \`videos_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_videos_id_idx\` ON \`videos_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_textbooks_id_idx\` ON \`videos_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_cases_id_idx\` ON \`videos_rels\` (\`cases_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_videos_v\` (
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
  	\`version_subtitle_file_id\` integer,
  	\`version_subtitles\` text,
  	\`version_transcript\` text,
  	\`version_review_state\` text DEFAULT 'draft',
  	\`version_review_comment\` text,
  	\`version_created_by_id\` integer,
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
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_subtitle_file_id\`) REFERENCES \`subtitle_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_videos_v_parent_idx\` ON \`_videos_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_slug_idx\` ON \`_videos_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_cover_idx\` ON \`_videos_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_org_idx\` ON \`_videos_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_published_at_idx\` ON \`_videos_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_dialect_idx\` ON \`_videos_v\` (\`version_dialect\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_duration_seconds_idx\` ON \`_videos_v\` (\`version_duration_seconds\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_video_file_idx\` ON \`_videos_v\` (\`version_video_file_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_poster_idx\` ON \`_videos_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_subtitle_file_idx\` ON \`_videos_v\` (\`version_subtitle_file_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_review_state_idx\` ON \`_videos_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_created_by_idx\` ON \`_videos_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_updated_at_idx\` ON \`_videos_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_created_at_idx\` ON \`_videos_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version__status_idx\` ON \`_videos_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_created_at_idx\` ON \`_videos_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_updated_at_idx\` ON \`_videos_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_latest_idx\` ON \`_videos_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_videos_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_videos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_videos_v_texts_order_parent\` ON \`_videos_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_videos_v_rels\` (
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
  await db.run(sql`CREATE INDEX \`_videos_v_rels_order_idx\` ON \`_videos_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_parent_idx\` ON \`_videos_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_path_idx\` ON \`_videos_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_topics_id_idx\` ON \`_videos_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_scripts_id_idx\` ON \`_videos_v_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_videos_id_idx\` ON \`_videos_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_textbooks_id_idx\` ON \`_videos_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_cases_id_idx\` ON \`_videos_v_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_audience\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_audience_order_idx\` ON \`textbooks_audience\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_audience_parent_idx\` ON \`textbooks_audience\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_audience_value_idx\` ON \`textbooks_audience\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_chapters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`anchor\` text,
  	\`body\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_chapters_order_idx\` ON \`textbooks_chapters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_chapters_parent_id_idx\` ON \`textbooks_chapters\` (\`_parent_id\`);`)
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
  await db.run(sql`CREATE TABLE \`textbooks\` (
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
  	\`review_state\` text DEFAULT 'draft',
  	\`review_comment\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pdf_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`textbooks_slug_idx\` ON \`textbooks\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_cover_idx\` ON \`textbooks\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_org_idx\` ON \`textbooks\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_published_at_idx\` ON \`textbooks\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_pdf_idx\` ON \`textbooks\` (\`pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_review_state_idx\` ON \`textbooks\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_created_by_idx\` ON \`textbooks\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_updated_at_idx\` ON \`textbooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_created_at_idx\` ON \`textbooks\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`textbooks__status_idx\` ON \`textbooks\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_texts_order_parent\` ON \`textbooks_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`textbooks_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`textbooks_rels_order_idx\` ON \`textbooks_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_parent_idx\` ON \`textbooks_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_path_idx\` ON \`textbooks_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_topics_id_idx\` ON \`textbooks_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_scripts_id_idx\` ON \`textbooks_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_videos_id_idx\` ON \`textbooks_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_textbooks_id_idx\` ON \`textbooks_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`textbooks_rels_cases_id_idx\` ON \`textbooks_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_version_audience\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_audience_order_idx\` ON \`_textbooks_v_version_audience\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_audience_parent_idx\` ON \`_textbooks_v_version_audience\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_audience_value_idx\` ON \`_textbooks_v_version_audience\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_version_chapters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`anchor\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_chapters_order_idx\` ON \`_textbooks_v_version_chapters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_chapters_parent_id_idx\` ON \`_textbooks_v_version_chapters\` (\`_parent_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_textbooks_v\` (
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
  	\`version_review_state\` text DEFAULT 'draft',
  	\`version_review_comment\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_pdf_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_parent_idx\` ON \`_textbooks_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_slug_idx\` ON \`_textbooks_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_cover_idx\` ON \`_textbooks_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_org_idx\` ON \`_textbooks_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_published_at_idx\` ON \`_textbooks_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_pdf_idx\` ON \`_textbooks_v\` (\`version_pdf_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_review_state_idx\` ON \`_textbooks_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_created_by_idx\` ON \`_textbooks_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_updated_at_idx\` ON \`_textbooks_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version_created_at_idx\` ON \`_textbooks_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_version_version__status_idx\` ON \`_textbooks_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_created_at_idx\` ON \`_textbooks_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_updated_at_idx\` ON \`_textbooks_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_latest_idx\` ON \`_textbooks_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_texts_order_parent\` ON \`_textbooks_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_textbooks_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`scripts_id\` integer,
  	\`videos_id\` integer,
  	\`textbooks_id\` integer,
  	\`cases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_textbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scripts_id\`) REFERENCES \`scripts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`textbooks_id\`) REFERENCES \`textbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_order_idx\` ON \`_textbooks_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_parent_idx\` ON \`_textbooks_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_path_idx\` ON \`_textbooks_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_topics_id_idx\` ON \`_textbooks_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_scripts_id_idx\` ON \`_textbooks_v_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_videos_id_idx\` ON \`_textbooks_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_textbooks_id_idx\` ON \`_textbooks_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_textbooks_v_rels_cases_id_idx\` ON \`_textbooks_v_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`cases_gallery\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`image_id\` integer,
  	\`caption\` text,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cases_gallery_order_idx\` ON \`cases_gallery\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cases_gallery_parent_id_idx\` ON \`cases_gallery\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_gallery_image_idx\` ON \`cases_gallery\` (\`image_id\`);`)
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
  await db.run(sql`CREATE TABLE \`cases\` (
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
  	\`review_state\` text DEFAULT 'draft',
  	\`review_comment\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`cases_slug_idx\` ON \`cases\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`cases_cover_idx\` ON \`cases\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_org_idx\` ON \`cases\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_published_at_idx\` ON \`cases\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`cases_outcomes_outcomes_year_idx\` ON \`cases\` (\`outcomes_year\`);`)
  await db.run(sql`CREATE INDEX \`cases_review_state_idx\` ON \`cases\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`cases_created_by_idx\` ON \`cases\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_updated_at_idx\` ON \`cases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cases_created_at_idx\` ON \`cases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`cases__status_idx\` ON \`cases\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`cases_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cases_texts_order_parent\` ON \`cases_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`cases_rels\` (
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
  await db.run(sql`CREATE INDEX \`cases_rels_order_idx\` ON \`cases_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_parent_idx\` ON \`cases_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_path_idx\` ON \`cases_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_topics_id_idx\` ON \`cases_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_scripts_id_idx\` ON \`cases_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_videos_id_idx\` ON \`cases_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_textbooks_id_idx\` ON \`cases_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_rels_cases_id_idx\` ON \`cases_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`_cases_v_version_gallery\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`image_id\` integer,
  	\`caption\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_cases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_cases_v_version_gallery_order_idx\` ON \`_cases_v_version_gallery\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_gallery_parent_id_idx\` ON \`_cases_v_version_gallery\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_gallery_image_idx\` ON \`_cases_v_version_gallery\` (\`image_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_cases_v\` (
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
  	\`version_review_state\` text DEFAULT 'draft',
  	\`version_review_comment\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_cases_v_parent_idx\` ON \`_cases_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_slug_idx\` ON \`_cases_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_cover_idx\` ON \`_cases_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_org_idx\` ON \`_cases_v\` (\`version_org_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_published_at_idx\` ON \`_cases_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_outcomes_version_outcomes_year_idx\` ON \`_cases_v\` (\`version_outcomes_year\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_review_state_idx\` ON \`_cases_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_created_by_idx\` ON \`_cases_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_updated_at_idx\` ON \`_cases_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_created_at_idx\` ON \`_cases_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version__status_idx\` ON \`_cases_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_created_at_idx\` ON \`_cases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_updated_at_idx\` ON \`_cases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_latest_idx\` ON \`_cases_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_cases_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_cases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_cases_v_texts_order_parent\` ON \`_cases_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_cases_v_rels\` (
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
  await db.run(sql`CREATE INDEX \`_cases_v_rels_order_idx\` ON \`_cases_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_parent_idx\` ON \`_cases_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_path_idx\` ON \`_cases_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_topics_id_idx\` ON \`_cases_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_scripts_id_idx\` ON \`_cases_v_rels\` (\`scripts_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_videos_id_idx\` ON \`_cases_v_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_textbooks_id_idx\` ON \`_cases_v_rels\` (\`textbooks_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_rels_cases_id_idx\` ON \`_cases_v_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE TABLE \`orgs_breadcrumbs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`doc_id\` integer,
  	\`url\` text,
  	\`label\` text,
  	FOREIGN KEY (\`doc_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`orgs_breadcrumbs_order_idx\` ON \`orgs_breadcrumbs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`orgs_breadcrumbs_parent_id_idx\` ON \`orgs_breadcrumbs\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`orgs_breadcrumbs_doc_idx\` ON \`orgs_breadcrumbs\` (\`doc_id\`);`)
  await db.run(sql`CREATE TABLE \`orgs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`level\` text NOT NULL,
  	\`region_code\` text,
  	\`description\` text,
  	\`parent_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`orgs_slug_idx\` ON \`orgs\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`orgs_level_idx\` ON \`orgs\` (\`level\`);`)
  await db.run(sql`CREATE INDEX \`orgs_parent_idx\` ON \`orgs\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`orgs_updated_at_idx\` ON \`orgs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`orgs_created_at_idx\` ON \`orgs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`topics_breadcrumbs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`doc_id\` integer,
  	\`url\` text,
  	\`label\` text,
  	FOREIGN KEY (\`doc_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`topics_breadcrumbs_order_idx\` ON \`topics_breadcrumbs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`topics_breadcrumbs_parent_id_idx\` ON \`topics_breadcrumbs\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_breadcrumbs_doc_idx\` ON \`topics_breadcrumbs\` (\`doc_id\`);`)
  await db.run(sql`CREATE TABLE \`topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`description\` text,
  	\`order\` numeric DEFAULT 0,
  	\`parent_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_parent_idx\` ON \`topics\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`blur_data_u_r_l\` text,
  	\`org_id\` integer,
  	\`prefix\` text DEFAULT 'images',
  	\`_objectkey\` text,
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
  	\`sizes_hero_filename\` text,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_org_idx\` ON \`media\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE TABLE \`files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`page_count\` numeric,
  	\`preview_id\` integer,
  	\`text\` text,
  	\`org_id\` integer,
  	\`prefix\` text DEFAULT 'files',
  	\`_objectkey\` text,
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
  	FOREIGN KEY (\`preview_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`files_preview_idx\` ON \`files\` (\`preview_id\`);`)
  await db.run(sql`CREATE INDEX \`files_org_idx\` ON \`files\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`files_updated_at_idx\` ON \`files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`files_created_at_idx\` ON \`files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`files_filename_idx\` ON \`files\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`video_files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`poster_id\` integer,
  	\`duration_seconds\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`video_codec\` text,
  	\`audio_codec\` text,
  	\`org_id\` integer,
  	\`prefix\` text DEFAULT 'videos',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`video_files_poster_idx\` ON \`video_files\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`video_files_org_idx\` ON \`video_files\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`video_files_updated_at_idx\` ON \`video_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`video_files_created_at_idx\` ON \`video_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`video_files_filename_idx\` ON \`video_files\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`subtitle_files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`cue_count\` numeric,
  	\`source_format\` text,
  	\`vtt\` text,
  	\`org_id\` integer,
  	\`prefix\` text DEFAULT 'subtitles',
  	\`_objectkey\` text,
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
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`subtitle_files_org_idx\` ON \`subtitle_files\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`subtitle_files_updated_at_idx\` ON \`subtitle_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subtitle_files_created_at_idx\` ON \`subtitle_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`subtitle_files_filename_idx\` ON \`subtitle_files\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'lecturer' NOT NULL,
  	\`org_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`users_org_idx\` ON \`users\` (\`org_id\`);`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_embed_origins\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`origin\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_embed_origins_order_idx\` ON \`site_embed_origins\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_embed_origins_parent_id_idx\` ON \`site_embed_origins\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text DEFAULT '文明实践资源库' NOT NULL,
  	\`tagline\` text,
  	\`logo_id\` integer,
  	\`footer\` text,
  	\`icp\` text,
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`site_logo_idx\` ON \`site\` (\`logo_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`scripts_audience\`;`)
  await db.run(sql`DROP TABLE \`scripts_key_points\`;`)
  await db.run(sql`DROP TABLE \`scripts_review_log\`;`)
  await db.run(sql`DROP TABLE \`scripts\`;`)
  await db.run(sql`DROP TABLE \`scripts_texts\`;`)
  await db.run(sql`DROP TABLE \`scripts_rels\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_audience\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_key_points\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_version_review_log\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_scripts_v_rels\`;`)
  await db.run(sql`DROP TABLE \`videos_review_log\`;`)
  await db.run(sql`DROP TABLE \`videos\`;`)
  await db.run(sql`DROP TABLE \`videos_texts\`;`)
  await db.run(sql`DROP TABLE \`videos_rels\`;`)
  await db.run(sql`DROP TABLE \`_videos_v_version_review_log\`;`)
  await db.run(sql`DROP TABLE \`_videos_v\`;`)
  await db.run(sql`DROP TABLE \`_videos_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_videos_v_rels\`;`)
  await db.run(sql`DROP TABLE \`textbooks_audience\`;`)
  await db.run(sql`DROP TABLE \`textbooks_chapters\`;`)
  await db.run(sql`DROP TABLE \`textbooks_review_log\`;`)
  await db.run(sql`DROP TABLE \`textbooks\`;`)
  await db.run(sql`DROP TABLE \`textbooks_texts\`;`)
  await db.run(sql`DROP TABLE \`textbooks_rels\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_version_audience\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_version_chapters\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_version_review_log\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_textbooks_v_rels\`;`)
  await db.run(sql`DROP TABLE \`cases_gallery\`;`)
  await db.run(sql`DROP TABLE \`cases_review_log\`;`)
  await db.run(sql`DROP TABLE \`cases\`;`)
  await db.run(sql`DROP TABLE \`cases_texts\`;`)
  await db.run(sql`DROP TABLE \`cases_rels\`;`)
  await db.run(sql`DROP TABLE \`_cases_v_version_gallery\`;`)
  await db.run(sql`DROP TABLE \`_cases_v_version_review_log\`;`)
  await db.run(sql`DROP TABLE \`_cases_v\`;`)
  await db.run(sql`DROP TABLE \`_cases_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_cases_v_rels\`;`)
  await db.run(sql`DROP TABLE \`orgs_breadcrumbs\`;`)
  await db.run(sql`DROP TABLE \`orgs\`;`)
  await db.run(sql`DROP TABLE \`topics_breadcrumbs\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`files\`;`)
  await db.run(sql`DROP TABLE \`video_files\`;`)
  await db.run(sql`DROP TABLE \`subtitle_files\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`site_embed_origins\`;`)
  await db.run(sql`DROP TABLE \`site\`;`)
}
