/**
 * ESLint rule `layers/imports`: which folders each part of the app may import, as VS Code's local/code-layering
 * rule checks its base → platform → editor → workbench layers. The map is the rule's option (eslint.config.js):
 * a list of { layer, why, may, mayNot }, where `layer` is a folder or a file under the project root. A file belongs
 * to the longest layer its path starts with (so a file entry is a narrow exception to its folder's entry); its
 * imports of project files must lie in one of `may` (folders or files), and it must not import the packages in
 * `mayNot` ('node:' stands for every Node built-in, with or without the prefix). `why` goes into the message.
 */
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_BUILTINS = new Set(builtinModules);

const toPosix = (path) => path.split(sep).join('/');
const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);
/** The module a project path names, without a query (Vite's ?nodeWorker) or a source extension. */
const modulePath = (path) => path.replace(/\?.*$/, '').replace(/\.(ts|js|vue)$/, '');
const isUnder = (path, folders) => folders.some((folder) => within(path, modulePath(folder)));

function isBanned(source, banned) {
  if (banned === 'node:') return source.startsWith('node:') || NODE_BUILTINS.has(source.split('/')[0]);
  return within(source, banned);
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers below it (README, "## Layout")' },
    messages: {
      folder: "Bad layering: {{layer}}{{why}} may import only {{may}}, not '{{target}}'.",
      package: "Bad layering: {{layer}}{{why}} must not import {{mayNot}}; '{{target}}' is one of them.",
    },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            layer: { type: 'string' },
            why: { type: 'string' },
            may: { type: 'array', items: { type: 'string' } },
            mayNot: { type: 'array', items: { type: 'string' } },
          },
          required: ['layer', 'may'],
          additionalProperties: false,
        },
      },
    ],
  },

  create(context) {
    const file = toPosix(relative(ROOT, context.physicalFilename));
    const [entry] = context.options[0].filter(({ layer }) => within(file, layer)).sort((a, b) => b.layer.length - a.layer.length);
    if (!entry) return {};
    const mayNot = entry.mayNot ?? [];
    const layer = { layer: entry.layer, why: entry.why ? ` (${entry.why})` : '' };

    function check(node, source) {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        if (mayNot.some((banned) => isBanned(source, banned))) {
          const names = mayNot.map((banned) => (banned === 'node:' ? 'Node built-ins (node:*)' : banned)).join(', ');
          context.report({ node, messageId: 'package', data: { ...layer, mayNot: names, target: source } });
        }
        return;
      }
      const target = modulePath(toPosix(relative(ROOT, join(dirname(context.physicalFilename), source))));
      if (!isUnder(target, entry.may)) {
        context.report({ node, messageId: 'folder', data: { ...layer, may: entry.may.join(', '), target } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => check(node, node.argument?.literal?.value),
    };
  },
};

export default { rules: { imports: rule } };
