// Where the workspaces live. Kept apart from the workspaces themselves, which load only when one is opened.

export const publisherPath = '/work/publisher';
export const adminPath = '/work/admin';
export const redactionsPath = '/work/redactions';
