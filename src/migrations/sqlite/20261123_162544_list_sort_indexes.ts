import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_idx\` ON \`scripts\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_idx\` ON \`_scripts_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_1_idx\` ON \`videos\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_1_idx\` ON \`_videos_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_2_idx\` ON \`textbooks\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_2_idx\` ON \`_textbooks_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_3_idx\` ON \`cases\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_3_idx\` ON \`_cases_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  // Not expressible in the collection config: the admin's list (draft: true) reads the latest
  // version of each document newest first; without this SQLite sorted every version row, bodies
  // included (about 10 s for 4,000 scripts on a 2-core machine).
  for (const kind of ['scripts', 'videos', 'textbooks', 'cases']) {
    await db.run(
      sql.raw(
        `CREATE INDEX IF NOT EXISTS \`_${kind}_v_latest_published_idx\` ON \`_${kind}_v\` (\`latest\`,\`version_published_at\`,\`created_at\`);`,
      ),
    )
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_3_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_3_idx\`;`)
  for (const kind of ['scripts', 'videos', 'textbooks', 'cases']) {
    await db.run(sql.raw(`DROP INDEX IF EXISTS \`_${kind}_v_latest_published_idx\`;`))
  }
}
