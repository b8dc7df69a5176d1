// The manifests we generate, checked against the versions' own schema files with libxml2's validator
// (xmllint-wasm), and pinned where an LMS is known to be strict (attribute case, namespaces).
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../tests/helpers/scorm-schema.ts';
import { SCHEMA_FILES, scormManifest, type PackagedCourse } from './manifest.ts';

const COURSE: PackagedCourse = { id: '2-external & "customers"', title: 'External <customers> & consumers', version: '1.0.0', passMark: 80, hasQuiz: true };
const FILES = ['index.html', 'assets/index-abc.js', 'assets/index-def.css', 'assets/media/café map.svg'];

describe('SCORM manifests', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`${version}: valid against the version's schema files`, async () => {
      expect(await validateManifest(scormManifest(COURSE, version, FILES), version)).toEqual([]);
    });

    it(`${version}: the validator does reject a broken manifest (so the check above means something)`, async () => {
      const broken = scormManifest(COURSE, version, FILES).replace(/(scorm[tT]ype)="sco"/, '$1="lesson"');
      expect((await validateManifest(broken, version)).length).toBeGreaterThan(0);
    });

    it(`${version}: lists every file of the player, the launch page first, with escaped names`, () => {
      const xml = scormManifest(COURSE, version, FILES);
      const listed = [...xml.matchAll(/<file href="([^"]*)"\/>/g)].map((match) => match[1]);
      expect(listed).toEqual(['index.html', 'assets/index-abc.js', 'assets/index-def.css', 'assets/media/caf%C3%A9%20map.svg']);
      expect(xml).toContain('<title>External &lt;customers&gt; &amp; consumers</title>');
      expect(xml).toMatch(/identifier="coursemark-2-external____customers_"/);
    });

    it(`${version}: names only schema files that the package ships`, () => {
      const xml = scormManifest(COURSE, version, FILES);
      const located = /xsi:schemaLocation="([^"]*)"/.exec(xml)![1]!.split(/\s+/).filter((_, index) => index % 2 === 1);
      for (const file of located) expect(SCHEMA_FILES[version]).toContain(file);
    });
  }

  it('1.2: adlcp:scormtype in lower case, the 1.2 namespaces, and the pass mark as mastery score', () => {
    const xml = scormManifest(COURSE, '1.2', FILES);
    expect(xml).toContain('adlcp:scormtype="sco"');
    expect(xml).not.toContain('scormType');
    expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
  });

  it('2004: adlcp:scormType in camel case, the 4th edition namespaces, and the pass mark as minimum measure', () => {
    const xml = scormManifest({ ...COURSE, passMark: 75 }, '2004', FILES);
    expect(xml).toContain('adlcp:scormType="sco"');
    expect(xml).not.toContain('scormtype');
    expect(xml).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"');
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('satisfiedByMeasure="true"');
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>');
  });

  it('declares no mastery score for a course without a quiz', async () => {
    const course = { ...COURSE, hasQuiz: false };
    expect(scormManifest(course, '1.2', FILES)).not.toContain('masteryscore');
    expect(scormManifest(course, '2004', FILES)).not.toContain('imsss:sequencing');
    expect(await validateManifest(scormManifest(course, '2004', FILES), '2004')).toEqual([]);
  });
});
