// Which chunk holds each study page (see study-pages.ts). Itself loaded on demand, so the list of
// pages and their files costs the first load nothing.
import type { StudyPageKind, StudyPageLoader } from './study-pages.ts';

export const STUDY_PAGES: Record<StudyPageKind, StudyPageLoader> = {
  review: () => import('./ReviewPage.svelte'),
  certificate: () => import('./CertificatePage.svelte'),
  search: () => import('./SearchPage.svelte'),
  plan: () => import('./PlanPage.svelte'),
};
