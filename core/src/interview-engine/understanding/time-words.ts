import { readNumbers } from './spoken-numbers.js';

/** "tomorrow around three" → "tomorrow around 3", so a date parser sees the hour. */
export function digitsForTimes(said: string): string {
  return said.replace(
    /\b(at|around|about|after|by|before|past|till|until)\s+((?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+(?:thirty|fifteen|forty five|forty-five|o'clock))?)\b/g,
    (_match, lead: string, spoken: string) => {
      const [hourWord = '', ...rest] = spoken.split(/\s+/);
      const hour = readNumbers(hourWord)[0]?.value ?? 0;
      const minutes = rest.join(' ');
      const minute =
        minutes === 'thirty'
          ? '30'
          : minutes === 'fifteen'
            ? '15'
            : minutes.includes('forty')
              ? '45'
              : '00';
      return `${lead} ${String(hour)}:${minute}`;
    },
  );
}
