/** Rows of the tabs' parts that the reducer's view needs too (how far a page key moves), next to the screens that draw them. */

/** Export tab: the format bar above the preview, the line count below it. */
export const exportPreviewRows = (tabHeight: number): number => Math.max(1, tabHeight - 2);

/** Findings tab: the heading above the list, the selected finding's detail below it. */
export const FINDING_DETAIL_ROWS = 8;
export const findingsListRows = (tabHeight: number): number => Math.max(1, tabHeight - FINDING_DETAIL_ROWS - 1);

/** Changes tab: the heading above the list, the selected change's detail below it. */
export const CHANGE_DETAIL_ROWS = 4;
export const changesListRows = (tabHeight: number): number => Math.max(1, tabHeight - CHANGE_DETAIL_ROWS - 1);
