// Validates a SCORM manifest against the version's own schema files (src/lms/schemas/) with libxml2's
// validator compiled to WebAssembly (xmllint-wasm): used by the manifest unit test and the export test.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import type { ScormVersion } from '../../src/lms/manifest.ts';

const SCHEMA_DIRS: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004' };

/**
 * A schema that imports every namespace the manifest uses, so every element is checked strictly. IMS
 * metadata 1.2.1 is left out: our manifests carry none, and libxml2 cannot compile that schema (its
 * content models are not deterministic, a known flaw of the original).
 */
const ENTRY: Record<ScormVersion, string> = {
  '1.2': `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:coursemark:entry">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>`,
  '2004': `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:coursemark:entry">
  <xsd:import namespace="http://www.imsglobal.org/xsd/imscp_v1p1" schemaLocation="imscp_v1p1.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_v1p3" schemaLocation="adlcp_v1p3.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlseq_v1p3" schemaLocation="adlseq_v1p3.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlnav_v1p3" schemaLocation="adlnav_v1p3.xsd"/>
  <xsd:import namespace="http://www.imsglobal.org/xsd/imsss" schemaLocation="imsss_v1p0.xsd"/>
</xsd:schema>`,
};

/** Validates a manifest against the schema files shipped in src/lms/schemas/. */
export async function validateManifest(xml: string, version: ScormVersion): Promise<string[]> {
  const dir = fileURLToPath(new URL(`../../src/lms/schemas/${SCHEMA_DIRS[version]}/`, import.meta.url));
  const preload = readdirSync(dir).map((fileName) => ({ fileName, contents: readFileSync(dir + fileName, 'utf8') }));
  const result = await validateXML({
    xml: { fileName: 'imsmanifest.xml', contents: xml },
    schema: { fileName: 'entry.xsd', contents: ENTRY[version] },
    preload,
  });
  return result.errors.map((error) => error.rawMessage);
}

