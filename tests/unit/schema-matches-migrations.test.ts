import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { env } from "@/lib/env";

// The migrations are hand-written SQL, so nothing but this file keeps them in step with
// prisma/schema.prisma: it reads the schema through Prisma's own parser (the DMMF) and compares
// it with what the migrations built in a real PostgreSQL. Each check returns the disagreements
// it found as sentences, so a failure reads like a diff.

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
const MIGRATIONS_PATH = path.join(ROOT, "prisma", "migrations");
const MIGRATIONS_TABLE = "_prisma_migrations";

// --- The schema, as Prisma reads it -------------------------------------------------------

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
};
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
};
type Datamodel = {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
  /** The condition of each partial index, by index name. */
  partialIndexes: Map<string, string>;
};

function readDatamodel(source: string): Datamodel {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", source]] })));
  return { ...dmmf.datamodel, partialIndexes: readPartialIndexes(source) };
}

// The DMMF leaves out an index's `where` argument (the partialIndexes preview feature), so it is
// read from the schema's text. A partial index names itself with `map`, to be found by it.
function readPartialIndexes(source: string) {
  const conditions = new Map<string, string>();
  for (const [attribute] of source.matchAll(/@@(?:unique|index)\(.*\bwhere:.*\)/g)) {
    const name = /\bmap:\s*"([^"]+)"/.exec(attribute)?.[1];
    const condition = /\bwhere:\s*raw\("((?:[^"\\]|\\.)*)"\)/.exec(attribute)?.[1];
    if (!name || !condition)
      throw new Error(`A partial index needs map: "..." and where: raw("..."): ${attribute}`);
    conditions.set(name, normalizeCondition(condition));
  }
  return conditions;
}

/** A WHERE condition without quotes, runs of spaces or parentheses around the whole of it. */
function normalizeCondition(condition: string): string {
  const bare = condition.replaceAll('"', "").replace(/\s+/g, " ").trim();
  let depth = 0;
  for (const [position, character] of [...bare].entries()) {
    if (character === "(") depth++;
    if (character === ")") depth--;
    if (depth === 0)
      return position === bare.length - 1 && bare.startsWith("(")
        ? normalizeCondition(bare.slice(1, -1))
        : bare;
  }
  return bare;
}

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;
const enumTypeOf = (dmmfEnum: DmmfEnum) => dmmfEnum.dbName ?? dmmfEnum.name;

function modelNamed(datamodel: Datamodel, name: string) {
  const model = datamodel.models.find((candidate) => candidate.name === name);
  if (!model) throw new Error(`The schema has no model ${name}`);
  return model;
}

function columnsOf(model: DmmfModel, fieldNames: string[]) {
  return fieldNames.map((name) => {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field) throw new Error(`${model.name} has no field ${name}`);
    return columnOf(field);
  });
}

function storedFields(model: DmmfModel) {
  return model.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
}

// Prisma's column types for PostgreSQL when no @db.* native type is given.
const COLUMN_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

// --- The database, as the migrations left it ----------------------------------------------

type Column = {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  default: string | null;
};
type Index = {
  table: string;
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** The WHERE of a partial index, as PostgreSQL prints it; null for a whole index. */
  condition: string | null;
};
type ForeignKey = {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
type Snapshot = {
  tables: string[];
  columns: Column[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  enums: { name: string; values: string[] }[];
};

async function readSnapshot(client: Client): Promise<Snapshot> {
  const tables = await client.query<{ table: string }>(`
    SELECT c.relname AS table
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`);

  const columns = await client.query<Column>(`
    SELECT c.relname AS table, a.attname AS column,
           format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
           pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      AND a.attnum > 0 AND NOT a.attisdropped`);

  // indkey holds 0 for an expression column; attname is then null and the index is reported.
  const indexes = await client.query<Index>(`
    SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique,
           ix.indisprimary AS primary, pg_get_expr(ix.indpred, ix.indrelid) AS condition,
           array(
             SELECT coalesce(a.attname::text, '<expression>')
             FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
             LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
             ORDER BY k.position
           ) AS columns
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema()`);

  const foreignKeys = await client.query<ForeignKey>(`
    SELECT src.relname AS table, con.conname AS name, dst.relname AS "referencedTable",
           array(
             SELECT a.attname::text
             FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.position
           ) AS columns,
           array(
             SELECT a.attname::text
             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.position
           ) AS "referencedColumns",
           con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
    FROM pg_constraint con
    JOIN pg_class src ON src.oid = con.conrelid
    JOIN pg_class dst ON dst.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = src.relnamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()`);

  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name,
           array(
             SELECT e.enumlabel::text FROM pg_enum e
             WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder
           ) AS values
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e' AND n.nspname = current_schema()`);

  const ours = <T extends { table: string }>(rows: T[]) =>
    rows.filter((row) => row.table !== MIGRATIONS_TABLE);
  return {
    tables: ours(tables.rows).map((row) => row.table),
    columns: ours(columns.rows),
    indexes: ours(indexes.rows),
    foreignKeys: ours(foreignKeys.rows),
    enums: enums.rows,
  };
}

// --- The comparisons ----------------------------------------------------------------------

/** What is expected but absent, and what is present but unexpected, one sentence each. */
function setDrift(kind: string, expected: string[], actual: string[]) {
  const missing = expected.filter((item) => !actual.includes(item));
  const extra = actual.filter((item) => !expected.includes(item));
  return [
    ...missing.map((item) => `${kind} missing from the database: ${item}`),
    ...extra.map((item) => `${kind} in the database but not in the schema: ${item}`),
  ];
}

function tableDrift(datamodel: Datamodel, db: Snapshot) {
  return setDrift("table", datamodel.models.map(tableOf), db.tables);
}

function expectedColumnType(datamodel: Datamodel, field: DmmfField) {
  if (field.nativeType) return `@db.${JSON.stringify(field.nativeType)} (not handled by this test)`;
  const dmmfEnum = datamodel.enums.find((candidate) => candidate.name === field.type);
  const base = dmmfEnum ? enumTypeOf(dmmfEnum) : (COLUMN_TYPES[field.type] ?? field.type);
  return field.isList ? `${base}[]` : base;
}

function columnDrift(datamodel: Datamodel, db: Snapshot) {
  const describe = (table: string, column: string, type: string, notNull: boolean) =>
    `${table}.${column} ${type} ${notNull ? "NOT NULL" : "NULL"}`;
  const expected = datamodel.models.flatMap((model) =>
    storedFields(model).map((field) =>
      describe(
        tableOf(model),
        columnOf(field),
        expectedColumnType(datamodel, field),
        field.isRequired,
      ),
    ),
  );
  // format_type() quotes mixed-case names such as "Role"; the schema does not.
  const actual = db.columns.map((column) =>
    describe(column.table, column.column, column.type.replaceAll('"', ""), column.notNull),
  );
  return setDrift("column", expected, actual);
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The DEFAULT clause the schema's @default stands for, or null when it has none in SQL. */
function expectedDefault(datamodel: Datamodel, field: DmmfField): RegExp | null {
  if (!field.hasDefaultValue || field.isUpdatedAt) return null;
  const value = field.default;
  if (typeof value === "object" && value !== null && "name" in value) {
    const fn = value as { name: string; args: unknown[] };
    // Prisma Client fills these in; the database has no default for them.
    if (["cuid", "uuid", "nanoid", "ulid"].includes(fn.name)) return null;
    if (fn.name === "now") return /^(CURRENT_TIMESTAMP|now\(\))$/;
    if (fn.name === "autoincrement") return /^nextval\(/;
    return new RegExp(`^unhandled default ${fn.name}\\(\\)$`);
  }
  if (field.kind === "enum") {
    const dmmfEnum = datamodel.enums.find((candidate) => candidate.name === field.type);
    const stored = dmmfEnum?.values.find((entry) => entry.name === value)?.dbName ?? value;
    return new RegExp(`^'${literally(String(stored))}'::`);
  }
  if (typeof value === "boolean" || typeof value === "number") return new RegExp(`^${value}$`);
  if (typeof value === "string")
    return new RegExp(`^'${literally(value.replaceAll("'", "''"))}'::text$`);
  return new RegExp(`^unhandled default ${JSON.stringify(value)}$`);
}

function defaultDrift(datamodel: Datamodel, db: Snapshot) {
  const drift: string[] = [];
  for (const model of datamodel.models) {
    for (const field of storedFields(model)) {
      const name = `${tableOf(model)}.${columnOf(field)}`;
      const column = db.columns.find(
        (candidate) => candidate.table === tableOf(model) && candidate.column === columnOf(field),
      );
      if (!column) continue; // columnDrift reports it
      const expected = expectedDefault(datamodel, field);
      if (expected && column.default === null)
        drift.push(
          `${name} has no DEFAULT; the schema has @default(${JSON.stringify(field.default)})`,
        );
      else if (expected && !expected.test(column.default!))
        drift.push(`${name} has DEFAULT ${column.default}; the schema expects ${expected}`);
      else if (!expected && column.default !== null)
        drift.push(`${name} has DEFAULT ${column.default}; the schema has none in SQL`);
    }
  }
  return drift;
}

// Prisma's constraint names when the schema gives no map: (table)_(columns)_pkey/_key/_idx.
function indexDrift(datamodel: Datamodel, db: Snapshot) {
  const describe = (index: Index) =>
    `${index.primary ? "primary key" : index.unique ? "unique index" : "index"} ${index.name} ON ${index.table}(${index.columns.join(", ")})` +
    (index.condition === null ? "" : ` WHERE ${normalizeCondition(index.condition)}`);

  const expected = datamodel.indexes
    .filter((index) => index.type !== "fulltext")
    .map((index) => {
      const model = modelNamed(datamodel, index.model);
      const table = tableOf(model);
      const columns = columnsOf(
        model,
        index.fields.map((field) => field.name),
      );
      const name =
        index.dbName ??
        (index.type === "id"
          ? `${table}_pkey`
          : `${table}_${columns.join("_")}_${index.type === "unique" ? "key" : "idx"}`);
      return describe({
        table,
        name,
        columns,
        unique: index.type !== "normal",
        primary: index.type === "id",
        condition: datamodel.partialIndexes.get(name) ?? null,
      });
    });
  return setDrift("index", expected, db.indexes.map(describe));
}

// pg_constraint's confdeltype/confupdtype codes, named as the schema names referential actions.
const REFERENTIAL_ACTIONS: Record<string, string> = {
  c: "Cascade",
  r: "Restrict",
  a: "NoAction",
  n: "SetNull",
  d: "SetDefault",
};

function foreignKeyDrift(datamodel: Datamodel, db: Snapshot) {
  const describe = (key: ForeignKey) =>
    `${key.name}: ${key.table}(${key.columns.join(", ")}) REFERENCES ${key.referencedTable}(${key.referencedColumns.join(", ")}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;

  const expected = datamodel.models.flatMap((model) =>
    model.fields
      .filter((field) => field.kind === "object" && field.relationFromFields?.length)
      .map((field) => {
        const target = modelNamed(datamodel, field.type);
        const columns = columnsOf(model, field.relationFromFields!);
        const optional = model.fields
          .filter((candidate) => field.relationFromFields!.includes(candidate.name))
          .some((candidate) => !candidate.isRequired);
        // Prisma's referential actions when the schema names none.
        const onDelete = field.relationOnDelete ?? (optional ? "SetNull" : "Restrict");
        const onUpdate = field.relationOnUpdate ?? "Cascade";
        return describe({
          table: tableOf(model),
          name: `${tableOf(model)}_${columns.join("_")}_fkey`,
          columns,
          referencedTable: tableOf(target),
          referencedColumns: columnsOf(target, field.relationToFields ?? []),
          onDelete,
          onUpdate,
        });
      }),
  );
  const actual = db.foreignKeys.map((key) =>
    describe({
      ...key,
      onDelete: REFERENTIAL_ACTIONS[key.onDelete] ?? key.onDelete,
      onUpdate: REFERENTIAL_ACTIONS[key.onUpdate] ?? key.onUpdate,
    }),
  );
  return setDrift("foreign key", expected, actual);
}

function enumDrift(datamodel: Datamodel, db: Snapshot) {
  const expected = datamodel.enums.map(
    (dmmfEnum) =>
      `${enumTypeOf(dmmfEnum)} (${dmmfEnum.values.map((value) => value.dbName ?? value.name).join(", ")})`,
  );
  const actual = db.enums.map((dbEnum) => `${dbEnum.name} (${dbEnum.values.join(", ")})`);
  return setDrift("enum type", expected, actual);
}

const checks = {
  tables: tableDrift,
  columns: columnDrift,
  defaults: defaultDrift,
  indexes: indexDrift,
  "foreign keys": foreignKeyDrift,
  enums: enumDrift,
};

// --- The tests ----------------------------------------------------------------------------

let client: Client;
let schemaSource: string;
let datamodel: Datamodel;
let snapshot: Snapshot;

beforeAll(async () => {
  schemaSource = await readFile(SCHEMA_PATH, "utf8");
  datamodel = readDatamodel(schemaSource);
  client = new Client({ connectionString: env.databaseUrl });
  await client.connect();
  snapshot = await readSnapshot(client);
});

afterAll(async () => {
  await client?.end();
});

describe("the migrated database matches prisma/schema.prisma", () => {
  test("every model is a table of its mapped name, and there are no other tables", () => {
    expect(datamodel.models.length).toBeGreaterThan(0);
    expect(tableDrift(datamodel, snapshot)).toEqual([]);
  });

  test("each table has exactly the model's stored fields as columns, with their types and nullability", () => {
    expect(columnDrift(datamodel, snapshot)).toEqual([]);
  });

  test("a column has a DEFAULT exactly where the schema's @default is one the database applies", () => {
    expect(defaultDrift(datamodel, snapshot)).toEqual([]);
  });

  test("every @id, @unique and @@index exists with its columns in order, and no other index does", () => {
    expect(indexDrift(datamodel, snapshot)).toEqual([]);
  });

  test("every relation has a foreign key with its columns, referenced table and ON DELETE action", () => {
    expect(foreignKeyDrift(datamodel, snapshot)).toEqual([]);
  });

  test("enum types have the schema's values in the schema's order", () => {
    expect(enumDrift(datamodel, snapshot)).toEqual([]);
  });

  test("_prisma_migrations has one finished row per migration folder, with the file's sha256", async () => {
    const folders = (await readdir(MIGRATIONS_PATH, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const expected = await Promise.all(
      folders.map(async (name) => {
        const sql = await readFile(path.join(MIGRATIONS_PATH, name, "migration.sql"));
        return { name, checksum: createHash("sha256").update(sql).digest("hex") };
      }),
    );

    const { rows } = await client.query<{ name: string; checksum: string }>(`
      SELECT migration_name AS name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`);

    expect(folders.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);
  });
});

// The comparisons above would pass vacuously if they could not see a difference. Each edit
// below makes the schema disagree with the migrations in one way; the matching check must say so.
describe("the comparison notices when the schema and the migrations disagree", () => {
  const edits: [string, keyof typeof checks, string, string, RegExp][] = [
    [
      "an optional field made required",
      "columns",
      "passwordHash String?   @map",
      "passwordHash String    @map",
      /users\.password_hash text NOT NULL/,
    ],
    [
      "a field mapped to another column name",
      "columns",
      '@map("is_staff")',
      '@map("staff")',
      /users\.staff boolean/,
    ],
    [
      "a field of another type",
      "columns",
      "count       Int",
      "count       String",
      /rate_limits\.count text/,
    ],
    [
      "a model mapped to another table",
      "tables",
      '@@map("rate_limits")',
      '@@map("rate_limit")',
      /table missing from the database: rate_limit$/,
    ],
    [
      "a default changed",
      "defaults",
      'Boolean   @default(false) @map("is_staff")',
      'Boolean   @default(true) @map("is_staff")',
      /users\.is_staff has DEFAULT false/,
    ],
    [
      "a default dropped",
      "defaults",
      "Visibility @default(PRIVATE) @map",
      "Visibility @map",
      /teams\.default_visibility has DEFAULT/,
    ],
    [
      "an index dropped from the schema",
      "indexes",
      '  @@index([teamId])\n  @@map("memberships")',
      '  @@map("memberships")',
      /in the database but not in the schema: index memberships_team_id_idx/,
    ],
    [
      "the columns of a compound index reordered",
      "indexes",
      '@@index([teamId, createdAt])\n  @@map("templates")',
      '@@index([createdAt, teamId])\n  @@map("templates")',
      /missing from the database: index templates_created_at_team_id_idx/,
    ],
    [
      "a unique index made plain",
      "indexes",
      "@@unique([issuer, subject])",
      "@@index([issuer, subject])",
      /missing from the database: index sso_identities_issuer_subject_idx/,
    ],
    [
      "a partial index's condition changed",
      "indexes",
      'where: raw("accepted_at IS NULL")',
      'where: raw("expires_at IS NULL")',
      /missing from the database: unique index invitations_team_id_email_open_key ON invitations\(team_id, email\) WHERE expires_at IS NULL$/,
    ],
    [
      "a partial index made whole",
      "indexes",
      ', where: raw("accepted_at IS NULL")',
      "",
      /missing from the database: unique index invitations_team_id_email_open_key ON invitations\(team_id, email\)$/,
    ],
    [
      "another ON DELETE action",
      "foreign keys",
      "references: [id], onDelete: SetNull)",
      "references: [id], onDelete: Cascade)",
      /audit_events_team_id_fkey: .* ON DELETE Cascade /,
    ],
    [
      "an enum value added",
      "enums",
      "  PUBLIC\n  PRIVATE\n",
      "  PUBLIC\n  PRIVATE\n  SECRET\n",
      /Visibility \(PUBLIC, PRIVATE, SECRET\)/,
    ],
    [
      "enum values reordered",
      "enums",
      "  OWNER\n  ADMIN\n  MEMBER\n",
      "  ADMIN\n  OWNER\n  MEMBER\n",
      /Role \(ADMIN, OWNER, MEMBER\)/,
    ],
  ];

  test.each(edits)("%s", (_title, check, from, to, reported) => {
    expect(schemaSource, `the schema no longer contains ${JSON.stringify(from)}`).toContain(from);
    const edited = readDatamodel(schemaSource.replace(from, to));

    const drift = checks[check](edited, snapshot);

    expect(
      drift.some((line) => reported.test(line)),
      drift.join("\n"),
    ).toBe(true);
  });
});
