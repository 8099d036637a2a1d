// What the command line accepts, kept apart from the walk so that --stdin loads no glob code.

/** A problem with how the tool was called: one line and exit code 2. */
export class UsageError extends Error {}

/** Files processed inside the folders given, unless --include says otherwise. */
export const DEFAULT_INCLUDE = ['*.py', '*.pyw', '*.ipynb'];
