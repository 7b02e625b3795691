/** The config file's name, in any folder from the workspace root down to the document's. */
export const CONFIG_FILE_NAME = '.mlops-readiness.json';
