// Identifiers inside the built manifests, derived from the module id so they never hold spaces (Oracle
// Learning rejects them) and stay valid xs:ID values, unique within the manifest.
export function manifestIdentifiers(moduleId: string) {
  return {
    organization: `${moduleId}_org`,
    item: `${moduleId}_item`,
    resource: `${moduleId}_sco`,
  } as const;
}
