/** The announcer's browser backend: the WebAudio chime and the Web Speech API. */
import type { Lang } from '../../../ui-shared/src/i18n';
import type { SpeechBackend } from '../stores/announcer';
import type { Chime } from './chime';

const VOICE_LANG: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

export function createWebSpeechBackend(chime: Chime, win: Window & typeof globalThis = window): SpeechBackend {
  const synth = win.speechSynthesis as SpeechSynthesis | undefined;
  // Chrome may garbage-collect an utterance mid-speech and then never fire its end: keep a reference.
  let speaking: SpeechSynthesisUtterance | null = null;

  function voiceFor(lang: Lang): SpeechSynthesisVoice | null {
    try {
      const want = VOICE_LANG[lang].toLowerCase();
      const voices = synth?.getVoices?.() ?? [];
      const prefix = want.slice(0, 2);
      return voices.find((v) => v.lang.toLowerCase().replace('_', '-') === want) ?? voices.find((v) => v.lang.toLowerCase().startsWith(prefix)) ?? null;
    } catch {
      return null;
    }
  }

  return {
    chime: () => chime.play(),
    speak(text, lang, done) {
      if (!synth || typeof win.SpeechSynthesisUtterance !== 'function') return done();
      const u = new win.SpeechSynthesisUtterance(text);
      u.lang = VOICE_LANG[lang];
      u.rate = lang === 'zh-CN' ? 0.85 : 0.9;
      u.volume = 1;
      const voice = voiceFor(lang);
      if (voice) u.voice = voice;
      const finish = () => {
        if (speaking === u) speaking = null;
        done();
      };
      u.onend = finish;
      u.onerror = finish;
      speaking = u;
      synth.speak(u);
    },
    cancel() {
      speaking = null;
      try {
        synth?.cancel();
      } catch {
        // nothing to stop
      }
    },
  };
}
