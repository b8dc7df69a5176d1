import '@testing-library/svelte/vitest';
import { fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { html, renderInLesson } from '../../../tests/helpers/test-render.ts';
import VideoBlock from './VideoBlock.svelte';

const external = {
  id: 'video-journey',
  title: 'The customer journey',
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  duration: '4:30',
  transcript: 'true',
  children: html('<p>Transcript: a customer finds, buys and returns.</p>'),
};

function region() {
  return within(screen.getByRole('region', { name: 'Video: The customer journey' }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('VideoBlock text', () => {
  it('labels the text "Transcript" only when the tutor says it is one, otherwise a summary', () => {
    renderInLesson(VideoBlock, external);
    expect(region().getByText('Transcript', { selector: 'summary' })).toBeVisible();
    screen.getByRole('region').remove();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderInLesson(VideoBlock, { ...external, transcript: undefined });
    expect(region().getByText('Summary of the video', { selector: 'summary' })).toBeVisible();
    expect(region().queryByText('Transcript', { selector: 'summary' })).toBeNull();
    expect(region().getByText("You're offline: the video can't play now. The summary is below.")).toBeVisible();
  });
});

describe('VideoBlock with an external video', () => {
  it('shows a facade that loads nothing until the learner presses play', async () => {
    const { container, user } = renderInLesson(VideoBlock, external);

    expect(container.querySelector('iframe')).toBeNull();
    expect(region().getByText('Plays from YouTube; nothing loads until you press play')).toBeVisible();
    expect(region().getByText('4:30')).toBeVisible();
    const link = region().getByRole('link', { name: 'Open the video in a new tab' });
    expect(link).toHaveAttribute('href', external.url);
    expect(link).toHaveAttribute('target', '_blank');
    expect(region().getByText(/a customer finds, buys and returns/)).toBeVisible();

    await user.click(region().getByRole('button', { name: 'Play video: The customer journey' }));

    const frame = container.querySelector('iframe');
    expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    expect(frame).toHaveAttribute('title', 'The customer journey');
    expect(frame).toHaveFocus();
    expect(region().queryByRole('button', { name: /Play video/ })).toBeNull();
  });

  it('says it cannot play offline, and keeps the transcript, when the browser is offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { container } = renderInLesson(VideoBlock, external);

    expect(region().getByText("You're offline: the video can't play now. The transcript is below.")).toBeVisible();
    expect(region().queryByRole('button', { name: /Play video/ })).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    expect(region().getByText(/a customer finds, buys and returns/)).toBeVisible();
  });

  it('follows the connection going away and coming back', async () => {
    renderInLesson(VideoBlock, external);

    await fireEvent(window, new Event('offline'));
    expect(region().getByText(/You're offline/)).toBeVisible();
    expect(region().queryByRole('button', { name: /Play video/ })).toBeNull();

    await fireEvent(window, new Event('online'));
    expect(region().getByRole('button', { name: 'Play video: The customer journey' })).toBeVisible();
  });

  it('plays a Vimeo video from Vimeo without tracking', async () => {
    const { container, user } = renderInLesson(VideoBlock, { ...external, url: 'https://vimeo.com/76979871' });

    expect(region().getByText('Plays from Vimeo; nothing loads until you press play')).toBeVisible();
    await user.click(region().getByRole('button', { name: 'Play video: The customer journey' }));

    expect(container.querySelector('iframe')).toHaveAttribute(
      'src',
      'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1',
    );
  });

  it('offers only the link for a site it cannot embed', () => {
    const { container } = renderInLesson(VideoBlock, { ...external, url: 'https://example.org/talks/42' });

    expect(region().queryByRole('button')).toBeNull();
    expect(region().getByRole('link', { name: 'Open the video in a new tab' })).toBeVisible();
    expect(container.querySelector('iframe')).toBeNull();
  });
});

describe('VideoBlock with a local file', () => {
  it('plays the file with its captions and still shows the transcript', () => {
    const { container } = renderInLesson(VideoBlock, {
      id: 'video-clip',
      title: 'A clip',
      src: '/assets/clip.mp4',
      captions: '/assets/clip.vtt',
      children: html('<p>What the clip says.</p>'),
    });
    const clip = within(screen.getByRole('region', { name: 'Video: A clip' }));

    const video = container.querySelector('video');
    expect(video).toHaveAttribute('src', '/assets/clip.mp4');
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('preload', 'metadata');
    const track = video?.querySelector('track');
    expect(track).toHaveAttribute('kind', 'captions');
    expect(track).toHaveAttribute('src', '/assets/clip.vtt');
    expect(track).toHaveAttribute('srclang', 'en-GB');
    expect(track).toHaveAttribute('default');
    expect(clip.queryByRole('button')).toBeNull();
    expect(clip.getByText('What the clip says.')).toBeVisible();
  });
});
