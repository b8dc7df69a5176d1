import { describe, expect, it } from 'vitest';
import { videoEmbed } from './video-embed.ts';

describe('videoEmbed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&list=x', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=90', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90'],
    ['https://youtu.be/dQw4w9WgXcQ?t=1m30s', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?start=5', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=5'],
  ])('embeds the YouTube page %s without cookies', (url, src) => {
    expect(videoEmbed(url)).toEqual({ provider: 'YouTube', src });
  });

  it.each([
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1'],
    ['https://vimeo.com/channels/staffpicks/76979871', 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1'],
    ['https://vimeo.com/76979871/abc123ef', 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=abc123ef'],
    ['https://player.vimeo.com/video/76979871?h=abc123ef', 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=abc123ef'],
  ])('embeds the Vimeo page %s without tracking', (url, src) => {
    expect(videoEmbed(url)).toEqual({ provider: 'Vimeo', src });
  });

  it.each([
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=too-short',
    'https://www.youtube.com/channel/UC123',
    'https://vimeo.com/about',
    'https://example.org/watch?v=dQw4w9WgXcQ',
    'not a url',
  ])('does not embed %s', (url) => {
    expect(videoEmbed(url)).toBeUndefined();
  });
});
