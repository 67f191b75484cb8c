/** Runs one static export in its own process (so a test can kill it): `exportRunner.ts <origin> <outDir>`. */
import { exportSite } from '../../src/lib/staticSite/exportSite'

const [origin, outDir] = process.argv.slice(2)
await exportSite({
  origin,
  outDir,
  onProgress: ({ done, path }) => process.stdout.write(`[export] ${done} ${path}\n`),
})
