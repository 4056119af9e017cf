/** The id of the inline JSON block that hands the package list from the server to the preview page. */
export const PREVIEW_CONFIG_ID = 'preview-config';
