import { createClient, type Client } from '@libsql/client'

/**
 * Makes a SQLite database unavailable to every other connection, even for root: a second
 * connection takes an EXCLUSIVE lock (rollback-journal mode, as the app runs it), so every read
 * and write elsewhere fails with SQLITE_BUSY after the busy timeout. File permissions cannot do
 * this (root ignores them) and swapping the file does not either (the server keeps its open file
 * descriptor). Releasing the lock brings the database back without restarting anything.
 */
export async function lockDatabase(databaseUri: string): Promise<{ release(): Promise<void> }> {
  const client: Client = createClient({ url: databaseUri })
  await client.execute('PRAGMA busy_timeout = 10000')
  await client.execute('BEGIN EXCLUSIVE')
  return {
    async release() {
      await client.execute('ROLLBACK')
      client.close()
    },
  }
}
