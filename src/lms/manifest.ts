// imsmanifest.xml for a SCORM 1.2 or SCORM 2004 (4th edition) package: one organisation with one item,
// the player as one SCO resource listing every file of the package. Pure: the CLI hands in the files.
import { escapeMarkup } from '../content/escape.ts';

export type ScormVersion = '1.2' | '2004';

export interface PackagedCourse {
  id: string;
  title: string;
  version: string;
  /** 0..100; becomes the mastery score (1.2) and the minimum normalised measure (2004). */
  passMark: number;
  /** Without a quiz there is nothing to pass, so no mastery score is declared. */
  hasQuiz: boolean;
}

/** The schema files each version's manifest names, at the package root. */
export const SCHEMA_FILES: Record<ScormVersion, readonly string[]> = {
  '1.2': ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'],
  '2004': [
    'adlcp_v1p3.xsd', 'adlnav_v1p3.xsd', 'adlseq_v1p3.xsd', 'datatypes.dtd', 'imscp_v1p1.xsd', 'imsss_v1p0.xsd',
    'imsss_v1p0auxresource.xsd', 'imsss_v1p0control.xsd', 'imsss_v1p0delivery.xsd', 'imsss_v1p0limit.xsd',
    'imsss_v1p0objective.xsd', 'imsss_v1p0random.xsd', 'imsss_v1p0rollup.xsd', 'imsss_v1p0seqrule.xsd',
    'imsss_v1p0util.xsd', 'xml.xsd', 'XMLSchema.dtd',
  ],
};

/** The page the LMS launches. */
export const LAUNCH_FILE = 'index.html';

/** An xsd:ID (an XML name without colons) from a course id, which may start with a digit. */
const xmlId = (prefix: string, id: string): string => `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;

function fileList(files: readonly string[], indent: string): string {
  return [...files]
    .sort((a, b) => (a === LAUNCH_FILE ? -1 : b === LAUNCH_FILE ? 1 : a.localeCompare(b)))
    .map((file) => `${indent}<file href="${escapeMarkup(encodeURI(file))}"/>`)
    .join('\n');
}

/** The manifest text. `files`: every file of the player, relative to the package root, with `/`. */
export function scormManifest(course: PackagedCourse, version: ScormVersion, files: readonly string[]): string {
  return version === '1.2' ? manifest12(course, files) : manifest2004(course, files);
}

function manifest12(course: PackagedCourse, files: readonly string[]): string {
  const title = escapeMarkup(course.title);
  const mastery = course.hasQuiz ? `\n        <adlcp:masteryscore>${Math.round(course.passMark)}</adlcp:masteryscore>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('coursemark', course.id)}" version="${escapeMarkup(course.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${xmlId('org', course.id)}">
    <organization identifier="${xmlId('org', course.id)}">
      <title>${title}</title>
      <item identifier="${xmlId('item', course.id)}" identifierref="${xmlId('sco', course.id)}" isvisible="true">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${xmlId('sco', course.id)}" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

function manifest2004(course: PackagedCourse, files: readonly string[]): string {
  const title = escapeMarkup(course.title);
  const measure = Math.min(1, Math.max(0, course.passMark / 100));
  // The primary objective is satisfied by the score: the 2004 equivalent of 1.2's mastery score.
  const sequencing = course.hasQuiz
    ? `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xmlId('pass', course.id)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('coursemark', course.id)}" version="${escapeMarkup(course.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${xmlId('org', course.id)}">
    <organization identifier="${xmlId('org', course.id)}">
      <title>${title}</title>
      <item identifier="${xmlId('item', course.id)}" identifierref="${xmlId('sco', course.id)}" isvisible="true">
        <title>${title}</title>${sequencing}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${xmlId('sco', course.id)}" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_FILE}">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}
