// Turns the address of a video page a tutor pasted (YouTube or Vimeo) into the address of its
// privacy-friendly embedded player, or undefined when we do not know how to embed it (the block then
// offers only the link).

export interface VideoEmbed {
  /** Shown to the learner: "Plays from YouTube". */
  provider: 'YouTube' | 'Vimeo';
  /** The player to load once the learner presses play (autoplay, because they just asked). */
  src: string;
}

const YOUTUBE_ID = /^[\w-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'music.youtube.com']);

/** "90", "90s", "1m30s", "1h2m3s" → seconds. */
function seconds(time: string | null): number | undefined {
  const match = time?.match(/^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/);
  if (!match || match[0] === '') return undefined;
  const [, h = '0', m = '0', s = '0'] = match;
  const total = Number(h) * 3600 + Number(m) * 60 + Number(s);
  return total > 0 ? total : undefined;
}

function youtube(address: URL, host: string): string | undefined {
  let id: string | undefined;
  if (host === 'youtu.be') id = address.pathname.split('/')[1];
  else if (YOUTUBE_HOSTS.has(host)) {
    const [, first, second] = address.pathname.split('/');
    id = first === 'watch' ? (address.searchParams.get('v') ?? undefined) : ['embed', 'shorts', 'live', 'v'].includes(first ?? '') ? second : undefined;
  }
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  const start = seconds(address.searchParams.get('t') ?? address.searchParams.get('start'));
  return `https://www.youtube-nocookie.com/embed/${id}?autoplay=1${start ? `&start=${start}` : ''}`;
}

function vimeo(address: URL, host: string): string | undefined {
  if (host !== 'vimeo.com' && host !== 'player.vimeo.com') return undefined;
  const parts = address.pathname.split('/').filter(Boolean);
  // player.vimeo.com/video/ID and vimeo.com/showcase/S/video/ID name it; elsewhere it is the first number.
  const named = parts.indexOf('video');
  const index = named >= 0 ? named + 1 : parts.findIndex((part) => /^\d+$/.test(part));
  const id = parts[index];
  if (!id || !/^\d+$/.test(id)) return undefined;
  // Unlisted videos carry a privacy hash, either after the id or as ?h=.
  const next = parts[index + 1];
  const hash = address.searchParams.get('h') ?? (next && /^[\da-f]+$/i.test(next) ? next : undefined);
  return `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1${hash ? `&h=${hash}` : ''}`;
}

export function videoEmbed(url: string): VideoEmbed | undefined {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return undefined;
  }
  if (address.protocol !== 'https:') return undefined;
  const host = address.hostname.replace(/^www\./, '');
  const fromYouTube = youtube(address, host);
  if (fromYouTube) return { provider: 'YouTube', src: fromYouTube };
  const fromVimeo = vimeo(address, host);
  if (fromVimeo) return { provider: 'Vimeo', src: fromVimeo };
  return undefined;
}
