// What the learner is told about the LMS connection: calm, and only what changes what they should do.
export const LMS_NOTICES = {
  standalone: 'This course is not connected to a learning platform: your progress is kept on this device only.',
  failing:
    'Your learning platform is not answering right now. Keep going: your progress is kept on this device and will be sent when it answers again.',
  notesLocal:
    'Your notes are too long to send to your learning platform, so they are kept on this device only. Your completion, position and quiz results are sent.',
  review: 'Review mode: you can look through the course, and nothing you do here changes your record in the learning platform.',
} as const;

export type LmsNoticeKey = keyof typeof LMS_NOTICES;

export class LmsNotices {
  #shown = $state.raw<LmsNoticeKey[]>([]);

  get messages(): string[] {
    return this.#shown.map((key) => LMS_NOTICES[key]);
  }

  set(key: LmsNoticeKey, on: boolean): void {
    const has = this.#shown.includes(key);
    if (on && !has) this.#shown = [...this.#shown, key];
    else if (!on && has) this.#shown = this.#shown.filter((shown) => shown !== key);
  }
}
