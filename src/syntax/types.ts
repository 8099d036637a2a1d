// The parser binding's node types, named in one place so the rest of the code does not depend on
// which binding produces them.
export type { SyntaxNode, Tree, TreeCursor, QueryMatch, Point } from 'tree-sitter';
