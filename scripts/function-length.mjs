// The longest-function rule: no function in packages/*/src (tests aside) may span more than 120 lines.
// Counted from the line its declaration starts on to the line it ends on, as a reader sees it; Biome's
// noExcessiveLinesPerFunction counts only some of the body's lines and lets through functions of 130.
import ts from 'typescript';

/** The most lines a function may span. */
export const MAX_FUNCTION_LINES = 120;

/**
 * The functions of one TypeScript source longer than `maxLines`, as `{ name, line, lines }` (line is
 * 1-based). Declarations, methods, accessors, constructors, function expressions and arrows all count;
 * a nested function counts for itself and inside its parent.
 */
export function longFunctions(text, fileName, maxLines = MAX_FUNCTION_LINES) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > maxLines) found.push({ name: nameOf(node, source), line: start + 1, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A function's name, or the variable or property it is assigned to, or `(anonymous)`. */
function nameOf(node, source) {
  if (node.name) return node.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)))
    return parent.name.getText(source);
  return '(anonymous)';
}
