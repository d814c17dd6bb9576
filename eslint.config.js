// Lint rules that catch what the type check does not: promises left floating (a lost error or a write outside its
// transaction), React hooks called conditionally or with stale dependencies, and the module boundaries
// (src/server/modules/boundaries.json: what a module lets others import, which tables it writes). Formatting is
// Prettier's (.prettierrc.json), not ESLint's.
import fs from "node:fs";
import path from "node:path";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const root = import.meta.dirname;
const modulesDir = path.join(root, "src/server/modules");
const boundaries = JSON.parse(fs.readFileSync(path.join(modulesDir, "boundaries.json"), "utf8")).modules;
const moduleOf = (file) => {
  const rel = path.relative(modulesDir, file);
  if (rel.startsWith("..") || !rel.includes(path.sep)) return null;
  return { name: rel.split(path.sep)[0], file: rel.split(path.sep).slice(1).join("/") };
};
const snake = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
const SQL_WRITE = /\b(?:INSERT\s+INTO|DELETE\s+FROM)\s+([a-z_]+)|\bUPDATE\s+([a-z_]+)\s+(?:[a-z_]+\s+)?SET\b/gi;

/** khcn/module-boundaries: imports across modules only of exposed files; table writes only of owned or declared tables. */
const moduleBoundaries = {
  meta: {
    type: "problem",
    messages: {
      unknown: "Module {{module}} is not declared in src/server/modules/boundaries.json.",
      notExposed: "Module {{target}} does not expose {{file}} (src/server/modules/boundaries.json): use what it exposes, or expose it there.",
      notOwned: "Module {{module}} writes table {{table}}, which it neither owns nor declares under `writes` (src/server/modules/boundaries.json).",
    },
  },
  create(context) {
    const self = moduleOf(context.filename);
    if (!self) return {};
    const decl = boundaries[self.name];
    const checkWrites = decl && !/\.(test|demo|fixtures)\.ts$/.test(context.filename);
    const mayWrite = new Set([...(decl?.owns ?? []), ...Object.keys(decl?.writes ?? {})]);
    const checkImport = (node) => {
      const source = node.source?.value;
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = moduleOf(path.resolve(path.dirname(context.filename), source));
      if (!target || target.name === self.name) return;
      const file = target.file.replace(/\.js$/, "");
      if (!(boundaries[target.name]?.exposes ?? []).includes(file)) context.report({ node, messageId: "notExposed", data: { target: target.name, file } });
    };
    const checkTable = (node, table) => {
      if (checkWrites && !mayWrite.has(table)) context.report({ node, messageId: "notOwned", data: { module: self.name, table } });
    };
    return {
      Program(node) {
        if (!decl) context.report({ node, messageId: "unknown", data: { module: self.name } });
      },
      ImportDeclaration: checkImport,
      ExportNamedDeclaration: checkImport,
      ExportAllDeclaration: checkImport,
      // Drizzle: db.insert(table) / .update(table) / .delete(table) with a schema table
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier") return;
        if (!["insert", "update", "delete"].includes(callee.property.name) || node.arguments.length !== 1) return;
        const arg = node.arguments[0];
        if (arg.type === "Identifier") checkTable(node, snake(arg.name));
      },
      // SQL written by hand: sql`INSERT INTO … / UPDATE … SET / DELETE FROM …`
      TemplateLiteral(node) {
        for (const q of node.quasis) for (const m of q.value.raw.matchAll(SQL_WRITE)) checkTable(q, (m[1] ?? m[2]).toLowerCase());
      },
    };
  },
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "coverage/**", "**/*.js", "**/*.mjs"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    files: ["src/server/modules/**/*.ts"],
    plugins: { khcn: { rules: { "module-boundaries": moduleBoundaries } } },
    rules: { "khcn/module-boundaries": "error" },
  },
  {
    files: ["src/web/**/*.tsx", "src/web/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
);
