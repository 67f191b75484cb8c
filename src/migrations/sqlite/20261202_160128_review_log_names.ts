import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`scripts_review_log\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`_scripts_v_version_review_log\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`videos_review_log\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`_videos_v_version_review_log\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`textbooks_review_log\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`_textbooks_v_version_review_log\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`cases_review_log\` ADD \`by_name\` text;`)
  await db.run(sql`ALTER TABLE \`_cases_v_version_review_log\` ADD \`by_name\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`scripts_review_log\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`_scripts_v_version_review_log\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`videos_review_log\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`_videos_v_version_review_log\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`textbooks_review_log\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`_textbooks_v_version_review_log\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`cases_review_log\` DROP COLUMN \`by_name\`;`)
  await db.run(sql`ALTER TABLE \`_cases_v_version_review_log\` DROP COLUMN \`by_name\`;`)
}
