import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./db/schema.ts', './db/schema-appointments.ts', './db/schema-printing.ts', './db/schema-setup.ts', './db/schema-evaluations.ts', './db/schema-audit.ts', './db/schema-cases.ts', './db/schema-security.ts', './db/schema-reports.ts'],
  out: './db/migrations',
});
