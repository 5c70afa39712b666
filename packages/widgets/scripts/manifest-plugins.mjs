// Analyzer plugins that make custom-elements.json describe only what a page may use.

/** The names in a class's `static properties = { … }` declared `state: true`. */
function stateNames(ts, classNode) {
  const names = new Set();
  for (const member of classNode.members ?? []) {
    const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || member.name?.getText() !== 'properties') continue;
    const object = member.initializer;
    if (!object || !ts.isObjectLiteralExpression(object)) continue;
    for (const entry of object.properties) {
      if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
      const isState = entry.initializer.properties.some(
        (o) => o.name?.getText() === 'state' && o.initializer?.kind === ts.SyntaxKind.TrueKeyword,
      );
      if (isState) names.add(entry.name.getText());
    }
  }
  return names;
}

/**
 * Lit's internal reactive state (`state: true`, what `@state()` declares) is no attribute and no
 * public property, but the analyzer's Lit support lists it as both. This plugin runs after it on the
 * same class and takes those entries out again.
 */
export function litStatePlugin() {
  return {
    name: 'linli-lit-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const doc = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!doc) return;
      const state = stateNames(ts, node);
      doc.attributes = (doc.attributes ?? []).filter((a) => !state.has(a.fieldName ?? a.name));
      doc.members = (doc.members ?? []).filter((m) => !state.has(m.name));
    },
  };
}

/**
 * Private, protected and static members (`#timer`, controllers, `styles`, `properties`) are how an
 * element works, not what a page may touch: they are dropped once inheritance has been applied, so
 * Storybook's autodocs and editors list only the public API.
 */
export function publicOnlyPlugin() {
  return {
    name: 'linli-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const doc of mod.declarations ?? []) {
          if (doc.kind !== 'class' && doc.kind !== 'mixin') continue;
          doc.members = (doc.members ?? []).filter(
            (m) => !m.static && !m.name.startsWith('#') && (m.privacy ?? 'public') === 'public',
          );
        }
      }
    },
  };
}
