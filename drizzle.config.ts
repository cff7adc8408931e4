import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./db/schema.ts', './db/schema-appointments.ts', './db/schema-printing.ts', './db/schema-setup.ts'],
  out: './db/migrations',
});
