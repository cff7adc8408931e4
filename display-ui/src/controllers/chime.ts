/** The attention tone before each announcement: three soft bell notes made with WebAudio, no audio files. */

type AudioContextCtor = new () => AudioContext;

const NOTES: { freq: number; at: number; length: number }[] = [
  { freq: 784, at: 0, length: 0.55 }, // G5
  { freq: 988, at: 0.28, length: 0.55 }, // B5
  { freq: 1175, at: 0.56, length: 0.9 }, // D6
];
const TOTAL_MS = 1500;

export interface Chime {
  play(): Promise<void>;
  /** True when the browser keeps audio suspended until someone touches the screen. */
  blocked(): boolean;
  /** Call from a user gesture to allow sound from now on. */
  unlock(): Promise<void>;
}

export function createChime(win: Window & typeof globalThis = window): Chime {
  const Ctor = (win.AudioContext ?? (win as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext) as AudioContextCtor | undefined;
  let ctx: AudioContext | null = null;

  function context(): AudioContext | null {
    if (!Ctor) return null;
    try {
      ctx ??= new Ctor();
    } catch {
      return null;
    }
    return ctx;
  }

  return {
    async play() {
      const ac = context();
      if (!ac) return;
      if (ac.state === 'suspended') await Promise.race([ac.resume().catch(() => {}), new Promise((r) => win.setTimeout(r, 300))]);
      if (ac.state !== 'running') return;
      const start = ac.currentTime + 0.05;
      for (const n of NOTES) {
        const osc = ac.createOscillator();
        const gain = ac.createGain();
        osc.type = 'sine';
        osc.frequency.value = n.freq;
        gain.gain.setValueAtTime(0.0001, start + n.at);
        gain.gain.exponentialRampToValueAtTime(0.35, start + n.at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + n.at + n.length);
        osc.connect(gain).connect(ac.destination);
        osc.start(start + n.at);
        osc.stop(start + n.at + n.length + 0.05);
      }
      await new Promise((r) => win.setTimeout(r, TOTAL_MS));
    },
    blocked: () => ctx?.state === 'suspended',
    async unlock() {
      await context()?.resume().catch(() => {});
    },
  };
}
